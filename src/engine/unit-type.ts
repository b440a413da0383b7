/**
 * Items that depend on the unit's type (unit_types): the type read from the unit's
 * type cell, the item's form for that type, or "not assessed". A unit above the
 * type's level is scored as the main (first) type. Only items with types come here:
 * nothing is added to the path of items without them.
 */
import { Rational } from '../rational';
import type { Env } from '../scheme/formula';
import type { Item, Scheme } from '../scheme/model';
import type { Node } from './node';
import { scoreAt, unscored } from './score-at';
import type { Relative } from './peers';
import type { ItemResult } from './types';
import type { TypeAt } from './unit-type-at';

export { unitTypeAt, type TypeAt } from './unit-type-at';

/** The item scored as the unit's type says: its form for the type, not assessed, or unscored without a type. */
export function scoreTyped(
  scheme: Scheme,
  item: Item,
  node: Node,
  env: Env,
  remedies: boolean,
  at: TypeAt,
  rel?: Relative,
): ItemResult {
  const field = scheme.unitTypes!.field;
  if (at.type === undefined) {
    if (!at.invalid) return unscored(item, undefined, { kind: 'missing', fields: [field] });
    return unscored(item, undefined, { kind: 'invalid', fields: [{ id: field, reason: node.fields.invalid(field)! }] });
  }
  const r = item.types!.notAssessed.has(at.type)
    ? notAssessed(item, at.type)
    : scoreAt(scheme, item.types!.byType.get(at.type) ?? item, node, env, remedies, rel);
  r.unitType = at.type;
  return r;
}

/** Not assessed for this type: no points and out of the maximum (the score is scaled back to the total). */
function notAssessed(item: Item, type: string): ItemResult {
  return {
    id: item.id,
    title: item.title,
    section: item.section,
    bonus: item.bonus,
    value: undefined,
    kind: item.display,
    target: item.target?.text,
    formula: item.formula.source,
    basis: item.basis,
    evidence: item.evidence,
    status: 'na',
    points: Rational.ZERO,
    max: Rational.ZERO,
    lost: Rational.ZERO,
    calc: { kind: 'not-assessed', type },
  };
}
