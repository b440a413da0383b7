/**
 * The scoring rules of DESIGN.md, on exact numbers. Each takes a defined value and
 * returns the points, the status and the calculation; undefined values are handled
 * by the caller through the item's `na` policy.
 */
import { Rational } from '../rational';
import type { Env, Value } from '../scheme/formula';
import type { Item, Partial, Rule } from '../scheme/model';
import type { Target } from '../scheme/target';
import type { Calc, Status } from './types';
import { distance, meets, threshold } from './target-eval';
import { formulaScore } from './rule-formula';

export interface Scored {
  points: Rational;
  status: Status;
  gap?: Rational;
  calc: Calc;
}

const roundUnits = (x: Rational, partial: Partial): Rational =>
  partial === 'up' ? x.ceil() : partial === 'down' ? x.floor() : x;

/** Met, else partial while some points remain, else failed. */
const statusOf = (met: boolean | undefined, points: Rational): Status =>
  met ? 'met' : points.sign() > 0 ? 'partial' : 'failed';

/** Caps a deduction at the rule's maximum and at the item's points. */
function capLoss(
  lost: Rational,
  max: Rational | undefined,
  points: Rational,
): { lost: Rational; cap?: 'max' | 'points' } {
  if (max && lost.gt(max) && max.le(points)) return { lost: max, cap: 'max' };
  if (lost.gt(points)) return { lost: points, cap: 'points' };
  return { lost };
}

/**
 * A bonus item loses nothing: it is `met` when its target holds (even with nothing
 * beyond it to earn yet) or it earned points, else `failed`; never `partial`.
 */
export function scoreItem(item: Item, value: Value, env: Env): Scored {
  const r = scoreByRule(item, value, env);
  if (!item.bonus || r.status === 'na') return r;
  const met =
    r.status === 'met' || r.points.sign() > 0 || (item.target !== undefined && meets(item.target, value, env) === true);
  // `r` was made for this call: its status is set in place (no copy on the hot path).
  r.status = met ? 'met' : 'failed';
  return r;
}

type RuleOf<T extends Rule['type']> = Extract<Rule, { type: T }>;

/** The item's rule applied to a value: one function per rule, each on the target's verdict and distance. */
function scoreByRule(item: Item, value: Value, env: Env): Scored {
  const t = item.target;
  const met = t ? meets(t, value, env) : undefined;
  const gap = t ? distance(t, value, env) : undefined;
  // A target that cannot be decided (e.g. `>= den` with den blank) scores nothing:
  // never a distance of 0 or full points. The caller says why (missing, invalid, n/a).
  if (t && met === undefined) return { points: Rational.ZERO, status: 'na', calc: { kind: 'na', policy: item.na } };
  const rule = item.rule;
  switch (rule.type) {
    case 'all': {
      const points = met ? item.points : Rational.ZERO;
      return { points, status: met ? 'met' : 'failed', gap, calc: { kind: 'all', met: !!met } };
    }
    case 'deduct':
    case 'per_case':
      return deductScore(item.points, rule, met, gap);
    case 'checklist':
      return checklistScore(item, rule, value, env, met);
    case 'proportional':
      return proportionalScore(item.points, t, value, env, met, gap);
    case 'bands':
      return bandsScore(item.points, rule, value, env, met, gap);
    case 'add':
      return addScore(item.points, rule, t, value, env, met, gap);
    case 'formula':
      return { ...formulaScore(item, rule.points, value, env, met), gap };
  }
}

/** Points off per unit of distance (`deduct`), or per case (`per_case`), capped. */
function deductScore(
  full: Rational,
  rule: RuleOf<'deduct' | 'per_case'>,
  met: boolean | undefined,
  gap: Rational | undefined,
): Scored {
  const d = gap ?? Rational.ZERO;
  const per = rule.type === 'deduct' ? rule.per : Rational.ONE;
  const partial = rule.type === 'deduct' ? rule.partial : 'up';
  const exact = d.div(per)!;
  const units = roundUnits(exact, partial);
  const { lost, cap } = capLoss(units.mul(rule.deduct), rule.max, full);
  const points = full.sub(lost);
  return {
    points,
    status: statusOf(met, points),
    gap,
    calc: {
      kind: 'deduct',
      perCase: rule.type === 'per_case',
      distance: d,
      per,
      partial,
      exact,
      units,
      deduct: rule.deduct,
      lost,
      cap,
    },
  };
}

/** Points off per yes/no field of the checklist that is not yes (or per one short of the target). */
function checklistScore(
  item: Item,
  rule: RuleOf<'checklist'>,
  value: Value,
  env: Env,
  met: boolean | undefined,
): Scored {
  const t = item.target;
  const args = item.formula.ast.k === 'call' ? item.formula.ast.args : [];
  const missing = args.flatMap((a) => (a.k === 'ref' && env(a.name) !== true ? [a.name] : []));
  const need = t ? threshold(t, env) : Rational.int(args.length);
  const short = need && value instanceof Rational ? need.sub(value).max(Rational.ZERO) : Rational.int(missing.length);
  const { lost, cap } = capLoss(short.mul(rule.deduct), rule.max, item.points);
  const points = item.points.sub(lost);
  const ok = t ? met : missing.length === 0;
  return {
    points,
    status: statusOf(ok, points),
    gap: short,
    calc: { kind: 'checklist', missing, deduct: rule.deduct, lost, cap },
  };
}

/** The achieved share of the threshold, of the full points. */
function proportionalScore(
  full: Rational,
  t: Target | undefined,
  value: Value,
  env: Env,
  met: boolean | undefined,
  gap: Rational | undefined,
): Scored {
  const v = value instanceof Rational ? value : Rational.ZERO;
  const th = t ? threshold(t, env) : undefined;
  let ratio = Rational.ONE;
  if (!met) {
    // Not met: the achieved share of a positive threshold; 0 when there is no
    // such share (threshold ≤ 0, division undefined, not a comparison).
    const share =
      th && th.sign() > 0 && t?.kind === 'cmp' ? (t.op === '<=' || t.op === '<' ? th.div(v) : v.div(th)) : undefined;
    ratio = share ?? Rational.ZERO;
  }
  ratio = ratio.max(Rational.ZERO).min(Rational.ONE);
  const points = full.mul(ratio);
  return { points, status: statusOf(met, points), gap, calc: { kind: 'proportional', ratio } };
}

/** The points of the first band whose condition holds. */
function bandsScore(
  full: Rational,
  rule: RuleOf<'bands'>,
  value: Value,
  env: Env,
  met: boolean | undefined,
  gap: Rational | undefined,
): Scored {
  const i = rule.bands.findIndex((b) => !b.when || meets(b.when, value, env) === true);
  const band = rule.bands[i];
  const points = band ? band.points.min(full) : Rational.ZERO;
  // Met only with the item's full points: a met target in a lower band is partial.
  return {
    points,
    status: statusOf(met && points.eq(full), points),
    gap,
    calc: { kind: 'bands', band: i, when: band?.when?.text, points },
  };
}

/** Points earned per unit beyond a met target, up to the item's points. */
function addScore(
  full: Rational,
  rule: RuleOf<'add'>,
  t: Target | undefined,
  value: Value,
  env: Env,
  met: boolean | undefined,
  gap: Rational | undefined,
): Scored {
  // Beyond the target: the distance on the far side of the threshold.
  const th = t ? threshold(t, env) : undefined;
  const v = value instanceof Rational ? value : undefined;
  let beyond = Rational.ZERO;
  if (th && v && t?.kind === 'cmp') beyond = (t.op === '<=' || t.op === '<' ? th.sub(v) : v.sub(th)).max(Rational.ZERO);
  const units = met ? roundUnits(beyond.div(rule.per)!, rule.partial) : Rational.ZERO;
  const raw = units.mul(rule.add);
  const earned = raw.min(full);
  return {
    points: earned,
    status: statusOf(met && earned.sign() > 0, earned),
    gap,
    calc: {
      kind: 'add',
      met: !!met,
      beyond,
      per: rule.per,
      partial: rule.partial,
      units,
      add: rule.add,
      earned,
      capped: raw.gt(full),
    },
  };
}
