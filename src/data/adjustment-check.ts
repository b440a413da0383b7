/** The checks of each adjustments entry that need no scheme and no data; an entry with any error is left out. */
import { sortDiagnostics, type Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { Rational } from '../rational';
import type { AdjustmentInput, ParsedAdjustments } from './adjustments';
import { ADJUSTMENT_HEADERS, finding, REQUIRED, text, where, type Entry } from './adjustment-fields';
import { isDate } from './dates';
import { caseRow, type CaseInput } from './adjustment-cases';

export function check(entries: Entry[], file: string, findings: Finding[]): ParsedAdjustments {
  const adjustments: AdjustmentInput[] = [];
  const cases: CaseInput[] = [];
  for (const e of entries) {
    const errors: Finding[] = [];
    requiredValues(e, file, errors);
    if (caseRow(e, file, errors, cases, dateErrors)) {
      findings.push(...errors);
      continue;
    }
    const amount = amountOf(e, file, errors);
    dateErrors(e, file, errors);
    if (errors.length || !amount) {
      findings.push(...errors);
      continue;
    }
    adjustments.push(adjustmentOf(e, file, amount));
  }
  return { adjustments, ...(cases.length ? { cases } : {}), findings: sortDiagnostics(findings) };
}

function requiredValues(e: Entry, file: string, errors: Finding[]): void {
  for (const k of REQUIRED) {
    if (text(e, k) !== undefined) continue;
    const [en, zh] = ADJUSTMENT_HEADERS[k];
    const at = e.values.has(k) ? where(e, k) : { line: e.line, col: e.col };
    errors.push(finding(file, at, message('adjust/missing-value', { kind: 'field', en: en!, zh: zh! })));
  }
}

/** Exactly one of deduct and override, a number not below zero: the kind and amount, else the errors. */
function amountOf(
  e: Entry,
  file: string,
  errors: Finding[],
): { kind: 'deduct' | 'override'; amount: Rational } | undefined {
  const deduct = text(e, 'deduct');
  const override = text(e, 'override');
  if (deduct !== undefined && override !== undefined) {
    errors.push(finding(file, where(e, 'override'), message('adjust/both', {})));
    return undefined;
  }
  if (deduct === undefined && override === undefined) {
    errors.push(finding(file, { line: e.line, col: e.col }, message('adjust/missing-value', { kind: 'amount' })));
    return undefined;
  }
  const kind = deduct !== undefined ? 'deduct' : 'override';
  const s = (kind === 'deduct' ? deduct : override)!;
  const amount = Rational.parse(s.normalize('NFKC'));
  if (!amount) {
    errors.push(finding(file, where(e, kind), message('adjust/not-a-number', { kind, value: s })));
    return undefined;
  }
  if (amount.sign() < 0) {
    errors.push(
      kind === 'deduct'
        ? finding(file, where(e, kind), message('adjust/negative', { value: s }))
        : finding(file, where(e, kind), message('adjust/override-range', { below: s })),
    );
  }
  return { kind, amount };
}

/** The dates are dates, and the expiry is not before the date. */
function dateErrors(e: Entry, file: string, errors: Finding[]): void {
  const date = text(e, 'date');
  const expires = text(e, 'expires');
  for (const [k, v] of [
    ['date', date],
    ['expires', expires],
  ] as const) {
    if (v !== undefined && !isDate(v)) {
      const [en, zh] = ADJUSTMENT_HEADERS[k];
      errors.push(finding(file, where(e, k), message('adjust/bad-date', { en: en!, zh: zh!, value: v })));
    }
  }
  if (date && expires && isDate(date) && isDate(expires) && expires < date) {
    errors.push(finding(file, where(e, 'expires'), message('adjust/expires-before-date', { expires, date })));
  }
}

/** An entry without errors as an adjustment. */
function adjustmentOf(
  e: Entry,
  file: string,
  { kind, amount }: { kind: 'deduct' | 'override'; amount: Rational },
): AdjustmentInput {
  const document = text(e, 'document');
  const expires = text(e, 'expires');
  return {
    file,
    line: e.line,
    col: e.col,
    unit: text(e, 'unit')!,
    item: text(e, 'item')!,
    kind,
    amount,
    reason: text(e, 'reason')!,
    authority: text(e, 'authority')!,
    ...(document !== undefined ? { document } : {}),
    date: text(e, 'date')!,
    ...(expires !== undefined ? { expires } : {}),
    at: Object.fromEntries([...e.values].map(([k, v]) => [k, v.at])),
  };
}
