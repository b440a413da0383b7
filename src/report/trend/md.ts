/**
 * The trend in Markdown: a section to put into a Markdown report (the batch's), or a
 * whole document for `pinggu compare --format md`. Per top-level unit the newly
 * failing and newly met items and the items that changed; the score over every
 * period; the scheme change; units on one side only; the gates. Text from the
 * reports goes through the Markdown report's `inline`/`cell` escaping.
 *
 *   trendMarkdownSection(trend: Trend, ctx: TrendMarkdownContext): string   // starts with `## `
 *   formatTrendMarkdown(trend: Trend, ctx: TrendMarkdownContext): string    // `# title` + the section
 */
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { ItemChange, Trend, UnitTrend } from '../../trend/diff';
import type { GateResult } from '../../trend/gate';
import { statusWord } from '../shared/i18n';
import { cell, inline, table } from '../shared/markdown-text';
import { itemScoredDifferently } from './json';
import { comparedLabel, gateLines, schemeLines, sideLines } from './lines';
import { shown } from './text';
import { columnLabel, signed, tw, valueDelta } from './words';

export interface TrendMarkdownContext {
  lang: Lang;
  /** Document title for the standalone report (scheme title and version). */
  title?: string;
  gate?: GateResult;
}

export function formatTrendMarkdown(t: Trend, ctx: TrendMarkdownContext): string {
  const head = ctx.title ? `# ${inline(ctx.title)}\n\n` : '';
  return `${head}${trendMarkdownSection(t, ctx)}`;
}

export function trendMarkdownSection(t: Trend, ctx: TrendMarkdownContext): string {
  const L = ctx.lang;
  const out: string[] = [`## ${tw(L, 'title')}`, ''];
  const compared = t.units.filter((u) => u.diff);
  out.push(compared.length ? tw(L, 'compared', { pairs: comparedLabel(L, t) }) : tw(L, 'nothingBefore'), '');
  for (const s of t.schemes) {
    const [first, ...rest] = schemeLines(L, s, inline);
    out.push(`**${first}**`, '', ...rest.map((l) => `- ${l.trim()}`), '');
  }
  out.push(`### ${tw(L, 'scoreOver')}`, '', ...seriesTable(t, L), '');
  for (const u of compared.filter((x) => x.depth === 0)) out.push(...unitPart(t, u, L));
  const sides = sideLines(L, t, inline);
  if (sides.length) out.push(...sides, '');
  const gates = gatesMarkdown(L, ctx.gate, '### ');
  if (gates) out.push(gates, '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

/** The gates' verdict and reasons, text from the data made inert ('' without a gate). */
export function gatesMarkdown(L: Lang, gate: GateResult | undefined, heading = ''): string {
  const [head, ...reasons] = gateLines(L, gate, inline);
  if (!head) return '';
  return [
    heading ? `${heading}${head}` : `**${head}**`,
    ...(reasons.length ? ['', ...reasons.map((l) => `- ${l.trim()}`)] : []),
  ].join('\n');
}

function seriesTable(t: Trend, L: Lang): string[] {
  const units = t.units.filter((u) => u.side !== 'compared' || shown(u));
  const rows = units.map((u) => [
    `${'&nbsp;&nbsp;'.repeat(u.depth)}${cell(u.name)}`,
    ...t.columns.map((_, ci) => {
      const p = u.series.find((s) => s.column === ci);
      return p ? showPoints(p.scaled) : '—';
    }),
    u.diff ? signed(u.diff.scaled) : '',
  ]);
  return table(
    [tw(L, 'unit'), ...t.columns.map((c) => cell(columnLabel(L, c, t.columns))), tw(L, 'change')],
    ['l', ...t.columns.map(() => 'r' as const), 'r'],
    rows,
  );
}

const name = (i: ItemChange) => `${inline(i.title)} (\`${i.id.replace(/`/g, '')}\`)`;

function unitPart(t: Trend, u: UnitTrend, L: Lang): string[] {
  const d = u.diff!;
  const colon = L === 'zh' ? '：' : ': ';
  const out = [
    `### ${inline(u.name)}${colon}${showPoints(d.before.scaled)} → ${showPoints(d.after.scaled)} (${signed(d.scaled)})`,
    '',
  ];
  const points = (i: ItemChange) =>
    `${i.before ? showPoints(i.before.points) : '—'} → ${i.after ? showPoints(i.after.points) : '—'}${i.points ? ` (${signed(i.points)})` : ''}`;
  const mark = (i: ItemChange) => (i.schemeChanged ? ` *${tw(L, 'schemeChangedMark')}*` : '');
  const below = t.units.filter((x) => x.diff && x.depth > 0 && x.path[0] === u.path[0]);
  for (const [w, xs, pick] of [
    ['newlyFailing', d.newlyFailing, (x: UnitTrend) => x.diff!.newlyFailing],
    ['newlyMet', d.newlyMet, (x: UnitTrend) => x.diff!.newlyMet],
  ] as const) {
    out.push(`**${tw(L, w, { n: xs.length })}**${xs.length ? '' : `${colon}${tw(L, 'none')}`}`, '');
    for (const i of xs) out.push(`- ${name(i)}${colon}${points(i)}${mark(i)}`);
    for (const x of below.filter((b) => pick(b).length)) {
      out.push(
        `- ${x.names.slice(1).map(inline).join(' › ')}${colon}${pick(x)
          .map((i) => `${inline(i.title)}${i.points ? ` ${signed(i.points)}` : ''}`)
          .join(L === 'zh' ? '，' : ', ')}`,
      );
    }
    out.push('');
  }
  const moved = d.items.filter(itemScoredDifferently);
  if (!moved.length) return [...out, tw(L, 'noItemChange', { unit: inline(u.name) }), ''];
  out.push(`**${tw(L, 'itemsChanged', { unit: inline(u.name) })}**`, '');
  const rows = moved.map((i) => [
    `${i.bonus ? '\\+ ' : ''}${cell(i.title)}`,
    `${i.before ? showPoints(i.before.points) : '—'} → ${i.after ? showPoints(i.after.points) : '—'}`,
    i.points ? signed(i.points) : '',
    `${cell(i.before?.display || '—')} → ${cell(i.after?.display || '—')}${i.value && !i.value.isZero() ? ` (${valueDelta(i.value, i.after?.display ?? '')})` : ''}`,
    `${i.before ? statusWord(L, i.before.status) : '—'} → ${i.after ? statusWord(L, i.after.status) : '—'}${i.change ? ` **${tw(L, i.change === 'newly-failing' ? 'newlyFailingMark' : 'newlyMetMark')}**` : ''}${mark(i)}`,
  ]);
  out.push(
    ...table(
      [tw(L, 'item'), tw(L, 'points'), tw(L, 'change'), tw(L, 'value'), tw(L, 'status')],
      ['l', 'r', 'r', 'l', 'l'],
      rows,
    ),
    '',
  );
  return out;
}
