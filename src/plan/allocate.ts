/**
 * Allocation of a county-level lever change to townships (docs/plan.md#allocation).
 * The county's value of a summable field is the sum of its townships', so any split
 * of the change gives the county the same value; the rule picks one that a county can
 * act on: townships with the largest shortfall first (the change that meets the
 * target in that township, from the engine's remedy there), each given at most its
 * shortfall; what is left goes to the townships with the most room, largest first
 * (fewest townships touched). Every township stays within the field's bounds and the
 * scheme's error-level checks on the lever. Ties: the order of the data.
 */
import { Rational } from '../rational';
import { evaluate, type Env } from '../scheme/formula';
import type { Field, Scheme } from '../scheme/model';
import type { UnitResult } from '../engine/types';
import type { UnitChange } from './types';

interface Room {
  unit: UnitResult;
  from: Rational;
  shortfall: bigint;
  give: bigint;
}

/** The units below `county` at the field's level (its townships), in data order. */
function unitsAt(county: UnitResult, level: string): UnitResult[] {
  return county.children.flatMap((c) => (c.level === level ? [c] : unitsAt(c, level)));
}

/** The most steps (≤ want) the lever can move by `step` (signed) at the unit: bounds and error checks hold all the way. */
function roomAt(scheme: Scheme, field: Field, env: Env, from: Rational, step: Rational, want: bigint): bigint {
  const checks = scheme.checks.filter((c) => c.severity === 'error' && c.fields.includes(field.id));
  const low = field.min ?? (['count', 'money'].includes(field.type) ? Rational.ZERO : undefined);
  const ok = (k: bigint): boolean => {
    const v = from.add(Rational.of(k).mul(step));
    if ((low && v.lt(low)) || (field.max && v.gt(field.max))) return false;
    const e: Env = (n) => (n === field.id ? v : env(n));
    return checks.every((c) => evaluate(c.assert.ast, e) !== false);
  };
  if (ok(want)) return want;
  let [lo, hi] = [0n, want];
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (ok(mid)) lo = mid;
    else hi = mid;
  }
  return lo;
}

/**
 * Splits `k` steps of `step` (signed) of the item's lever among the county's townships;
 * undefined when they have not the room for it all.
 */
export function allocate(
  scheme: Scheme,
  county: UnitResult,
  itemId: string,
  field: Field,
  step: Rational,
  k: bigint,
): UnitChange[] | undefined {
  const level = scheme.levels[field.level]!.id;
  const rooms: Room[] = [];
  for (const u of unitsAt(county, level)) {
    const from = u.fields.value(field.id);
    if (!(from instanceof Rational)) continue;
    const r = u.items.find((i) => i.id === itemId)?.remedy;
    const own = r?.reachable && r.change && r.change.sign() === step.sign() ? r.change.div(step)!.ceil().n : 0n;
    rooms.push({ unit: u, from, shortfall: own, give: 0n });
  }
  let left = k;
  const byShortfall = [...rooms].sort((a, b) => (a.shortfall === b.shortfall ? 0 : a.shortfall > b.shortfall ? -1 : 1));
  for (const r of byShortfall) {
    if (left === 0n || r.shortfall === 0n) break;
    r.give = roomAt(scheme, field, r.unit.fields.env, r.from, step, r.shortfall < left ? r.shortfall : left);
    left -= r.give;
  }
  if (left > 0n) left = spread(scheme, field, step, rooms, left);
  if (left > 0n) return undefined;
  return rooms.filter((r) => r.give > 0n).map((r) => changeOf(r, step));
}

/** What is left after the shortfalls: to the townships with the most room first. */
function spread(scheme: Scheme, field: Field, step: Rational, rooms: Room[], left: bigint): bigint {
  const more = rooms.map((r) => {
    const total = roomAt(scheme, field, r.unit.fields.env, r.from, step, r.give + left);
    return { r, extra: total - r.give };
  });
  more.sort((a, b) => (a.extra === b.extra ? 0 : a.extra > b.extra ? -1 : 1));
  for (const m of more) {
    if (left === 0n) break;
    const g = m.extra < left ? m.extra : left;
    m.r.give += g;
    left -= g;
  }
  return left;
}

function changeOf(r: Room, step: Rational): UnitChange {
  const change = Rational.of(r.give).mul(step);
  return {
    key: r.unit.key,
    code: r.unit.code,
    name: r.unit.name,
    from: r.from,
    to: r.from.add(change),
    change,
    shortfall: Rational.of(r.shortfall).mul(step.abs()),
  };
}
