/** Whether a value meets a target, and how far it is from it. */
import { Rational } from '../rational';
import { evaluate, type Env, type Value } from '../scheme/formula';
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
    case '>=': return c >= 0;
    case '<=': return c <= 0;
    case '>': return c > 0;
    case '<': return c < 0;
    case '==': return c === 0;
    case '!=': return c !== 0;
  }
}

/** Distance from the target in the value's own unit; 0 when met; undefined when unknown. */
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
    case '>=': case '>': return rhs.sub(v).max(Rational.ZERO);
    case '<=': case '<': return v.sub(rhs).max(Rational.ZERO);
    case '==': return v.sub(rhs).abs();
    case '!=': return Rational.ZERO;
  }
}

/** The target's threshold (the right-hand side of a comparison). */
export function threshold(t: Target, env: Env): Rational | undefined {
  return t.kind === 'cmp' ? num(evaluate(t.rhs.ast, env)) : undefined;
}
