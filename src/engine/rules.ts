/**
 * The scoring rules of DESIGN.md, on exact numbers. Each takes a defined value and
 * returns the points, the status and the calculation; undefined values are handled
 * by the caller through the item's `na` policy.
 */
import { Rational } from '../rational';
import type { Env, Value } from '../scheme/formula';
import type { Item, Partial } from '../scheme/model';
import type { Calc, Status } from './types';
import { distance, meets, threshold } from './target-eval';

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
  return { ...r, status: met ? 'met' : 'failed' };
}

function scoreByRule(item: Item, value: Value, env: Env): Scored {
  const full = item.points;
  const t = item.target;
  const met = t ? meets(t, value, env) : undefined;
  const gap = t ? distance(t, value, env) : undefined;
  // A target that cannot be decided (e.g. `>= den` with den blank) scores nothing:
  // never a distance of 0 or full points. The caller says why (missing, invalid, n/a).
  if (t && met === undefined) return { points: Rational.ZERO, status: 'na', calc: { kind: 'na', policy: item.na } };
  const rule = item.rule;
  switch (rule.type) {
    case 'all': {
      const points = met ? full : Rational.ZERO;
      return { points, status: met ? 'met' : 'failed', gap, calc: { kind: 'all', met: !!met } };
    }
    case 'deduct':
    case 'per_case': {
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
    case 'checklist': {
      const args = item.formula.ast.k === 'call' ? item.formula.ast.args : [];
      const missing = args.flatMap((a) => (a.k === 'ref' && env(a.name) !== true ? [a.name] : []));
      const need = t ? threshold(t, env) : Rational.int(args.length);
      const short =
        need && value instanceof Rational ? need.sub(value).max(Rational.ZERO) : Rational.int(missing.length);
      const { lost, cap } = capLoss(short.mul(rule.deduct), rule.max, full);
      const points = full.sub(lost);
      const ok = t ? met : missing.length === 0;
      return {
        points,
        status: statusOf(ok, points),
        gap: short,
        calc: { kind: 'checklist', missing, deduct: rule.deduct, lost, cap },
      };
    }
    case 'proportional': {
      const v = value instanceof Rational ? value : Rational.ZERO;
      const th = t ? threshold(t, env) : undefined;
      let ratio = Rational.ONE;
      if (!met) {
        // Not met: the achieved share of a positive threshold; 0 when there is no
        // such share (threshold ≤ 0, division undefined, not a comparison).
        const share =
          th && th.sign() > 0 && t?.kind === 'cmp'
            ? t.op === '<=' || t.op === '<'
              ? th.div(v)
              : v.div(th)
            : undefined;
        ratio = share ?? Rational.ZERO;
      }
      ratio = ratio.max(Rational.ZERO).min(Rational.ONE);
      const points = full.mul(ratio);
      return { points, status: statusOf(met, points), gap, calc: { kind: 'proportional', ratio } };
    }
    case 'bands': {
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
    case 'add': {
      // Beyond the target: the distance on the far side of the threshold.
      const th = t ? threshold(t, env) : undefined;
      const v = value instanceof Rational ? value : undefined;
      let beyond = Rational.ZERO;
      if (th && v && t?.kind === 'cmp')
        beyond = (t.op === '<=' || t.op === '<' ? th.sub(v) : v.sub(th)).max(Rational.ZERO);
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
  }
}
