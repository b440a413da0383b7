/** The goal of a plan: read from `--goal`, the score it needs, and whether a unit's standing reaches it. */
import { Rational } from '../rational';
import type { UnitResult } from '../engine/types';
import type { Goal, Standing } from './types';

/** `pass`, `score:N` (N > 0, a number) or `rank:N` (N a whole number ≥ 1); undefined for anything else. */
export function parseGoal(text: string): Goal | undefined {
  const t = text.trim();
  if (t === 'pass') return { kind: 'pass' };
  const m = /^(score|rank)\s*[:=]\s*(\S+)$/.exec(t);
  if (!m) return undefined;
  const n = Rational.parse(m[2]!);
  if (!n || n.sign() <= 0) return undefined;
  if (m[1] === 'score') return { kind: 'score', score: n };
  return n.isInteger() ? { kind: 'rank', rank: n.toNumber(0) } : undefined;
}

/** A unit's standing as scored. */
export const standingOf = (u: UnitResult): Standing => ({
  scaled: u.scaled,
  passed: u.passed,
  rank: u.rank,
  of: u.of,
  vetoes: u.vetoes.filter((v) => v.triggered).map((v) => v.id),
});

/**
 * The scaled score the goal needs: the pass line; the score asked for; for rank N, the
 * N-th best score among the unit's siblings (ranks are shared on a tie: 1, 2, 2, 4), or
 * undefined when there are fewer than N others (the rank holds as it is).
 */
export function neededScore(goal: Goal, pass: Rational, siblings: readonly UnitResult[], self: UnitResult) {
  if (goal.kind === 'pass') return pass;
  if (goal.kind === 'score') return goal.score;
  const others = siblings
    .filter((u) => u !== self && !u.vetoes.some((v) => v.triggered))
    .map((u) => u.scaled)
    .sort((a, b) => b.cmp(a));
  return others[goal.rank - 1];
}

/** Whether the unit as re-scored reaches the goal (the engine's pass, score and rank). */
export function goalHolds(goal: Goal, u: UnitResult): boolean {
  const clean = u.vetoes.every((v) => !v.triggered);
  if (goal.kind === 'pass') return u.passed;
  if (goal.kind === 'score') return u.scaled.ge(goal.score);
  return clean && u.rank <= goal.rank;
}
