/**
 * Which items are at risk at year end, and the month they cross: the first month of
 * the last run of months (reported, then projected) in which the item misses its
 * target, a run that lasts to year end. `fails` when the central projection misses
 * at year end; `may-fail` when only a scenario of the band does (then a projected
 * month counts as missing when any scenario misses, and the run starts no earlier
 * than the first projected month). `already`: the run starts in a reported month.
 */
import type { ItemResult, Status } from '../engine/types';
import type { ItemPoint, ItemRisk } from './types';

const MISSES: ReadonlySet<Status> = new Set(['partial', 'failed']);
export const misses = (s: Status | undefined): boolean => s !== undefined && MISSES.has(s);

/** One item's year end in the three scenarios, and each month's status (a projected month: every scenario's). */
export interface RiskInput {
  path: ItemPoint[];
  /** Per point, the statuses of its scenarios (one for a reported month, three for a projected one). */
  statuses: Status[][];
  yearEnd: { mid: ItemResult; low: ItemResult; high: ItemResult };
}

export function riskOf(r: RiskInput): ItemRisk | undefined {
  const { mid, low, high } = r.yearEnd;
  if (mid.bonus) return undefined;
  const kind = misses(mid.status) ? 'fails' : misses(low.status) || misses(high.status) ? 'may-fail' : undefined;
  if (!kind) return undefined;
  const missing = r.statuses.map((ss) => (kind === 'fails' ? misses(ss[0]) : ss.some(misses)));
  // Only the band misses: the item meets its target by the central projection, so it crosses in a projected month.
  const first =
    kind === 'fails'
      ? 0
      : Math.max(
          0,
          r.path.findIndex((p) => p.projected),
        );
  let from = missing.length - 1;
  while (from > first && missing[from - 1]) from--;
  const p = r.path[from]!;
  return { kind, from: p.period, already: !p.projected };
}
