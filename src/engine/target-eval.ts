/** Whether a value meets a target, and how far it is from it. */
import { Rational } from '../rational';
import { evaluate, type Env, type Formula, type Value } from '../scheme/formula';
import type { Target } from '../scheme/target';

const num = (v: Value): Rational | undefined => (v instanceof Rational ? v : undefined);

export function meets(t: Target, value: Value, env: Env): boolean | undefined {
  if (t.kind === 'formula') {
    const r = evaluate(t.f.ast, env);
    return r === undefined ? undefined : typeof r === 'boolean' ? r : !r.isZero();
  }
  if (value === undefined) return undefined;
  if (t.kind === 'between') {
    const lo = num(evaluate(t.lo.ast, env));
    const hi = num(evaluate(t.hi.ast, env));
    const v = num(value);
    return lo && hi && v ? v.ge(lo) && v.le(hi) : undefined;
  }
  const rhs = evaluate(t.rhs.ast, env);
  if (rhs === undefined) return undefined;
  if (typeof value === 'boolean' || typeof rhs === 'boolean') {
    if (typeof value !== 'boolean' || typeof rhs !== 'boolean') return undefined;
    return t.op === '==' ? value === rhs : t.op === '!=' ? value !== rhs : undefined;
  }
  const c = value.cmp(rhs);
  switch (t.op) {
    case '>=':
      return c >= 0;
    case '<=':
      return c <= 0;
    case '>':
      return c > 0;
    case '<':
      return c < 0;
    case '==':
      return c === 0;
    case '!=':
      return c !== 0;
  }
}

/**
 * The plain gap between a value and its target, in the value's own unit, for
 * reports and the distance-based rules: how far below `>=`/`>`, above `<=`/`<`,
 * away from `==` or outside a `between` window; 0 when met; undefined when unknown.
 *
 * It is 0 for some unmet targets: `> x` and `< x` at exactly x (no positive amount is
 * the smallest one missing) and `!= x` at x (no gap to measure). So it says how far,
 * never whether: use `meets` for that. The remedy solver does not use it at all.
 */
export function distance(t: Target, value: Value, env: Env): Rational | undefined {
  const v = num(value);
  if (!v || t.kind === 'formula') return undefined;
  if (t.kind === 'between') {
    const lo = num(evaluate(t.lo.ast, env));
    const hi = num(evaluate(t.hi.ast, env));
    if (!lo || !hi) return undefined;
    return v.lt(lo) ? lo.sub(v) : v.gt(hi) ? v.sub(hi) : Rational.ZERO;
  }
  const rhs = num(evaluate(t.rhs.ast, env));
  if (!rhs) return undefined;
  switch (t.op) {
    case '>=':
    case '>':
      return rhs.sub(v).max(Rational.ZERO);
    case '<=':
    case '<':
      return v.sub(rhs).max(Rational.ZERO);
    case '==':
      return v.sub(rhs).abs();
    case '!=':
      return Rational.ZERO;
  }
}

/**
 * For the remedy search: a test of whether a value has reached the target or gone
 * past it, seen from the side of `start` (the current value, which misses it).
 *
 * - `>=`, `>`, `<=`, `<`, `!=` and a yes/no target: the target is met.
 * - `between lo and hi`: from below, the value is ≥ lo; from above, ≤ hi (in the
 *   window or beyond it).
 * - `==`: the value has reached or crossed the threshold.
 *
 * As a value moves one way, the test turns from false to true once, and where it
 * turns the target is met, unless the value jumped over it (a window, or an exact
 * value, between two steps). Undefined when unknown.
 */
export function reachedFrom(t: Target, start: Value, env0: Env): (value: Value, env: Env) => boolean | undefined {
  const met = (value: Value, env: Env) => meets(t, value, env);
  const s = num(start);
  if (t.kind === 'between' && s) {
    const lo = num(evaluate(t.lo.ast, env0));
    const hi = num(evaluate(t.hi.ast, env0));
    if (lo && s.lt(lo)) return (value, env) => gauge(value, t.lo, env, (c) => c >= 0);
    if (hi && s.gt(hi)) return (value, env) => gauge(value, t.hi, env, (c) => c <= 0);
  }
  if (t.kind === 'cmp' && t.op === '==' && s) {
    const rhs = num(evaluate(t.rhs.ast, env0));
    const side = rhs ? s.cmp(rhs) : 0;
    if (side !== 0) return (value, env) => gauge(value, t.rhs, env, (c) => c !== side);
  }
  return met;
}

/** Compares a value with a threshold formula: `ok(value.cmp(threshold))`; undefined when either is unknown. */
function gauge(value: Value, f: Formula, env: Env, ok: (c: -1 | 0 | 1) => boolean): boolean | undefined {
  const v = num(value);
  const th = num(evaluate(f.ast, env));
  return v && th ? ok(v.cmp(th)) : undefined;
}

/** The target's threshold (the right-hand side of a comparison). */
export function threshold(t: Target, env: Env): Rational | undefined {
  return t.kind === 'cmp' ? num(evaluate(t.rhs.ast, env)) : undefined;
}
