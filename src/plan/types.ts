/**
 * The plan (`pinggu plan`): plain data that src/report/plan formats. Numbers stay
 * exact (Rational); every figure "after" comes from scoring the changed data again.
 */
import type { Message } from '../messages/codes';
import type { Rational } from '../rational';

/** What the plan must reach: the pass line with no veto, a score, or a rank among the unit's siblings. */
export type Goal = { kind: 'pass' } | { kind: 'score'; score: Rational } | { kind: 'rank'; rank: number };

/** One unit's lever change: a township's (or the county's own row's). */
export interface UnitChange {
  key: string;
  code?: string;
  name: string;
  /** The lever's value there now, and after the change. */
  from: Rational;
  to: Rational;
  change: Rational;
  /** The township's own shortfall: the change that meets the target there (0 when met or out of reach). */
  shortfall: Rational;
}

/** One item's remedy in the plan: a county-level change of its lever, and where it is made. */
export interface PlanStep {
  item: string;
  title: string;
  bonus: boolean;
  lever: string;
  label: string;
  /** How the lever is shown: percentage points for a percent field. */
  kind: 'percent' | 'number';
  from: Rational;
  to: Rational;
  change: Rational;
  /** The item's points now, as estimated with this change alone, and as re-scored with the whole plan. */
  before: Rational;
  estimated: Rational;
  after?: Rational;
  effort: Rational;
  /** Whether the effort per lever unit is the scheme's (`effort:`) or the default. */
  effortGiven: boolean;
  units: UnitChange[];
}

/** A unit's standing: its scaled score, pass, rank among its siblings. */
export interface Standing {
  scaled: Rational;
  passed: boolean;
  rank: number;
  of: number;
  /** Ids of the vetoes triggered. */
  vetoes: string[];
}

export interface PlanResult {
  goal: Goal;
  /** The score the goal needs on the scheme's scale (undefined when a rank has no one to overtake). */
  needed?: Rational;
  unit: { key: string; code?: string; name: string; level: string; levelTitle: string };
  scheme: { id: string; title: string; version: string; total: Rational; pass: Rational };
  before: Standing;
  /** Already at the goal: nothing to do. */
  already: boolean;
  /** A plan that reached the goal when re-scored; its steps and the standing after. */
  found: boolean;
  steps: PlanStep[];
  effort: Rational;
  after?: Standing;
  /** Plans scored again before one held (each one that did not is dropped). */
  verified: number;
  /** The search stopped at its limit: the plan found is the best seen, not proven least. */
  truncated: boolean;
  /** No plan: the best score every remedy together reaches (re-scored), and what blocks the goal. */
  best?: Standing;
  blockers: Message[];
}
