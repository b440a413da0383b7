/**
 * The assessment: plain data that formatters receive. Numbers stay exact here
 * (Rational); the JSON formatter turns them into decimals for machines.
 */
import type { Finding } from '../diagnostics';
import type { AdjustmentTerms } from '../data/adjustments';
import type { FileStats } from '../data/model';
import type { Text } from '../messages/codes';
import type { Rational } from '../rational';
import type { Display } from '../scheme/target';
import type { UnitFields } from './fields';

export const SCHEMA_VERSION = 1;

export type Status = 'met' | 'partial' | 'failed' | 'na' | 'missing' | 'invalid';

/** How the points were reached, step by step; rendered into words by the report layer. */
export type Calc =
  | { kind: 'all'; met: boolean }
  | {
      kind: 'deduct';
      /** True for the per-case rule: the distance is a number of cases. */
      perCase: boolean;
      distance: Rational;
      per: Rational;
      partial: 'proportional' | 'up' | 'down';
      /** distance ÷ per, before and after the partial-unit rounding. */
      exact: Rational;
      units: Rational;
      deduct: Rational;
      lost: Rational;
      cap?: 'max' | 'points';
    }
  | { kind: 'checklist'; missing: string[]; deduct: Rational; lost: Rational; cap?: 'max' | 'points' }
  | { kind: 'proportional'; ratio: Rational }
  | { kind: 'bands'; band: number; when?: string; points: Rational }
  | {
      kind: 'add';
      met: boolean;
      beyond: Rational;
      per: Rational;
      partial: 'proportional' | 'up' | 'down';
      units: Rational;
      add: Rational;
      earned: Rational;
      capped: boolean;
    }
  /** The `formula` rule: the formula's value, and the points after capping it to [0, the item's points]. */
  | { kind: 'formula'; raw: Rational; points: Rational; cap?: 'zero' | 'points' }
  /** Relative scoring without peers to be relative to: the unit is alone at its level in the run, or the others lack a value. */
  | { kind: 'no-peers'; level: string; units: number; withValue: number }
  | { kind: 'na'; policy: 'exclude' | 'full' | 'zero' }
  /** Not assessed for the unit's type (not_assessed): out of the maximum, as na: exclude. */
  | { kind: 'not-assessed'; type: string }
  /** rollup all/share: `met` of the `of` units below meet the target (n/a ones not counted); met when met ÷ of ≥ need. */
  | { kind: 'share'; all: boolean; met: number; of: number; need: Rational; share: Rational }
  /** An item of sub-rules (`ItemResult.parts`): their losses added up (`lost`), capped at the item's points or `lowest`. */
  | { kind: 'parts'; lost: Rational; cap?: 'points' | 'lowest' }
  /** A `cases` part: each case row of the adjustments file, and the part's loss (capped at its `max`). */
  | { kind: 'cases'; cases: CaseLoss[]; deduct: Rational; caseMax?: Rational; lost: Rational; cap?: 'max' | 'points' }
  /** `units`: for a roll-up (mean, min, max), the child units whose item lacks data. */
  | { kind: 'missing'; fields: string[]; units?: string[] }
  /** `units`: for a roll-up (mean, min, max), the child units whose item is invalid. */
  | { kind: 'invalid'; fields: { id: string; reason: Text }[]; units?: string[] };

export interface UnitsToFix {
  /** The smallest number of units below that must come to meet the target. */
  count: number;
  /** The units below that do not meet it, by distance to the target (closest first), then name. */
  units: { name: string; gap?: Rational }[];
}

/** One weighted line of a unit (a top-level section with `weight`), scored on its own points. */
export interface LineResult {
  id: string;
  title: string;
  weight: Rational;
  /** The line's points (for the unit's type). */
  full: Rational;
  /** Points earned on its items, and the points of those that apply. */
  points: Rational;
  max: Rational;
  /** points × full ÷ max: the line's own score (0 when nothing in it applies). */
  score: Rational;
  /** What it adds to the unit's score: weight × score ÷ full × total (weights of lines where nothing applies are left out). */
  weighted: Rational;
}

export interface Remedy {
  lever: string;
  label: string;
  /** How the lever's values are shown: percentage points for a percent field. */
  kind: 'percent' | 'number';
  /** The lever's current value and the value that meets the target. */
  from: Rational;
  to?: Rational;
  /** Smallest whole-number change that meets the target (others fixed). */
  change?: Rational;
  reachable: boolean;
  /** Points the change would recover. */
  gain?: Rational;
  /** The target is relative to the other units: it moves when they change (the remedy holds them as they are). */
  relative?: true;
}

/** The peer values an item was scored against (docs/scheme.md#relative-scoring). */
export interface PeerInfo {
  /** The item whose values over the peers these are. */
  item: string;
  /** The parent unit the peers share; undefined for the top-level units of the run. */
  parent?: string;
  /** Units of the group (the peers), with or without a value. */
  units: number;
  /** Peers with a value, this unit included when it has one. */
  count: number;
  mean?: Rational;
  best?: Rational;
  worst?: Rational;
  /** This unit's rank among them (ties share: 1, 1, 3). */
  rank?: number;
}

export interface ItemResult {
  id: string;
  title: string;
  section: string;
  bonus: boolean;
  value?: Rational | boolean;
  /** How the value is shown (percent, permille, number, boolean), from how the target is written. */
  kind: Display;
  /** The target as written in the scheme, e.g. `>= funds_per_capita_target`. */
  target?: string;
  status: Status;
  points: Rational;
  /** The points this item counts for in the unit's maximum (0 when excluded as not applicable). */
  max: Rational;
  lost: Rational;
  /** Distance to the target in the item's own unit (0 when met). */
  gap?: Rational;
  /** Whether the value meets the target, for an item scored on both (a value that does not is shown with more decimals when rounding would make it look met). */
  met?: boolean;
  remedy?: Remedy;
  /** rollup all/share not met: how many more units below must meet the target, and those that do not, closest first. */
  fix?: UnitsToFix;
  /** The unit type whose points and target scored the item (unit_types); the main type above the type's level. */
  unitType?: string;
  /** Vetoes that zeroed this item (hard floors). */
  zeroedBy?: string[];
  calc: Calc;
  /** The formula as written in the scheme (in words, with labels and numbers: src/report/item-words.ts). */
  formula: string;
  basis?: string;
  evidence?: string;
  /** The inspectors' adjustment applied to this item (抽查核定); `points` and `lost` are then the adjusted ones. */
  adjustment?: ItemAdjustment;
  /** For an item scored relative to its peers: the peer values used, one entry per item asked about. */
  peers?: PeerInfo[];
  /** Sub-rules sharing the item's points, each scored as an item (its `lost` is what it cost). */
  parts?: ItemResult[];
}

/** One case row of a `cases` part: its count, the count the rule counts (capped), the level's factor, the loss. */
export interface CaseLoss {
  file: string;
  line: number;
  count: Rational;
  counted: Rational;
  /** The inspection level that found it (its id), when the row says. */
  level?: string;
  /** The level's title as the scheme declares it (省级). */
  levelTitle?: string;
  factor: Rational;
  lost: Rational;
  reason: string;
  authority: string;
  document?: string;
  date: string;
}

/** What the inspectors did to an item's points, and on what authority. */
export interface ItemAdjustment {
  /** `deduct`: points − amount (not below 0); `override`: points = amount. */
  kind: 'deduct' | 'override';
  amount: Rational;
  /** The points as self-assessed (from the data), before the adjustment. */
  selfPoints: Rational;
  reason: string;
  authority: string;
  document?: string;
  /** YYYY-MM-DD */
  date: string;
  expires?: string;
}

/** One line of the adjustments file, and what became of it. */
export interface AdjustmentRecord extends AdjustmentTerms {
  file: string;
  line: number;
  /** The unit and item as resolved in the assessment. */
  unit: { level: string; key: string; code?: string; name: string };
  item: { id: string; title: string };
  /** `applied`; `expired`: its `expires` date is before the reference date; `not-yet`: dated after it. */
  status: 'applied' | 'expired' | 'not-yet';
  /** The item's points before and after, when applied. */
  selfPoints?: Rational;
  points?: Rational;
}

export interface VetoResult {
  id: string;
  title: string;
  triggered: boolean;
  /**
   * False when the data cannot decide the condition (a field it reads is blank,
   * missing or invalid here); such a veto is not triggered, but the unit cannot pass.
   * A condition undefined only by a zero denominator, all fields present, is checked.
   */
  checked: boolean;
  /** Why the veto could not be checked: the fields missing or invalid, by label. */
  reason?: Text;
  /** Undefined when the data cannot tell. */
  value?: Rational | boolean;
  basis?: string;
}

export interface UnitResult {
  level: string;
  levelTitle: string;
  key: string;
  code?: string;
  name: string;
  /** Points earned on items plus bonus. */
  score: Rational;
  /** Applicable maximum: the points of items that apply. */
  max: Rational;
  bonus: Rational;
  /** score on the scheme's total scale: items × total ÷ max, plus bonus. */
  scaled: Rational;
  passed: boolean;
  grade?: string;
  /** Rank among the units of the same parent (1, 2, 2, 4 for ties). */
  rank: number;
  of: number;
  vetoes: VetoResult[];
  items: ItemResult[];
  children: UnitResult[];
  /** With weighted lines (sections with `weight`): each line's own score; `score` is then their weighted sum plus bonus, and `max` the total. */
  lines?: LineResult[];
  /** The unit's type (unit_types), at the level whose rows give it. */
  unitType?: string;
  /** The self-assessed (自评) figures, when inspector adjustments changed this unit's items. */
  self?: SelfAssessed;
  /** The unit's field values as scored, from which src/report makes the words it prints. */
  fields: UnitFields;
}

export type SelfAssessed = Pick<UnitResult, 'score' | 'scaled' | 'passed' | 'grade'>;

export interface Assessment {
  schemaVersion: typeof SCHEMA_VERSION;
  scheme: {
    id: string;
    title: string;
    version: string;
    issuer?: string;
    document?: string;
    total: Rational;
    pass: Rational;
    source: string;
    sections: { id: string; title: string; points: Rational; parent?: string }[];
    levels: { id: string; title: string }[];
    /** Field labels by id, for explanations. */
    labels: Record<string, string>;
  };
  units: UnitResult[];
  data: {
    files: FileStats[];
    read: number;
    used: number;
    rejected: number;
    findings: Finding[];
  };
  /** Inspector adjustments (抽查核定), when a file of them was given: every valid one, applied or not. */
  adjustments?: {
    /** The reference date (YYYY-MM-DD) against which `date` and `expires` were judged. */
    asOf: string;
    list: AdjustmentRecord[];
    /** How many case rows (of `cases` parts) were counted; absent when none. */
    cases?: number;
  };
}
