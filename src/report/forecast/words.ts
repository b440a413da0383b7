/** What every forecast format says the same way: the verdict, the risk, a value with its band, the heading lines. */
import type { Lang } from '../../diagnostics';
import type { Forecast, ForecastItem, ForecastUnit } from '../../forecast/types';
import { say } from '../../messages/catalog';
import { message, type Message } from '../../messages/codes';
import type { ForecastColumn, ForecastVerdict } from '../../messages/forecast';
import { showPoints, showValue } from '../shared/display';

export const words = (lang: Lang) => (m: Message) => say(m, lang);

export const col = (lang: Lang, kind: ForecastColumn): string => say(message('forecast/col', { kind }), lang);

export function verdictOf(u: ForecastUnit): ForecastVerdict {
  if (u.yearEnd.vetoes.length) return 'veto';
  if (!u.yearEnd.passed) return 'fail';
  return u.yearEnd.mayFail ? 'may-fail' : 'pass';
}

export const verdictText = (u: ForecastUnit, lang: Lang): string =>
  say(message('forecast/verdict', { kind: verdictOf(u), vetoes: u.yearEnd.vetoes }), lang);

/** Items projected to cross below their target (or that may, by the band): not those short already and staying so. */
export const atRisk = (u: ForecastUnit): ForecastItem[] => u.items.filter((i) => i.risk && !i.risk.already);

/** Items short now and projected short at year end, as `title (since month)`; one line, or none. */
export function stillShort(u: ForecastUnit, lang: Lang): string | undefined {
  const items = u.items.filter((i) => i.risk?.already).map((i) => `${i.title} (${i.risk!.from})`);
  return items.length ? say(message('forecast/still-short', { items }), lang) : undefined;
}

export const riskText = (i: ForecastItem, lang: Lang): string =>
  i.risk
    ? say(
        message('forecast/risk', {
          kind: i.risk.already && i.risk.kind === 'fails' ? 'already' : i.risk.kind,
          from: i.risk.from,
        }),
        lang,
      )
    : '';

/** The score band, `84.12–86.40`. */
export const scoreBand = (u: ForecastUnit): string => `${showPoints(u.yearEnd.low)}–${showPoints(u.yearEnd.high)}`;

/** An item's year-end value with its band when it has one: `94.71% (93.80%–95.02%)`. */
export function valueWithBand(i: ForecastItem): string {
  const end = i.path.at(-1);
  if (!end) return '—';
  const v = showValue(end.value, i.kind);
  if (!end.low || !end.high || end.low.eq(end.high)) return v;
  return `${v} (${showValue(end.low, i.kind)}–${showValue(end.high, i.kind)})`;
}

/** The heading lines: title, what the forecast is made from, and whether the year is complete. */
export function headingLines(f: Forecast, lang: Lang): string[] {
  const w = words(lang);
  const lines = [
    w(message('forecast/title', { title: `${f.scheme.title} ${f.scheme.version}`, yearEnd: f.yearEnd })),
    w(message('forecast/basis', { months: f.months, kind: f.method, history: f.historyMonths })),
  ];
  if (f.months.at(-1) === f.yearEnd) lines.push(w(message('forecast/complete', { yearEnd: f.yearEnd })));
  return [...lines, ...f.notes.map(w)];
}

/** One row of the units' table: name, score now, year end, band, verdict, items at risk. */
export function unitRow(u: ForecastUnit, lang: Lang): string[] {
  return [
    u.name,
    showPoints(u.now.scaled),
    showPoints(u.yearEnd.scaled),
    scoreBand(u),
    verdictText(u, lang),
    String(atRisk(u).length),
  ];
}

export const UNIT_COLUMNS: ForecastColumn[] = ['unit', 'now', 'year-end', 'band', 'verdict', 'risks'];
export const ITEM_COLUMNS: ForecastColumn[] = ['item', 'value', 'points', 'risk'];

/** One row of a unit's items at risk: title, value at year end with band, points (of max), the risk. */
export function itemRow(i: ForecastItem, lang: Lang): string[] {
  return [i.title, valueWithBand(i), `${showPoints(i.points)} / ${showPoints(i.max)}`, riskText(i, lang)];
}
