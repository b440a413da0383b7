/**
 * Finding a sheet's header: the row naming the units that best matches the scheme's
 * labels among the first rows (or the row given), or two rows when a group header
 * stands over sub-headers.
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import { headerScore } from './columns';
import { looksNumeric } from './lines';
import type { Row } from './table';

export const MAX_HEADER_SEARCH = 30;

export interface FoundHeader {
  index: number;
  /** 1, or 2 for a group header row over a sub-header row. */
  rows: 1 | 2;
  /** Index of the first row after the header. */
  end: number;
  /** A row between the two header rows (a data row pasted into the header). */
  between?: number;
  /** The header cells (combined names such as 出生人数/男 for two rows). */
  cells: string[];
  example?: string;
}

/**
 * Two header rows as one: a group header (出生人数, merged or followed by blanks)
 * over sub-headers (男 | 女) gives 出生人数/男, 出生人数/女; a cell with nothing
 * below it (乡镇 spanning both rows) keeps its own name.
 */
export function combineHeaderRows(top: string[], sub: string[]): string[] {
  const out: string[] = [];
  let group = '';
  for (let j = 0; j < Math.max(top.length, sub.length); j++) {
    const t = (top[j] ?? '').trim();
    const s = (sub[j] ?? '').trim();
    if (t) group = t;
    const over = t || group;
    out.push(s && over && s !== over ? `${over}/${s}` : t || s);
  }
  return out;
}

/** The best header among the candidate rows (the first 30, or the line `forced`), or undefined. */
export function findHeader(scheme: Scheme, rows: Row[], forced?: number): FoundHeader | undefined {
  const candidates =
    forced !== undefined
      ? rows.flatMap((r, i) => (r.line === forced ? [i] : []))
      : rows.slice(0, MAX_HEADER_SEARCH).map((_, i) => i);
  let best: FoundHeader | undefined;
  let bestScore = 0;
  for (const i of candidates) {
    const one = rows[i]!.cells;
    const s1 = headerScore(scheme, one);
    if (s1.hasName && s1.matches > bestScore) {
      best = { index: i, rows: 1, end: i + 1, cells: one };
      bestScore = s1.matches;
    }
    const two = bestPair(scheme, rows, i, bestScore, s1.matches);
    if (two) {
      best = two.header;
      bestScore = two.score;
    }
  }
  return best;
}

/**
 * Row i over its sub-header (the next line, or the one after a data row pasted
 * between the two), when the pair matches more than `beat` and more than either row
 * alone (`alone`: row i's own score).
 */
function bestPair(
  scheme: Scheme,
  rows: Row[],
  i: number,
  beat: number,
  alone: number,
): { header: FoundHeader; score: number } | undefined {
  const one = rows[i]!.cells;
  const subs = [i + 1];
  const pasted = rows[i + 1];
  if (pasted && pasted.line === rows[i]!.line + 1 && pasted.cells.filter(looksNumeric).length >= 2) subs.push(i + 2);
  let best: { header: FoundHeader; score: number } | undefined;
  let bestScore = beat;
  for (const j of subs) {
    const next = rows[j];
    if (!next || next.line !== rows[i]!.line + (j - i)) continue;
    const two = combineHeaderRows(one, next.cells);
    const s2 = headerScore(scheme, two);
    // The pair must match more than either row alone.
    if (s2.hasName && s2.matches > bestScore && s2.matches > Math.max(alone, headerScore(scheme, next.cells).matches)) {
      const header: FoundHeader = {
        index: i,
        rows: 2,
        end: j + 1,
        cells: two,
        example: two.find((c, n) => c.includes('/') && c !== one[n]),
        ...(j > i + 1 ? { between: i + 1 } : {}),
      };
      best = { header, score: s2.matches };
      bestScore = s2.matches;
    }
  }
  return best;
}

/** No header found: where one was looked for, and the labels that name a unit. */
export function noHeaderFinding(scheme: Scheme, file: string, rows: Row[], forced: number | undefined): Finding {
  const labels = scheme.levels.map((l) => l.name.join('/'));
  const m =
    forced !== undefined
      ? message('data/no-header', { kind: 'given', line: forced, labels })
      : message('data/no-header', { kind: 'searched', rows: MAX_HEADER_SEARCH, labels });
  return {
    severity: 'error',
    file,
    line: Math.min(forced ?? rows[0]!.line, rows[rows.length - 1]!.line),
    col: 1,
    ...m,
  };
}
