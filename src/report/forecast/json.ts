/**
 * The forecast as JSON for machines: exact numbers as decimals (6 places), no words
 * but the scheme's and the data's names. Stable key order; the same forecast gives
 * the same bytes. The fields: docs/forecast.md#json.
 */
import type { Forecast, ForecastItem, ItemPoint } from '../../forecast/types';
import type { Rational } from '../../rational';
import { Rational as R } from '../../rational';

export const FORECAST_SCHEMA_VERSION = 1;

const n = (r: Rational): number => r.toNumber(6);
const val = (v: ItemPoint['value']): number | boolean | null => (v === undefined ? null : v instanceof R ? n(v) : v);

function point(p: ItemPoint) {
  return {
    period: p.period,
    month: p.index,
    projected: p.projected,
    value: val(p.value),
    ...(p.low && p.high ? { low: n(p.low), high: n(p.high) } : {}),
    status: p.status,
  };
}

function item(i: ForecastItem) {
  return {
    id: i.id,
    title: i.title,
    target: i.target ?? null,
    lines: i.lines.map(n),
    max: n(i.max),
    points: n(i.points),
    lowPoints: n(i.lowPoints),
    highPoints: n(i.highPoints),
    risk: i.risk ?? null,
    path: i.path.map(point),
  };
}

export function formatForecastJson(f: Forecast): string {
  const doc = {
    schemaVersion: FORECAST_SCHEMA_VERSION,
    kind: 'forecast',
    scheme: {
      id: f.scheme.id,
      title: f.scheme.title,
      version: f.scheme.version,
      total: n(f.scheme.total),
      pass: n(f.scheme.pass),
    },
    year: f.year,
    yearStarts: f.starts,
    months: f.months,
    yearEnd: f.yearEnd,
    method: f.method,
    historyMonths: f.historyMonths,
    notes: f.notes,
    units: f.units.map((u) => ({
      key: u.key,
      code: u.code ?? null,
      name: u.name,
      now: { score: n(u.now.scaled), passed: u.now.passed },
      yearEnd: {
        score: n(u.yearEnd.scaled),
        low: n(u.yearEnd.low),
        high: n(u.yearEnd.high),
        passed: u.yearEnd.passed,
        mayFail: u.yearEnd.mayFail,
        vetoes: u.yearEnd.vetoes,
      },
      items: u.items.map(item),
    })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
