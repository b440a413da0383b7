/**
 * The statistical year (统计年度): twelve months starting on the first day of a
 * month, e.g. 1 October to 30 September (计划生育统计年度, starts = 10). A year is
 * named by the calendar year in which it ends: statistical year 2026 runs from
 * 2025-10-01 to 2026-09-30, and its half years `2026h1` (半年报, 2025-10-01 to
 * 2026-03-31) and `2026h2` (2026-04-01 to 2026-09-30). With starts = 1 this is the
 * calendar year and agrees with periodEnd. A leaf: pure, dates as `YYYY-MM-DD` text.
 */
import { periodEnd } from './period-end';

const pad = (n: number) => String(n).padStart(2, '0');
const ym = (y: number, m: number) => `${y}-${pad(m)}`;

/** The month `k` months after (year, month), as [year, month]. */
function addMonths(y: number, m: number, k: number): [number, number] {
  const i = y * 12 + (m - 1) + k;
  return [Math.floor(i / 12), (i % 12) + 1];
}

/** First and last month (`YYYY-MM`) of statistical year `year` starting in month `starts`. */
export function statYearMonths(year: number, starts = 1): { first: string; last: string } {
  const [fy, fm] = starts === 1 ? [year, 1] : [year - 1, starts];
  const [ly, lm] = addMonths(fy, fm, 11);
  return { first: ym(fy, fm), last: ym(ly, lm) };
}

/** Where a month `YYYY-MM` falls: the statistical year it belongs to (named by its end) and its index 1–12 in it. */
export function statMonth(period: string, starts = 1): { year: number; index: number } | undefined {
  const m = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (!m) return undefined;
  const [y, mo] = [Number(m[1]), Number(m[2])];
  const index = ((mo - starts + 12) % 12) + 1;
  const year = starts === 1 || mo < starts ? y : y + 1;
  return { year, index };
}

/** The month `YYYY-MM` at index 1–12 of statistical year `year`. */
export function monthAt(year: number, index: number, starts = 1): string {
  const [fy, fm] = starts === 1 ? [year, 1] : [year - 1, starts];
  const [y, m] = addMonths(fy, fm, index - 1);
  return ym(y, m);
}

/** First and last day of a period (`YYYY-MM` or `YYYYhN`) under a statistical year starting in month `starts`. */
export function periodRange(period: string, starts = 1): { start: string; end: string } | undefined {
  const half = /^(\d{4})[hH]([12])$/.exec(period);
  if (half) {
    const first = statYearMonths(Number(half[1]), starts).first;
    const [fy, fm] = first.split('-').map(Number) as [number, number];
    const [sy, sm] = addMonths(fy, fm, half[2] === '1' ? 0 : 6);
    const [ey, em] = addMonths(sy, sm, 5);
    return { start: `${ym(sy, sm)}-01`, end: periodEnd(ym(ey, em))! };
  }
  const end = periodEnd(period);
  return end ? { start: `${period}-01`, end } : undefined;
}
