/**
 * One item scored at one unit: its value, status, points, the hard floors that zero
 * it, and (when asked for) the remedy. Pure, as the rest of the engine.
 */
import type { Env, Value } from '../scheme/formula';
import { evaluate as evalFormula } from '../scheme/formula';
import type { Item, Scheme, Veto } from '../scheme/model';
import type { Target } from '../scheme/target';
import { Rational } from '../rational';
import type { UnitFields } from './fields';
import type { Node, Unscored } from './node';
import { solveRemedy } from './remedy';
import { rollupValue } from './rollup';
import { scoreShare } from './rollup-share';
import { scoreParts, uncap, uncappedPoints } from './parts';
import { scoreItem, type Scored } from './rules';
import { meets } from './target-eval';
import type { Calc, ItemResult } from './types';
import { fieldsOfTarget, floorsOf, NONE } from './vetoes';
import { relativeResult, type Relative } from './peers';

/** An item's result, built as a literal in one order (not spread): the objects stay small and of one shape. */
function made(
  item: Item,
  value: Value,
  status: ItemResult['status'],
  points: Rational,
  max: Rational,
  lost: Rational,
  calc: Calc,
): ItemResult {
  return {
    id: item.id,
    title: item.title,
    section: item.section,
    bonus: item.bonus,
    value,
    kind: item.display,
    target: item.target?.text,
    formula: item.formula.source,
    basis: item.basis,
    evidence: item.evidence,
    status,
    points,
    max,
    lost,
    calc,
  };
}

export const unscored = (item: Item, value: Value, calc: Unscored): ItemResult => {
  const counted = item.bonus ? Rational.ZERO : item.points;
  return made(item, value, calc.kind, Rational.ZERO, counted, counted, calc);
};

function na(item: Item, value: Value): ItemResult {
  const points = item.na === 'full' && !item.bonus ? item.points : Rational.ZERO;
  const max = item.na === 'exclude' || item.bonus ? Rational.ZERO : item.points;
  return made(item, value, 'na', points, max, max.sub(points), { kind: 'na', policy: item.na });
}

const invalidCalc = (fields: UnitFields, ids: string[]): Unscored => ({
  kind: 'invalid',
  fields: ids.map((id) => ({ id, reason: fields.invalid(id)! })),
});

/** The fields of `ids` whose value here is invalid; NONE when none is. */
function invalidOf(fields: UnitFields, ids: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const f of ids) if (fields.invalid(f)) (out ??= []).push(f);
  return out ?? NONE;
}

/** The fields of `ids` without a value here; NONE when none is. */
function missingOf(fields: UnitFields, ids: readonly string[]): string[] {
  let out: string[] | undefined;
  for (const f of ids) if (fields.value(f) === undefined) (out ??= []).push(f);
  return out ?? NONE;
}

const floorsHit = (floors: readonly Veto[], v: Value, e: Env): string[] =>
  floors.length ? floors.filter((f) => meets(f.when, v, e) === true).map((f) => f.id) : NONE;

/** Zeroed by hard floors when `zeroedBy` names any. */
const floored = (r: ItemResult, zeroedBy: string[]): ItemResult =>
  zeroedBy.length
    ? {
        ...r,
        points: Rational.ZERO,
        lost: r.max,
        status: r.status === 'na' || r.status === 'missing' || r.status === 'invalid' ? r.status : 'failed',
        zeroedBy,
      }
    : r;

/** An item's result from its rule's score, built as a literal in one order (see `made`). */
function scored(item: Item, value: Value, s: Scored, met: boolean | undefined): ItemResult {
  return {
    id: item.id,
    title: item.title,
    section: item.section,
    bonus: item.bonus,
    value,
    kind: item.display,
    target: item.target?.text,
    formula: item.formula.source,
    basis: item.basis,
    evidence: item.evidence,
    status: s.status,
    points: s.points,
    max: item.bonus ? Rational.ZERO : item.points,
    lost: item.bonus ? Rational.ZERO : item.points.sub(s.points),
    gap: s.gap,
    met,
    calc: s.calc,
  };
}

/** Missing when some of the fields have no value here, else not applicable. */
const missingOrNa = (item: Item, value: Value, missing: string[]): ItemResult =>
  missing.length ? unscored(item, value, { kind: 'missing', fields: missing }) : na(item, value);

/** Not scored for want of data: a field the item reads is invalid here, or the value is undefined. */
function unscoredByData(item: Item, fields: UnitFields, value: Value, rolled: boolean): ItemResult | undefined {
  if (!rolled) {
    const invalid = invalidOf(fields, item.fields);
    if (invalid.length) return unscored(item, value, invalidCalc(fields, invalid));
  }
  if (value === undefined) return missingOrNa(item, value, rolled ? NONE : missingOf(fields, item.fields));
  return undefined;
}

/** The value is known but the target cannot be decided: not scored, and say why. */
function undecided(
  scheme: Scheme,
  item: Item,
  target: Target,
  fields: UnitFields,
  value: Value,
  rolled: boolean,
): ItemResult {
  const reads = rolled ? fieldsOfTarget(scheme, target) : item.fields;
  const bad = invalidOf(fields, reads);
  if (bad.length) return unscored(item, value, invalidCalc(fields, bad));
  return missingOrNa(item, value, missingOf(fields, reads));
}

/** The hard floors on this item that apply at this level (a veto on the item whose condition zeroes it). */
function floorsAt(scheme: Scheme, item: Item, level: number): readonly Veto[] {
  const onItem = floorsOf(scheme).get(item.id);
  return onItem ? onItem.filter((v) => v.level <= level) : NONE;
}

/** The remedy, scored as the item is: zero where a hard floor holds. */
function remedyAt(
  scheme: Scheme,
  item: Item,
  env: Env,
  floors: readonly Veto[],
  rebind?: (e: Env) => Env,
): ItemResult['remedy'] {
  const score = (v: Value, e: Env): Rational =>
    floorsHit(floors, v, e).length ? Rational.ZERO : uncappedPoints(item, scoreItem(item, v, e));
  return solveRemedy(scheme, item, env, score, rebind);
}

export function scoreAt(
  scheme: Scheme,
  item: Item,
  node: Node,
  base: Env,
  remedies: boolean,
  rel?: Relative,
): ItemResult {
  if (item.parts) return scoreParts(scheme, item, node, base, remedies, scoreAt);
  const rolled = node.unit.level > item.level && item.rollup !== 'sum';
  if (rolled && (item.rollup === 'all' || item.rollup === 'share')) return scoreShare(item, node);
  const roll = rolled ? rollupValue(item, node) : undefined;
  const value: Value = roll ? roll.value : evalFormula(item.formula.ast, base);
  if (roll?.calc) return unscored(item, value, roll.calc);
  const noData = unscoredByData(item, node.fields, value, rolled);
  if (noData) return noData;
  // Relative scoring: the peer values answer peer_mean() …; with no peers, missing data.
  if (rel?.none)
    return { ...unscored(item, value, { kind: 'missing', fields: NONE }), calc: rel.none, peers: rel.peers };
  const env = rel ? rel.env(base) : base;

  // Hard floors: a veto on this item that applies at this level and holds on the value zeroes it.
  const floors = floorsAt(scheme, item, node.unit.level);
  const zeroedBy = floorsHit(floors, value, env);
  const target = item.target;
  const met = target ? meets(target, value, env) : undefined;
  if (target && met === undefined)
    return floored(undecided(scheme, item, target, node.fields, value, rolled), zeroedBy);

  const s = scoreItem(item, value, env);
  // A points formula without a value (rule formula): a field it reads is missing or invalid, else n/a.
  if (s.status === 'na') return floored(undecided(scheme, item, target!, node.fields, value, false), zeroedBy);
  const result = floored(uncap(item, scored(item, value, s, met)), zeroedBy);
  if (remedies && result.status !== 'met' && met !== true && !rolled)
    result.remedy = remedyAt(scheme, item, rel ? base : env, floors, rel?.rebind);
  return rel ? relativeResult(result, rel) : result;
}
