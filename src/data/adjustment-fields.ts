/**
 * The values of an inspectors' adjustment (unit, item, deduct…), the column headers
 * and YAML keys that name them, and an entry of the file as read, before its checks
 * (adjustment-check.ts).
 */
import type { CodedDiagnostic, Finding } from '../diagnostics';
import type { Message } from '../messages/codes';
import { normalizeLabel } from './normalize';

export type AdjustmentKey =
  'unit' | 'item' | 'deduct' | 'override' | 'reason' | 'authority' | 'document' | 'date' | 'expires' | CaseKey;
/** The values of a case row (./adjustment-cases.ts): the part it is a case of, its count (months), who found it. */
export type CaseKey = 'part' | 'count' | 'level';

/** The accepted column headers (CSV) and keys (YAML) of each value, English then Chinese. */
export const ADJUSTMENT_HEADERS: Record<AdjustmentKey, readonly string[]> = {
  unit: ['unit', '单位'],
  item: ['item', '指标'],
  deduct: ['deduct', '扣分'],
  override: ['override', '核定得分'],
  reason: ['reason', '理由'],
  authority: ['authority', '核查单位'],
  document: ['document', '文号'],
  date: ['date', '日期'],
  expires: ['expires', '有效期至'],
  part: ['part', '子项'],
  count: ['count', '数量', '月数', '例数'],
  level: ['level', '检查级别'],
};

export const REQUIRED: readonly AdjustmentKey[] = ['unit', 'item', 'reason', 'authority', 'date'];

/** The value a column header or YAML key names (normalised: case, width, spaces). */
export const BY_HEADER = new Map(
  Object.entries(ADJUSTMENT_HEADERS).flatMap(([k, hs]) =>
    hs.map((h) => [normalizeLabel(h), k as AdjustmentKey] as const),
  ),
);

export const headerList = (): string[] => Object.values(ADJUSTMENT_HEADERS).map((hs) => hs.join('/'));

export interface Pos {
  line: number;
  col: number;
}

/** A value as found in the file: text (CSV, YAML strings), or a YAML number or boolean. */
export type Raw = string | number | boolean | null;

/** A line of the file (CSV row, YAML entry) as read: where it starts, each value written and where. */
export interface Entry {
  line: number;
  col: number;
  values: Map<AdjustmentKey, { raw: Raw; at: Pos }>;
}

export function finding(file: string, at: Pos, m: Message, severity: Finding['severity'] = 'error'): CodedDiagnostic {
  return { severity, ...m, file, line: at.line, col: at.col };
}

/** A value as text, trimmed; undefined when blank or not given. */
export function text(e: Entry, k: AdjustmentKey): string | undefined {
  const v = e.values.get(k);
  if (v === undefined || v.raw === null) return undefined;
  const s = String(v.raw).trim();
  return s === '' ? undefined : s;
}

/** Where a value was written, else where the entry starts. */
export const where = (e: Entry, k: AdjustmentKey): Pos => e.values.get(k)?.at ?? { line: e.line, col: e.col };
