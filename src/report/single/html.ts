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
import { gapText } from '../shared/item-words';
import { plainOps, plainTarget, plainValue } from '../shared/plain';
import type { Lang } from '../../diagnostics';
import { showPoints, showValue } from '../shared/display';
import type { Assessment, Remedy, UnitResult } from '../../engine/types';
import { Rational } from '../../rational';
import { actionList } from './actions';
import { explainItem } from './explain';
import { fill, statusWord, t } from '../shared/i18n';
import { barChart, esc } from '../shared/svg';
import { sortItems } from '../shared/order';
import { stampParts } from '../shared/heading';
import { CSS } from './html-style';
import { heatmap, rankingPart, shownStatus, statusPill } from './html-units';
import { adjustmentsPart, dataPart } from './html-data';
import { verdict } from './html-verdict';

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

const num = (r: Rational): number => r.toNumber(6);

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
  tops.forEach((u, i) =>
    body.push(verdict(a, u, L, topIds[i]!, i > 0), lostChart(u, L, topIds[i]!), itemsPart(a, u, ctx, topIds[i]!)),
  );
  body.push(actionsPart(a, L));
  tops.forEach((u, i) => {
    if (u.children.length) body.push(heatmap(u, L, topIds[i]!), rankingPart(a, u, L, topIds[i]!));
  });
  // Units in between (e.g. the counties of a city) get their own parts, depth first.
  const walk = (u: UnitResult) => {
    for (const k of u.children) {
      if (!k.children.length) continue;
      const id = nextIds();
      body.push(
        verdict(a, k, L, id, true),
        lostChart(k, L, id),
        itemsPart(a, k, ctx, id),
        heatmap(k, L, id),
        rankingPart(a, k, L, id),
      );
      walk(k);
    }
  };
  tops.forEach(walk);
  if (a.adjustments) body.push(adjustmentsPart(a, L));
  body.push(dataPart(a, ctx));

  const title = [
    a.scheme.title,
    ...(tops.length ? [tops.map((u) => u.name).join('、')] : []),
    ...stampParts(ctx, L),
  ].join(' — ');
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

function lostChart(u: UnitResult, L: Lang, id: (p: string) => string): string {
  const lost = sortItems(
    u.items.filter((i) => !i.bonus && i.lost.sign() > 0),
    'lost',
  );
  const out = [
    `<section class="part lost" id="${id('lost')}" data-part="lost">`,
    `<h2>${esc(t(L, 'htmlLostChart'))}</h2>`,
  ];
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
  const out = [
    `<section class="part items page" id="${id('items')}" data-part="items">`,
    `<h2>${esc(`${u.name} · ${t(L, 'items')}`)}</h2>`,
  ];
  const head = [t(L, 'item'), t(L, 'value'), t(L, 'target'), t(L, 'gap'), t(L, 'points'), t(L, 'lost'), t(L, 'status')];
  const numeric = [false, true, false, true, true, true, false];
  out.push(
    `<table class="items"><thead><tr>${head.map((h, k) => `<th${numeric[k] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead>`,
  );
  for (const i of sortItems(u.items, ctx.sort)) {
    const gap = i.gap && i.gap.sign() > 0 ? (gapText(i) ?? '') : '';
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
  const amount =
    r.kind === 'percent'
      ? `${abs.mul(Rational.HUNDRED).toDecimal(2)} ${L === 'zh' ? '个百分点' : 'pp'}`
      : showValue(abs, 'number');
  const dir = r.change.sign() > 0 ? t(L, 'more') : t(L, 'less');
  return L === 'zh' ? `${r.label}${dir} ${amount}` : `${r.label}: ${amount} ${dir}`;
}

function actionsPart(a: Assessment, L: Lang): string {
  const actions = actionList(a);
  const out = [
    `<section class="part actions page" id="actions" data-part="actions">`,
    `<h2>${esc(t(L, 'actionList'))}</h2>`,
  ];
  if (!actions.length) {
    out.push(`<p>${esc(t(L, 'htmlNoActions'))}</p>`);
  } else {
    out.push(`<p class="note">${esc(t(L, 'htmlActionsNote'))}</p>`);
    const head = ['#', t(L, 'htmlUnit'), t(L, 'item'), t(L, 'htmlChange'), t(L, 'htmlFromTo'), t(L, 'htmlRecovers')];
    const numeric = [true, false, false, false, true, true];
    out.push(
      `<table class="action-list"><thead><tr>${head.map((h, k) => `<th${numeric[k] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`,
    );
    actions.forEach((x, k) => {
      const kind = x.remedy.kind === 'percent' ? 'percent' : 'number';
      const fromTo = x.remedy.to
        ? `${showValue(x.remedy.from, kind)} → ${showValue(x.remedy.to, kind)}`
        : showValue(x.remedy.from, kind);
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
