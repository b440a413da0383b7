/**
 * Sentences shared by the trend's text and Markdown reports: the scheme change, the
 * gate verdict and its reasons, units on one side only. Text from the reports
 * (titles, names) goes through `esc`, so Markdown can make it inert.
 */
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Status } from '../../engine/types';
import { statusWord } from '../shared/i18n';
import { visible } from '../shared/escape';
import type { SchemeChange, Trend, UnitTrend } from '../../trend/diff';
import type { GateResult } from '../../trend/gate';
import { columnLabel, signed, tw, type TrendWord } from './words';

type Esc = (s: string) => string;
/** For the terminal: control characters shown as escapes. */
const plain: Esc = visible;

const FIELD: Record<string, TrendWord> = {
  title: 'fieldTitle',
  max: 'fieldMax',
  target: 'fieldTarget',
  formula: 'fieldFormula',
};

/** The periods compared, e.g. `2026-08 → 2026-09` (several when units were compared across different ones). */
export function comparedLabel(L: Lang, t: Trend): string {
  const pairs = new Set(
    t.units
      .filter((u) => u.diff)
      .map(
        (u) =>
          `${columnLabel(L, t.columns[u.diff!.before.column]!, t.columns)} → ${columnLabel(L, t.columns[u.diff!.after.column]!, t.columns)}`,
      ),
  );
  return [...pairs].join(L === 'zh' ? '；' : '; ');
}

export function schemeLines(L: Lang, s: SchemeChange, esc: Esc = plain): string[] {
  const colon = L === 'zh' ? '：' : ': ';
  const out = [
    tw(L, 'schemeChanged', {
      from: esc(`${s.before.id} ${s.before.version}`),
      to: esc(`${s.after.id} ${s.after.version}`),
    }),
  ];
  if (!s.items.length) out.push(`  ${tw(L, 'schemeSame')}`);
  for (const i of s.items) {
    const name = `${esc(i.title)} (${esc(i.id)})`;
    if (i.kind !== 'changed') {
      out.push(`  ${i.kind === 'added' ? '+' : '−'} ${name}${colon}${tw(L, i.kind)}`);
      continue;
    }
    const parts = i.fields.map((f) => {
      const b = i.before!;
      const a = i.after!;
      const v = (x: typeof b) =>
        f === 'max' ? (x.max ? showPoints(x.max) : '—') : f === 'title' ? x.title : (x[f] ?? '—');
      return `${tw(L, FIELD[f]!)} ${esc(`"${v(b)}" → "${v(a)}"`)}`;
    });
    out.push(`  ~ ${name}${colon}${parts.join(L === 'zh' ? '；' : '; ')}`);
  }
  out.push(`  ${tw(L, 'schemeRule')}`);
  return out;
}

export function gateLines(L: Lang, gate: GateResult | undefined, esc: Esc = plain): string[] {
  const colon = L === 'zh' ? '：' : ': ';
  if (!gate) return [];
  const head = `${tw(L, 'gates')}${colon}${tw(L, gate.exitCode ? 'gatesFail' : 'gatesPass')}`;
  const lines = gate.reasons.map((r) => {
    if (r.kind === 'new-failure') {
      return tw(L, 'newFailure', {
        unit: esc(r.unit),
        item: `${esc(r.title)} (${esc(r.item)})`,
        before: statusWord(L, r.before as Status),
        after: statusWord(L, r.after as Status),
        points: signed(r.points),
      });
    }
    const main = tw(L, r.schemeChanged ? 'regressionScheme' : 'regression', {
      unit: esc(r.unit),
      drop: showPoints(r.drop),
      from: showPoints(r.from),
      to: showPoints(r.to),
      threshold: showPoints(r.threshold),
    });
    const items = r.items.map((i) => `${esc(i.title)} ${signed(i.points)}`).join(L === 'zh' ? '，' : ', ');
    return items ? `${main}${L === 'zh' ? '；' : '; '}${tw(L, 'regressionItems', { list: items })}` : main;
  });
  return [head, ...lines.map((l) => `  ${l}`)];
}

/** Units found on one side only (top-level and below), as two sentences. */
export function sideLines(L: Lang, t: Trend, esc: Esc = plain): string[] {
  const name = (u: UnitTrend) => esc(u.names.join(' › '));
  const sep = L === 'zh' ? '、' : ', ';
  const out: string[] = [];
  const added = t.units.filter((u) => u.side === 'new' && t.units.some((x) => x.side !== 'new'));
  const gone = t.units.filter((u) => u.side === 'gone');
  if (added.length) out.push(tw(L, 'onlyAfter', { list: added.map(name).join(sep) }));
  if (gone.length) out.push(tw(L, 'onlyBefore', { list: gone.map(name).join(sep) }));
  return out;
}

/** A gate asked for with nothing earlier to compare with can never fail: the job is told (undefined otherwise). */
export function nothingComparedWarning(trend: Trend, gate: GateResult | undefined, lang: Lang): string | undefined {
  if (!gate || trend.units.some((u) => u.diff)) return undefined;
  return lang === 'zh'
    ? 'pinggu：警告：门槛无从比较——数据中没有更早的期间，也没有 --baseline 或 --history 报告，因此不会失败'
    : 'pinggu: warning: the gates have nothing earlier to compare with (no earlier period in the data, no --baseline or --history report), so they cannot fail';
}
