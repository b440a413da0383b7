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
import type { Check, Field, Item, Scheme } from '../scheme/model';
import { targetFormulas, type Target } from '../scheme/target';
import { meets, reachedFrom } from './target-eval';
import type { Remedy } from './types';

/** The number of steps tried in a direction no bound limits. */
const FAR = 1n << 48n;

/** What the search in either direction needs, worked out once per item and unit. */
interface Search {
  item: Item;
  target: Target;
  lever: string;
  field: Field;
  env: Env;
  /** The lever's value here, and the formula's. */
  from: Rational;
  start: Value;
  /** One whole unit of the lever. */
  step: Rational;
  checks: Check[];
  low: Rational | undefined;
  high: Rational | undefined;
  /** The formula the target is decided on. */
  main: Node;
  nonNegative: boolean;
  /** The target's own formulas do not move with the lever. */
  fixed: boolean;
  /** Where abs() and if() inside `main` turn. */
  turns: ((env: Env) => boolean | undefined)[];
  /** Without turns: whether the formula is monotone (it does not depend on where the lever is). */
  plainSteady: boolean | undefined;
  /** Peer values answered for the unit's names as they move (a relative item), else undefined. */
  rebind?: (env: Env) => Env;
}

export function solveRemedy(
  scheme: Scheme,
  item: Item,
  env: Env,
  score: (value: Value, env: Env) => Rational,
  /** For a relative item: the unit's names with the peer values answered for them (peers.ts). */
  rebind?: (env: Env) => Env,
): Remedy | undefined {
  const s = searchOf(scheme, item, env, rebind);
  if (!s) return undefined;
  let best: bigint | undefined;
  for (const dir of [1n, -1n]) {
    const k = along(s, dir);
    if (k !== undefined && (best === undefined || k < (best < 0n ? -best : best))) best = dir * k;
  }
  return remedyOf(s, best, score);
}

/** The search for an item at a unit, or undefined when there is nothing to search (no lever, no target, met). */
function searchOf(scheme: Scheme, item: Item, base: Env, rebind?: (env: Env) => Env): Search | undefined {
  const env = rebind ? rebind(base) : base;
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
  const fixed = refs.every((f) => monotone(f.ast, lever, env, nonNegative) === 0);
  // abs() and if() over a monotone argument: the formula is monotone between the
  // points where their argument changes sign or their condition flips.
  const turns = switches(main, (n) => monotone(n, lever, env, nonNegative));
  const plainSteady = turns.length === 0 ? fixed && monotone(main, lever, env, nonNegative) !== undefined : undefined;
  return {
    item,
    target,
    lever,
    field,
    env,
    from,
    start,
    step,
    checks,
    low,
    high,
    main,
    nonNegative,
    fixed,
    turns,
    plainSteady,
    rebind,
  };
}

/** A point of the search: the lever moved k steps, and the formula's value there. */
interface Point {
  env: Env;
  value: Value;
}

/** One direction of the search: the lever moved k steps along `dir`, each point evaluated once. */
class Direction {
  private readonly points = new Map<bigint, Point>();
  constructor(
    readonly s: Search,
    readonly dir: bigint,
  ) {}

  /** The unit's values with the lever moved k steps. */
  envAt(k: bigint): Env {
    const { lever, env } = this.s;
    const v = this.s.from.add(Rational.of(this.dir * k).mul(this.s.step));
    const e: Env = (n) => (n === lever ? v : env(n));
    return this.s.rebind ? this.s.rebind(e) : e;
  }

  point(k: bigint): Point {
    let p = this.points.get(k);
    if (!p) {
      const e = this.envAt(k);
      p = { env: e, value: evaluate(this.s.item.formula.ast, e) };
      this.points.set(k, p);
    }
    return p;
  }

  /** The target is met k steps along. */
  met(k: bigint): boolean {
    const p = this.point(k);
    return meets(this.s.target, p.value, p.env) === true;
  }

  /** The scheme's error-level checks on the lever hold k steps along. */
  valid(k: bigint): boolean {
    const e = this.point(k).env;
    return this.s.checks.every((c) => evaluate(c.assert.ast, e) !== false);
  }

  /** Whether the formula is monotone on a piece starting at `at` (known when there are no turns). */
  steady(at: Point): boolean {
    const s = this.s;
    return s.plainSteady ?? (s.fixed && monotone(s.main, s.lever, at.env, s.nonNegative) !== undefined);
  }
}

/** The first step k ≥ 1 along `dir` that meets the target within the bounds and checks. */
function along(s: Search, dir: bigint): bigint | undefined {
  const d = new Direction(s, dir);
  const kmax = lastStep(d);
  if (kmax < 1n) return undefined;
  const starts = pieceStarts(d, kmax);
  for (let i = 0; i < starts.length; i++) {
    const a = starts[i]!;
    const b = i + 1 < starts.length ? starts[i + 1]! - 1n : kmax;
    const k = piece(d, a, b);
    if (k !== undefined) return k;
  }
  return undefined;
}

/** The last step the field's bounds allow along the direction (FAR when none does), with the formula defined there. */
function lastStep(d: Direction): bigint {
  const { from, step, low, high } = d.s;
  let kmax = FAR;
  const bound = d.dir > 0n ? high : low;
  if (bound) {
    const room = (d.dir > 0n ? bound.sub(from) : from.sub(bound)).div(step)!.floor().n;
    if (room < kmax) kmax = room;
  }
  // A denominator that reaches zero at the bound (population down to 0): the last
  // defined value stands for the end of the range.
  for (let i = 0; i < 2 && kmax >= 1n && d.point(kmax).value === undefined; i++) kmax--;
  return kmax;
}

/** Where the pieces of [1, kmax] on which the formula is monotone start, in order. */
function pieceStarts(d: Direction, kmax: bigint): bigint[] {
  const cuts = new Set<bigint>();
  for (const test of d.s.turns) {
    const at0 = test(d.s.env);
    if (at0 === undefined || test(d.envAt(kmax)) !== !at0) continue;
    cuts.add(first(0n, kmax, (k) => test(d.envAt(k)) === !at0));
  }
  return [1n, ...[...cuts].filter((c) => c > 1n).sort((a, b) => (a < b ? -1 : 1))];
}

/** The first k in [a, b] that meets the target and the checks; the formula is monotone on [a, b] when it is known to be monotone at all. */
function piece(d: Direction, a: bigint, b: bigint): bigint | undefined {
  const hi = d.met(a) ? a : firstMet(d, a, b);
  if (hi === undefined) return undefined;
  if (d.valid(hi)) return hi;
  return firstValid(d, hi, b);
}

/** The first k in (a, b] where the target is met, given it is not met at a; undefined when it is passed over or never reached. */
function firstMet(d: Direction, a: bigint, b: bigint): bigint | undefined {
  const start = d.point(a);
  const reached = reachedFrom(d.s.target, start.value, start.env);
  const q = (k: bigint) => {
    const p = d.point(k);
    return reached(p.value, p.env) === true;
  };
  if (d.steady(start) && !q(b)) return undefined;
  // Doubling, then bisection, for the first k that has reached or passed the target.
  let lo = a;
  let hi: bigint;
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
  return d.met(hi) ? hi : undefined;
}

/**
 * A check fails where the target is first met (at `hi`): further along, while the
 * target is still met (up to the end of a window), the first k where the checks hold.
 */
function firstValid(d: Direction, hi: bigint, b: bigint): bigint | undefined {
  let end = b;
  if (!d.met(end)) end = first(hi, end, (k) => !d.met(k)) - 1n;
  if (!d.valid(end)) return undefined;
  const k = first(hi, end, (k) => d.valid(k));
  return d.met(k) ? k : undefined;
}

/** The remedy for the best step found (or "not reachable"), with the points it gains. */
function remedyOf(s: Search, best: bigint | undefined, score: (value: Value, env: Env) => Rational): Remedy {
  const { lever, from, env } = s;
  const label = s.field.label;
  const kind = s.field.type === 'percent' ? 'percent' : 'number';
  if (best === undefined) return { lever, label, kind, from, reachable: false };
  const change = Rational.of(best).mul(s.step);
  const to = from.add(change);
  const e = ((m: Env) => (s.rebind ? s.rebind(m) : m))((n) => (n === lever ? to : env(n)));
  const before = score(s.start, env);
  const after = score(evaluate(s.item.formula.ast, e), e);
  return { lever, label, kind, from, to, change, reachable: true, gain: after.sub(before) };
}

/** The smallest k in (lo, hi] with ok(k), given !ok(lo) and ok(hi), by bisection (hi when none before it). */
export function first(lo: bigint, hi: bigint, ok: (k: bigint) => boolean): bigint {
  while (hi - lo > 1n) {
    const mid = (lo + hi) / 2n;
    if (ok(mid)) hi = mid;
    else lo = mid;
  }
  return hi;
}
