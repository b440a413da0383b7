/**
 * The HTML report: one self-contained page for the county head's meeting. Inline CSS
 * and inline SVG only — no script, no font, image, stylesheet or link from anywhere —
 * so it opens offline and prints on A4 (print CSS, a page break between parts, table
 * rows never cut, table headers repeated on every page).
 *
 * Parts, in order (the terminal table's order, with pictures): the verdict (score
 * against the pass line, pass/fail, grade, every veto including those the data could
 * not check); points lost per item as a sorted bar chart; the items with their
 * explanations; the action list (整改清单) over all units; a unit × item heat map
 * coloured by status; the ranking (bars and a table with each unit's worst items);
 * the data summary. The verdict and the chart share the first page.
 *
 * Every text from the scheme or the data goes through `esc`. No date or clock: the
 * same assessment gives the same bytes.
 */
import { gapText } from './item-words';
import { plainOps, plainTarget, plainValue, vetoPlain } from './plain';
import { say } from '../messages/catalog';
import { formatDiagnostic, type Lang } from '../diagnostics';
import { showPoints, showValue } from './display';
import type { Assessment, ItemResult, Remedy, Status, UnitResult } from '../engine/types';
import { Rational } from '../rational';
import { actionList } from './actions';
import { adjustedUnits, adjustmentAction, adjustmentsSummary, adjustmentsTitle, recordChange, recordStatus, selfVsAdjusted, selfVsTitle } from './adjustments';
import { explainItem } from './explain';
import { fill, statusWord, t } from './i18n';
import { barChart, esc, gauge } from './svg';
import { childrenByRank, sortItems } from './order';
import { stampParts } from './heading';

export interface HtmlContext {
  lang: Lang;
  sort: 'lost' | 'scheme';
  /** Show notes among the findings. */
  verbose?: boolean;
  /** The assessed period, when known. */
  period?: string | null;
  /** The reference date, only when given (`--as-of`). */
  asOf?: string;
}

/** Common system fonts that carry Chinese, on macOS, Windows and Linux; no web font. */
const FONTS = `"PingFang SC", "Microsoft YaHei", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif`;

const STATUSES: Status[] = ['met', 'partial', 'failed', 'na', 'missing', 'invalid'];

const CSS = `
@page { size: A4; margin: 15mm }
* { box-sizing: border-box }
html { -webkit-print-color-adjust: exact; print-color-adjust: exact }
body { margin: 0; font-family: ${FONTS}; font-size: 10pt; line-height: 1.45; color: #1f2328; background: #fff }
main { max-width: 180mm; margin: 0 auto; padding: 10mm 0 }
@media print { main { max-width: none; padding: 0 } }
h1 { font-size: 16pt; margin: 0 0 1.5mm }
h1 .stamp { font-size: 12pt; font-weight: 600; white-space: nowrap }
h2 { font-size: 13pt; margin: 0 0 3mm; padding-bottom: 1mm; border-bottom: 1.5pt solid #1f2328; break-after: avoid }
h3 { font-size: 11pt; margin: 4mm 0 2mm; break-after: avoid }
p { margin: 1.5mm 0 }
.meta, .note { color: #57606a; font-size: 8.5pt }
.part { margin-top: 9mm }
.part.page { break-before: page }
.chart { display: block; max-width: 100%; height: auto; break-inside: avoid; margin: 2mm 0 }
.chart text { font-family: ${FONTS}; font-size: 12px; fill: #1f2328 }
.chart .track { fill: #e6e8eb }
.chart .back { fill: #eceef1 }
.chart .tick { stroke: #8c959f; stroke-width: 1 }
.chart .tick-label { font-size: 10px; fill: #57606a }
.chart .pass-line { stroke: #1f2328; stroke-width: 2; stroke-dasharray: 4 3 }
.chart .pass-label { font-size: 11px; font-weight: 600 }
.chart .score-label { font-size: 15px; font-weight: 700 }
.chart .score-label.inside { fill: #fff }
.chart .bar-value { font-size: 11px; fill: #57606a; paint-order: stroke; stroke: #fff; stroke-width: 3px; stroke-linejoin: round }
.chart .bar-value.inside { fill: #fff; stroke: none; font-weight: 600 }
.tone-pass { fill: #2e7d32 } .tone-fail { fill: #c62828 }
.tone-partial { fill: #e0a100 } .tone-failed { fill: #c62828 } .tone-missing, .tone-invalid { fill: #7b5ea7 } .tone-bonus { fill: #8c959f }
.verdict-head { display: flex; flex-wrap: wrap; align-items: baseline; gap: 2mm 6mm; margin: 1mm 0 2mm }
.verdict-head .unit { font-size: 14pt; font-weight: 700 }
.verdict-head .big { font-size: 22pt; font-weight: 700; font-variant-numeric: tabular-nums }
.verdict-head .of { color: #57606a }
.badge { display: inline-block; padding: 0.5mm 3mm; border-radius: 2mm; font-weight: 700; font-size: 12pt; color: #fff }
.badge.pass { background: #2e7d32 } .badge.fail { background: #c62828 }
.warn { color: #9a3412; font-weight: 600 }
table { width: 100%; border-collapse: collapse; font-size: 9pt; margin: 2mm 0 }
thead { display: table-header-group }
tr, tbody.row { break-inside: avoid }
th, td { padding: 1.2mm 1.6mm; border-bottom: 0.75pt solid #d0d7de; text-align: left; vertical-align: top }
th { background: #f3f4f6; font-weight: 600; white-space: nowrap }
.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap }
.lost-pos { color: #c62828; font-weight: 600 }
td.unit { white-space: nowrap }
tbody.row tr.main td { border-bottom: none; padding-bottom: 0.4mm }
tr.why td { color: #57606a; font-size: 8pt; padding-top: 0; padding-left: 5mm }
.st { display: inline-block; padding: 0 1.6mm; border-radius: 1mm; white-space: nowrap; font-size: 8.5pt }
.st-met { background: #d7f0d8; color: #1b5e20 }
.st-partial { background: #fde9b8; color: #7a4b00 }
.st-failed { background: #f8c9c9; color: #8e1b1b }
.st-na { background: #eceef1; color: #57606a }
.st-missing { background: #e3dcf3; color: #4a3577 }
.st-invalid { background: repeating-linear-gradient(135deg, #f3d4f0 0 3px, #e6b8e0 3px 6px); color: #6d1660 }
.st-none { background: #fff; color: #57606a }
.vetoes td:first-child { width: 2em; text-align: center; font-weight: 700 }
.veto-hit td { background: #f8c9c9 } .veto-unknown td { background: #fde9b8 }
table.heat { table-layout: fixed; font-size: 8pt }
table.heat th, table.heat td { padding: 0.8mm 0.4mm; text-align: center; border: 0.75pt solid #fff }
table.heat th.unit, table.heat td.unit { text-align: left; width: 17mm; white-space: nowrap; overflow: hidden }
table.heat th.score, table.heat td.score { width: 12mm; text-align: right }
table.heat thead th { vertical-align: bottom }
table.heat thead th.it { writing-mode: vertical-rl; writing-mode: sideways-lr; text-align: start; white-space: nowrap; font-weight: 500; font-size: 7.5pt; line-height: 1.15; padding: 1mm 0 }
table.heat td.cell { font-variant-numeric: tabular-nums; height: 6mm; vertical-align: middle }
.legend { display: flex; flex-wrap: wrap; gap: 1.5mm 4mm; font-size: 8.5pt; margin: 1mm 0 }
.findings li.error { color: #8e1b1b } .findings li.warning { color: #7a4b00 }
ul.findings { margin: 1mm 0; padding-left: 5mm; font-size: 8.5pt }
`;

const num = (r: Rational): number => r.toNumber(6);

/** The status a cell shows: a bonus not earned is no loss, so it is not shown as failed. */
const shownStatus = (i: ItemResult): Status | 'none' => (i.bonus && i.status === 'failed' ? 'none' : i.status);
const statusText = (lang: Lang, i: ItemResult): string => (shownStatus(i) === 'none' ? t(lang, 'notEarned') : statusWord(lang, i.status));
const statusPill = (lang: Lang, i: ItemResult): string => `<span class="st st-${shownStatus(i)}">${esc(statusText(lang, i))}</span>`;

/** Element ids per unit: `verdict`, `lost`, … for the first; `verdict-2`, … for the next. */
function idMaker(): () => (part: string) => string {
  let n = 0;
  return () => {
    const k = ++n;
    return (part) => (k === 1 ? part : `${part}-${k}`);
  };
}

export function formatHtml(a: Assessment, ctx: HtmlContext): string {
  const L = ctx.lang;
  const nextIds = idMaker();
  const body: string[] = [];
  body.push(header(a, L, stampParts(ctx, L)));

  const tops = a.units;
  const topIds = tops.map(() => nextIds());
  tops.forEach((u, i) => body.push(verdict(a, u, L, topIds[i]!, i > 0), lostChart(u, L, topIds[i]!), itemsPart(a, u, ctx, topIds[i]!)));
  body.push(actionsPart(a, L));
  tops.forEach((u, i) => {
    if (u.children.length) body.push(heatmap(u, L, topIds[i]!), rankingPart(a, u, L, topIds[i]!));
  });
  // Units in between (e.g. the counties of a city) get their own parts, depth first.
  const walk = (u: UnitResult) => {
    for (const k of u.children) {
      if (!k.children.length) continue;
      const id = nextIds();
      body.push(verdict(a, k, L, id, true), lostChart(k, L, id), itemsPart(a, k, ctx, id), heatmap(k, L, id), rankingPart(a, k, L, id));
      walk(k);
    }
  };
  tops.forEach(walk);
  if (a.adjustments) body.push(adjustmentsPart(a, L));
  body.push(dataPart(a, ctx));

  const title = [a.scheme.title, ...(tops.length ? [tops.map((u) => u.name).join('、')] : []), ...stampParts(ctx, L)].join(' — ');
  return htmlPage(L, title, body);
}

/** A whole self-contained page: the report's stylesheet and the parts given. */
export function htmlPage(L: Lang, title: string, body: string[]): string {
  return [
    '<!DOCTYPE html>',
    `<html lang="${L === 'zh' ? 'zh-CN' : 'en'}">`,
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${esc(title)}</title>`,
    `<style>${CSS}</style>`,
    '</head>',
    '<body>',
    '<main>',
    ...body,
    '</main>',
    '</body>',
    '</html>',
    '',
  ].join('\n');
}

function header(a: Assessment, L: Lang, stamp: string[]): string {
  const s = a.scheme;
  const meta = [
    `${t(L, 'schemeId')} ${s.id}`,
    `${t(L, 'htmlVersion')} ${s.version}`,
    ...(s.issuer ? [`${t(L, 'issuer')} ${s.issuer}`] : []),
    ...(s.document ? [`${t(L, 'document')} ${s.document}`] : []),
  ];
  const when = stamp.length ? ` <span class="stamp">${esc(stamp.join(' · '))}</span>` : '';
  return `<header class="doc"><h1>${esc(s.title)}${when}</h1><p class="meta">${meta.map(esc).join(' · ')}</p></header>`;
}

function verdict(a: Assessment, u: UnitResult, L: Lang, id: (p: string) => string, page: boolean): string {
  const out: string[] = [];
  out.push(`<section class="part verdict${page ? ' page' : ''}" id="${id('verdict')}" data-part="verdict">`);
  out.push(`<h2>${esc(u.name)} · ${esc(t(L, 'htmlVerdict'))}</h2>`);
  const total = a.scheme.total;
  const scaledNote = u.max.eq(total) ? '' : ` <span class="note">${esc(`${t(L, 'scaledHead')} ${showPoints(u.scaled)} (${t(L, 'scaledNote')})`)}</span>`;
  const bonus = u.bonus.sign() > 0 ? ` <span class="note">${esc(`${t(L, 'bonus')} +${showPoints(u.bonus)}`)}</span>` : '';
  out.push('<div class="verdict-head">');
  out.push(`<span class="big">${esc(showPoints(u.score))}</span><span class="of">/ ${esc(showPoints(u.max))}${bonus}${scaledNote}</span>`);
  out.push(`<span class="badge ${u.passed ? 'pass' : 'fail'}">${esc(t(L, u.passed ? 'passed' : 'failed'))}</span>`);
  if (u.grade) out.push(`<span>${esc(`${t(L, 'gradeHead')}${L === 'zh' ? '：' : ': '}${u.grade}`)}</span>`);
  if (u.of > 1) out.push(`<span>${esc(`${t(L, 'rank')} ${u.rank}/${u.of}`)}</span>`);
  out.push('</div>');
  const self = selfVsAdjusted(u, L);
  if (self) out.push(`<p class="self-vs">${esc(`${selfVsTitle(L)}${L === 'zh' ? '：' : ': '}${self}`)} <a href="#adjustments">${esc(adjustmentsTitle(L))}</a></p>`);

  // Score against the pass line, on the scheme's total scale (bonus may run past it).
  const end = total.max(u.scaled);
  const diff = u.scaled.sub(a.scheme.pass);
  const ticks = Array.from({ length: 11 }, (_, k) => total.mul(Rational.int(k)).div(Rational.int(10))!).map((v) => ({ at: num(v), label: showPoints(v) }));
  out.push(
    gauge(
      {
        title: `${t(L, 'htmlGauge')}: ${showPoints(u.scaled)} / ${showPoints(total)}, ${t(L, 'passLine')} ${showPoints(a.scheme.pass)}`,
        score: num(u.scaled),
        end: num(end),
        pass: num(a.scheme.pass),
        scoreLabel: showPoints(u.scaled),
        passLabel: `${t(L, 'passLine')} ${showPoints(a.scheme.pass)}`,
        ticks,
        tone: u.passed ? 'tone-pass' : 'tone-fail',
      },
      id('gauge'),
    ),
  );
  out.push(`<p>${esc(fill(L, diff.sign() < 0 ? 'htmlBelowPass' : 'htmlAbovePass', { n: showPoints(diff.abs()) }))}</p>`);
  const errors = a.data.findings.filter((f) => f.severity === 'error').length;
  if (errors) out.push(`<p class="warn">${esc(fill(L, 'provisional', { n: errors }))}</p>`);

  // Every veto: triggered, could not be checked (so no pass), or clear.
  const hit = u.vetoes.filter((v) => v.triggered).length;
  const unknown = u.vetoes.filter((v) => !v.checked).length;
  const summary = [
    ...(hit ? [fill(L, 'vetoTriggeredN', { n: hit })] : []),
    ...(unknown ? [fill(L, 'vetoUncheckedN', { n: unknown })] : []),
    ...(!hit && !unknown ? [L === 'zh' ? `${t(L, 'vetoNone')}（${fill(L, 'vetoAllChecked', { n: u.vetoes.length })}）` : `${t(L, 'vetoNone')} (${fill(L, 'vetoAllChecked', { n: u.vetoes.length })})`] : []),
  ].join(L === 'zh' ? '；' : '; ');
  out.push(`<h3>${esc(t(L, 'vetoes'))}${L === 'zh' ? '：' : ': '}<span class="${hit || unknown ? 'warn' : ''}">${esc(summary)}</span></h3>`);
  if (u.vetoes.length) {
    out.push(`<table class="vetoes"><thead><tr><th></th><th>${esc(t(L, 'htmlVeto'))}</th><th>${esc(t(L, 'htmlCondition'))}</th><th>${esc(t(L, 'value'))}</th><th>${esc(t(L, 'status'))}</th></tr></thead><tbody>`);
    for (const v of u.vetoes) {
      const [cls, mark, word] = v.triggered
        ? ['veto-hit', '✗', t(L, 'vetoTriggered')]
        : !v.checked
          ? ['veto-unknown', '?', v.reason ? say(v.reason, L) : t(L, 'htmlVetoUnchecked')]
          : ['veto-clear', '✓', t(L, 'htmlVetoClear')];
      const vw = vetoPlain(u, v, L);
      out.push(`<tr class="${cls}"><td>${mark}</td><td>${esc(v.title)}</td><td>${esc(vw.rule)}</td><td>${esc(vw.seen)}</td><td>${esc(word)}</td></tr>`);
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function lostChart(u: UnitResult, L: Lang, id: (p: string) => string): string {
  const lost = sortItems(u.items.filter((i) => !i.bonus && i.lost.sign() > 0), 'lost');
  const out = [`<section class="part lost" id="${id('lost')}" data-part="lost">`, `<h2>${esc(t(L, 'htmlLostChart'))}</h2>`];
  if (!lost.length) {
    out.push(`<p>${esc(t(L, 'htmlNoLoss'))}</p>`);
  } else {
    const total = lost.reduce((s, i) => s.add(i.lost), Rational.ZERO);
    out.push(`<p class="note">${esc(fill(L, 'htmlLostNote', { n: lost.length, lost: showPoints(total) }))}</p>`);
    const end = Math.max(...lost.map((i) => num(i.max)));
    out.push(
      barChart(
        {
          title: t(L, 'htmlLostChart'),
          kind: 'lost',
          end,
          bars: lost.map((i) => ({
            label: i.title,
            value: num(i.lost),
            back: num(i.max),
            valueLabel: `−${showPoints(i.lost)} / ${showPoints(i.max)}`,
            tone: `tone-${i.status === 'partial' || i.status === 'missing' || i.status === 'invalid' ? i.status : 'failed'}`,
            tip: `${i.title}: ${plainValue(u.fields, i, L)} (${statusWord(L, i.status)})`,
          })),
        },
        id('lost-chart'),
      ),
    );
  }
  out.push('</section>');
  return out.join('\n');
}

function itemsPart(a: Assessment, u: UnitResult, ctx: HtmlContext, id: (p: string) => string): string {
  const L = ctx.lang;
  const out = [`<section class="part items page" id="${id('items')}" data-part="items">`, `<h2>${esc(`${u.name} · ${t(L, 'items')}`)}</h2>`];
  const head = [t(L, 'item'), t(L, 'value'), t(L, 'target'), t(L, 'gap'), t(L, 'points'), t(L, 'lost'), t(L, 'status')];
  const numeric = [false, true, false, true, true, true, false];
  out.push(`<table class="items"><thead><tr>${head.map((h, k) => `<th${numeric[k] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>`);
  for (const i of sortItems(u.items, ctx.sort)) {
    const gap = i.gap && i.gap.sign() > 0 ? gapText(i) ?? '' : '';
    const lost = i.lost.sign() > 0;
    out.push(
      `<tbody class="row st-row-${shownStatus(i)}"><tr class="main">` +
        `<td>${esc(`${i.bonus ? `+ ${i.title}` : i.title}${i.adjustment ? ' *' : ''}`)}</td>` +
        `<td class="num">${esc(plainValue(u.fields, i, L))}</td>` +
        `<td>${esc(plainTarget(u.fields, i) ?? i.target ?? '')}</td>` +
        `<td class="num">${esc(gap)}</td>` +
        // A bonus item adds points beyond the total: no maximum, nothing lost.
        `<td class="num">${esc(i.bonus ? (i.points.sign() > 0 ? `+${showPoints(i.points)}` : '0') : `${showPoints(i.points)} / ${showPoints(i.max)}`)}</td>` +
        `<td class="num${lost ? ' lost-pos' : ''}">${esc(i.bonus ? '' : lost ? `−${showPoints(i.lost)}` : showPoints(i.lost))}</td>` +
        `<td>${statusPill(L, i)}</td></tr>` +
        `<tr class="why"><td colspan="7">${esc(plainOps(explainItem(u.fields, i, L, a.scheme.labels)))}</td></tr></tbody>`,
    );
  }
  out.push('</table>', '</section>');
  return out.join('\n');
}

/** The lever change alone ("奖励扶助已兑现人数增加 2"); the points go in their own column. */
function leverChange(r: Remedy & { change: Rational }, L: Lang): string {
  const abs = r.change.abs();
  const amount = r.kind === 'percent' ? `${abs.mul(Rational.HUNDRED).toDecimal(2)} ${L === 'zh' ? '个百分点' : 'pp'}` : showValue(abs, 'number');
  const dir = r.change.sign() > 0 ? t(L, 'more') : t(L, 'less');
  return L === 'zh' ? `${r.label}${dir} ${amount}` : `${r.label}: ${amount} ${dir}`;
}

function actionsPart(a: Assessment, L: Lang): string {
  const actions = actionList(a);
  const out = [`<section class="part actions page" id="actions" data-part="actions">`, `<h2>${esc(t(L, 'actionList'))}</h2>`];
  if (!actions.length) {
    out.push(`<p>${esc(t(L, 'htmlNoActions'))}</p>`);
  } else {
    out.push(`<p class="note">${esc(t(L, 'htmlActionsNote'))}</p>`);
    const head = ['#', t(L, 'htmlUnit'), t(L, 'item'), t(L, 'htmlChange'), t(L, 'htmlFromTo'), t(L, 'htmlRecovers')];
    const numeric = [true, false, false, false, true, true];
    out.push(`<table class="action-list"><thead><tr>${head.map((h, k) => `<th${numeric[k] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
    actions.forEach((x, k) => {
      const kind = x.remedy.kind === 'percent' ? 'percent' : 'number';
      const fromTo = x.remedy.to ? `${showValue(x.remedy.from, kind)} → ${showValue(x.remedy.to, kind)}` : showValue(x.remedy.from, kind);
      out.push(
        `<tr><td class="num">${k + 1}</td><td class="unit">${esc(x.unit.name)}</td><td>${esc(x.item.title)}</td><td>${esc(leverChange(x.remedy, L))}</td>` +
          `<td class="num">${esc(fromTo)}</td><td class="num">${esc(`+${showPoints(x.remedy.gain)}`)}</td></tr>`,
      );
    });
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function legend(L: Lang, bonus: boolean): string {
  const cells = STATUSES.map((s) => `<span><span class="st st-${s}">${esc(statusWord(L, s))}</span></span>`);
  if (bonus) cells.push(`<span><span class="st st-none" style="border:0.75pt solid #d0d7de">${esc(`+ ${t(L, 'notEarned')}`)}</span></span>`);
  return `<div class="legend"><span>${esc(t(L, 'htmlLegend'))}${L === 'zh' ? '：' : ':'}</span>${cells.join('')}</div>`;
}

/** Children ordered by rank, then name: the order of the heat map and the ranking. */
const byRank = childrenByRank;

function heatmap(u: UnitResult, L: Lang, id: (p: string) => string): string {
  const level = u.children[0]!.levelTitle;
  const kids = byRank(u);
  // Columns: the items the units below have, in scheme order.
  const cols: { id: string; title: string; bonus: boolean }[] = [];
  const seen = new Set<string>();
  for (const i of [...u.items, ...kids.flatMap((k) => k.items)]) {
    if (seen.has(i.id) || !kids.some((k) => k.items.some((x) => x.id === i.id))) continue;
    seen.add(i.id);
    cols.push({ id: i.id, title: i.title, bonus: i.bonus });
  }
  const out = [`<section class="part heatmap page" id="${id('heatmap')}" data-part="heatmap">`, `<h2>${esc(fill(L, 'htmlHeatmap', { level }))}</h2>`];
  out.push(`<p class="note">${esc(t(L, 'htmlHeatNote'))}</p>`);
  out.push(legend(L, cols.some((c) => c.bonus)));
  out.push(`<table class="heat" id="${id('heatmap-table')}" data-chart="heatmap"><thead><tr><th class="unit">${esc(level)}</th>`);
  // Headers turned to read upwards, one line each (vertical where sideways writing is unknown);
  // a very long title is cut (the full one is its tooltip).
  const short = (s: string) => ([...s].length > 16 ? `${[...s].slice(0, 15).join('')}…` : s);
  out.push(cols.map((c) => `<th class="it" title="${esc(c.title)}">${esc(short(c.bonus ? `+ ${c.title}` : c.title))}</th>`).join(''));
  out.push(`<th class="score">${esc(t(L, 'scaledHead'))}</th></tr></thead><tbody>`);
  for (const k of kids) {
    const cells = cols.map((c) => {
      const i = k.items.find((x) => x.id === c.id);
      if (!i) return '<td class="cell st-none"></td>';
      const s = shownStatus(i);
      const text =
        s === 'missing' ? '?' : s === 'invalid' ? '!' : s === 'na' ? '–' : i.lost.sign() > 0 ? `−${showPoints(i.lost)}` : i.bonus && i.points.sign() > 0 ? `+${showPoints(i.points)}` : '';
      const tip = `${k.name} · ${i.title}: ${plainValue(k.fields, i, L)} · ${statusText(L, i)}${i.lost.sign() > 0 ? ` · −${showPoints(i.lost)}` : ''}`;
      return `<td class="cell st-${s}" title="${esc(tip)}">${esc(text)}</td>`;
    });
    out.push(`<tr><td class="unit">${esc(k.name)}</td>${cells.join('')}<td class="score num">${esc(showPoints(k.scaled))}</td></tr>`);
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}

function rankingPart(a: Assessment, u: UnitResult, L: Lang, id: (p: string) => string): string {
  const level = u.children[0]!.levelTitle;
  const kids = byRank(u);
  const total = a.scheme.total;
  const end = Math.max(num(total), ...kids.map((k) => num(k.scaled)));
  const mark = (k: UnitResult) => (k.vetoes.some((v) => v.triggered) ? ' ✗' : k.vetoes.some((v) => !v.checked) ? ' ?' : '');
  const out = [`<section class="part ranking page" id="${id('ranking')}" data-part="ranking">`, `<h2>${esc(`${t(L, 'ranking')}${L === 'zh' ? '：' : ': '}${level}`)}</h2>`];
  out.push(`<p class="note">${esc(t(L, 'htmlRankingNote'))}</p>`);
  out.push(
    barChart(
      {
        title: `${t(L, 'ranking')}: ${level}`,
        kind: 'ranking',
        end,
        marker: { at: num(a.scheme.pass), label: `${t(L, 'passLine')} ${showPoints(a.scheme.pass)}` },
        bars: kids.map((k) => ({
          label: `${k.rank}. ${k.name}`,
          value: num(k.scaled),
          valueLabel: `${showPoints(k.scaled)}${mark(k)}`,
          tone: k.passed ? 'tone-pass' : 'tone-fail',
          tip: `${k.name}: ${showPoints(k.scaled)} · ${t(L, k.passed ? 'passed' : 'failed')}${k.grade ? ` · ${k.grade}` : ''}`,
        })),
      },
      id('ranking-chart'),
    ),
  );
  const head = [t(L, 'rank'), level, t(L, 'score'), t(L, 'scaledHead'), t(L, 'gradeHead'), t(L, 'worst')];
  const numeric = [true, false, true, true, false, false];
  out.push(`<table class="ranking-table"><thead><tr>${head.map((h, k) => `<th${numeric[k] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
  for (const k of kids) {
    const worst = sortItems(k.items.filter((i) => i.lost.sign() > 0), 'lost')
      .slice(0, 2)
      .map((i) => `${esc(i.title)} ${esc(i.status === 'missing' || i.status === 'invalid' ? statusWord(L, i.status) : plainValue(k.fields, i, L))} <span class="lost-pos">−${esc(showPoints(i.lost))}</span>`);
    out.push(
      `<tr><td class="num">${k.rank}</td><td class="unit">${esc(k.name)}</td><td class="num">${esc(`${showPoints(k.score)} / ${showPoints(k.max)}`)}</td>` +
        `<td class="num">${esc(showPoints(k.scaled))}</td><td>${esc((k.grade ?? '') + mark(k))}</td>` +
        `<td>${worst.length ? worst.join('<br>') : esc(t(L, 'none'))}</td></tr>`,
    );
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}

/** 自评 vs 抽查: each adjusted unit's two scores, then every line of the adjustments file. */
function adjustmentsPart(a: Assessment, L: Lang): string {
  const zh = L === 'zh';
  const asOf = a.adjustments!.asOf;
  const out = [`<section class="part adjustments" id="adjustments" data-part="adjustments">`, `<h2>${esc(`${selfVsTitle(L)} · ${adjustmentsTitle(L)}`)}</h2>`];
  out.push(`<p class="note">${esc(adjustmentsSummary(a, L))}</p>`);
  const units = adjustedUnits(a.units);
  if (units.length) out.push(`<ul class="self-vs">${units.map((u) => `<li>${esc(`${u.name}${zh ? '：' : ': '}${selfVsAdjusted(u, L)}`)}</li>`).join('')}</ul>`);
  const list = a.adjustments!.list;
  if (list.length) {
    const head = zh ? ['单位', '指标', '核定', '自评 → 核定', '理由', '核查单位 · 文号 · 日期', '状态'] : ['Unit', 'Item', 'Adjustment', 'Self → adjusted', 'Reason', 'Authority · document · date', 'Status'];
    out.push(`<table class="adjustment-list"><thead><tr>${head.map((h, k) => `<th${k === 3 ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
    for (const r of list) {
      const source = [r.authority, r.document, r.expires ? `${r.date} – ${r.expires}` : r.date].filter(Boolean).join(' · ');
      // Inline style: the page's stylesheet stays the same whether or not adjustments were given.
      const cls = r.status === 'applied' ? '' : ' class="not-applied" style="color:#57606a"';
      out.push(
        `<tr${cls}><td class="unit">${esc(r.unit.name)}</td><td>${esc(r.item.title)}</td><td>${esc(adjustmentAction(r, L))}</td><td class="num">${esc(recordChange(r))}</td>` +
          `<td>${esc(r.reason)}</td><td>${esc(source)}</td><td>${esc(recordStatus(r, asOf, L))}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

function dataPart(a: Assessment, ctx: HtmlContext): string {
  const L = ctx.lang;
  const d = a.data;
  const count = (sev: string) => d.findings.filter((f) => f.severity === sev).length;
  const [errors, warnings, notes] = [count('error'), count('warning'), count('note')];
  const out = [`<section class="part data page" id="data" data-part="data">`, `<h2>${esc(t(L, 'data'))}</h2>`];
  const sep = L === 'zh' ? '；' : '; ';
  out.push(`<p>${esc([fill(L, 'dataRows', { read: d.read, used: d.used, rejected: d.rejected }), fill(L, 'nErrors', { n: errors }), fill(L, 'nWarnings', { n: warnings }), fill(L, 'nNotes', { n: notes })].join(sep))}</p>`);
  if (d.files.length) {
    const head = [t(L, 'file'), t(L, 'encoding'), t(L, 'rowsRead'), t(L, 'rowsUsed'), t(L, 'rowsNotUsed')];
    const numeric = [false, false, true, true, true];
    out.push(`<table class="files"><thead><tr>${head.map((h, k) => `<th${numeric[k] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
    for (const f of d.files) out.push(`<tr><td>${esc(f.file)}</td><td>${esc(f.encoding)}</td><td class="num">${f.read}</td><td class="num">${f.used}</td><td class="num">${f.rejected}</td></tr>`);
    out.push('</tbody></table>');
  }
  const shown = d.findings.filter((f) => ctx.verbose || f.severity !== 'note');
  if (shown.length) out.push(`<ul class="findings">${shown.map((f) => `<li class="${f.severity}">${esc(formatDiagnostic(f, L))}</li>`).join('')}</ul>`);
  if (notes && !ctx.verbose) out.push(`<p class="note">${esc(fill(L, 'htmlNotesHidden', { n: notes }))}</p>`);
  out.push('</section>');
  return out.join('\n');
}
