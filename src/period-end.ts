/**
 * The last day of an assessment period: what adjustments expire against (the
 * engine's reference date) and what periods are ordered by (data). A leaf, open to
 * every layer. Pure: dates are `YYYY-MM-DD` strings, so they compare as text.
 */

/** The last day of a period written `YYYY-MM` or `YYYYhN` (N = 1, 2); undefined for anything else. */
export function periodEnd(period: string): string | undefined {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(period);
  if (month) {
    const [y, m] = [Number(month[1]), Number(month[2])];
    // Day 0 of the next month is the last day of this one.
    const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
    return `${month[1]}-${month[2]}-${String(last).padStart(2, '0')}`;
  }
  const half = /^(\d{4})[hH]([12])$/.exec(period);
  if (half) return `${half[1]}-${half[2] === '1' ? '06-30' : '12-31'}`;
  return undefined;
}
