/**
 * Cell text → typed value. Accepts what spreadsheets export: `1,234`, `92.5%`,
 * full-width `９２．５％`, `‰`, and blank, `-`, `—`, `/` as missing. Anything else is
 * an error the caller reports with file, line, column and header.
 */
import type { ValueProblem } from '../messages/data-units';
import { Rational } from '../rational';
import type { Field } from '../scheme/model';

export type CellValue = Rational | boolean | string;
/** A cell's value, or what is wrong with it (worded by src/messages/data-units.ts). */
export type Parsed = { value: CellValue | undefined } | { error: ValueProblem };

const MISSING = new Set(['', '-', '--', '—', '——', '–', '/', '\\', '－', '／']);
const YES = new Set(['是', '有', 'y', 'yes', 'true', '1', '√', '✓', '✔', '已']);
const NO = new Set(['否', '无', '没有', 'n', 'no', 'false', '0', '×', '✗', '✘', '未']);

/** A cell as quoted in a message: one line, at most 40 characters. */
export function quoteCell(raw: string): string {
  const one = raw.replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return one.length > 40 ? `${one.slice(0, 40)}…` : one;
}

/** Longest number accepted (digits): anything longer is not a figure from a report. */
const MAX_DIGITS = 30;

export function parseNumberText(raw: string): { value: Rational; suffix: '' | '%' | '‰' } | undefined {
  if (raw.length > 4 * MAX_DIGITS) return undefined;
  let t = raw.normalize('NFKC').trim().replace(/^'/, '');
  let suffix: '' | '%' | '‰' = '';
  if (t.endsWith('%') || t.endsWith('‰')) {
    suffix = t.endsWith('%') ? '%' : '‰';
    t = t.slice(0, -1).trim();
  }
  if (/^[+-]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(t)) t = t.replace(/,/g, '');
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(t) || t.replace(/\D/g, '').length > MAX_DIGITS) return undefined;
  const r = Rational.parse(t);
  if (!r) return undefined;
  const scale = suffix === '%' ? 100n : suffix === '‰' ? 1000n : 1n;
  return { value: r.div(Rational.of(scale))!, suffix };
}

/**
 * A cell of plain ASCII digits with at most one point inside (1234, 92.5), in a
 * number column: its value, as parseCell gives it (a percent column's bare number
 * is percentage points), without normalising the text; undefined for anything else
 * (and for a count that is not whole), which parseCell reads or rejects.
 */
export function plainCell(raw: string, field: Field, ints?: Map<number, Rational>): Rational | undefined {
  const n = raw.length;
  if (n === 0 || n > 15 || field.type === 'text' || field.type === 'boolean') return undefined;
  let dot = -1;
  for (let k = 0; k < n; k++) {
    const c = raw.charCodeAt(k);
    if (c === 46 && dot < 0 && k > 0 && k < n - 1) dot = k;
    else if (c < 48 || c > 57) return undefined;
  }
  if (dot >= 0 && field.type === 'count') return undefined;
  const v = dot < 0 ? wholeOf(Number(raw), ints) : Rational.parse(raw)!;
  return field.type === 'percent' ? v.div(Rational.HUNDRED)! : v;
}

/** Distinct whole numbers kept by one `ints` map at most: beyond, it starts again (memory stays bounded). */
const INTS_MAX = 1 << 17;

/**
 * A whole number as a Rational, the same object for the same number while `ints` holds
 * it: a national file's 780,000 figures are some 86,000 distinct numbers, and each
 * Rational held is 56 bytes (Rationals are immutable, so sharing one is safe).
 */
function wholeOf(x: number, ints: Map<number, Rational> | undefined): Rational {
  if (!ints) return Rational.int(x);
  let v = ints.get(x);
  if (v === undefined) {
    if (ints.size >= INTS_MAX) ints.clear();
    v = Rational.int(x);
    ints.set(x, v);
  }
  return v;
}

/** A unit-type cell (unit_types): read as its type's 1-based position among the scheme's types. */
function choiceCell(t: string, choices: string[]): Parsed {
  const i = choices.indexOf(t);
  return i < 0 ? { error: { kind: 'choice', value: quoteCell(t), choices } } : { value: Rational.int(i + 1) };
}

export function parseCell(raw: string, field: Field): Parsed {
  const t = raw.normalize('NFKC').trim();
  if (MISSING.has(t)) return { value: undefined };
  if (field.type === 'text') return field.choices ? choiceCell(t, field.choices) : { value: t };
  if (field.type === 'boolean') {
    const k = t.toLowerCase();
    if (YES.has(k)) return { value: true };
    if (NO.has(k)) return { value: false };
    return { error: { kind: 'yes-no', value: quoteCell(raw) } };
  }
  if (t.startsWith('=')) {
    return { error: { kind: 'formula', value: quoteCell(raw) } };
  }
  const n = parseNumberText(t);
  if (!n) return { error: { kind: 'not-number', value: quoteCell(raw) } };
  let value = n.value;
  // A bare number in a percent column is read as percentage points (92.5 means 92.5%).
  if (field.type === 'percent' && n.suffix === '') value = value.div(Rational.HUNDRED)!;
  if (field.type !== 'percent' && n.suffix !== '') {
    return { error: { kind: 'percent', value: quoteCell(raw), type: field.type } };
  }
  if (field.type === 'count' && (!value.isInteger() || value.sign() < 0)) {
    return { error: { kind: 'count', value: quoteCell(raw) } };
  }
  return { value };
}

/** A typed value as the analyst wrote it: percent fields as percentages, yes/no as 是/否. */
export function showCell(v: Rational | boolean, type: Field['type']): string {
  if (typeof v === 'boolean') return v ? '是' : '否';
  return type === 'percent' ? `${v.mul(Rational.HUNDRED).toDecimal(4)}%` : v.toDecimal(4);
}
