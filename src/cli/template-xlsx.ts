/**
 * The template as an .xlsx workbook: a sheet per level, the header bold and frozen,
 * names and codes as text, and each field's column checked as Excel and WPS check a
 * cell when it is typed: 是/否 from a list, whole numbers from 0 for counts, percent
 * format for percentages (92.5 typed shows 92.5% and reads back as 92.5%), with the
 * hint in the header's note and as the cell's input prompt.
 */
import type { Lang } from '../diagnostics';
import { message } from '../messages/codes';
import { say } from '../messages/catalog';
import type { TemplateSheet } from '../report/single/template';
import type { DataValidation, Worksheet } from 'exceljs';

/** exceljs's worksheet with its `dataValidations` (lib/doc/worksheet.js), which its typings leave out. */
type CheckedSheet = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

/** The rows a column's check covers (below the header). */
const LAST_ROW = 10000;

/** The cell check and format of a field's column. */
function checkColumn(
  ws: CheckedSheet,
  col: number,
  label: string,
  f: TemplateSheet['fields'][number],
  lang: Lang,
): void {
  const kind =
    f.type === 'boolean'
      ? 'boolean'
      : f.type === 'count'
        ? 'count'
        : f.type === 'percent'
          ? 'percent'
          : f.type === 'text'
            ? undefined
            : 'number';
  if (!kind) return;
  const hint = say(message('cli/template-hint', { kind, label }), lang);
  ws.getRow(1).getCell(col).note = hint;
  const letter = ws.getColumn(col).letter;
  const common: Omit<DataValidation, 'type' | 'formulae'> = {
    allowBlank: true,
    showInputMessage: true,
    prompt: hint.slice(0, 255),
    showErrorMessage: true,
    errorStyle: 'stop',
    error: hint.slice(0, 255),
  };
  const range = `${letter}2:${letter}${LAST_ROW}`;
  const min = f.min ?? (kind === 'count' ? 0 : undefined);
  if (kind === 'boolean') ws.dataValidations.add(range, { ...common, type: 'list', formulae: ['"是,否"'] });
  else if (kind === 'count')
    ws.dataValidations.add(range, { ...common, type: 'whole', operator: 'greaterThanOrEqual', formulae: [min ?? 0] });
  else if (min !== undefined)
    ws.dataValidations.add(range, { ...common, type: 'decimal', operator: 'greaterThanOrEqual', formulae: [min] });
  if (kind === 'percent') ws.getColumn(col).numFmt = '0.0#%';
}

/** Excel's limits on sheet names: 31 characters, none of []:*?/\, unique. */
function sheetName(title: string, taken: Set<string>): string {
  const base = title.replace(/[[\]:*?/\\]/g, '_').slice(0, 31) || 'Sheet';
  let name = base;
  for (let i = 2; taken.has(name.toLowerCase()); i++) name = `${base.slice(0, 31 - String(i).length - 1)}-${i}`;
  taken.add(name.toLowerCase());
  return name;
}

/** Column width in Excel's character units: CJK characters count double. */
const width = (s: string): number =>
  [...s].reduce(
    (w, ch) =>
      w +
      (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
        ? 2
        : 1),
    0,
  );

export async function xlsxBytes(sheets: TemplateSheet[], lang: Lang): Promise<Uint8Array> {
  // exceljs is CommonJS: the bundle's dynamic import gives its exports as `default`.
  const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pinggu';
  const taken = new Set<string>();
  for (const s of sheets) {
    const ws = wb.addWorksheet(sheetName(s.title, taken), {
      views: [{ state: 'frozen', xSplit: 1, ySplit: 1 }],
    }) as CheckedSheet;
    s.header.forEach((h, j) => {
      const col = ws.getColumn(j + 1);
      col.width = Math.min(Math.max(width(h) + 2, 10), 40);
      // Names and codes stay text (a code such as 0101 keeps its zero; a name is never a date).
      if (j < s.idColumns) col.numFmt = '@';
    });
    const head = ws.getRow(1);
    s.header.forEach((h, j) => {
      head.getCell(j + 1).value = h;
    });
    head.font = { bold: true };
    s.fields.forEach((f, k) => checkColumn(ws, s.idColumns + k + 1, s.header[s.idColumns + k]!, f, lang));
    s.rows.forEach((r, i) => {
      const row = ws.getRow(i + 2);
      r.forEach((v, j) => {
        if (v === '') return;
        const cell = row.getCell(j + 1);
        cell.value = v;
        cell.numFmt = '@';
      });
    });
  }
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
