/**
 * Reading the inspectors' adjustments file (抽查核定): CSV (UTF-8, BOM, GB18030) or
 * YAML (a list of mappings, or a mapping with one key `adjustments`). Columns or keys
 * in English or Chinese. Validation here is what needs no scheme and no data: known
 * columns, required values, numbers, dates. Whether the unit and the item exist, and
 * whether an override fits the item's points, is checked by the engine (adjust.ts).
 * Pure: the caller reads the bytes. Every finding carries file:line:col.
 */
import type { Finding } from '../diagnostics';
import type { Rational } from '../rational';
import type { AdjustmentKey, Pos } from './adjustment-fields';
import { parseCsv } from './adjustments-csv';
import { parseYaml } from './adjustments-yaml';
import type { CaseInput } from './adjustment-cases';

export type { CaseInput } from './adjustment-cases';

export { isDate } from './dates';
export { ADJUSTMENT_HEADERS, type AdjustmentKey, type Pos } from './adjustment-fields';
export { parseCsv } from './adjustments-csv';
export { parseYaml } from './adjustments-yaml';

/** What an adjustment says, whichever unit and item it names. */
export interface AdjustmentTerms {
  kind: 'deduct' | 'override';
  amount: Rational;
  reason: string;
  authority: string;
  document?: string;
  date: string;
  expires?: string;
}

/** One valid line of the file, its unit and item still as written. */
export interface AdjustmentInput extends AdjustmentTerms {
  file: string;
  /** Where the line (CSV row, YAML entry) starts. */
  line: number;
  col: number;
  unit: string;
  item: string;
  /** Where each value was written, for findings about it. */
  at: Partial<Record<AdjustmentKey, Pos>>;
}

export interface ParsedAdjustments {
  adjustments: AdjustmentInput[];
  /** Case rows (lines naming a part): each a case of a `cases` part (./adjustment-cases.ts). */
  cases?: CaseInput[];
  findings: Finding[];
}

/** By the file's name: `.yaml`/`.yml` is YAML, anything else CSV. */
export function parseAdjustments(bytes: Uint8Array, file: string): ParsedAdjustments {
  return /\.ya?ml$/i.test(file) ? parseYaml(bytes, file) : parseCsv(bytes, file);
}
