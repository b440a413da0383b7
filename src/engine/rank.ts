/** Competition ranking: 1, 2, 2, 4 for ties, on exact numbers. */
import type { Rational } from '../rational';

/**
 * `vetoed`: units with a triggered veto rank after every unit without one
 * (a veto means no honours), whatever their scores; ties within each group as usual.
 */
export function competitionRanks<T>(list: readonly T[], score: (x: T) => Rational, vetoed: (x: T) => boolean = () => false): number[] {
  const better = (y: T, x: T): boolean => {
    const vy = vetoed(y);
    const vx = vetoed(x);
    return vy !== vx ? vx : score(y).gt(score(x));
  };
  return list.map((x) => 1 + list.filter((y) => better(y, x)).length);
}
