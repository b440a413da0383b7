/**
 * The statistical year and how fields accumulate over it (scheme keys `year` and
 * `fields[].accumulate`): what `pinggu forecast` projects from, and which months a
 * half year such as `2026h1` covers. See docs/scheme.md#statistical-year.
 */
import * as z from 'zod/mini';
import { doc, opt } from './schema-basics';

/** `year: { starts: "10-01" }`: the statistical year (计划生育统计年度) starts on the first day of that month. */
export const StatYear = opt(
  z.strictObject({
    starts: doc(
      z.string().check(z.regex(/^(0[1-9]|1[0-2])-01$/, 'a month and day MM-01, e.g. "10-01"')),
      'First day of the statistical year, MM-01 ("10-01": 1 October to 30 September). Default "01-01" (the calendar year).',
    ),
  }),
  'The statistical year (统计年度) the data are reported in; half years (2026h1) follow it. Default: the calendar year.',
);

/** `accumulate:` on a field: year to date, per month, or end of period (the default). */
export const Accumulate = opt(
  z.enum(['ytd', 'month', 'stock']),
  'How a monthly report holds the field: ytd (cumulative since the start of the statistical year), month (this month only) or stock (end of period; default).',
);

export type AccumulateKind = 'ytd' | 'month' | 'stock';

/** The month (1–12) the statistical year starts in; 1 (January) when the scheme says nothing. */
export function yearStartMonth(year: { starts?: unknown } | undefined): number {
  const m = typeof year?.starts === 'string' ? /^(\d{2})-01$/.exec(year.starts) : null;
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n <= 12 ? n : 1;
}
