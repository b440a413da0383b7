/**
 * The trend as a terminal report (a string; colour only when the context says so):
 * the periods compared, a scheme change if any, every unit's score before and after,
 * per top-level unit the items that changed and the items newly failing / newly met
 * (also those of the units below), the score over all periods when there are more
 * than two, units on one side only, and the gates. Fits 100 columns.
 *
 *   formatTrendText(trend: Trend, ctx: TrendTextContext): string
 */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { ItemChange, Trend, UnitTrend } from '../../trend/diff';
import type { GateResult } from '../../trend/gate';
import { grid } from '../shared/grid';
import { visible, visibleData } from '../shared/escape';
import { statusWord } from '../shared/i18n';
import { itemScoredDifferently } from './json';
import { comparedLabel, gateLines, schemeLines, sideLines } from './lines';
import { columnLabel, signed, tw, valueDelta } from './words';

export interface TrendTextContext {
  lang: Lang;
  color: boolean;
  /** Title line, e.g. the scheme's title and version. */
  title?: string;
  gate?: GateResult;
}

export function formatTrendText(trend: Trend, ctx: TrendTextContext): string {
  const t = visibleData(trend);
  const L = ctx.lang;
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const colon = L === 'zh' ? '：' : ': ';
  const out: string[] = [c.bold(`${tw(L, 'title')}${ctx.title ? `${colon}${visible(ctx.title)}` : ''}`)];
  const compared = t.units.filter((u) => u.diff);
  out.push(compared.length ? tw(L, 'compared', { pairs: comparedLabel(L, t) }) : tw(L, 'nothingBefore'));
  for (const s of t.schemes) out.push('', ...schemeLines(L, s).map((l, i) => (i === 0 ? c.yellow.bold(l) : l)));
  if (compared.length) out.push('', unitsTable(compared.filter(shown), L, c));
  for (const u of compared.filter((x) => x.depth === 0)) out.push('', ...unitItems(t, u, L, c));
  if (t.columns.length > 2) out.push('', c.bold(tw(L, 'scoreOver')), seriesTable(t, L));
  const sides = sideLines(L, t);
  if (sides.length) out.push('', ...sides);
  const gates = gateLines(L, ctx.gate);
  if (gates.length)
    out.push('', ...gates.map((l, i) => (i === 0 ? (ctx.gate!.exitCode ? c.red.bold(l) : c.green.bold(l)) : l)));
  return `${out.join('\n')}\n`;
}

const tone = (c: ChalkInstance, s: string, sign: number) => (sign < 0 ? c.red(s) : sign > 0 ? c.green(s) : s);

/** Top-level units always; units below only when their score moved or an item newly fails or is newly met. */
export const shown = (u: UnitTrend): boolean =>
  u.depth === 0 || Boolean(u.diff && (!u.diff.scaled.isZero() || u.diff.newlyFailing.length || u.diff.newlyMet.length));

const rankText = (rank: number, of: number) => (of > 1 ? `${rank}/${of}` : '');

function unitsTable(units: UnitTrend[], L: Lang, c: ChalkInstance): string {
  const rows = units.map((u) => {
    const d = u.diff!;
    const br = rankText(d.before.rank, d.before.of);
    const ar = rankText(d.after.rank, d.after.of);
    return [
      `${'  '.repeat(u.depth)}${u.name}`,
      showPoints(d.before.scaled),
      showPoints(d.after.scaled),
      tone(c, signed(d.scaled), d.scaled.sign()),
      br || ar ? `${br || '—'} → ${ar || '—'}` : '',
      [
        d.newlyFailing.length ? c.red(`▼${d.newlyFailing.length}`) : '',
        d.newlyMet.length ? c.green(`▲${d.newlyMet.length}`) : '',
      ]
        .filter(Boolean)
        .join(' '),
    ];
  });
  return grid(rows, {
    head: [tw(L, 'unit'), tw(L, 'before'), tw(L, 'after'), tw(L, 'change'), tw(L, 'rank'), tw(L, 'itemsMoved')],
    widths: [20, 9, 9, 9, 15, 17],
    headStyle: c.bold,
  });
}

function itemRow(i: ItemChange, L: Lang, c: ChalkInstance): string[] {
  const b = i.before;
  const a = i.after;
  const pts = `${b ? showPoints(b.points) : '—'} → ${a ? showPoints(a.points) : '—'}`;
  const value = `${b?.display || '—'} → ${a?.display || '—'}${i.value && !i.value.isZero() ? ` (${valueDelta(i.value, a?.display ?? '')})` : ''}`;
  const status = `${b ? statusWord(L, b.status) : '—'} → ${a ? statusWord(L, a.status) : '—'}`;
  const mark = i.schemeChanged
    ? c.yellow(tw(L, 'schemeChangedMark'))
    : i.change === 'newly-failing'
      ? c.red(tw(L, 'newlyFailingMark'))
      : i.change === 'newly-met'
        ? c.green(tw(L, 'newlyMetMark'))
        : '';
  const delta = i.points ? tone(c, signed(i.points), i.points.sign()) : '';
  return [`${i.bonus ? '+ ' : ''}${i.title}`, pts, delta, value, mark ? `${status}\n${mark}` : status];
}

function unitItems(t: Trend, u: UnitTrend, L: Lang, c: ChalkInstance): string[] {
  const d = u.diff!;
  const moved = d.items.filter(itemScoredDifferently);
  const out: string[] = [];
  if (!moved.length) out.push(tw(L, 'noItemChange', { unit: u.name }));
  else {
    out.push(c.bold(tw(L, 'itemsChanged', { unit: u.name })));
    out.push(
      grid(
        moved.map((i) => itemRow(i, L, c)),
        {
          head: [tw(L, 'item'), tw(L, 'points'), tw(L, 'change'), tw(L, 'value'), tw(L, 'status')],
          widths: [24, 13, 7, 25, 14],
          headStyle: c.bold,
        },
      ),
    );
  }
  const colon = L === 'zh' ? '：' : ': ';
  const list = (xs: ItemChange[]) =>
    xs.map(
      (i) =>
        `  - ${i.title} (${i.id})${i.points ? ` ${signed(i.points)}` : ''}${i.schemeChanged ? ` [${tw(L, 'schemeChangedMark')}]` : ''}`,
    );
  const head = (w: 'newlyFailing' | 'newlyMet', xs: ItemChange[]) =>
    `${tw(L, w, { n: xs.length })}${xs.length ? colon.trimEnd() : `${colon}${tw(L, 'none')}`}`;
  out.push(head('newlyFailing', d.newlyFailing), ...list(d.newlyFailing));
  out.push(head('newlyMet', d.newlyMet), ...list(d.newlyMet));
  // The units below, one line each.
  const below = t.units.filter((x) => x.diff && x.depth > 0 && x.path[0] === u.path[0] && x.path.length > 1);
  const line = (x: UnitTrend, xs: ItemChange[]) =>
    `  - ${x.names.slice(1).join(' › ')}${colon}${xs.map((i) => `${i.title}${i.points ? ` ${signed(i.points)}` : ''}`).join(L === 'zh' ? '，' : ', ')}`;
  const failing = below.filter((x) => x.diff!.newlyFailing.length);
  const met = below.filter((x) => x.diff!.newlyMet.length);
  if (failing.length)
    out.push(
      `${tw(L, 'newlyFailingBelow', { unit: u.name })}${colon.trimEnd()}`,
      ...failing.map((x) => line(x, x.diff!.newlyFailing)),
    );
  if (met.length)
    out.push(
      `${tw(L, 'newlyMetBelow', { unit: u.name })}${colon.trimEnd()}`,
      ...met.map((x) => line(x, x.diff!.newlyMet)),
    );
  return out;
}

/** Score per unit and period; at most the latest 6 periods fit the width. */
function seriesTable(t: Trend, L: Lang): string {
  const cols = t.columns.map((_, i) => i).slice(-6);
  const rows = t.units.map((u) => [
    `${'  '.repeat(u.depth)}${u.name}`,
    ...cols.map((ci) => {
      const p = u.series.find((s) => s.column === ci);
      return p ? showPoints(p.scaled) : '—';
    }),
  ]);
  return grid(rows, {
    head: [tw(L, 'unit'), ...cols.map((ci) => columnLabel(L, t.columns[ci]!, t.columns))],
    widths: [26, ...cols.map(() => 8)],
  });
}
