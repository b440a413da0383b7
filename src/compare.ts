/**
 * String orders that never depend on the machine: the same input sorts the same under
 * `LC_ALL=C` (cron) and `zh_CN.UTF-8` (a shell). A bare `a.localeCompare(b)` takes the
 * process's locale from the environment, so it must not decide any output order.
 */

/**
 * Code-point order (as UTF-8 bytes sort): for codes, ids and file names. JavaScript's
 * `<` and a bare `.sort()` compare UTF-16 units, which put U+E000–U+FFFF after the
 * characters beyond U+FFFF; this does not.
 */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y) return codePointRank(x) < codePointRank(y) ? -1 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** A UTF-16 unit moved so that surrogates (U+D800–U+DFFF, the start of U+10000 and above) sort after U+E000–U+FFFF. */
const codePointRank = (u: number): number => (u >= 0xe000 ? u - 0x800 : u >= 0xd800 ? u + 0x2000 : u);

/**
 * The one collator for names shown to people (townships, counties): Chinese in pinyin
 * order, pinned, so the environment's locale plays no part. Ties that the collator
 * calls equal fall back to code points, so the order is total.
 */
let names: Intl.Collator | undefined;

export function compareNames(a: string, b: string): number {
  // Made on first use: start-up does not pay for loading the collation data.
  names ??= new Intl.Collator('zh-u-co-pinyin');
  return names.compare(a, b) || compareCodePoints(a, b);
}
