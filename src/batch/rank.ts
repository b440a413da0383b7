/**
 * Rankings within each period of a batch (立足全市找位次): the top-level units of one
 * period, overall and per item. Overall as in the core (vetoed units last, then by
 * scaled score, ties 1, 2, 2, 4). Per item: by points earned, then by the smaller
 * gap to the target; units with no usable value (missing, invalid) last. Pure.
 */
import { Rational } from '../rational';
import type { ItemResult, UnitResult } from '../engine/types';
import { competitionRanks, ranksBy } from '../engine/rank';
import { comparePeriods, type Period } from '../data/period';
import type { BatchEntry, ItemRank, PeriodRanking, UnitRank } from './types';
import { compareCodePoints } from '../compare';

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
      .map((u) => ({
        key: u.key,
        name: u.name,
        rank: u.rank,
        of: u.of,
        scaled: u.scaled,
        passed: u.passed,
        grade: u.grade,
        vetoed: vetoed(u),
      }))
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
  const byId = new Map(units.map((u) => [u, new Map(u.items.map((i) => [i.id, i]))]));
  return ids.map(({ id, title, bonus }) => {
    const rows = units.flatMap((u) => {
      const i = byId.get(u)!.get(id);
      return i ? [{ u, i }] : [];
    });
    const ranks = ranksBy(rows, (a, b) => order(a.i, b.i));
    const out = rows.map(({ u, i }, k) => ({
      key: u.key,
      name: u.name,
      rank: ranks[k]!,
      of: rows.length,
      points: i.points,
      max: i.max,
      lost: i.lost,
      gap: i.gap,
      status: i.status,
      result: i,
      fields: u.fields,
    }));
    return { id, title, bonus, units: out.sort((a, b) => a.rank - b.rank || cmp(a.key, b.key)) };
  });
}

/** The order of item results: usable values first, then more points, then the smaller gap. */
function order(a: ItemResult, b: ItemResult): number {
  const na = NO_VALUE.has(a.status);
  const nb = NO_VALUE.has(b.status);
  if (na !== nb) return na ? 1 : -1;
  return b.points.cmp(a.points) || (a.gap ?? Rational.ZERO).cmp(b.gap ?? Rational.ZERO);
}

const cmp = compareCodePoints;
