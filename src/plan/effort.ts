/**
 * Effort of a lever change (docs/plan.md#effort): the scheme's `effort:` per lever unit
 * (one person, yuan or case; one percentage point of a percent field), else the
 * default, which makes items comparable without one: a change of 1% of the lever's
 * current county value costs 1 (so the effort of a change is its size in percent of
 * today's value); a lever at zero counts as one unit.
 */
import { Rational } from '../rational';
import type { Field, Item } from '../scheme/model';

const POINT = Rational.of(1n, 100n);

/** One lever unit in the field's own terms: 1, or one percentage point (0.01) for a percent field. */
export const leverUnit = (field: Field): Rational => (field.type === 'percent' ? POINT : Rational.ONE);

/** The effort of moving the lever by `change` from `from`. */
export function effortOf(item: Item, field: Field, from: Rational, change: Rational): Rational {
  const unit = leverUnit(field);
  const units = change.abs().div(unit)!;
  if (item.effort) return units.mul(item.effort);
  const base = from.abs().div(unit)!;
  return units.mul(Rational.HUNDRED).div(base.isZero() ? Rational.ONE : base)!;
}
