/**
 * The datasets a forecast scores: each reported month as it stands to date (a
 * per-month field summed since the start of the year), and each month to come
 * projected three ways (central, low, high) from the months so far (./project.ts).
 * Pure: datasets in, datasets out; units are matched across months by level and key.
 */
import type { Dataset, DataUnit, FieldValue } from '../data/model';
import { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import { project, toDate, type Accumulate, type Series } from './project';

/** One monthly report: its period (`YYYY-MM`), its index 1–12 in the statistical year, and its data. */
export interface IndexedMonth {
  period: string;
  index: number;
  dataset: Dataset;
}

export type Scenario = 'mid' | 'low' | 'high';

const unitKey = (u: DataUnit) => `${u.level}\u0000${u.key}`;

/** How a field accumulates (scheme `accumulate`; stock when not said). */
export const kindOf = (scheme: Scheme, id: string): Accumulate => scheme.fields.get(id)?.accumulate ?? 'stock';

/** Unit → field → its reported numeric values, ascending by month. */
export type SeriesIndex = Map<string, Map<string, { index: number; value: Rational }[]>>;

export function seriesOf(months: readonly IndexedMonth[]): SeriesIndex {
  const out: SeriesIndex = new Map();
  for (const m of months)
    for (const u of m.dataset.units) {
      const k = unitKey(u);
      const fields = out.get(k) ?? new Map<string, { index: number; value: Rational }[]>();
      out.set(k, fields);
      for (const [id, v] of u.values) {
        if (!(v instanceof Rational) || u.invalid.has(id)) continue;
        const list = fields.get(id) ?? [];
        list.push({ index: m.index, value: v });
        fields.set(id, list);
      }
    }
  return out;
}

/** Last year's to-date values, unit → field → month index → value (per-month fields summed to date). */
export function historyOf(
  scheme: Scheme,
  months: readonly IndexedMonth[],
): Map<string, Map<string, Map<number, Rational>>> {
  const out = new Map<string, Map<string, Map<number, Rational>>>();
  for (const [unit, fields] of seriesOf(months)) {
    const byField = new Map<string, Map<number, Rational>>();
    for (const [id, s] of fields) {
      const kind = kindOf(scheme, id);
      byField.set(id, new Map(s.map((p, j) => [p.index, toDate(kind, s.slice(0, j + 1))])));
    }
    out.set(unit, byField);
  }
  return out;
}

/** A reported month as it stands to date: per-month fields summed over the months so far (the dataset itself when there are none). */
export function toDateDataset(scheme: Scheme, month: IndexedMonth, series: SeriesIndex): Dataset {
  const monthly = [...scheme.fields.values()].some((f) => f.accumulate === 'month');
  if (!monthly) return month.dataset;
  const units = month.dataset.units.map((u) => {
    const values = new Map<string, FieldValue>(u.values);
    for (const [id, s] of series.get(unitKey(u)) ?? []) {
      if (kindOf(scheme, id) !== 'month' || !values.has(id)) continue;
      values.set(
        id,
        toDate(
          'month',
          s.filter((p) => p.index <= month.index),
        ),
      );
    }
    return { ...u, values };
  });
  return { ...month.dataset, units };
}

/** The three datasets (central, low, high) of month t, projected from the latest month's units. */
export function projectedDatasets(
  scheme: Scheme,
  latest: Dataset,
  t: number,
  series: SeriesIndex,
  history?: Map<string, Map<string, Map<number, Rational>>>,
): Record<Scenario, Dataset> {
  const sets: Record<Scenario, DataUnit[]> = { mid: [], low: [], high: [] };
  for (const u of latest.units) {
    const own = series.get(unitKey(u));
    const vals: Record<Scenario, Map<string, FieldValue>> = {
      mid: new Map(u.values),
      low: new Map(u.values),
      high: new Map(u.values),
    };
    for (const [id, v] of u.values) {
      const s: Series | undefined = own?.get(id);
      if (!(v instanceof Rational) || !s?.length) continue;
      const p = project(kindOf(scheme, id), s, t, history?.get(unitKey(u))?.get(id));
      // A count is a whole number: its projection is rounded to the nearest one (half away from zero).
      const whole = (x: Rational) => (scheme.fields.get(id)?.type === 'count' ? x.round(0) : x);
      vals.mid.set(id, whole(p.mid));
      vals.low.set(id, whole(p.low));
      vals.high.set(id, whole(p.high));
    }
    for (const k of ['mid', 'low', 'high'] as const) sets[k].push({ ...u, values: vals[k] });
  }
  const made = (units: DataUnit[]): Dataset => ({ units, files: latest.files, findings: [] });
  return { mid: made(sets.mid), low: made(sets.low), high: made(sets.high) };
}
