/**
 * The trend between runs (pure): every unit's series over the periods, and its
 * newest snapshot compared with the one before it.
 *
 *   buildTrend(history: Snapshot[][], current: Snapshot[]): Trend
 *
 * `history` holds earlier reports (a baseline, older months), oldest first;
 * `current` is this run (one period, or a batch of several). Units are matched by
 * their key path (county key, township key …), else by their name path. A unit's
 * snapshots are ordered by period (see period.ts); where a period is null, by source
 * (history before current, then order in the file). The comparison is the unit's
 * newest snapshot from `current` against the latest snapshot before it, from the
 * same run (a batch of Jul/Aug/Sep compares Sep with Aug) or from the history.
 *
 * Scheme versions: item definitions (title, target, formula, and the points it is
 * worth where applicable on both sides) are compared item by item whatever the
 * scheme versions say. An item added, removed or redefined is `schemeChanged`: its
 * point change is shown but left out of the gates, and the unit's regression
 * measure becomes the sum of point changes over the items defined alike on both
 * sides (raw points) instead of the change in scaled score.
 */
import { Rational } from '../rational';
import { comparePeriods } from '../data/period';
import type { ItemSnap, Snapshot } from './read';
import { collectScheme, defFields } from './item-defs';

export type {
  Column,
  SectionPoints,
  SeriesPoint,
  ItemState,
  ItemChange,
  UnitState,
  UnitDiff,
  UnitTrend,
  ItemDefChange,
  SchemeChange,
  Trend,
} from './diff-types';
import type {
  Column,
  SectionPoints,
  SeriesPoint,
  ItemState,
  ItemChange,
  UnitState,
  UnitDiff,
  UnitTrend,
  SchemeChange,
  Trend,
} from './diff-types';

interface Tagged {
  s: Snapshot;
  /** history index, or history.length for current. */
  src: number;
  idx: number;
}

function cmp(a: Tagged, b: Tagged): number {
  if (a.s.period !== null && b.s.period !== null) {
    const p = comparePeriods(a.s.period, b.s.period);
    if (p) return p;
  }
  return a.src - b.src || a.idx - b.idx;
}

const columnKey = (t: Tagged) => (t.s.period !== null ? `p:${t.s.period}` : `s:${t.src}`);

export function buildTrend(history: Snapshot[][], current: Snapshot[]): Trend {
  const H = history.length;
  const all: Tagged[] = [
    ...history.flatMap((list, src) => list.map((s, idx) => ({ s, src, idx }))),
    ...current.map((s, idx) => ({ s, src: H, idx })),
  ];

  // Columns: one per known period, one per report without a period; in order.
  const reps = new Map<string, Tagged>();
  for (const t of all) if (!reps.has(columnKey(t))) reps.set(columnKey(t), t);
  const ordered = [...reps.values()].sort(cmp);
  const colIndex = new Map(ordered.map((t, i) => [columnKey(t), i]));
  const columns: Column[] = ordered.map((t) => ({
    period: t.s.period,
    side: t.src === H ? 'current' : 'history',
    index: t.s.period === null && t.src < H ? t.src : 0,
  }));

  const groups = matchUnits(all, H);
  const units: UnitTrend[] = [];
  const schemes = new Map<string, SchemeChange>();
  for (const g of groups) {
    const list = g.sort(cmp);
    const newestAt = list.map((t) => t.src === H).lastIndexOf(true);
    const last = list[newestAt >= 0 ? newestAt : list.length - 1]!.s;
    const byCol = new Map<number, SeriesPoint>();
    for (const t of list) byCol.set(colIndex.get(columnKey(t))!, seriesPoint(t.s, colIndex.get(columnKey(t))!));
    const series = [...byCol.values()].sort((a, b) => a.column - b.column);
    const prev = newestAt > 0 ? list[newestAt - 1]! : undefined;
    let diff: UnitDiff | null = null;
    if (newestAt >= 0 && prev) {
      const after = list[newestAt]!;
      diff = diffUnit(prev.s, after.s, colIndex.get(columnKey(prev)), colIndex.get(columnKey(after)));
      const [bsc, asc] = [prev.s.scheme, after.s.scheme];
      if (diff.schemeChanged || bsc.id !== asc.id || bsc.version !== asc.version)
        collectScheme(schemes, prev.s.scheme, after.s.scheme, diff.items, prev.s, after.s);
    }
    units.push({
      key: last.unitKey,
      name: last.unitName,
      level: last.level,
      depth: last.depth,
      path: last.path,
      names: last.names,
      side: newestAt < 0 ? 'gone' : prev ? 'compared' : 'new',
      series,
      diff,
    });
  }
  return { columns, units, schemes: [...schemes.values()] };
}

/** Groups the snapshots by unit: by key path, then unmatched old and new units by name path (when unique). */
function matchUnits(all: Tagged[], H: number): Tagged[][] {
  const byKey = new Map<string, Tagged[]>();
  for (const t of all) {
    const k = JSON.stringify([t.s.level, ...t.s.path]);
    byKey.set(k, [...(byKey.get(k) ?? []), t]);
  }
  const groups = [...byKey.values()];
  const onlyOld = groups.filter((g) => g.every((t) => t.src < H));
  const onlyNew = groups.filter((g) => g.every((t) => t.src === H));
  const nameKey = (g: Tagged[]) => JSON.stringify([g[0]!.s.level, ...g[0]!.s.names]);
  const count = (gs: Tagged[][]) =>
    gs.reduce((m, g) => m.set(nameKey(g), (m.get(nameKey(g)) ?? 0) + 1), new Map<string, number>());
  const oldCount = count(onlyOld);
  const newCount = count(onlyNew);
  const merged = new Set<Tagged[]>();
  for (const n of onlyNew) {
    const k = nameKey(n);
    if (oldCount.get(k) !== 1 || newCount.get(k) !== 1) continue;
    const o = onlyOld.find((g) => nameKey(g) === k)!;
    n.unshift(...o);
    merged.add(o);
  }
  const kept = groups.filter((g) => !merged.has(g));
  // Order: by where the unit's newest snapshot stands in the current run; units only in the history last.
  const pos = (g: Tagged[]) => {
    const cur = g.filter((t) => t.src === H).sort(cmp);
    const t = cur.length ? cur[cur.length - 1]! : g.slice().sort(cmp)[g.length - 1]!;
    return [cur.length ? 0 : 1, t.src, t.idx];
  };
  return kept
    .map((g) => ({ g, p: pos(g) }))
    .sort((a, b) => a.p[0]! - b.p[0]! || a.p[1]! - b.p[1]! || a.p[2]! - b.p[2]!)
    .map((x) => x.g);
}

function seriesPoint(s: Snapshot, column: number): SeriesPoint {
  const sections = new Map<string, SectionPoints>();
  for (const it of s.items.values()) {
    const cur = sections.get(it.section) ?? {
      id: it.section,
      title: s.scheme.sections.get(it.section) ?? it.section,
      points: Rational.ZERO,
      max: Rational.ZERO,
    };
    sections.set(it.section, { ...cur, points: cur.points.add(it.points), max: cur.max.add(it.max) });
  }
  return {
    column,
    period: s.period,
    scaled: s.scaled,
    passed: s.passed,
    rank: s.rank,
    of: s.of,
    total: s.scheme.total,
    pass: s.scheme.pass,
    sections: [...sections.values()],
  };
}

const state = (i: ItemSnap): ItemState => ({
  points: i.points,
  max: i.max,
  value: i.value,
  display: i.display,
  status: i.status,
  rank: i.rank,
  of: i.of,
});

/** Full: the item earns what it is worth (or is met, or not applicable). */
const full = (i: ItemSnap) => i.status === 'met' || i.status === 'na' || i.points.ge(i.max);

function unitState(s: Snapshot, column: number): UnitState {
  return {
    period: s.period,
    column,
    scaled: s.scaled,
    passed: s.passed,
    grade: s.grade,
    rank: s.rank,
    of: s.of,
    vetoed: s.vetoed,
    scheme: { id: s.scheme.id, version: s.scheme.version },
  };
}

export function diffUnit(before: Snapshot, after: Snapshot, beforeColumn = 0, afterColumn = 1): UnitDiff {
  const ids = [...after.items.keys(), ...[...before.items.keys()].filter((k) => !after.items.has(k))];
  const items: ItemChange[] = ids.map((id) => {
    const b = before.items.get(id);
    const a = after.items.get(id);
    const meta = (a ?? b)!;
    const schemeChanged = !a || !b || defFields(b, a).length > 0;
    const value = a && b && a.value instanceof Rational && b.value instanceof Rational ? a.value.sub(b.value) : null;
    const change =
      !a || !b || meta.bonus
        ? null
        : full(b) && !full(a)
          ? 'newly-failing'
          : !full(b) && full(a) && a.status !== 'na'
            ? 'newly-met'
            : null;
    return {
      id,
      title: meta.title,
      section: meta.section,
      bonus: meta.bonus,
      before: b ? state(b) : null,
      after: a ? state(a) : null,
      points: a && b ? a.points.sub(b.points) : null,
      value,
      rank: a && b && a.rank !== null && b.rank !== null ? a.rank - b.rank : null,
      change,
      schemeChanged,
    };
  });
  const schemeChanged = items.some((i) => i.schemeChanged);
  const measure = schemeChanged
    ? items.filter((i) => !i.schemeChanged && i.points).reduce((s, i) => s.add(i.points!), Rational.ZERO)
    : after.scaled.sub(before.scaled);
  return {
    before: unitState(before, beforeColumn),
    after: unitState(after, afterColumn),
    scaled: after.scaled.sub(before.scaled),
    rank: after.rank - before.rank,
    items,
    newlyFailing: items.filter((i) => i.change === 'newly-failing'),
    newlyMet: items.filter((i) => i.change === 'newly-met'),
    schemeChanged,
    measure,
  };
}
