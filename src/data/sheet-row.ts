/** One data row of a sheet below its header → a SheetRow (its unit, values and cells), or a finding saying why not. */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import type { Column } from './columns';
import { looksLikeText, valueColumns } from './lines';
import { mergeEffect } from './merges';
import type { Source } from './model';
import { isFooterText, isTotalName, totalNameKind } from './normalize';
import type { Row } from './table';
import { quoteCell } from './values';
import { parsePeriod, type Period } from './period';
import { CellIndex } from './cells';
import { RowValues } from './row-values';
import { layoutOf, type Layout } from './row-layout';
import { readFieldCells } from './row-fields';
import type { SheetRow } from './sheet';

export const preview = (r: Row): string => {
  // A merged title repeats its text in every cell of the merge: show it once.
  const cells = r.cells.map((c) => c.trim()).filter((c, i, all) => c && c !== all[i - 1]);
  const t = cells.join(' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};

/** Control characters (escape sequences, bells) in names would reach terminals and reports: shown as �. */
// eslint-disable-next-line no-control-regex -- the control characters are what it finds
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- the same characters, tested for without the g flag's lastIndex
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;
/** A sentence's punctuation in a name cell (数据来源：统计局). */
const SENTENCE = /[：。；]/;

/** A cell's text without control characters, trimmed ('' for a column the row does not reach, or none). */
const cellText = (r: Row, i: number): string => {
  const c = r.cells[i] ?? '';
  return (HAS_CONTROL.test(c) ? c.replace(CONTROL, '\ufffd') : c).trim();
};

export function readRow(
  scheme: Scheme,
  level: number,
  columns: Column[],
  headers: string[],
  row: Row,
  file: string,
  findings: Finding[],
  merges: Map<string, Finding>,
): SheetRow | undefined {
  // The copies a workbook reader makes of a merged cell are not this row's values (merges.ts).
  const merged = mergeEffect(row, columns, level, headers, file, merges);
  const r = merged.blank.size ? { ...row, cells: row.cells.map((c, i) => (merged.blank.has(i) ? '' : c)) } : row;
  const layout = layoutOf(scheme, level, columns, headers);
  const name = cellText(r, layout.nameCol);
  const code = layout.keyCol >= 0 ? cellText(r, layout.keyCol) || undefined : undefined;
  const source = { file, line: r.line };
  if (skippedAsText(scheme, layout, r, name, code, source, findings)) return undefined;
  for (const d of merged.findings) if (!findings.includes(d)) findings.push(d);
  if (merged.reject) {
    findings.push(merged.reject);
    return undefined;
  }
  if (!namedWithinWidth(layout, r, name, code, source, findings)) return undefined;
  const period = periodOf(layout, r, source, findings);
  if (period === null) return undefined;
  const values = new RowValues(layout.slots);
  const invalid = new Map<string, Finding>();
  readFieldCells(layout, r, merged.invalid, source, findings, values, invalid);
  return sheetRow(layout, r, name, code, period, source, values, invalid, findings);
}

/**
 * Text under the table (notes, sign-offs) is skipped with a note, as is a row with
 * neither values nor a unit's name; a sentence with values beside it is an error.
 * True when the row is one of these (said).
 */
function skippedAsText(
  scheme: Scheme,
  layout: Layout,
  r: Row,
  name: string,
  code: string | undefined,
  source: Source,
  findings: Finding[],
): boolean {
  const footer = isFooterText(r.cells[0] ?? '') || isFooterText(name);
  // A sentence with values beside it (数据来源：统计局,1,2) is no more a unit than a sign-off is.
  if (footer || (SENTENCE.test(name) && !isTotalName(name))) {
    const signed = valueColumns(scheme, layout.columns, r);
    if (signed.length) {
      // 审核人：李四,1,2: values under a sign-off are a data row whose name was overwritten or never written.
      findings.push({
        ...source,
        col: 1,
        severity: 'error',
        ...message('data/text-with-values', {
          text: preview(r),
          values: signed.map((i) => layout.headers[i]!),
          column: String(layout.headers[layout.nameCol]),
        }),
      });
      return true;
    }
  }
  // A named row without values is a unit with blanks.
  if (footer || (!hasValues(layout, r) && !code && (!name || looksLikeText(name)) && !isTotalName(name))) {
    findings.push({ ...source, col: 1, severity: 'note', ...message('data/not-a-row', { text: preview(r) }) });
    return true;
  }
  return false;
}

const hasValues = (layout: Layout, r: Row): boolean => {
  for (const { i } of layout.fieldCols) if (cellText(r, i) !== '') return true;
  return false;
};

/** The row names its unit and has nothing beyond the header's last column; else said, and false. */
function namedWithinWidth(
  layout: Layout,
  r: Row,
  name: string,
  code: string | undefined,
  source: Source,
  findings: Finding[],
): boolean {
  if (!name && !code) {
    findings.push({
      ...source,
      col: layout.nameCol + 1,
      severity: 'error',
      ...message('data/no-name', { column: String(layout.headers[layout.nameCol]) }),
    });
    return false;
  }
  // Values beyond the last header column: usually 22,630 written without quotes.
  const { width } = layout;
  const extra = r.cells.length <= width ? -1 : r.cells.findIndex((c, i) => i >= width && c.trim() !== '');
  if (extra < 0) return true;
  findings.push({
    ...source,
    col: extra + 1,
    severity: 'error',
    ...message('data/extra-cells', { cells: r.cells.length, width }),
  });
  return false;
}

/** The row's period, undefined without a period column, null when its cell is not a period (said). */
function periodOf(layout: Layout, r: Row, source: Source, findings: Finding[]): Period | undefined | null {
  const { periodCol } = layout;
  if (periodCol < 0) return undefined;
  const period = parsePeriod(cellText(r, periodCol));
  if (period) return period;
  findings.push({
    ...source,
    col: periodCol + 1,
    severity: 'error',
    ...message('data/bad-period', {
      column: String(layout.headers[periodCol]),
      value: quoteCell(cellText(r, periodCol)),
    }),
  });
  return null;
}

/** The parent units the row names, by level. */
function parentsOf(layout: Layout, r: Row): Map<number, { name: string; code?: string }> {
  const parents = new Map<number, { name: string; code?: string }>();
  for (const c of layout.parentCols) {
    const text = cellText(r, c.i);
    if (!text) continue;
    const p = parents.get(c.level) ?? { name: '' };
    if (c.name) p.name = text;
    else p.code = text;
    parents.set(c.level, p);
  }
  return parents;
}

/** The row read: a unit, or a total by its name (total-rows.ts decides a `maybe`). */
function sheetRow(
  layout: Layout,
  r: Row,
  name: string,
  code: string | undefined,
  period: Period | undefined,
  source: Source,
  values: RowValues,
  invalid: Map<string, Finding>,
  findings: Finding[],
): SheetRow {
  const totalName = totalNameKind(name);
  const kind = totalName ? 'total' : 'unit';
  const blank = blankFinding(layout, r, String(name || code), source, values, invalid);
  if (blank && kind === 'unit') findings.push(blank);
  const maybeTotal =
    totalName === 'maybe' ? { maybeTotal: { col: layout.nameCol + 1, ...(blank ? { blank } : {}) } } : {};
  return {
    kind,
    level: layout.level,
    name,
    code,
    parents: parentsOf(layout, r),
    values,
    invalid,
    cells: CellIndex.ofRow(source, layout.positions),
    source,
    ...(period ? { period } : {}),
    ...maybeTotal,
  };
}

/** The required cells of the row's level left blank (neither a value nor invalid), or undefined. */
function blankFinding(
  layout: Layout,
  r: Row,
  unit: string,
  source: Source,
  values: RowValues,
  invalid: Map<string, Finding>,
): Finding | undefined {
  let blank: number[] | undefined;
  for (const { id, i, field } of layout.fieldCols) {
    if (field.required && field.level === layout.level && !values.has(id) && !invalid.has(id)) (blank ??= []).push(i);
  }
  if (!blank) return undefined;
  const { width } = layout;
  const short = r.cells.length < width ? { cells: r.cells.length, width } : {};
  return {
    ...source,
    col: blank[0]! + 1,
    severity: 'warning',
    ...message('data/blank', { unit, columns: blank.map((i) => layout.headers[i]!), ...short }),
  };
}
