/**
 * The unit's type (unit_types): read from the type field at the type's level; a unit
 * above it is of the main (first) type. A leaf of the engine (peers.ts and unit-type.ts use it).
 */
import { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import type { Node } from './node';

/** The unit's type, or why it has none (its cell is blank, or holds no type of the scheme). */
export type TypeAt = { type: string; own: boolean } | { type?: undefined; invalid: boolean };

export function unitTypeAt(scheme: Scheme, node: Node): TypeAt | undefined {
  const ut = scheme.unitTypes;
  if (!ut) return undefined;
  if (node.unit.level !== ut.level) return { type: ut.values[0]!, own: false };
  if (node.fields.invalid(ut.field)) return { invalid: true };
  const v = node.fields.value(ut.field);
  const type = v instanceof Rational ? ut.values[Number(v.toDecimal(0)) - 1] : undefined;
  return type === undefined ? { invalid: false } : { type, own: true };
}
