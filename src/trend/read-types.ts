/** The snapshots a report is read into (read.ts): one per unit and period, with its items and its scheme. */
import type { Rational } from '../rational';

export const STATUSES = ['met', 'partial', 'failed', 'na', 'missing', 'invalid'] as const;
export type ItemStatus = (typeof STATUSES)[number];

export interface SchemeInfo {
  id: string;
  version: string;
  title: string;
  total: Rational;
  pass: Rational;
  /** Section titles by id, when the report carries them (`scheme.sections`); else empty. */
  sections: Map<string, string>;
}

export interface ItemSnap {
  id: string;
  title: string;
  section: string;
  bonus: boolean;
  points: Rational;
  max: Rational;
  lost: Rational;
  value: Rational | boolean | null;
  display: string;
  status: ItemStatus;
  target: string | null;
  formula: string | null;
  /** Rank of this unit on this item among the units of the period (batch `rankings`), else null. */
  rank: number | null;
  of: number | null;
}

export interface Snapshot {
  period: string | null;
  /** The batch assessment's `source`, else null. */
  source: string | null;
  unitKey: string;
  unitName: string;
  level: string;
  /** Keys from the top-level unit down to this one; names likewise. */
  path: string[];
  names: string[];
  /** 0 for the top-level units of the report (the counties), 1 below, … */
  depth: number;
  scaled: Rational;
  passed: boolean;
  grade: string | null;
  rank: number;
  of: number;
  vetoed: boolean;
  items: Map<string, ItemSnap>;
  scheme: SchemeInfo;
}

export interface Report {
  file: string;
  kind: 'single' | 'batch';
  scheme: SchemeInfo;
  snapshots: Snapshot[];
}
