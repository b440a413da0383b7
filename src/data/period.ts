/**
 * Assessment periods: a month `YYYY-MM` or a half year `YYYYhN`. Found in folder and
 * file names (2026-09, 2026_09, 2026.09, 2026年9月, 2026h1, 2026H2, 2026年上半年),
 * in a period column, or given with --period. Pure.
 */

import { periodEnd } from '../period-end';

export type Period = string;

/** The last day of a period, `YYYY-MM-DD` (expiry of adjustments is compared with it). */
export { periodEnd };

const MONTH =
  /(?<![0-9])(20[0-9]{2}|19[0-9]{2})(?:[-_](0?[1-9]|1[0-2])(?![0-9])|\.(0[1-9]|1[0-2])(?![0-9])|年(0?[1-9]|1[0-2])月)/g;
const HALF = /(?<![0-9])(20[0-9]{2}|19[0-9]{2})(?:[hH]([12])(?![0-9])|年?([上下])半年)/g;

const month = (y: string, m: string): Period => `${y}-${m.padStart(2, '0')}`;
const half = (y: string, n: string): Period => `${y}h${n === '上' ? '1' : n === '下' ? '2' : n}`;

/** The period a whole text is (a --period value, a cell), or undefined. */
export function parsePeriod(text: string): Period | undefined {
  const s = text.normalize('NFKC').trim();
  const Y = '((?:19|20)\\d{2})';
  let m =
    new RegExp(`^${Y}[-_./](\\d{1,2})$`).exec(s) ??
    new RegExp(`^${Y}年(\\d{1,2})月?$`).exec(s) ??
    new RegExp(`^${Y}(\\d{2})$`).exec(s);
  if (m && Number(m[2]) >= 1 && Number(m[2]) <= 12) return month(m[1]!, m[2]!);
  m = new RegExp(`^${Y}[hH]([12])$`).exec(s) ?? new RegExp(`^${Y}年?([上下])半年$`).exec(s);
  if (m) return half(m[1]!, m[2]!);
  return undefined;
}

/** The last period named inside a path segment (a folder or file name), or undefined. */
export function periodInName(name: string): Period | undefined {
  const s = name.normalize('NFKC');
  let found: { at: number; p: Period } | undefined;
  for (const m of s.matchAll(MONTH)) found = pick(found, m.index, month(m[1]!, m[2] ?? m[3] ?? m[4]!));
  for (const m of s.matchAll(HALF)) found = pick(found, m.index, half(m[1]!, m[2] ?? m[3]!));
  return found?.p;
}

const pick = (a: { at: number; p: Period } | undefined, at: number, p: Period) => (a && a.at > at ? a : { at, p });

/** The period of a file: its own name first, then the folders above it, nearest first. */
export function periodOfPath(segments: readonly string[]): Period | undefined {
  for (let i = segments.length - 1; i >= 0; i--) {
    const p = periodInName(segments[i]!);
    if (p) return p;
  }
  return undefined;
}

/** Chronological order by the period's end; a month sorts before the half year ending with it. Unknown last. */
export function comparePeriods(a: Period | null, b: Period | null): number {
  if (a === b) return 0;
  if (a === null) return 1;
  if (b === null) return -1;
  // A text that is no period (never made by parsePeriod) sorts by the text itself.
  const ea = periodEnd(a) ?? a;
  const eb = periodEnd(b) ?? b;
  if (ea !== eb) return ea < eb ? -1 : 1;
  return a.includes('h') === b.includes('h') ? (a < b ? -1 : 1) : a.includes('h') ? 1 : -1;
}

/** Whether a text is a period as written in reports: `YYYY-MM` or `YYYYhN`. */
export const isPeriod = (p: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(p) || /^\d{4}h[12]$/.test(p);
