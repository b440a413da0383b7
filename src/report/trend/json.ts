/**
 * The trend as JSON: the `trend` object embedded in the batch JSON (documented in
 * docs/batch-json.md, "trend"), and the standalone document of `pinggu compare
 * --format json`. Numbers are decimals rounded to 6 places from exact differences.
 *
 *   trendJson(trend: Trend, gate?: GateResult): TrendJson        // the `trend` object
 *   formatTrendJson(trend, { before: string[], after: string, gate? }): string
 */
import type { Rational } from '../../rational';
import type { ItemChange, ItemState, Trend, UnitState, UnitTrend } from '../../trend/diff';
import type { GateReason, GateResult } from '../../trend/gate';

const n = (r: Rational): number => r.toNumber(6);
const nn = (r: Rational | null): number | null => (r === null ? null : n(r));

export type TrendJson = ReturnType<typeof trendJson>;

const itemState = (s: ItemState | null) =>
  s && {
    points: n(s.points),
    max: n(s.max),
    value: s.value === null || typeof s.value === 'boolean' ? s.value : n(s.value),
    display: s.display,
    status: s.status,
    rank: s.rank,
    of: s.of,
  };

/** An item is listed when anything about it moved: points, value, status, rank, or its definition. */
export const itemMoved = (i: ItemChange): boolean =>
  i.schemeChanged ||
  Boolean(i.points && !i.points.isZero()) ||
  Boolean(i.value && !i.value.isZero()) ||
  Boolean(i.rank) ||
  i.before?.status !== i.after?.status ||
  (typeof i.before?.value === 'boolean' && i.before.value !== i.after?.value);

/** For the pages people read: only items whose points, status or definition changed. */
export const itemScoredDifferently = (i: ItemChange): boolean =>
  i.schemeChanged ||
  Boolean(i.points && !i.points.isZero()) ||
  i.before?.status !== i.after?.status ||
  i.change !== null;

const item = (i: ItemChange) => ({
  id: i.id,
  title: i.title,
  section: i.section,
  bonus: i.bonus,
  before: itemState(i.before),
  after: itemState(i.after),
  points: nn(i.points),
  value: nn(i.value),
  rank: i.rank,
  change: i.change,
  schemeChanged: i.schemeChanged,
});

const unitState = (s: UnitState) => ({
  period: s.period,
  scaled: n(s.scaled),
  passed: s.passed,
  grade: s.grade,
  rank: s.rank,
  of: s.of,
  vetoed: s.vetoed,
  scheme: s.scheme,
});

const unit = (u: UnitTrend) => ({
  level: u.level,
  key: u.key,
  name: u.name,
  path: u.path,
  depth: u.depth,
  side: u.side,
  series: u.series.map((p) => ({
    column: p.column,
    period: p.period,
    scaled: n(p.scaled),
    passed: p.passed,
    rank: p.rank,
    of: p.of,
    total: n(p.total),
    pass: n(p.pass),
    sections: p.sections.map((s) => ({ id: s.id, title: s.title, points: n(s.points), max: n(s.max) })),
  })),
  diff: u.diff && {
    from: unitState(u.diff.before),
    to: unitState(u.diff.after),
    scaled: n(u.diff.scaled),
    rank: u.diff.rank,
    measure: n(u.diff.measure),
    schemeChanged: u.diff.schemeChanged,
    newlyFailing: u.diff.newlyFailing.map((i) => i.id),
    newlyMet: u.diff.newlyMet.map((i) => i.id),
    items: u.diff.items.filter(itemMoved).map(item),
  },
});

const reason = (r: GateReason) =>
  r.kind === 'regression'
    ? {
        kind: r.kind,
        unit: r.unit,
        key: r.key,
        path: r.path,
        from: n(r.from),
        to: n(r.to),
        drop: n(r.drop),
        threshold: n(r.threshold),
        schemeChanged: r.schemeChanged,
        items: r.items.map((i) => ({ item: i.item, title: i.title, points: n(i.points) })),
      }
    : {
        kind: r.kind,
        unit: r.unit,
        key: r.key,
        path: r.path,
        item: r.item,
        title: r.title,
        points: n(r.points),
        before: r.before,
        after: r.after,
      };

export function trendJson(t: Trend, gate?: GateResult) {
  return {
    columns: t.columns.map((c) => ({ period: c.period, side: c.side, index: c.index })),
    gate: gate ? { exitCode: gate.exitCode, reasons: gate.reasons.map(reason) } : null,
    schemes: t.schemes.map((s) => ({
      before: s.before,
      after: s.after,
      items: s.items.map((i) => ({
        id: i.id,
        title: i.title,
        change: i.kind,
        fields: i.fields,
        before: i.before && {
          title: i.before.title,
          max: nn(i.before.max),
          target: i.before.target,
          formula: i.before.formula,
        },
        after: i.after && {
          title: i.after.title,
          max: nn(i.after.max),
          target: i.after.target,
          formula: i.after.formula,
        },
      })),
    })),
    units: t.units.map(unit),
  };
}

export interface TrendDocContext {
  /** The reports compared: the earlier ones and the current one, as given. */
  before: string[];
  after: string;
  gate?: GateResult;
}

export function formatTrendJson(t: Trend, ctx: TrendDocContext): string {
  const doc = { schemaVersion: 1, kind: 'trend', before: ctx.before, after: ctx.after, trend: trendJson(t, ctx.gate) };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
