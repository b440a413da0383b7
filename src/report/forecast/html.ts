/**
 * The forecast as one self-contained HTML page: the heading, the units' table, and
 * per unit its items at risk, each with a chart (./chart.ts). No script, no external
 * resource, no clock: the same forecast gives the same bytes.
 */
import type { Lang } from '../../diagnostics';
import type { Forecast, ForecastItem, ForecastUnit } from '../../forecast/types';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';
import type { ForecastLegend } from '../../messages/forecast';
import { monthAt } from '../../stat-year';
import { esc } from '../shared/svg';
import { drawable, itemChart, type ChartWords } from './chart';
import {
  atRisk,
  stillShort,
  col,
  headingLines,
  ITEM_COLUMNS,
  itemRow,
  UNIT_COLUMNS,
  unitRow,
  verdictOf,
} from './words';

const CSS = `
body { font-family: system-ui, "Noto Sans CJK SC", "Microsoft YaHei", sans-serif; margin: 8mm; color: #1f2328 }
h1 { font-size: 1.4em } h2 { font-size: 1.15em; margin-top: 7mm }
table { border-collapse: collapse; margin: 2mm 0 } th, td { border: 0.75pt solid #d0d7de; padding: 1mm 2mm; text-align: left }
td.num { text-align: right } .verdict-fail h2, .verdict-veto h2 { color: #b42318 } .verdict-may-fail h2 { color: #9a6700 }
.legend span { margin-right: 5mm } .legend i { display: inline-block; width: 8mm; height: 0; vertical-align: middle; margin-right: 1mm }
.legend .l-actual { border-top: 2px solid #0969da } .legend .l-projected { border-top: 2px dashed #0969da }
.legend .l-band { border-top: 8px solid #cfe3fb } .legend .l-target { border-top: 2px solid #b42318 }
.forecast-chart { display: block; margin: 1mm 0 4mm } .forecast-chart .frame { stroke: #d0d7de }
.forecast-chart .actual { stroke: #0969da; stroke-width: 2; fill: #0969da } polyline.actual { fill: none }
.forecast-chart .projection { stroke: #0969da; stroke-width: 2 } .forecast-chart .band { fill: #cfe3fb; stroke: none }
.forecast-chart .pass-line { stroke: #b42318; stroke-width: 1.5 } .forecast-chart .tick { font-size: 11px; fill: #57606a }
figure { margin: 0 } figcaption { font-weight: 600 }
`;

const LEGEND: ForecastLegend[] = ['actual', 'projected', 'band', 'target'];

function chartWords(f: Forecast, i: ForecastItem, lang: Lang): ChartWords {
  const legend = Object.fromEntries(
    LEGEND.map((k) => [k, say(message('forecast/legend', { kind: k }), lang)]),
  ) as ChartWords['legend'];
  const months = Array.from({ length: 12 }, (_, k) => monthAt(f.year, k + 1, f.starts).slice(5));
  return { title: i.title, months, legend };
}

const tableHtml = (head: string[], rows: string[][], numeric: number[]): string =>
  [
    '<table>',
    `<thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead>`,
    '<tbody>',
    ...rows.map(
      (r) =>
        `<tr>${r.map((cell, k) => `<td${numeric.includes(k) ? ' class="num"' : ''}>${esc(cell)}</td>`).join('')}</tr>`,
    ),
    '</tbody></table>',
  ].join('\n');

function unitSection(f: Forecast, u: ForecastUnit, n: number, lang: Lang): string[] {
  const [items, short] = [atRisk(u), stillShort(u, lang)];
  const out = [
    `<section class="unit verdict-${verdictOf(u)}">`,
    `<h2>${esc(say(message('forecast/risks-of', { unit: u.name }), lang))}</h2>`,
  ];
  if (items.length)
    out.push(
      tableHtml(
        ITEM_COLUMNS.map((k) => col(lang, k)),
        items.map((i) => itemRow(i, lang)),
        [1, 2],
      ),
    );
  if (short) out.push(`<p class="short">${esc(short)}</p>`);
  items.forEach((i, k) => {
    if (!drawable(i)) return;
    out.push(
      `<figure><figcaption>${esc(i.title)}</figcaption>`,
      itemChart(i, chartWords(f, i, lang), `fc-${n}-${k}`),
      '</figure>',
    );
  });
  out.push('</section>');
  return out;
}

export function formatForecastHtml(f: Forecast, ctx: { lang: Lang }): string {
  const { lang } = ctx;
  const [title, ...rest] = headingLines(f, lang);
  const legend = LEGEND.map(
    (k) => `<span><i class="l-${k}"></i>${esc(say(message('forecast/legend', { kind: k }), lang))}</span>`,
  ).join('');
  const body = [
    `<header><h1>${esc(title!)}</h1>${rest.map((l) => `<p>${esc(l)}</p>`).join('')}</header>`,
    tableHtml(
      UNIT_COLUMNS.map((k) => col(lang, k)),
      f.units.map((u) => unitRow(u, lang)),
      [1, 2, 3, 5],
    ),
    `<p class="legend">${legend}</p>`,
  ];
  if (!f.units.some((u) => atRisk(u).length)) body.push(`<p>${esc(say(message('forecast/no-risk', {}), lang))}</p>`);
  f.units.forEach((u, n) => {
    if (atRisk(u).length || stillShort(u, lang)) body.push(...unitSection(f, u, n, lang));
  });
  return [
    '<!DOCTYPE html>',
    `<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title!)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
