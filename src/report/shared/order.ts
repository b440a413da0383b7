/** Orders the reports share: items by points lost, units by rank. */
import type { ItemResult, UnitResult } from '../../engine/types';
import { compareNames } from '../../compare';

/** Items by points lost, largest first (stable: equal losses keep scheme order), or in scheme order. */
export function sortItems(items: ItemResult[], sort: 'lost' | 'scheme'): ItemResult[] {
  if (sort === 'scheme') return items;
  return items
    .map((x, i) => [x, i] as const)
    .sort((a, b) => b[0].lost.cmp(a[0].lost) || a[1] - b[1])
    .map(([x]) => x);
}

/** A unit's children by rank, ties by name (pinyin order). */
export function childrenByRank(u: UnitResult): UnitResult[] {
  return [...u.children].sort((a, b) => a.rank - b.rank || compareNames(a.name, b.name));
}
