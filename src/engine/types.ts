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
  | { kind: 'na'; policy: 'exclude' | 'full' | 'zero' }
  /** An item of sub-rules (`ItemResult.parts`): their losses added up (`lost`), capped at the item's points or `lowest`. */
  | { kind: 'parts'; lost: Rational; cap?: 'points' | 'lowest' }
  /** A `cases` part: each case row of the adjustments file, and the part's loss (capped at its `max`). */
  | { kind: 'cases'; cases: CaseLoss[]; deduct: Rational; caseMax?: Rational; lost: Rational; cap?: 'max' | 'points' }
  /** `units`: for a roll-up (mean, min, max), the child units whose item lacks data. */
  | { kind: 'missing'; fields: string[]; units?: string[] }
  /** `units`: for a roll-up (mean, min, max), the child units whose item is invalid. */
  | { kind: 'invalid'; fields: { id: string; reason: Text }[]; units?: string[] };

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
  /** Vetoes that zeroed this item (hard floors). */
  zeroedBy?: string[];
  calc: Calc;
  /** The formula as written in the scheme (in words, with labels and numbers: src/report/item-words.ts). */
  formula: string;
  basis?: string;
  evidence?: string;
  /** The inspectors' adjustment applied to this item (抽查核定); `points` and `lost` are then the adjusted ones. */
  adjustment?: ItemAdjustment;
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
  };
}
