/**
 * One item scored at one unit: its value, status, points, the hard floors that zero
 * it, and (when asked for) the remedy. Pure, as the rest of the engine.
 */
import type { Env, Value } from '../scheme/formula';
import { evaluate as evalFormula } from '../scheme/formula';
import type { Item, Scheme, Veto } from '../scheme/model';
import { Rational } from '../rational';
import type { UnitFields } from './fields';
import type { Node, Unscored } from './node';
import { solveRemedy } from './remedy';
import { rollupValue } from './rollup';
import { scoreItem } from './rules';
import { meets } from './target-eval';
import type { Calc, ItemResult } from './types';
import { fieldsOfTarget, floorsOf, NONE } from './vetoes';

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

const unscored = (item: Item, value: Value, calc: Unscored): ItemResult => {
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

export function scoreAt(scheme: Scheme, item: Item, node: Node, env: Env, remedies: boolean): ItemResult {
  const rolled = node.unit.level > item.level && item.rollup !== 'sum';
  const roll = rolled ? rollupValue(item, node) : undefined;
  const value: Value = roll ? roll.value : evalFormula(item.formula.ast, env);
  const fields = node.fields;
  const full = item.points;
  const counted = item.bonus ? Rational.ZERO : full;

  if (roll?.calc) return unscored(item, value, roll.calc);
  if (!rolled) {
    const invalid = invalidOf(fields, item.fields);
    if (invalid.length) return unscored(item, value, invalidCalc(fields, invalid));
  }
  if (value === undefined) {
    const missing = rolled ? NONE : missingOf(fields, item.fields);
    return missing.length ? unscored(item, value, { kind: 'missing', fields: missing }) : na(item, value);
  }

  // Hard floors: a veto on this item that applies at this level and holds on the value zeroes it.
  const onItem = floorsOf(scheme).get(item.id);
  const floors = onItem ? onItem.filter((v) => v.level <= node.unit.level) : NONE;
  const zeroedBy = floorsHit(floors, value, env);

  const target = item.target;
  const met = target ? meets(target, value, env) : undefined;
  if (target && met === undefined) {
    // The value is known but the target cannot be decided: not scored, and say why.
    const reads = rolled ? fieldsOfTarget(scheme, target) : item.fields;
    const bad = invalidOf(fields, reads);
    if (bad.length) return floored(unscored(item, value, invalidCalc(fields, bad)), zeroedBy);
    const missing = missingOf(fields, reads);
    return floored(
      missing.length ? unscored(item, value, { kind: 'missing', fields: missing }) : na(item, value),
      zeroedBy,
    );
  }

  const s = scoreItem(item, value, env);
  const result: ItemResult = floored(
    {
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
      max: counted,
      lost: item.bonus ? Rational.ZERO : full.sub(s.points),
      gap: s.gap,
      met,
      calc: s.calc,
    },
    zeroedBy,
  );
  if (remedies && result.status !== 'met' && met !== true && !rolled) {
    const score = (v: Value, e: Env): Rational =>
      floorsHit(floors, v, e).length ? Rational.ZERO : scoreItem(item, v, e).points;
    result.remedy = solveRemedy(scheme, item, env, score);
  }
  return result;
}
