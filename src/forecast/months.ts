/**
 * The months of a forecast: each a month `YYYY-MM` of one statistical year (the
 * scheme's `year.starts`), no month twice; last year's months (history) from the
 * year before. Problems are coded messages; the CLI turns them into usage errors.
 */
import { message, type Message } from '../messages/codes';
import { monthAt, statMonth } from '../stat-year';
import type { Dataset } from '../data/model';
import type { IndexedMonth } from './datasets';

export interface ForecastMonth {
  period: string | null;
  dataset: Dataset;
}

export type Arranged = { months: IndexedMonth[]; year: number } | { problem: Message };

/** This year's months in order, with their index in the statistical year; or the first problem. */
export function arrangeMonths(months: readonly ForecastMonth[], starts: number): Arranged {
  const out: IndexedMonth[] = [];
  let year: number | undefined;
  for (const m of months) {
    const at = m.period ? statMonth(m.period, starts) : undefined;
    if (!at) return { problem: message('forecast/not-a-month', { period: m.period ?? '—' }) };
    year ??= at.year;
    if (at.year !== year)
      return {
        problem: message('forecast/two-years', { a: monthAt(year, 12, starts), b: monthAt(at.year, 12, starts) }),
      };
    if (out.some((o) => o.index === at.index))
      return { problem: message('forecast/month-twice', { period: m.period! }) };
    out.push({ period: m.period!, index: at.index, dataset: m.dataset });
  }
  if (year === undefined) return { problem: message('forecast/no-months', {}) };
  out.sort((a, b) => a.index - b.index);
  return { months: out, year };
}

/** Last year's months, in the year before `year`; or the first problem. */
export function arrangeHistory(months: readonly ForecastMonth[], starts: number, year: number): Arranged {
  const r = arrangeMonths(months, starts);
  if ('problem' in r) return r;
  if (r.year !== year - 1)
    return {
      problem: message('forecast/history-year', {
        want: monthAt(year - 1, 12, starts),
        got: monthAt(r.year, 12, starts),
      }),
    };
  return r;
}
