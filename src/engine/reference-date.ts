/**
 * The reference date against which inspector adjustments are judged (in force, or
 * expired): `--as-of` when given; else the last day of the assessed period when one
 * is known (`2026-07` → 2026-07-31, `2026h1` → 2026-06-30, `2026h2` → 2026-12-31; with a
 * statistical year from October, `2026h1` → 2026-03-31: src/stat-year.ts);
 * else today, which the command line reads from the clock and passes in.
 * Pure: no clock here. Dates are `YYYY-MM-DD` strings, so they compare as text.
 */

import { periodEnd } from '../period-end';
import { periodRange } from '../stat-year';

// Re-exported for the callers that read the reference date's rule here.
export { periodEnd };

export function referenceDate(o: {
  asOf?: string;
  period?: string | null;
  today: string;
  yearStarts?: number;
}): string {
  if (o.asOf) return o.asOf;
  // A half year follows the scheme's statistical year (2026h1 → 2026-03-31 when it starts in October).
  const end = o.period ? periodRange(o.period, o.yearStarts)?.end : undefined;
  return end ?? o.today;
}
