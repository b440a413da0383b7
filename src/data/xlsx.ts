/**
 * An .xlsx workbook → rows of cell text, the same text a CSV export of the sheet
 * would give the value parser: numbers as plain decimals (no float artefacts),
 * percent-formatted numbers as `92.5%`, dates as `YYYY-MM-DD`, formulas as their
 * cached result, merged cells repeated over their whole range (each row also lists
 * the merged ranges over it: the sheet reader rejects a merge over data). exceljs is loaded
 * only here, when a workbook is actually read (the CLI bundle keeps it external).
 */
import type { Cell, CellValue, RichText, Workbook, Worksheet } from 'exceljs';
import type { Finding } from '../diagnostics';
import { message, type Message } from '../messages/codes';
import type { MergedRange, Row } from './table';
import { withDefaults, type Limits } from '../limits';
import { workbookLimitFinding } from './xlsx-limits';

export interface XlsxResult {
  rows: Row[];
  findings: Finding[];
  /** The worksheet that was read. */
  sheetName?: string;
  /** Without a sheet name: the other visible sheets, also read (a template has one per level). */
  others?: { name: string; rows: Row[] }[];
}

/**
 * Reads the first visible worksheet (or the one named `sheet`). Never throws: a file
 * that is not a workbook, or a sheet name that is not in it, gives one error finding.
 * So does a workbook over the `limits` (src/limits.ts), found before exceljs loads it.
 */
export async function readXlsx(
  bytes: Uint8Array,
  file: string,
  sheet?: string,
  limits?: Partial<Limits>,
): Promise<XlsxResult> {
  const fail = (m: Message): XlsxResult => ({
    rows: [],
    findings: [{ severity: 'error', file, line: 1, col: 1, ...m }],
  });
  const notWorkbook = (detail: string): XlsxResult =>
    isOle2(bytes)
      ? fail(message('data/xlsx', { kind: 'xls' }))
      : fail(message('data/xlsx', { kind: 'unreadable', detail }));

  if (bytes.length === 0) return notWorkbook('the file is empty');
  const over = await workbookLimitFinding(bytes, file, withDefaults(limits));
  if (over) return { rows: [], findings: [over] };
  let ExcelJS: ExcelJsModule;
  try {
    ExcelJS = await loadExcelJs();
  } catch (e) {
    // An installation problem, not the file's fault: say so rather than blame the file.
    return fail(message('data/xlsx', { kind: 'no-exceljs', detail: firstLine(e) }));
  }
  let wb: Workbook;
  try {
    wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as never, {
      ignoreNodes: IGNORED_NODES,
    });
  } catch (e) {
    return notWorkbook(firstLine(e));
  }
  if (wb.worksheets.length === 0) return notWorkbook('it has no worksheets');
  const ws = pickSheet(wb.worksheets, sheet);
  if (!ws) return fail(message('data/no-sheet', { sheet: sheet!, sheets: wb.worksheets.map((s) => s.name) }));
  try {
    return readSheets(wb, ws, sheet === undefined);
  } catch (e) {
    return fail(message('data/xlsx', { kind: 'sheet', sheet: ws.name, detail: firstLine(e) }));
  }
}

/**
 * Sheet parts the reader has no use for, left unparsed: exceljs makes an object of every
 * cell a data validation covers, and `pinggu template` (like many a form) checks whole
 * columns down to row 10,000, so a filled-in template took over a second to open and a
 * validation over `A:XFD` (a few bytes) ran out of memory. Conditional formats colour
 * cells by rule and change no value or number format the reader reads. Merges, values,
 * number formats and hyperlinks are kept.
 */
const IGNORED_NODES = ['dataValidations', 'conditionalFormatting'];

type ExcelJsModule = typeof import('exceljs');

/** exceljs, loaded only when a workbook is read (its module object, or that object's default as a bundle gives it). */
async function loadExcelJs(): Promise<ExcelJsModule> {
  const mod = (await import('exceljs')) as ExcelJsModule & { default?: ExcelJsModule };
  return mod.default ?? mod;
}

const isVisible = (s: Worksheet): boolean => s.state === 'visible' || s.state === undefined;

/** The sheet named (exactly, else by its NFKC-normalised name without case), or else the first visible one. */
function pickSheet(sheets: Worksheet[], sheet: string | undefined): Worksheet | undefined {
  if (sheet === undefined) {
    // What Excel shows first: a hidden lookup sheet in front is not the data.
    return sheets.find(isVisible) ?? sheets[0]!;
  }
  const want = sheet.normalize('NFKC').trim();
  return (
    sheets.find((s) => s.name === sheet) ??
    sheets.find((s) => s.name.normalize('NFKC').trim().toLowerCase() === want.toLowerCase())
  );
}

/** The chosen sheet's rows, and with `others` (no sheet named) the other visible sheets' rows. */
function readSheets(wb: Workbook, ws: Worksheet, others: boolean): XlsxResult {
  const date1904 = Boolean(wb.properties?.date1904);
  const rest = others
    ? wb.worksheets.filter((s) => s !== ws && isVisible(s)).map((s) => ({ name: s.name, rows: sheetRows(s, date1904) }))
    : [];
  return { rows: sheetRows(ws, date1904), findings: [], sheetName: ws.name, others: rest };
}

const firstLine = (e: unknown): string => String((e as { message?: unknown })?.message ?? e).split('\n')[0]!;

/** The OLE2 compound-file signature: .xls, or an encrypted .xlsx. */
const isOle2 = (b: Uint8Array): boolean =>
  b.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x);

/** The sheet's merged ranges by the rows they cover (the sheet reader decides what a merge over data means). */
function mergesByRow(ws: Worksheet): Map<number, MergedRange[]> {
  const byRow = new Map<number, MergedRange[]>();
  const merges = Object.values((ws as unknown as { _merges?: Record<string, MergedRange> })._merges ?? {});
  merges.sort((a, b) => a.top - b.top || a.left - b.left);
  for (const m of merges) {
    if (!m || !(m.bottom > m.top || m.right > m.left)) continue;
    const range: MergedRange = {
      range: `${columnName(m.left)}${m.top}:${columnName(m.right)}${m.bottom}`,
      top: m.top,
      left: m.left,
      bottom: m.bottom,
      right: m.right,
    };
    // The rows a range covers were counted against the rows limit before the load (src/data/xlsx-limits.ts).
    for (let line = m.top; line <= m.bottom; line++) {
      const over = byRow.get(line);
      if (over) over.push(range);
      else byRow.set(line, [range]);
    }
  }
  return byRow;
}

/** 1 → A, 27 → AA. */
export function columnName(col: number): string {
  let s = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function sheetRows(ws: Worksheet, date1904: boolean): Row[] {
  const texts: { line: number; cells: string[] }[] = [];
  const merges = mergesByRow(ws);
  let width = 0;
  ws.eachRow({ includeEmpty: false }, (row, line) => {
    const cells: string[] = [];
    row.eachCell({ includeEmpty: false }, (cell, col) => {
      const text = cellText(cell, date1904);
      if (text !== '') cells[col - 1] = text;
    });
    // A row counts when it shows something, as in the CSV reader.
    let last = cells.length - 1;
    while (last >= 0 && (cells[last] ?? '').trim() === '') last--;
    if (last < 0) return;
    width = Math.max(width, last + 1);
    texts.push({ line, cells });
  });
  return texts.map(({ line, cells }) => {
    const row: Row = { line, cells: Array.from({ length: width }, (_, i) => cells[i] ?? '') };
    const merged = merges.get(line);
    if (merged) row.merged = merged;
    return row;
  });
}

/** A cell's text; a merged cell shows its range's top-left cell. */
function cellText(cell: Cell, date1904: boolean): string {
  const master = cell.isMerged ? cell.master : cell;
  return valueText(master.value, master.numFmt, date1904);
}

function valueText(v: CellValue | undefined, numFmt: string | undefined, date1904: boolean): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return numberText(v, numFmt, date1904);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return dateText(v);
  if (typeof v === 'object') {
    const o = v as unknown as Record<string, unknown>;
    if (Array.isArray(o.richText)) return (o.richText as RichText[]).map((r) => textOf(r.text)).join('');
    if ('error' in o) return textOf(o.error);
    if ('formula' in o || 'sharedFormula' in o) {
      if (o.result !== undefined && o.result !== null) return valueText(o.result as CellValue, numFmt, date1904);
      // No cached result (written by a program that does not calculate): show the
      // formula, which the value parser reports as a formula rather than a value.
      return typeof o.formula === 'string' ? `=${o.formula}` : '';
    }
    if ('hyperlink' in o || 'text' in o) return valueText(o.text as CellValue, numFmt, date1904);
  }
  return '';
}

/**
 * A rich-text run's or an error's text: exceljs gives a string. Anything else is shown
 * as String() would show it (an object by its own toString), nothing for null or undefined.
 */
function textOf(x: unknown): string {
  if (typeof x === 'string') return x;
  if (x === undefined || x === null) return '';
  if (typeof x === 'number' || typeof x === 'boolean' || typeof x === 'bigint' || typeof x === 'symbol')
    return String(x);
  return (x as { toString(): string }).toString();
}

/** `YYYY-MM-DD` in UTC (how exceljs maps serial dates), with the time when it is not midnight. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const iso = d.toISOString();
  const time = iso.slice(11, 19);
  return time === '00:00:00' ? iso.slice(0, 10) : `${iso.slice(0, 10)} ${time}`;
}

function numberText(n: number, numFmt: string | undefined, date1904: boolean): string {
  if (!Number.isFinite(n)) return '';
  const section = formatSection(numFmt ?? '', n);
  // exceljs turns numbers with the date formats it knows into Dates; this catches the rest.
  if (isDateSection(section)) {
    const date = new Date(Math.round((n - 25569 + (date1904 ? 1462 : 0)) * 86400000));
    if (!Number.isNaN(date.getTime())) return dateText(date);
  }
  const plain = plainDecimal(n);
  const bare = unquoted(section);
  // `%` scales the shown value by 100; Excel shows `‰` as a literal sign without scaling.
  if (bare.includes('%')) return `${shiftDecimal(plain, 2)}%`;
  if (section.includes('‰')) return `${plain}‰`;
  return plain;
}

/** The section of a number format (`pos;neg;zero;text`) that applies to n, without [..] parts. */
function formatSection(fmt: string, n: number): string {
  const parts = fmt.replace(/\[[^\]]*\]/g, '').split(';');
  const i = n < 0 && parts.length > 1 ? 1 : n === 0 && parts.length > 2 ? 2 : 0;
  return parts[i] ?? '';
}

/** A format section without its literal parts: "text", \x, _x (padding) and *x (fill). */
const unquoted = (section: string): string => section.replace(/"[^"]*"/g, '').replace(/[\\_*]./g, '');

const isDateSection = (section: string): boolean => /[ymd]/i.test(unquoted(section).replace(/general/gi, ''));

/**
 * The shortest decimal that round-trips, after rounding to Excel's 15 significant
 * digits (so a stored 0.30000000000000004 reads as 0.3), never in exponent form.
 */
export function plainDecimal(n: number): string {
  const r = Number(n.toPrecision(15));
  const s = String(r === 0 ? 0 : r);
  const m = /^(-?[\d.]+)e([+-]\d+)$/.exec(s);
  return m ? shiftDecimal(m[1]!, Number(m[2])) : s;
}

/** Moves the decimal point of a plain decimal string k places right (left when k < 0), exactly. */
export function shiftDecimal(s: string, k: number): string {
  const neg = s.startsWith('-');
  const body = neg ? s.slice(1) : s;
  const [int = '', frac = ''] = body.split('.');
  const digits = int + frac;
  let point = int.length + k;
  let padded = digits;
  if (point < 0) {
    padded = '0'.repeat(-point) + padded;
    point = 0;
  }
  if (point > padded.length) padded += '0'.repeat(point - padded.length);
  const i = padded.slice(0, point).replace(/^0+(?=\d)/, '') || '0';
  const f = padded.slice(point).replace(/0+$/, '');
  const out = f ? `${i}.${f}` : i;
  return neg && /[1-9]/.test(out) ? `-${out}` : out;
}
