/** A batch: every county × period of one run, with the rankings within each period. */
import type { Finding } from '../diagnostics';
import type { UnitFields } from '../engine/fields';
import type { Assessment, ItemResult } from '../engine/types';
import type { Rational } from '../rational';
import type { Period } from '../data/period';

export interface BatchEntry {
  period: Period | null;
  /** The folder or files the unit's data came from. */
  source: string;
  /** One top-level unit (a county) in `units`; `data` is its source's. */
  assessment: Assessment;
  /** This assessment's own exit code: 2 data errors, 1 fails the gate, 0 passes. */
  exit: number;
  /**
   * When the batch dropped the detail below the county to save memory (the county's
   * `children` are then empty): those units as compact JSON lines, UTF-8, one per line.
   */
  townships?: Uint8Array;
}

export interface UnitRank {
  key: string;
  name: string;
  rank: number;
  of: number;
  scaled: Rational;
  passed: boolean;
  grade?: string;
  vetoed: boolean;
}

export interface ItemRankRow {
  key: string;
  name: string;
  rank: number;
  of: number;
  points: Rational;
  max: Rational;
  lost: Rational;
  gap?: Rational;
  status: string;
  /** The unit's item result and field values, from which src/report words the value (item-words.ts). */
  result: ItemResult;
  fields: UnitFields;
}

export interface ItemRank {
  id: string;
  title: string;
  bonus: boolean;
  units: ItemRankRow[];
}

export interface PeriodRanking {
  period: Period | null;
  units: UnitRank[];
  items: ItemRank[];
}

export interface Batch {
  /** Chronological; null (no period known) last. */
  periods: (Period | null)[];
  /** By period, then rank, then key. */
  entries: BatchEntry[];
  rankings: PeriodRanking[];
  /** Findings about the batch as a whole (the same unit twice in one period). */
  findings: Finding[];
  /** The worst exit code of all entries and findings. */
  exit: number;
}
