/**
 * One field of one unit projected to a later month of the statistical year, from the
 * months reported so far. Pure and exact (Rational). The method (docs/forecast.md):
 *
 * - `ytd` (cumulative since the start of the year): the to-date value C(i) is the
 *   report itself. Run rate: C(t) = C(L) + (t − L) × C(L) / L, so C(12) = C(L) / L × 12.
 *   With last year's reports: C(t) = C(L) × H(t) / H(L) (the same share of the year
 *   as last year by month L).
 * - `month` (this month only): C(i) is the sum of the months to i, a month not reported
 *   counted at the mean of those reported. Run rate: each month to come at the mean.
 *   With last year's reports: each month to come at last year's value of that month
 *   scaled by this year's to-date sum over last year's for the same months.
 * - `stock` (end of period; the default): the last value is carried. With last year's
 *   reports: plus last year's change from month L to month t.
 *
 * Band: the same projection with the smallest and largest monthly rate seen (ytd: the
 * first report's mean per month and each later increment per month; month: the
 * monthly values; stock: the changes per month, and no change), widened to hold the
 * central value.
 */
import { Rational } from '../rational';

export type Accumulate = 'ytd' | 'month' | 'stock';

/** A field's reported values: month index (1–12) → value, ascending. */
export type Series = readonly { index: number; value: Rational }[];

export interface Projected {
  mid: Rational;
  low: Rational;
  high: Rational;
}

const int = (n: number) => Rational.int(n);

/** The monthly rates a series shows (see the file's comment). */
export function monthlyRates(kind: Accumulate, s: Series): Rational[] {
  if (kind === 'month') return s.map((p) => p.value);
  const rates: Rational[] = kind === 'ytd' ? [s[0]!.value.div(int(s[0]!.index))!] : [Rational.ZERO];
  for (let j = 1; j < s.length; j++) {
    const step = int(s[j]!.index - s[j - 1]!.index);
    rates.push(s[j]!.value.sub(s[j - 1]!.value).div(step)!);
  }
  return rates;
}

/** The to-date value at month `t` (≥ the last reported month) when every month to come runs at `rate`. */
function atRate(kind: Accumulate, s: Series, t: number, rate: Rational): Rational {
  return toDate(kind, s).add(rate.mul(int(t - s[s.length - 1]!.index)));
}

/** The to-date value at the last reported month L. */
export function toDate(kind: Accumulate, s: Series): Rational {
  const last = s[s.length - 1]!;
  if (kind !== 'month') return last.value;
  const sum = s.reduce((a, p) => a.add(p.value), Rational.ZERO);
  const mean = sum.div(int(s.length))!;
  return sum.add(mean.mul(int(last.index - s.length)));
}

/** The central value at month t: run rate, or last year's shape when `history` (last year's to-date values by month index) is given. */
function central(kind: Accumulate, s: Series, t: number, history?: ReadonlyMap<number, Rational>): Rational {
  const L = s[s.length - 1]!.index;
  const now = toDate(kind, s);
  const hL = history?.get(L);
  const hT = history?.get(t);
  if (hL && hT) {
    if (kind === 'stock') return now.add(hT.sub(hL));
    const share = kind === 'ytd' ? hT.div(hL) : undefined;
    if (share) return now.mul(share);
    if (kind === 'month') {
      const ratio = now.div(hL);
      if (ratio) return now.add(hT.sub(hL).mul(ratio));
    }
  }
  if (kind === 'stock') return now;
  const rates = monthlyRates(kind, s);
  const mean = kind === 'ytd' ? now.div(int(L))! : rates.reduce((a, r) => a.add(r)).div(int(rates.length))!;
  return atRate(kind, s, t, mean);
}

/**
 * The field at month t (L ≤ t ≤ 12): central value and band. `history` holds last
 * year's to-date values by month index (for `month` fields: summed to date), if any.
 */
export function project(kind: Accumulate, s: Series, t: number, history?: ReadonlyMap<number, Rational>): Projected {
  const mid = central(kind, s, t, history);
  const rates = monthlyRates(kind, s);
  const lo = rates.reduce((a, r) => a.min(r));
  const hi = rates.reduce((a, r) => a.max(r));
  return {
    mid,
    low: atRate(kind, s, t, lo).min(mid),
    high: atRate(kind, s, t, hi).max(mid),
  };
}
