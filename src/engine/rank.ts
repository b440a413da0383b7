/** Competition ranking: 1, 2, 2, 4 for ties, on exact numbers. */
import type { Rational } from '../rational';

export function competitionRanks<T>(list: readonly T[], score: (x: T) => Rational): number[] {
  return list.map((x) => 1 + list.filter((y) => score(y).gt(score(x))).length);
}
