/** Competition ranking: 1, 2, 2, 4 for ties, on exact numbers. */
import type { Rational } from '../rational';

/**
 * Ranks under an order: `compare(a, b) < 0` when a ranks before b, 0 for a tie.
 * A rank is 1 + the number of items strictly before (1, 2, 2, 4). O(n log n).
 */
export function ranksBy<T>(list: readonly T[], compare: (a: T, b: T) => number): number[] {
  const order = list.map((_, i) => i).sort((i, j) => compare(list[i]!, list[j]!) || i - j);
  const ranks = new Array<number>(list.length);
  order.forEach((idx, pos) => {
    const prev = pos > 0 ? order[pos - 1]! : undefined;
    ranks[idx] = prev !== undefined && compare(list[prev]!, list[idx]!) === 0 ? ranks[prev]! : pos + 1;
  });
  return ranks;
}

/**
 * `vetoed`: units with a triggered veto rank after every unit without one
 * (a veto means no honours), whatever their scores; ties within each group as usual.
 */
export function competitionRanks<T>(
  list: readonly T[],
  score: (x: T) => Rational,
  vetoed: (x: T) => boolean = () => false,
): number[] {
  return ranksBy(list, (a, b) => Number(vetoed(a)) - Number(vetoed(b)) || score(b).cmp(score(a)));
}
