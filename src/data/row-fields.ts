/**
 * The field cells of one data row → its values, or the findings saying why a cell
 * was not used. The hot path of reading (every cell of a national file): no
 * allocation for a plain figure, no closure per row or per cell.
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { ValueProblem } from '../messages/data-units';
import { Rational } from '../rational';
import type { Field } from '../scheme/model';
import type { Source } from './model';
import type { RowValues } from './row-values';
import type { Layout } from './row-layout';
import type { Row } from './table';
import { parseCell, plainCell, quoteCell, showCell } from './values';

/** A value at or below it in a percent column written without % is probably a fraction (0.925 for 92.5%). */
const PERCENT_FRACTION = Rational.of(1n, 100n);
const PERCENT_SIGN = /[%‰]/;

/** Where a cell is. */
type At = Source & { col: number };

/** Reads every field cell of the row into `values`; a cell that cannot be used goes to `invalid`. */
export function readFieldCells(
  layout: Layout,
  r: Row,
  mergedOver: Map<number, Finding>,
  source: Source,
  findings: Finding[],
  values: RowValues,
  invalid: Map<string, Finding>,
): void {
  for (const { id, i, field } of layout.fieldCols) {
    const merged = mergedOver.get(i);
    if (merged) {
      invalid.set(id, merged);
      continue;
    }
    const text = r.cells[i] ?? '';
    // Most cells are plain figures (1234, 92.5): read without the general path's normalising.
    const plain = plainCell(text, field, layout.ints);
    if (plain && plainFits(plain, field)) values.set(id, plain);
    else readCell(layout, text, i, id, field, source, findings, values, invalid);
  }
}

/** A plain figure that needs no finding: in range, and not a percent that looks like a fraction. */
const plainFits = (plain: Rational, field: Field): boolean =>
  (field.type !== 'percent' || plain.sign() === 0 || plain.gt(PERCENT_FRACTION)) &&
  !(field.min && plain.lt(field.min)) &&
  !(field.max && plain.gt(field.max));

/** The general path: a cell that is not a plain figure, or one that needs a finding. */
function readCell(
  layout: Layout,
  text: string,
  i: number,
  id: string,
  field: Field,
  source: Source,
  findings: Finding[],
  values: RowValues,
  invalid: Map<string, Finding>,
): void {
  const at = { ...source, col: i + 1 };
  const parsed = parseCell(text, field);
  if ('error' in parsed) {
    badValue(layout, at, i, id, parsed.error, findings, invalid);
    return;
  }
  const v = parsed.value;
  if (v === undefined || typeof v === 'string') return;
  if (typeof v !== 'boolean') {
    if (field.type === 'percent') percentFraction(layout, at, i, text, v, findings);
    const problem = rangeProblem(v, field);
    if (problem) {
      badValue(layout, at, i, id, problem, findings, invalid);
      return;
    }
  }
  values.set(id, v);
}

/** 0.925 in a percent column reads as 0.925%: probably a fraction meant as 92.5% (a warning; the value is used). */
function percentFraction(layout: Layout, at: At, i: number, text: string, v: Rational, findings: Finding[]): void {
  const raw = text.normalize('NFKC');
  if (PERCENT_SIGN.test(raw) || v.sign() <= 0 || !v.le(PERCENT_FRACTION)) return;
  findings.push({
    ...at,
    severity: 'warning',
    ...message('data/percent-fraction', {
      column: String(layout.headers[i]),
      value: quoteCell(raw),
      meant: v.mul(Rational.of(10000n)).toDecimal(2),
    }),
  });
}

/** Below the field's minimum or above its maximum. */
function rangeProblem(v: Rational, field: Field): ValueProblem | undefined {
  if (field.min && v.lt(field.min))
    return { kind: 'below', value: showCell(v, field.type), limit: showCell(field.min, field.type) };
  if (field.max && v.gt(field.max))
    return { kind: 'above', value: showCell(v, field.type), limit: showCell(field.max, field.type) };
  return undefined;
}

/** A cell that cannot be used: said, and its field invalid at this row. */
function badValue(
  layout: Layout,
  at: At,
  i: number,
  id: string,
  problem: ValueProblem,
  findings: Finding[],
  invalid: Map<string, Finding>,
): void {
  const d: Finding = {
    ...at,
    severity: 'error',
    ...message('data/bad-value', { column: String(layout.headers[i]), ...problem }),
  };
  findings.push(d);
  invalid.set(id, d);
}
