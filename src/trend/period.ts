/**
 * Periods of a report: `YYYY-MM` (a month) or `YYYYhN` (a half year, N = 1 or 2), or
 * null when none is known. Periods are ordered by the month they end in; a month
 * sorts before the half year that ends with it (2026-12 < 2026h2), then by text.
 *
 *   isPeriod(text): boolean
 *   comparePeriods(a, b): number   // both known
 */
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const HALF = /^(\d{4})h([12])$/;

export const isPeriod = (p: string): boolean => MONTH.test(p) || HALF.test(p);

/** The month a period ends in, counted from year 0 (months × 12 + month); a half year sorts after its last month. */
function endKey(p: string): [number, number] {
  const m = MONTH.exec(p);
  if (m) return [Number(m[1]) * 12 + Number(m[2]), 0];
  const h = HALF.exec(p);
  if (h) return [Number(h[1]) * 12 + (h[2] === '1' ? 6 : 12), 1];
  return [Number.MAX_SAFE_INTEGER, 2];
}

export function comparePeriods(a: string, b: string): number {
  const [ea, ka] = endKey(a);
  const [eb, kb] = endKey(b);
  return ea - eb || ka - kb || (a < b ? -1 : a > b ? 1 : 0);
}
