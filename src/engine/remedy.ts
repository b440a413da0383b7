/**
 * The remedy: the smallest whole-number change of the lever field (others fixed)
 * that meets the target, within the field's bounds and the scheme's error-level
 * checks; or "not reachable by this lever".
 *
 * The search runs in whole steps k of the lever (1 person, 1 yuan, 1 case; 0.1
 * percentage point for a percent field), up and down separately, and keeps the
 * smaller change (the increase on a tie). Along one direction k runs from 1 to the
 * last step the field's bounds allow (min, else 0 for count and money; max; 2^48
 * steps when nothing bounds it). The search never asks whether one step brings the
 * value closer (after round() it may not move; `> 0` at 0 has no distance to shrink):
 *
 * 1. It looks for the first k where the value has *reached or passed* the target
 *    from the side it starts on (`reachedFrom`): met for `>=` `>` `<=` `<` `!=` and
 *    yes/no targets; in the window or beyond it for `between`; at or across the
 *    threshold for `==`. For a formula monotone in the lever this turns true once,
 *    so doubling then bisection find it exactly, and a window cannot be jumped over
 *    for good. When the formula is known to be monotone (a static look at it), the
 *    last allowed step is tried first: a direction that cannot reach costs one or
 *    two evaluations.
 * 2. At that k: target met and checks hold → the answer for this direction; target
 *    not met → the value jumped over it (a window or an exact value between two
 *    steps): none; a check fails → further along, while the target is still met (to
 *    the end of a window), the first k where the checks hold (bisection, taking the
 *    checks as monotone there), else none.
 *
 * abs() and if() over a monotone argument make the formula monotone piecewise: the
 * points where the argument changes sign (the condition flips) are found by
 * bisection first, and each piece is searched in turn as above. Where monotonicity
 * is unknown (the lever on both sides of a product or quotient, nested abs) the
 * doubling is only a probe, and a window between two probes can be missed.
 *
 * Cost: about 2·log2(k) + 4 formula evaluations for a monotone formula, plus
 * log2(range) per abs()/if() that turns; the checks are evaluated only at the end.
 */
import { Rational } from '../rational';
import { evaluate, type Env, type Node, type Value } from '../scheme/formula';
import { monotone, switches } from './monotone';
import type { Item, Scheme } from '../scheme/model';
import { targetFormulas } from '../scheme/target';
import { meets, reachedFrom } from './target-eval';
import type { Remedy } from './types';

/** The number of steps tried in a direction no bound limits. */
const FAR = 1n << 48n;

export function solveRemedy(
  scheme: Scheme,
  item: Item,
  env: Env,
  score: (value: Value, env: Env) => Rational,
): Remedy | undefined {
  const lever = item.lever;
  const target = item.target;
  if (!lever || !target) return undefined;
  const field = scheme.fields.get(lever)!;
  const from = env(lever);
  if (!(from instanceof Rational)) return undefined;
  const start = evaluate(item.formula.ast, env);
  // Nothing to remedy when the target is met (e.g. an `add` item at its threshold).
  if (meets(target, start, env) === true) return undefined;
  const checks = scheme.checks.filter((c) => c.severity === 'error' && c.fields.includes(lever));
  const low = field.min ?? (['count', 'money'].includes(field.type) ? Rational.ZERO : undefined);
  const high = field.max;

  // Whole units of the lever: people, yuan, cases; for a percent field, tenths of a percentage point.
  const step = field.type === 'percent' ? Rational.of(1n, 1000n) : Rational.ONE;
  const main = target.kind === 'formula' ? target.f.ast : item.formula.ast;
  const refs = target.kind === 'formula' ? [] : targetFormulas(target);
  const nonNegative = low !== undefined && low.sign() >= 0;
  const mono = (n: Node, e: Env) => monotone(n, lever, e, nonNegative);
  const fixed = refs.every((f) => mono(f.ast, env) === 0);
  // abs() and if() over a monotone argument: the formula is monotone between the
  // points where their argument changes sign or their condition flips.
  const turns = switches(main, (n) => mono(n, env));
  // Without turns, whether the formula is monotone does not depend on where the lever is.
  const plainSteady = turns.length === 0 ? fixed && mono(main, env) !== undefined : undefined;

  /** The first step k ≥ 1 along `dir` that meets the target within the bounds and checks. */
  const along = (dir: bigint): bigint | undefined => {
    const envAt = (k: bigint): Env => {
      const v = from.add(Rational.of(dir * k).mul(step));
      return (n) => (n === lever ? v : env(n));
    };
    const points = new Map<bigint, { env: Env; value: Value }>();
    const point = (k: bigint) => {
      let p = points.get(k);
      if (!p) {
        const e = envAt(k);
        p = { env: e, value: evaluate(item.formula.ast, e) };
        points.set(k, p);
      }
      return p;
    };
    const met = (k: bigint) => {
      const p = point(k);
      return meets(target, p.value, p.env) === true;
    };
    const valid = (k: bigint) => checks.every((c) => evaluate(c.assert.ast, point(k).env) !== false);

    let kmax = FAR;
    const bound = dir > 0n ? high : low;
    if (bound) {
      const room = (dir > 0n ? bound.sub(from) : from.sub(bound)).div(step)!.floor().n;
      if (room < kmax) kmax = room;
    }
    // A denominator that reaches zero at the bound (population down to 0): the last
    // defined value stands for the end of the range.
    for (let i = 0; i < 2 && kmax >= 1n && point(kmax).value === undefined; i++) kmax--;
    if (kmax < 1n) return undefined;

    // Pieces of [1, kmax] on which the formula is monotone.
    const cuts = new Set<bigint>();
    for (const test of turns) {
      const at0 = test(env);
      if (at0 === undefined || test(envAt(kmax)) !== !at0) continue;
      cuts.add(first(0n, kmax, (k) => test(envAt(k)) === !at0));
    }
    const starts = [1n, ...[...cuts].filter((c) => c > 1n).sort((a, b) => (a < b ? -1 : 1))];
    for (let i = 0; i < starts.length; i++) {
      const a = starts[i]!;
      const b = i + 1 < starts.length ? starts[i + 1]! - 1n : kmax;
      const k = piece(a, b);
      if (k !== undefined) return k;
    }
    return undefined;

    /** The first k in [a, b] that meets the target and the checks; the formula is monotone on [a, b] when it is known to be monotone at all. */
    function piece(a: bigint, b: bigint): bigint | undefined {
      let hi: bigint;
      if (met(a)) hi = a;
      else {
        const start = point(a);
        const reached = reachedFrom(target!, start.value, start.env);
        const q = (k: bigint) => {
          const p = point(k);
          return reached(p.value, p.env) === true;
        };
        const steady = plainSteady ?? (fixed && mono(main, start.env) !== undefined);
        if (steady && !q(b)) return undefined;
        // Doubling, then bisection, for the first k that has reached or passed the target.
        let lo = a;
        for (let off = 1n; ; lo = hi, off *= 2n) {
          hi = a + off;
          if (hi >= b) {
            hi = b;
            if (!q(hi)) return undefined;
            break;
          }
          if (q(hi)) break;
        }
        hi = first(lo, hi, q);
        // Passed without meeting it: the target lies between two steps.
        if (!met(hi)) return undefined;
      }
      if (valid(hi)) return hi;
      // A check fails where the target is first met: further along, while the target
      // is still met (up to the end of a window), the first k where the checks hold.
      let end = b;
      if (!met(end)) end = first(hi, end, (k) => !met(k)) - 1n;
      if (!valid(end)) return undefined;
      const k = first(hi, end, valid);
      return met(k) ? k : undefined;
    }
  };

  let best: bigint | undefined;
  for (const dir of [1n, -1n]) {
    const k = along(dir);
    if (k !== undefined && (best === undefined || k < (best < 0n ? -best : best))) best = dir * k;
  }
  const label = field.label;
  const kind = field.type === 'percent' ? 'percent' : 'number';
  if (best === undefined) return { lever, label, kind, from, reachable: false };
  const change = Rational.of(best).mul(step);
  const to = from.add(change);
  const e: Env = (n) => (n === lever ? to : env(n));
  const before = score(start, env);
  const after = score(evaluate(item.formula.ast, e), e);
  return { lever, label, kind, from, to, change, reachable: true, gain: after.sub(before) };
}

/** The smallest k in (lo, hi] with ok(k), given !ok(lo) and ok(hi), by bisection. */
function first(lo: bigint, hi: bigint, ok: (k: bigint) => boolean): bigint {
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
