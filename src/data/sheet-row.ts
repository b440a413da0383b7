/** One data row of a sheet below its header → a SheetRow (its unit, values and cells), or a finding saying why not. */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { ValueProblem } from '../messages/data-units';
import type { Scheme } from '../scheme/model';
import type { Column } from './columns';
import type { FieldValue } from './model';
import { looksLikeText, valueColumns } from './lines';
import { mergeEffect } from './merges';
import { isFooterText, isTotalName, totalNameKind } from './normalize';
import type { Row } from './table';
import { parseCell, quoteCell, showCell } from './values';
import { Rational } from '../rational';
import { parsePeriod } from './period';
import { CellIndex } from './cells';
import type { SheetRow } from './sheet';

export const preview = (r: Row): string => {
  // A merged title repeats its text in every cell of the merge: show it once.
  const cells = r.cells.map((c) => c.trim()).filter((c, i, all) => c && c !== all[i - 1]);
  const t = cells.join(' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};

/** Control characters (escape sequences, bells) in names would reach terminals and reports: shown as �. */
export const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

export function readRow(scheme: Scheme, level: number, columns: Column[], headers: string[], row: Row, file: string, findings: Finding[], merges: Map<string, Finding>): SheetRow | undefined {
  // The copies a workbook reader makes of a merged cell are not this row's values (merges.ts).
  const merged = mergeEffect(row, columns, level, headers, file, merges);
  const r = merged.blank.size ? { ...row, cells: row.cells.map((c, i) => (merged.blank.has(i) ? '' : c)) } : row;
  const cell = (i: number) => (r.cells[i] ?? '').replace(CONTROL, '\ufffd').trim();
  const colOf = (pred: (c: Column) => boolean) => columns.findIndex(pred);
  const nameCol = colOf((c) => c.kind === 'name' && c.level === level);
  const keyCol = colOf((c) => c.kind === 'key' && c.level === level);
  const name = cell(nameCol);
  const code = keyCol >= 0 ? cell(keyCol) || undefined : undefined;
  const fieldCols = columns.flatMap((c, i) => (c.kind === 'field' ? [{ id: c.id, i }] : []));
  const source = { file, line: r.line };
  const hasValues = fieldCols.some(({ i }) => cell(i) !== '');

  // Text under the table (notes, sign-offs) is skipped; a named row without values is a unit with blanks.
  const footer = isFooterText(r.cells[0] ?? '') || isFooterText(name);
  // A sentence with values beside it (数据来源：统计局,1,2) is no more a unit than a sign-off is.
  const signed = footer || (/[：。；]/.test(name) && !isTotalName(name)) ? valueColumns(scheme, columns, r) : [];
  if (signed.length) {
    // 审核人：李四,1,2: values under a sign-off are a data row whose name was overwritten or never written.
    findings.push({ ...source, col: 1, severity: 'error', ...message('data/text-with-values', { text: preview(r), values: signed.map((i) => headers[i]!), column: String(headers[nameCol]) }) });
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
    findings.push({ ...source, col: nameCol + 1, severity: 'error', ...message('data/no-name', { column: String(headers[nameCol]) }) });
    return undefined;
  }
  // Values beyond the last header column: usually 22,630 written without quotes.
  const width = headers.reduce((w, h, i) => (h.trim() ? i + 1 : w), 0);
  const extra = r.cells.findIndex((c, i) => i >= width && c.trim() !== '');
  if (extra >= 0) {
    findings.push({ ...source, col: extra + 1, severity: 'error', ...message('data/extra-cells', { cells: r.cells.length, width }) });
    return undefined;
  }
  const periodCol = colOf((c) => c.kind === 'period');
  const period = periodCol >= 0 ? parsePeriod(cell(periodCol)) : undefined;
  if (periodCol >= 0 && !period) {
    const shownCell = quoteCell(cell(periodCol));
    findings.push({ ...source, col: periodCol + 1, severity: 'error', ...message('data/bad-period', { column: String(headers[periodCol]), value: shownCell }) });
    return undefined;
  }
  const parents = new Map<number, { name: string; code?: string }>();
  columns.forEach((c, i) => {
    if ((c.kind === 'name' || c.kind === 'key') && c.level > level && cell(i)) {
      const p = parents.get(c.level) ?? { name: '' };
      if (c.kind === 'name') p.name = cell(i);
      else p.code = cell(i);
      parents.set(c.level, p);
    }
  });
  const values = new Map<string, FieldValue>();
  const invalid = new Map<string, Finding>();
  const cells = new CellIndex();
  for (const { id, i } of fieldCols) {
    const field = scheme.fields.get(id)!;
    const at = { ...source, col: i + 1 };
    cells.set(id, at);
    const mergedOver = merged.invalid.get(i);
    if (mergedOver) {
      invalid.set(id, mergedOver);
      continue;
    }
    const parsed = parseCell(r.cells[i] ?? '', field);
    const bad = (problem: ValueProblem): void => {
      const d: Finding = { ...at, severity: 'error', ...message('data/bad-value', { column: String(headers[i]), ...problem }) };
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
    const raw = (r.cells[i] ?? '').normalize('NFKC');
    if (field.type === 'percent' && typeof v !== 'boolean' && !/[%‰]/.test(raw) && v.sign() > 0 && v.le(Rational.of(1n, 100n))) {
      findings.push({ ...at, severity: 'warning', ...message('data/percent-fraction', { column: String(headers[i]), value: quoteCell(raw), meant: v.mul(Rational.of(10000n)).toDecimal(2) }) });
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
  const blank = fieldCols.filter(({ id }) => {
    const f = scheme.fields.get(id)!;
    return f.required && f.level === level && !values.has(id) && !invalid.has(id);
  });
  let blankFinding: Finding | undefined;
  if (blank.length) {
    const short = r.cells.length < width ? { cells: r.cells.length, width } : {};
    blankFinding = { ...source, col: blank[0]!.i + 1, severity: 'warning', ...message('data/blank', { unit: String(name || code), columns: blank.map(({ i }) => headers[i]!), ...short }) };
    if (kind === 'unit') findings.push(blankFinding);
  }
  const maybeTotal = totalName === 'maybe' ? { maybeTotal: { col: nameCol + 1, ...(blankFinding ? { blank: blankFinding } : {}) } } : {};
  return { kind, level, name, code, parents, values, invalid, cells, source, ...(period ? { period } : {}), ...maybeTotal };
}
