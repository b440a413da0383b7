/**
 * forecast(scheme, months) → Forecast: the year-end assessment projected from the
 * monthly reports of the statistical year so far, scored with the engine (never by
 * adding estimates), with a low/high band and the items at risk. Pure.
 *
 * Every reported month is scored as it stands to date; every month to come is
 * projected (./datasets.ts, ./project.ts) and scored three times: central, low
 * (every field at its low), high. A band is the smallest and largest of the three.
 */
import { evaluate } from '../engine/evaluate';
import type { Assessment, ItemResult, UnitResult } from '../engine/types';
import { message, type Message } from '../messages/codes';
import type { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import { monthAt } from '../stat-year';
import { historyOf, projectedDatasets, seriesOf, toDateDataset, type IndexedMonth } from './datasets';
import { itemOf, yearEndOf, type Scored } from './items';
import { arrangeHistory, arrangeMonths, type ForecastMonth } from './months';
import type { Forecast, ForecastUnit } from './types';

export type { ForecastMonth } from './months';

export interface ForecastOptions {
  /** Param values overriding the scheme's (`--param`). */
  params?: Map<string, Rational>;
  /** Last year's monthly reports (same months, or all), for the seasonal projection. */
  history?: ForecastMonth[];
}

/** The forecast, or the problem with the months given (a coded message for a usage error). */
export function forecast(
  scheme: Scheme,
  given: ForecastMonth[],
  o: ForecastOptions = {},
): { forecast: Forecast } | { problem: Message } {
  const starts = scheme.yearStarts ?? 1;
  const arranged = arrangeMonths(given, starts);
  if ('problem' in arranged) return arranged;
  const { months, year } = arranged;
  let history: IndexedMonth[] = [];
  if (o.history?.length) {
    const h = arrangeHistory(o.history, starts, year);
    if ('problem' in h) return h;
    history = h.months;
  }
  const run = (d: Parameters<typeof evaluate>[1]) => evaluate(scheme, d, { params: o.params });
  const scored = scoreMonths(scheme, months, history, year, run);
  const latest = scored.reported.at(-1)!.assessment;
  const notes: Message[] = [];
  const units = latest.units.map((u) => unitOf(scheme, u.key, scored, notes));
  units.sort((a, b) => b.yearEnd.scaled.cmp(a.yearEnd.scaled) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return {
    forecast: {
      scheme: { id: scheme.id, title: scheme.title, version: scheme.version, total: scheme.total, pass: scheme.pass },
      year,
      starts,
      months: months.map((m) => m.period),
      yearEnd: monthAt(year, 12, starts),
      method: history.length ? 'history' : 'run-rate',
      historyMonths: history.map((m) => m.period),
      units,
      notes,
    },
  };
}

/** Every reported month scored to date, and every month to come in three scenarios. */
function scoreMonths(
  scheme: Scheme,
  months: IndexedMonth[],
  history: IndexedMonth[],
  year: number,
  run: (d: Parameters<typeof evaluate>[1]) => Assessment,
): Scored {
  const series = seriesOf(months);
  const past = history.length ? historyOf(scheme, history) : undefined;
  const reported = months.map((m) => ({
    period: m.period,
    index: m.index,
    assessment: run(toDateDataset(scheme, m, series)),
  }));
  const last = months.at(-1)!;
  const projected: Scored['projected'] = [];
  for (let t = last.index + 1; t <= 12; t++) {
    const sets = projectedDatasets(scheme, last.dataset, t, series, past);
    projected.push({
      period: monthAt(year, t, scheme.yearStarts ?? 1),
      index: t,
      mid: run(sets.mid),
      low: run(sets.low),
      high: run(sets.high),
    });
  }
  return { reported, projected };
}

const find = (a: Assessment, key: string): UnitResult | undefined => a.units.find((u) => u.key === key);

/** One top-level unit's forecast. */
function unitOf(scheme: Scheme, key: string, s: Scored, notes: Message[]): ForecastUnit {
  const now = find(s.reported.at(-1)!.assessment, key)!;
  const end = yearEndOf(s, key);
  const scaled = [end.mid, end.low, end.high].map((u) => u.scaled);
  for (const r of s.reported.slice(0, -1))
    if (!find(r.assessment, key)) notes.push(message('forecast/unit-missing', { unit: now.name, period: r.period }));
  const items = end.mid.items.filter((i: ItemResult) => !i.bonus).map((i) => itemOf(scheme, key, i.id, s, end));
  return {
    key,
    ...(now.code ? { code: now.code } : {}),
    name: now.name,
    now: { scaled: now.scaled, passed: now.passed },
    yearEnd: {
      scaled: end.mid.scaled,
      low: scaled.reduce((a, b) => a.min(b)),
      high: scaled.reduce((a, b) => a.max(b)),
      passed: end.mid.passed,
      mayFail: end.mid.passed && !(end.low.passed && end.high.passed),
      vetoes: end.mid.vetoes.filter((v) => v.triggered).map((v) => v.title),
    },
    items,
  };
}
