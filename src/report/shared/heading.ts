/**
 * What ties a printed report to a month: the assessed period and, only when the user
 * gave one (`--as-of`), the reference date. No clock is read here, so the same input
 * gives the same bytes; a report without a known period and without `--as-of` shows
 * neither (and is what it was before).
 */
import type { Lang } from '../../diagnostics';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';

export interface Stamp {
  /** The assessed period, when known (`2026-09`, `2026h1`). */
  period?: string | null;
  /** The reference date given with `--as-of` (YYYY-MM-DD). */
  asOf?: string;
}

/** `评估期 2026-09`, `基准日 2026-10-08`: zero, one or two parts. */
export function stampParts(s: Stamp, lang: Lang): string[] {
  const out: string[] = [];
  if (s.period) out.push(say(message('report/period', { period: s.period }), lang));
  if (s.asOf) out.push(say(message('report/as-of', { date: s.asOf }), lang));
  return out;
}

/** The periods of a batch as one stamp: `2026-09`, or `2026-07 – 2026-09` (null when none is known). */
export function periodSpan(periods: readonly (string | null)[]): string | null {
  const known = periods.filter((p): p is string => p !== null);
  if (!known.length) return null;
  return known.length === 1 ? known[0]! : `${known[0]} – ${known[known.length - 1]}`;
}

/** The scheme, its version and the stamp in one line: `方案  2008.1  评估期 2026-09`. */
export function titleLine(scheme: { title: string; version: string }, s: Stamp, lang: Lang, sep = '  '): string {
  return [`${scheme.title}${sep}${scheme.version}`, ...stampParts(s, lang)].join(sep);
}
