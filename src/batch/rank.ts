/**
 * Rankings within each period of a batch (立足全市找位次): the top-level units of one
 * period, overall and per item. Overall as in the core (vetoed units last, then by
 * scaled score, ties 1, 2, 2, 4). Per item: by points earned, then by the smaller
 * gap to the target; units with no usable value (missing, invalid) last. Pure.
 */
import { Rational } from '../rational';
import type { ItemResult, UnitResult } from '../engine/types';
import { competitionRanks } from '../engine/rank';
import { comparePeriods, type Period } from '../data/period';
import type { BatchEntry, ItemRank, PeriodRanking, UnitRank } from './types';

const vetoed = (u: UnitResult): boolean => u.vetoes.some((v) => v.triggered);
const NO_VALUE = new Set(['missing', 'invalid']);

/** Ranks the entries' units within their period (setting `rank`/`of` on them) and returns the rankings. */
export function rankBatch(entries: BatchEntry[]): PeriodRanking[] {
  const byPeriod = new Map<Period | null, BatchEntry[]>();
  for (const e of entries) byPeriod.set(e.period, [...(byPeriod.get(e.period) ?? []), e]);
  const periods = [...byPeriod.keys()].sort(comparePeriods);
  return periods.map((period) => {
    const units = byPeriod.get(period)!.map((e) => e.assessment.units[0]!);
    const ranks = competitionRanks(units, (u) => u.scaled, vetoed);
    units.forEach((u, i) => {
      u.rank = ranks[i]!;
      u.of = units.length;
    });
    const overall: UnitRank[] = units
      .map((u) => ({ key: u.key, name: u.name, rank: u.rank, of: u.of, scaled: u.scaled, passed: u.passed, grade: u.grade, vetoed: vetoed(u) }))
      .sort((a, b) => a.rank - b.rank || cmp(a.key, b.key));
    return { period, units: overall, items: itemRanks(units) };
  });
}

function itemRanks(units: UnitResult[]): ItemRank[] {
  const ids: { id: string; title: string; bonus: boolean }[] = [];
  const seen = new Set<string>();
  for (const u of units) {
    for (const i of u.items) {
      if (seen.has(i.id)) continue;
      seen.add(i.id);
      ids.push({ id: i.id, title: i.title, bonus: i.bonus });
    }
  }
  return ids.map(({ id, title, bonus }) => {
    const rows = units.flatMap((u) => {
      const i = u.items.find((x) => x.id === id);
      return i ? [{ u, i }] : [];
    });
    const ranks = byBetter(rows, (y, x) => better(y.i, x.i));
    const out = rows.map(({ u, i }, k) => ({
      key: u.key,
      name: u.name,
      rank: ranks[k]!,
      of: rows.length,
      points: i.points,
      max: i.max,
      lost: i.lost,
      gap: i.gap,
      display: i.display,
      status: i.status,
    }));
    return { id, title, bonus, units: out.sort((a, b) => a.rank - b.rank || cmp(a.key, b.key)) };
  });
}

/** Whether item result y ranks before x. */
function better(y: ItemResult, x: ItemResult): boolean {
  const ny = NO_VALUE.has(y.status);
  const nx = NO_VALUE.has(x.status);
  if (ny !== nx) return nx;
  if (!y.points.eq(x.points)) return y.points.gt(x.points);
  const gy = y.gap ?? Rational.ZERO;
  const gx = x.gap ?? Rational.ZERO;
  return gy.lt(gx);
}

/** Competition ranks under a "ranks before" relation: 1 + the number of better ones. */
function byBetter<T>(list: readonly T[], isBetter: (y: T, x: T) => boolean): number[] {
  return list.map((x) => 1 + list.filter((y) => isBetter(y, x)).length);
}

const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
