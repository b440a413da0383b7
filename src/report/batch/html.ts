/**
 * The HTML summary page of a batch: counts, the ranking of the newest period (bars
 * and table), scores by period, who is last on each item, and further parts (the
 * trend). Self-contained like the single report: inline CSS and SVG, no script.
 */
import { periodSpan, stampParts } from '../shared/heading';
import { plainValue } from '../shared/plain';
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Batch, BatchEntry } from '../../batch/types';
import {
  countsLine,
  firstText,
  lastHeading,
  matrixNote,
  periodLabel,
  rankingHeading,
  scoreHead,
  scoreText,
  summarize,
  type BatchSummary,
} from './summary';
import { hrefOf } from '../shared/href';
import { htmlPage } from '../single/html';
import { statusWord, t } from '../shared/i18n';
import { barChart, esc } from '../shared/svg';
import { htmlParts, type BatchParts } from './trend-parts';

export interface BatchHtmlContext extends BatchParts {
  /** The reference date, only when given (`--as-of`). */
  asOf?: string;
  lang: Lang;
  links?: (e: BatchEntry) => string | undefined;
}

const a = (text: string, href: string | undefined) =>
  href ? `<a href="${esc(hrefOf(href))}">${esc(text)}</a>` : esc(text);

/** What each part of the page needs: the batch, its summary, the context and the language. */
interface HtmlEnv {
  b: Batch;
  s: BatchSummary;
  ctx: BatchHtmlContext;
  L: Lang;
  zh: boolean;
}

/** The ranking of the newest period. */
function rankingPart(e: HtmlEnv): string {
  const { s, ctx, L, zh } = e;
  const level = s.ranking[0]!.entry.assessment.units[0]!.levelTitle;
  const heading = rankingHeading(s, level, L);
  const end = Math.max(s.total?.toNumber(6) ?? 100, ...s.ranking.map((r) => r.scaled.toNumber(6)));
  const out = [
    `<section class="part ranking" id="batch-ranking" data-part="batch-ranking">`,
    `<h2>${esc(heading)}</h2>`,
  ];
  out.push(
    barChart(
      {
        title: heading,
        kind: 'ranking',
        end,
        ...(s.pass ? { marker: { at: s.pass.toNumber(6), label: `${t(L, 'passLine')} ${showPoints(s.pass)}` } } : {}),
        bars: s.ranking.map((r) => ({
          label: `${r.rank}. ${r.name}`,
          value: r.scaled.toNumber(6),
          valueLabel: `${showPoints(r.scaled)}${r.vetoed ? ' ✗' : ''}`,
          tone: r.passed ? 'tone-pass' : 'tone-fail',
          tip: `${r.name}: ${showPoints(r.scaled)} · ${t(L, r.passed ? 'passed' : 'failed')}${r.grade ? ` · ${r.grade}` : ''}`,
        })),
      },
      'batch-ranking-chart',
    ),
  );
  const head = [t(L, 'rank'), level, scoreHead(s, L), zh ? '结论' : 'Verdict', t(L, 'gradeHead'), t(L, 'worst')];
  out.push(
    `<table class="ranking-table"><thead><tr>${head.map((h, k) => `<th${k === 0 || k === 2 ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`,
  );
  for (const r of s.ranking) {
    const worst = r.worst.map(
      (i) =>
        `${esc(i.title)} ${esc(i.status === 'missing' || i.status === 'invalid' ? statusWord(L, i.status) : plainValue(r.fields, i, L))} <span class="lost-pos">−${esc(showPoints(i.lost))}</span>`,
    );
    out.push(
      `<tr><td class="num">${r.rank}/${r.of}</td><td class="unit">${a(r.name, ctx.links?.(r.entry))}</td><td class="num">${esc(scoreText(r))}</td>` +
        `<td>${esc(t(L, r.passed ? 'passed' : 'failed'))}</td><td>${esc((r.grade ?? '') + (r.vetoed ? ' ✗' : ''))}</td><td>${worst.length ? worst.join('<br>') : esc(t(L, 'none'))}</td></tr>`,
    );
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}

/** Scores by period, with ranks. */
function periodsPart(e: HtmlEnv): string {
  const { b, s, ctx, L, zh } = e;
  const entries = new Map(b.entries.map((e) => [`${e.period ?? ''}\u0000${e.assessment.units[0]!.key}`, e]));
  const out = [
    `<section class="part by-period" data-part="batch-periods">`,
    `<h2>${esc(zh ? '各期得分（名次）' : 'Score by period (rank)')}</h2>`,
  ];
  out.push(`<p class="note">${esc(matrixNote(L))}</p>`);
  out.push(
    `<table><thead><tr><th></th>${s.periods.map((p) => `<th class="num">${esc(periodLabel(p, L))}</th>`).join('')}</tr></thead><tbody>`,
  );
  for (const m of s.matrix) {
    const cells = m.cells.map((x, k) => {
      if (!x) return '<td class="num">—</td>';
      const e = entries.get(`${s.periods[k] ?? ''}\u0000${m.key}`);
      return `<td class="num">${a(`${showPoints(x.scaled)} (${x.rank})${x.vetoed ? ' ✗' : ''}`, e && ctx.links?.(e))}</td>`;
    });
    out.push(`<tr><td class="unit">${esc(m.name)}</td>${cells.join('')}</tr>`);
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}

/** Who is last on each item, and who is first. */
function lastPlacePart(e: HtmlEnv): string {
  const { s, L, zh } = e;
  const out = [`<section class="part last-place" data-part="batch-last">`, `<h2>${esc(lastHeading(s, L))}</h2>`];
  const head = [
    zh ? '指标' : 'Item',
    zh ? '末位' : 'Last',
    zh ? '值' : 'Value',
    zh ? '得分/满分' : 'Points/max',
    zh ? '第一' : 'First',
  ];
  out.push(`<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>`);
  for (const { item, last, first } of s.lastPlace) {
    out.push(
      `<tr><td>${esc(item.title)}</td><td class="unit">${esc(last.map((x) => x.name).join('、'))}</td><td class="num">${esc(last.map((x) => plainValue(x.fields, x.result, L)).join('、'))}</td>` +
        `<td class="num">${esc(last.map((x) => `${showPoints(x.points)}/${showPoints(x.max)}`).join('、'))}</td><td>${esc(firstText(item, first, L))}</td></tr>`,
    );
  }
  out.push('</tbody></table>', '</section>');
  return out.join('\n');
}

export function formatBatchHtml(b: Batch, ctx: BatchHtmlContext): string {
  const L = ctx.lang;
  const zh = L === 'zh';
  const s = summarize(b);
  const e: HtmlEnv = { b, s, ctx, L, zh };
  const stamp = stampParts({ period: periodSpan(b.periods), asOf: ctx.asOf }, L);
  const body: string[] = [
    `<header class="doc"><h1>${esc(s.title)}${stamp.length ? ` <span class="stamp">${esc(stamp.join(' · '))}</span>` : ''}</h1><p class="meta">${esc(`${t(L, 'htmlVersion')} ${s.version}`)} · ${esc(countsLine(s, L))}</p></header>`,
  ];
  const parts = htmlParts(ctx, L);
  body.push(...parts.top);
  if (s.ranking.length) body.push(rankingPart(e));
  if (s.periods.length > 1) body.push(periodsPart(e));
  if (s.lastPlace.length) body.push(lastPlacePart(e));
  body.push(...parts.end);
  return htmlPage(L, [s.title, ...stamp].join(' — '), body);
}
