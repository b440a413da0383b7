/**
 * The remedy: the smallest whole-number change of the lever field (others fixed)
 * that meets the target, within the field's bounds and the scheme's error-level
 * checks; or "not reachable by this lever".
 */
import { Rational } from '../rational';
import { evaluate, type Env, type Value } from '../scheme/formula';
import type { Item, Scheme } from '../scheme/model';
import { distance, meets } from './target-eval';
import type { Remedy } from './types';

const MAX_DOUBLINGS = 48;

export function solveRemedy(scheme: Scheme, item: Item, env: Env, score: (value: Value, env: Env) => Rational): Remedy | undefined {
  const lever = item.lever;
  const target = item.target;
  if (!lever || !target) return undefined;
  const field = scheme.fields.get(lever)!;
  const from = env(lever);
  if (!(from instanceof Rational)) return undefined;
  const checks = scheme.checks.filter((c) => c.severity === 'error' && c.fields.includes(lever));
  const low = field.min ?? (['count', 'money'].includes(field.type) ? Rational.ZERO : undefined);

  // Whole units of the lever: people, yuan, cases; for a percent field, tenths of a percentage point.
  const step = field.type === 'percent' ? Rational.of(1n, 1000n) : Rational.ONE;
  const envWith = (delta: Rational): Env => {
    const v = from.add(delta);
    return (n) => (n === lever ? v : env(n));
  };
  const ok = (delta: Rational): boolean => {
    const v = from.add(delta);
    if (low && v.lt(low)) return false;
    if (field.max && v.gt(field.max)) return false;
    const e = envWith(delta);
    if (checks.some((c) => evaluate(c.assert.ast, e) === false)) return false;
    return meets(target, evaluate(item.formula.ast, e), e) === true;
  };

  // Search only the directions in which one step brings the value closer to the
  // target (both when the target has no distance, e.g. a yes/no condition).
  const away = (delta: Rational): Rational | undefined => {
    const e = envWith(delta);
    return distance(target, evaluate(item.formula.ast, e), e);
  };
  const now = away(Rational.ZERO);
  const inBounds = (delta: Rational) => !(low && from.add(delta).lt(low)) && !(field.max && from.add(delta).gt(field.max));
  const directions = [1n, -1n].filter((dir) => {
    const d = Rational.of(dir).mul(step);
    if (!inBounds(d)) return false;
    const next = away(d);
    return now === undefined || next === undefined || next.lt(now);
  });
  const found = directions
    .map((dir) => smallest(dir, (k) => ok(k.mul(step)), (k) => inBounds(k.mul(step))))
    .filter((d): d is Rational => d !== undefined)
    .sort((a, b) => a.abs().cmp(b.abs()) || b.cmp(a))[0];
  const label = field.label;
  const kind = field.type === 'percent' ? 'percent' : 'number';
  if (!found) return { lever, label, kind, from, reachable: false };
  const best = found.mul(step);
  const e = envWith(best);
  const before = score(evaluate(item.formula.ast, env), env);
  const after = score(evaluate(item.formula.ast, e), e);
  return { lever, label, kind, from, to: from.add(best), change: best, reachable: true, gain: after.sub(before) };
}

/**
 * Smallest k ≥ 1 with ok(dir·k), assuming ok is monotone in k along this direction:
 * doubling until ok (or the bounds end), then bisection.
 */
function smallest(dir: bigint, ok: (d: Rational) => boolean, inBounds: (d: Rational) => boolean): Rational | undefined {
  const at = (k: bigint) => Rational.of(dir * k);
  let lo = 0n; // known not to do
  let hi = 1n;
  for (let i = 0; ; i++, lo = hi, hi *= 2n) {
    if (i > MAX_DOUBLINGS) return undefined;
    if (!inBounds(at(hi))) {
      // The largest k still inside the bounds is the last chance.
      let a = lo;
      let b = hi;
      while (b - a > 1n) {
        const mid = (a + b) / 2n;
        if (inBounds(at(mid))) a = mid;
        else b = mid;
      }
      if (a === lo || !ok(at(a))) return undefined;
      hi = a;
      break;
    }
    if (ok(at(hi))) break;
  }
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (ok(at(mid))) hi = mid;
    else lo = mid;
  }
  return at(hi);
}
