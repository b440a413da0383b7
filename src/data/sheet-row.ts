/** One data row of a sheet below its header → a SheetRow (its unit, values and cells), or a finding saying why not. */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { ValueProblem } from '../messages/data-units';
import type { Scheme } from '../scheme/model';
import type { Column } from './columns';
import { looksLikeText, valueColumns } from './lines';
import { mergeEffect } from './merges';
import { isFooterText, isTotalName, totalNameKind } from './normalize';
import type { Row } from './table';
import { parseCell, plainCell, quoteCell, showCell } from './values';
import type { Field } from '../scheme/model';
import { Rational } from '../rational';
import { parsePeriod } from './period';
import { CellIndex } from './cells';
import { RowValues, slotsOf, type Slots } from './row-values';
import type { SheetRow } from './sheet';

export const preview = (r: Row): string => {
  // A merged title repeats its text in every cell of the merge: show it once.
  const cells = r.cells.map((c) => c.trim()).filter((c, i, all) => c && c !== all[i - 1]);
  const t = cells.join(' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};

/** Control characters (escape sequences, bells) in names would reach terminals and reports: shown as �. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/** What every row under one header shares, found once per header rather than per row. */
interface Layout {
  columns: Column[];
  headers: string[];
  level: number;
  nameCol: number;
  keyCol: number;
  periodCol: number;
  /** One past the last header column with a name. */
  width: number;
  fieldCols: { id: string; i: number; field: Field }[];
  /** Name and key columns of the levels above the row's. */
  parentCols: { i: number; level: number; name: boolean }[];
  /** Each field column's 1-based column, by field id (every row's cells, shared). */
  positions: Map<string, number>;
  /** Where each field's value is in a row's values (shared). */
  slots: Slots;
  /** The whole numbers read under this header, each one Rational shared by the rows (plainCell). */
  ints: Map<number, Rational>;
}

let last: Layout | undefined;
function layoutOf(scheme: Scheme, level: number, columns: Column[], headers: string[]): Layout {
  if (last && last.columns === columns && last.headers === headers && last.level === level) return last;
  const colOf = (pred: (c: Column) => boolean) => columns.findIndex(pred);
  const fieldCols = columns.flatMap((c, i) =>
    c.kind === 'field' ? [{ id: c.id, i, field: scheme.fields.get(c.id)! }] : [],
  );
  last = {
    columns,
    headers,
    level,
    nameCol: colOf((c) => c.kind === 'name' && c.level === level),
    keyCol: colOf((c) => c.kind === 'key' && c.level === level),
    periodCol: colOf((c) => c.kind === 'period'),
    width: headers.reduce((w, h, i) => (h.trim() ? i + 1 : w), 0),
    fieldCols,
    parentCols: columns.flatMap((c, i) =>
      (c.kind === 'name' || c.kind === 'key') && c.level > level
        ? [{ i, level: c.level, name: c.kind === 'name' }]
        : [],
    ),
    positions: new Map(fieldCols.map(({ id, i }) => [id, i + 1])),
    slots: slotsOf(fieldCols.map(({ id }) => id)),
    ints: new Map(),
  };
  return last;
}

/** A cell's text without control characters, trimmed. */
const clean = (c: string): string => (HAS_CONTROL.test(c) ? c.replace(CONTROL, '\ufffd') : c).trim();
const HAS_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/;

/** A value at or below it in a percent column written without % is probably a fraction (0.925 for 92.5%). */
const PERCENT_FRACTION = Rational.of(1n, 100n);

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
  const cell = (i: number) => clean(r.cells[i] ?? '');
  const { nameCol, keyCol, periodCol, width, fieldCols, parentCols, positions, slots, ints } = layoutOf(
    scheme,
    level,
    columns,
    headers,
  );
  const name = cell(nameCol);
  const code = keyCol >= 0 ? cell(keyCol) || undefined : undefined;
  const source = { file, line: r.line };
  const hasValues = fieldCols.some(({ i }) => cell(i) !== '');

  // Text under the table (notes, sign-offs) is skipped; a named row without values is a unit with blanks.
  const footer = isFooterText(r.cells[0] ?? '') || isFooterText(name);
  // A sentence with values beside it (数据来源：统计局,1,2) is no more a unit than a sign-off is.
  const signed = footer || (/[：。；]/.test(name) && !isTotalName(name)) ? valueColumns(scheme, columns, r) : [];
  if (signed.length) {
    // 审核人：李四,1,2: values under a sign-off are a data row whose name was overwritten or never written.
    findings.push({
      ...source,
      col: 1,
      severity: 'error',
      ...message('data/text-with-values', {
        text: preview(r),
        values: signed.map((i) => headers[i]!),
        column: String(headers[nameCol]),
      }),
    });
    return undefined;
  }
  if (footer || (!hasValues && !code && (!name || looksLikeText(name)) && !isTotalName(name))) {
    findings.push({ ...source, col: 1, severity: 'note', ...message('data/not-a-row', { text: preview(r) }) });
    return undefined;
  }
  for (const d of merged.findings) if (!findings.includes(d)) findings.push(d);
  if (merged.reject) {
    findings.push(merged.reject);
    return undefined;
  }
  if (!name && !code) {
    findings.push({
      ...source,
      col: nameCol + 1,
      severity: 'error',
      ...message('data/no-name', { column: String(headers[nameCol]) }),
    });
    return undefined;
  }
  // Values beyond the last header column: usually 22,630 written without quotes.
  const extra = r.cells.length <= width ? -1 : r.cells.findIndex((c, i) => i >= width && c.trim() !== '');
  if (extra >= 0) {
    findings.push({
      ...source,
      col: extra + 1,
      severity: 'error',
      ...message('data/extra-cells', { cells: r.cells.length, width }),
    });
    return undefined;
  }
  const period = periodCol >= 0 ? parsePeriod(cell(periodCol)) : undefined;
  if (periodCol >= 0 && !period) {
    const shownCell = quoteCell(cell(periodCol));
    findings.push({
      ...source,
      col: periodCol + 1,
      severity: 'error',
      ...message('data/bad-period', { column: String(headers[periodCol]), value: shownCell }),
    });
    return undefined;
  }
  const parents = new Map<number, { name: string; code?: string }>();
  for (const c of parentCols) {
    const text = cell(c.i);
    if (!text) continue;
    const p = parents.get(c.level) ?? { name: '' };
    if (c.name) p.name = text;
    else p.code = text;
    parents.set(c.level, p);
  }
  const values = new RowValues(slots);
  const invalid = new Map<string, Finding>();
  const cells = CellIndex.ofRow(source, positions);
  for (const { id, i, field } of fieldCols) {
    const mergedOver = merged.invalid.get(i);
    if (mergedOver) {
      invalid.set(id, mergedOver);
      continue;
    }
    const text = r.cells[i] ?? '';
    // Most cells are plain figures (1234, 92.5): read without the general path's normalising.
    const plain = plainCell(text, field, ints);
    if (
      plain &&
      (field.type !== 'percent' || plain.sign() === 0 || plain.gt(PERCENT_FRACTION)) &&
      !(field.min && plain.lt(field.min)) &&
      !(field.max && plain.gt(field.max))
    ) {
      values.set(id, plain);
      continue;
    }
    const at = { ...source, col: i + 1 };
    const parsed = parseCell(text, field);
    const bad = (problem: ValueProblem): void => {
      const d: Finding = {
        ...at,
        severity: 'error',
        ...message('data/bad-value', { column: String(headers[i]), ...problem }),
      };
      findings.push(d);
      invalid.set(id, d);
    };
    if ('error' in parsed) {
      bad(parsed.error);
      continue;
    }
    const v = parsed.value;
    if (v === undefined || typeof v === 'string') continue;
    // 0.925 in a percent column reads as 0.925%: probably a fraction meant as 92.5%.
    const raw = field.type === 'percent' ? text.normalize('NFKC') : text;
    if (
      field.type === 'percent' &&
      typeof v !== 'boolean' &&
      !/[%‰]/.test(raw) &&
      v.sign() > 0 &&
      v.le(PERCENT_FRACTION)
    ) {
      findings.push({
        ...at,
        severity: 'warning',
        ...message('data/percent-fraction', {
          column: String(headers[i]),
          value: quoteCell(raw),
          meant: v.mul(Rational.of(10000n)).toDecimal(2),
        }),
      });
    }
    if (typeof v !== 'boolean') {
      const show = (x: Rational) => showCell(x, field.type);
      if (field.min && v.lt(field.min)) {
        bad({ kind: 'below', value: show(v), limit: show(field.min) });
        continue;
      }
      if (field.max && v.gt(field.max)) {
        bad({ kind: 'above', value: show(v), limit: show(field.max) });
        continue;
      }
    }
    values.set(id, v);
  }
  const totalName = totalNameKind(name);
  const kind = totalName ? 'total' : 'unit';
  const blank = fieldCols.filter(({ id, field: f }) => {
    return f.required && f.level === level && !values.has(id) && !invalid.has(id);
  });
  let blankFinding: Finding | undefined;
  if (blank.length) {
    const short = r.cells.length < width ? { cells: r.cells.length, width } : {};
    blankFinding = {
      ...source,
      col: blank[0]!.i + 1,
      severity: 'warning',
      ...message('data/blank', { unit: String(name || code), columns: blank.map(({ i }) => headers[i]!), ...short }),
    };
    if (kind === 'unit') findings.push(blankFinding);
  }
  const maybeTotal =
    totalName === 'maybe' ? { maybeTotal: { col: nameCol + 1, ...(blankFinding ? { blank: blankFinding } : {}) } } : {};
  return {
    kind,
    level,
    name,
    code,
    parents,
    values,
    invalid,
    cells,
    source,
    ...(period ? { period } : {}),
    ...maybeTotal,
  };
}
