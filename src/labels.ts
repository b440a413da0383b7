/** Label matching shared by data (headers, unit names) and engine (adjustment keys): a leaf anyone may import. */

/** Full-width to half-width (NFKC), no spaces of any kind, lower case. */
export function normalizeLabel(s: string): string {
  return s
    .normalize('NFKC')
    .replace(/[\s\u3000\u00a0\ufeff]+/g, '')
    .toLowerCase();
}
