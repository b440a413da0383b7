/** Text normalisation for matching headers and unit names. */

/** Full-width to half-width (NFKC), no spaces of any kind, lower case. */
export function normalizeLabel(s: string): string {
  return s.normalize('NFKC').replace(/[\s\u3000\u00a0\ufeff]+/g, '').toLowerCase();
}

/** Names of rows that are totals, not units. */
const TOTAL = /^(合计|总计|小计|全县|全市|全区|全省|总体|总数|total|sum|subtotal)$/;
export const isTotalName = (name: string): boolean => {
  const n = normalizeLabel(name).replace(/[:：()（）]/g, '');
  return TOTAL.test(n) || /^(合计|总计)/.test(n);
};
