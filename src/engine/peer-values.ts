/**
 * An item's values over a group of peers (the units of one level under one parent in
 * the run), and the statistics a unit reads from them: mean, best, worst, count and
 * its rank. Built once per group and item, sorted, so that each unit's statistics
 * cost a binary search; a unit's own value can be replaced (the remedy moves it)
 * without rebuilding: the others stay as they are.
 */
import { Rational } from '../rational';

/** Which way is better: 1 higher (`>=`, `>`), -1 lower (`<=`, `<`), 0 neither (no best, worst or rank). */
export type Direction = 1 | -1 | 0;

export interface PeerStats {
  /** Peers with a value, the unit included when it has one. */
  count: number;
  mean?: Rational;
  best?: Rational;
  worst?: Rational;
  /** 1 + the number of peers strictly better (ties share: 1, 1, 3); undefined without a value or a direction. */
  rank?: number;
}

/** How many of the ascending `sorted` are below `v` (`strict`) or at most `v`. */
function countBelow(sorted: readonly Rational[], v: Rational, strict: boolean): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const c = sorted[mid]!.cmp(v);
    if (strict ? c < 0 : c <= 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class PeerValues {
  private readonly sorted: Rational[];
  private readonly sum: Rational;

  constructor(
    values: readonly (Rational | undefined)[],
    readonly direction: Direction,
  ) {
    this.sorted = values.filter((v): v is Rational => v !== undefined).sort((a, b) => a.cmp(b));
    this.sum = this.sorted.reduce((a, b) => a.add(b), Rational.ZERO);
  }

  /** The statistics with the unit's value `old` (as built) taken to be `now`. */
  stats(old: Rational | undefined, now: Rational | undefined): PeerStats {
    const count = this.sorted.length - (old ? 1 : 0) + (now ? 1 : 0);
    if (count === 0) return { count };
    let sum = this.sum;
    if (old) sum = sum.sub(old);
    if (now) sum = sum.add(now);
    const mean = sum.div(Rational.int(count));
    const [low, high] = this.ends(old, now);
    const d = this.direction;
    const rank = now && d !== 0 ? 1 + this.better(now, d) - (old && old.cmp(now) === d ? 1 : 0) : undefined;
    return {
      count,
      mean,
      best: d === 0 ? undefined : d > 0 ? high : low,
      worst: d === 0 ? undefined : d > 0 ? low : high,
      rank,
    };
  }

  /** The lowest and highest value of the others (one `old` left out) and `now`. */
  private ends(old: Rational | undefined, now: Rational | undefined): [Rational | undefined, Rational | undefined] {
    const s = this.sorted;
    const n = s.length;
    let low = n && old?.eq(s[0]!) ? s[1] : s[0];
    let high = n && old?.eq(s[n - 1]!) ? s[n - 2] : s[n - 1];
    if (n === 1 && old) low = high = undefined;
    if (now) {
      low = low ? low.min(now) : now;
      high = high ? high.max(now) : now;
    }
    return [low, high];
  }

  /** How many of the values are strictly better than `v`. */
  private better(v: Rational, d: Direction): number {
    return d > 0 ? this.sorted.length - countBelow(this.sorted, v, false) : countBelow(this.sorted, v, true);
  }
}
