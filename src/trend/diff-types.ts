/** The shapes of a trend (src/trend/diff.ts builds them): columns, series, item and unit changes, scheme changes. */
import type { Rational } from '../rational';
import type { ItemStatus, Snapshot } from './read';

export interface Column {
  /** The period, or null when the report had none. */
  period: string | null;
  side: 'history' | 'current';
  /** For a null period: which history report (0 = the first given); 0 for current. */
  index: number;
}

export interface SectionPoints {
  id: string;
  /** The section's title when the report carries it (`scheme.sections`), else its id. */
  title: string;
  points: Rational;
  max: Rational;
}

export interface SeriesPoint {
  /** Index into Trend.columns. */
  column: number;
  period: string | null;
  scaled: Rational;
  passed: boolean;
  rank: number;
  of: number;
  /** The scheme's full marks and pass line for this snapshot. */
  total: Rational;
  pass: Rational;
  sections: SectionPoints[];
}

export interface ItemState {
  points: Rational;
  max: Rational;
  value: Rational | boolean | null;
  display: string;
  status: ItemStatus;
  rank: number | null;
  of: number | null;
}

export interface ItemChange {
  id: string;
  title: string;
  section: string;
  bonus: boolean;
  /** Null when the item is on one side only (added to or removed from the scheme). */
  before: ItemState | null;
  after: ItemState | null;
  /** after − before; null when on one side only (values: numbers only). */
  points: Rational | null;
  value: Rational | null;
  /** after − before: positive is a worse (higher) rank. */
  rank: number | null;
  /** Newly failing: full points (or met/na) before, short now; newly met: short before, full now. Bonus items never. */
  change: 'newly-failing' | 'newly-met' | null;
  /** The item is defined differently in the two schemes (or on one side only): kept out of the gates. */
  schemeChanged: boolean;
}

export interface UnitState extends Pick<Snapshot, 'period' | 'scaled' | 'passed' | 'grade' | 'rank' | 'of' | 'vetoed'> {
  column: number;
  scheme: { id: string; version: string };
}

export interface UnitDiff {
  before: UnitState;
  after: UnitState;
  /** after − before. */
  scaled: Rational;
  rank: number;
  /** Every item on either side, in the newer scheme's order, then removed ones. */
  items: ItemChange[];
  newlyFailing: ItemChange[];
  newlyMet: ItemChange[];
  schemeChanged: boolean;
  /**
   * What the regression gate measures: the change in scaled score; when the scheme
   * changed, the sum of point changes over the items defined alike on both sides.
   */
  measure: Rational;
}

export interface UnitTrend {
  key: string;
  name: string;
  level: string;
  depth: number;
  path: string[];
  names: string[];
  /** compared: newest vs previous; new: only in the current run, nothing before; gone: only in the history. */
  side: 'compared' | 'new' | 'gone';
  series: SeriesPoint[];
  diff: UnitDiff | null;
}

export interface ItemDefChange {
  id: string;
  title: string;
  kind: 'added' | 'removed' | 'changed';
  /** For `changed`: what differs. */
  fields: ('title' | 'max' | 'target' | 'formula')[];
  before: { title: string; max: Rational | null; target: string | null; formula: string | null } | null;
  after: { title: string; max: Rational | null; target: string | null; formula: string | null } | null;
}

export interface SchemeChange {
  before: { id: string; version: string; title: string };
  after: { id: string; version: string; title: string };
  items: ItemDefChange[];
}

export interface Trend {
  columns: Column[];
  units: UnitTrend[];
  /** One entry per pair of different schemes compared (or same id/version defined differently). */
  schemes: SchemeChange[];
}
