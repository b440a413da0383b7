/**
 * Case rows of the adjustments file (docs/adjustments.md, "Case rows"): a line that
 * names a `part` is one case of that part (a `cases` rule of the scheme), with its
 * `count` (months, or how many; blank: 1) and the inspection `level` that found it.
 * The scheme's rule gives the points (每例每月扣0.2分，每例最高扣10个月), so a case
 * row has no deduct or override. Whether the part and the level exist is checked
 * against the scheme (src/engine/cases.ts).
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { Rational } from '../rational';
import type { AdjustmentInput } from './adjustments';
import { ADJUSTMENT_HEADERS, finding, text, where, type AdjustmentKey, type Entry } from './adjustment-fields';

/** One case row as read: an adjustment line without an amount, with its part, count and level. */
export interface CaseInput extends Omit<AdjustmentInput, 'kind' | 'amount'> {
  part: string;
  count: Rational;
  level?: string;
}

const name = (k: AdjustmentKey) => ADJUSTMENT_HEADERS[k].slice(0, 2).join('/');

/** The count: blank is one case; else a number ≥ 0 (months, or how many). */
function countOf(e: Entry, file: string, errors: Finding[]): Rational | undefined {
  const s = text(e, 'count');
  if (s === undefined) return Rational.ONE;
  const n = Rational.parse(s.normalize('NFKC'));
  if (n && n.sign() >= 0) return n;
  errors.push(finding(file, where(e, 'count'), message('adjust/case-count', { value: s })));
  return undefined;
}

/**
 * A line naming a part is a case row: read it into `cases` (when it has no error) and
 * say true. Any other line: count or level on it is an error (they belong to case rows).
 */
export function caseRow(
  e: Entry,
  file: string,
  errors: Finding[],
  cases: CaseInput[],
  dateErrors: (e: Entry, file: string, errors: Finding[]) => void,
): boolean {
  const part = text(e, 'part');
  if (part === undefined) {
    for (const k of ['count', 'level'] as const)
      if (text(e, k) !== undefined)
        errors.push(finding(file, where(e, k), message('adjust/case-only', { kind: 'case-key', key: name(k) })));
    return false;
  }
  for (const k of ['deduct', 'override'] as const)
    if (text(e, k) !== undefined)
      errors.push(finding(file, where(e, k), message('adjust/case-only', { kind: 'amount', key: name(k) })));
  const count = countOf(e, file, errors);
  dateErrors(e, file, errors);
  if (errors.length || !count) return true;
  const [document, expires, level] = [text(e, 'document'), text(e, 'expires'), text(e, 'level')];
  cases.push({
    file,
    line: e.line,
    col: e.col,
    unit: text(e, 'unit')!,
    item: text(e, 'item')!,
    part,
    count,
    ...(level !== undefined ? { level } : {}),
    reason: text(e, 'reason')!,
    authority: text(e, 'authority')!,
    ...(document !== undefined ? { document } : {}),
    date: text(e, 'date')!,
    ...(expires !== undefined ? { expires } : {}),
    at: Object.fromEntries([...e.values].map(([k, v]) => [k, v.at])),
  });
  return true;
}
