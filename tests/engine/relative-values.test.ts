/** PeerValues: the statistics over a group of peers, with the unit's own value replaced (the remedy moves it). */
import { describe, expect, it } from 'vitest';
import { PeerValues } from '../../src/engine/peer-values';
import { Rational } from '../../src/rational';

const r = (n: number) => Rational.int(n);

describe('PeerValues', () => {
  const higher = new PeerValues([r(5), r(9), undefined, r(9), r(7)], 1);
  it('mean, best, worst, count over the values (a missing one left out); ranks 1, 1, 3 on ties', () => {
    // (5 + 9 + 9 + 7) / 4 = 7.5
    expect(higher.stats(r(7), r(7))).toEqual({
      count: 4,
      mean: Rational.parse('7.5'),
      best: r(9),
      worst: r(5),
      rank: 3,
    });
    expect(higher.stats(r(9), r(9)).rank).toBe(1);
    expect(higher.stats(r(5), r(5)).rank).toBe(4);
  });
  it('the unit moved: its old value leaves, its new one joins; the others stay', () => {
    // 5 → 10: (10 + 9 + 9 + 7) / 4 = 8.75, best 10, worst 7, rank 1
    expect(higher.stats(r(5), r(10))).toEqual({
      count: 4,
      mean: Rational.parse('8.75'),
      best: r(10),
      worst: r(7),
      rank: 1,
    });
    // a unit without a value gains one: (5 + 9 + 9 + 7 + 8) / 5 = 7.6, rank 3
    expect(higher.stats(undefined, r(8))).toMatchObject({ count: 5, mean: Rational.parse('7.6'), rank: 3 });
  });
  it('lower is better for a "<=" target: best is the lowest, and ranks count the lower ones', () => {
    const lower = new PeerValues([r(5), r(9), r(9), r(7)], -1);
    expect(lower.stats(r(9), r(9))).toMatchObject({ best: r(5), worst: r(9), rank: 3 });
  });
  it('alone: the one value is its own mean, best and worst; no direction: no best or rank', () => {
    expect(new PeerValues([r(3)], 1).stats(r(3), r(3))).toEqual({
      count: 1,
      mean: r(3),
      best: r(3),
      worst: r(3),
      rank: 1,
    });
    expect(new PeerValues([r(3), r(4)], 0).stats(r(3), r(3))).toEqual({ count: 2, mean: Rational.parse('3.5') });
  });
});
