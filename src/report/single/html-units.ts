/** The HTML report's statuses, heat map (unit × item) and ranking of the units below. */
import type { Lang } from '../../diagnostics';
import type { Assessment, ItemResult, Status, UnitResult } from '../../engine/types';
import type { Rational } from '../../rational';
import { showPoints } from '../shared/display';
import { fill, statusWord, t } from '../shared/i18n';
import { childrenByRank, sortItems } from '../shared/order';
import { plainValue } from '../shared/plain';
import { barChart, esc } from '../shared/svg';

const STATUSES: Status[] = ['met', 'partial', 'failed', 'na', 'missing', 'invalid'];

const num = (r: Rational): number => r.toNumber(6);

/** The status a cell shows: a bonus not earned is no loss, so it is not shown as failed. */
export const shownStatus = (i: ItemResult): Status | 'none' => (i.bonus && i.status === 'failed' ? 'none' : i.status);
export const statusText = (lang: Lang, i: ItemResult): string =>
  shownStatus(i) === 'none' ? t(lang, 'notEarned') : statusWord(lang, i.status);
export const statusPill = (lang: Lang, i: ItemResult): string =>
  `<span class="st st-${shownStatus(i)}">${esc(statusText(lang, i))}</span>`;

function legend(L: Lang, bonus: boolean): string {
  const cells = STATUSES.map((s) => `<span><span class="st st-${s}">${esc(statusWord(L, s))}</span></span>`);
  if (bonus)
    cells.push(
      `<span><span class="st st-none" style="border:0.75pt solid #d0d7de">${esc(`+ ${t(L, 'notEarned')}`)}</span></span>`,
    );
  return `<div class="legend"><span>${esc(t(L, 'htmlLegend'))}${L === 'zh' ? '：' : ':'}</span>${cells.join('')}</div>`;
}

/** Children ordered by rank, then name: the order of the heat map and the ranking. */
const byRank = childrenByRank;

/** The heat map's columns: the items the units below have, in scheme order. */
function heatColumns(u: UnitResult, kids: UnitResult[]): { id: string; title: string; bonus: boolean }[] {
  const cols: { id: string; title: string; bonus: boolean }[] = [];
  const seen = new Set<string>();
  for (const i of [...u.items, ...kids.flatMap((k) => k.items)]) {
    if (seen.has(i.id) || !kids.some((k) => k.items.some((x) => x.id === i.id))) continue;
    seen.add(i.id);
    cols.push({ id: i.id, title: i.title, bonus: i.bonus });
  }
  return cols;
}

export function heatmap(u: UnitResult, L: Lang, id: (p: string) => string): string {
  const level = u.children[0]!.levelTitle;
  const kids = byRank(u);
  const cols = heatColumns(u, kids);
  const out = [
    `<section class="part heatmap page" id="${id('heatmap')}" data-part="heatmap">`,
    `<h2>${esc(fill(L, 'htmlHeatmap', { level }))}</h2>`,
  ];
  out.push(`<p class="note">${esc(t(L, 'htmlHeatNote'))}</p>`);
  out.push(
    legend(
      L,
      cols.some((c) => c.bonus),
    ),
  );
  out.push(
    `<table class="heat" id="${id('heatmap-table')}" data-chart="heatmap"><thead><tr><th class="unit">${esc(level)}</th>`,
  );
  // Headers turned to read upwards, one line each (vertical where sideways writing is unknown);
  // a very long title is cut (the full one is its tooltip).
  const short = (s: string) => ([...s].length > 16 ? `${[...s].slice(0, 15).join('')}…` : s);
  out.push(
    cols
      .map((c) => `<th class="it" title="${esc(c.title)}">${esc(short(c.bonus ? `+ ${c.title}` : c.title))}</th>`)
      .join(''),
  );
  out.push(`<th class="score">${esc(t(L, 'scaledHead'))}</th></tr></thead><tbody>`);
  for (const k of kids) {
    const cells = cols.map((c) => {
      const i = k.items.find((x) => x.id === c.id);
      if (!i) return '<td class="cell st-none"></td>';
      const s = shownStatus(i);
      const text =
        s === 'missing'
          ? '?'
          : s === 'invalid'
            ? '!'
            : s === 'na'
              ? '–'
              : i.lost.sign() > 0
                ? `−${showPoints(i.lost)}`
                : i.bonus && i.points.sign() > 0
                  ? `+${showPoints(i.points)}`
                  : '';
      const tip = `${k.name} · ${i.title}: ${plainValue(k.fields, i, L)} · ${statusText(L, i)}${i.lost.sign() > 0 ? ` · −${showPoints(i.lost)}` : ''}`;
      return `<td class="cell st-${s}" title="${esc(tip)}">${esc(text)}</td>`;
    });
    out.push(
      `<tr><td class="unit">${esc(k.name)}</td>${cells.join('')}<td class="score num">${esc(showPoints(k.scaled))}</td></tr>`,
    );
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}

export function rankingPart(a: Assessment, u: UnitResult, L: Lang, id: (p: string) => string): string {
  const level = u.children[0]!.levelTitle;
  const kids = byRank(u);
  const total = a.scheme.total;
  const end = Math.max(num(total), ...kids.map((k) => num(k.scaled)));
  const mark = (k: UnitResult) =>
    k.vetoes.some((v) => v.triggered) ? ' ✗' : k.vetoes.some((v) => !v.checked) ? ' ?' : '';
  const out = [
    `<section class="part ranking page" id="${id('ranking')}" data-part="ranking">`,
    `<h2>${esc(`${t(L, 'ranking')}${L === 'zh' ? '：' : ': '}${level}`)}</h2>`,
  ];
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
  out.push(
    `<table class="ranking-table"><thead><tr>${head.map((h, k) => `<th${numeric[k] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`,
  );
  for (const k of kids) {
    const worst = sortItems(
      k.items.filter((i) => i.lost.sign() > 0),
      'lost',
    )
      .slice(0, 2)
      .map(
        (i) =>
          `${esc(i.title)} ${esc(i.status === 'missing' || i.status === 'invalid' ? statusWord(L, i.status) : plainValue(k.fields, i, L))} <span class="lost-pos">−${esc(showPoints(i.lost))}</span>`,
      );
    out.push(
      `<tr><td class="num">${k.rank}</td><td class="unit">${esc(k.name)}</td><td class="num">${esc(`${showPoints(k.score)} / ${showPoints(k.max)}`)}</td>` +
        `<td class="num">${esc(showPoints(k.scaled))}</td><td>${esc((k.grade ?? '') + mark(k))}</td>` +
        `<td>${worst.length ? worst.join('<br>') : esc(t(L, 'none'))}</td></tr>`,
    );
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}
