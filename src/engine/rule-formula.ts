/**
 * The `formula` rule (docs/scheme.md#relative-scoring): the points are a formula over
 * the unit's fields, params, `value()` (the item's value), peer values and last year's
 * figures, capped to [0, the item's points]. Written for rules such as 高于平均水平的
 * 按7:3、低于平均水平的按3:7 (level and progress weighted by where the unit stands).
 */
import { Rational } from '../rational';
import { evaluate, type Env, type Formula, type Value } from '../scheme/formula';
import type { Item } from '../scheme/model';
import type { Calc, Status } from './types';

/** The name `value()` is asked by (formula-relative.ts `lookupKey`). */
export const VALUE_KEY = 'value()';

/** The unit's names, and `value()` answering the item's value. */
export const withValue =
  (env: Env, value: Value): Env =>
  (n) =>
    n === VALUE_KEY ? value : env(n);

export interface FormulaScored {
  points: Rational;
  status: Status;
  calc: Calc;
}

/** The points formula evaluated, then capped to [0, full]; n/a when it has no value (a zero divisor). */
export function formulaScore(
  item: Item,
  points: Formula,
  value: Value,
  env: Env,
  met: boolean | undefined,
): FormulaScored {
  const raw = evaluate(points.ast, withValue(env, value));
  if (!(raw instanceof Rational)) return { points: Rational.ZERO, status: 'na', calc: { kind: 'na', policy: item.na } };
  const full = item.points;
  const cap = raw.sign() < 0 ? 'zero' : raw.gt(full) ? 'points' : undefined;
  const got = raw.max(Rational.ZERO).min(full);
  const status: Status = met !== false && got.eq(full) ? 'met' : got.sign() > 0 ? 'partial' : 'failed';
  return { points: got, status, calc: { kind: 'formula', raw, points: got, ...(cap ? { cap } : {}) } };
}
