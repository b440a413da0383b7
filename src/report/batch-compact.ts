/**
 * The units below a county in the default (summary) batch JSON: numbers and codes
 * only, one line per unit (docs/batch-json.md). Numbers are written as the full
 * JSON writes them (decimals rounded to 6 places; a yes/no value as a boolean).
 */
import type { Rational } from '../rational';
import type { UnitResult } from '../engine/types';

/** The values of each compact item, in this order (the document's `itemFields`). */
export const ITEM_FIELDS = ['id', 'status', 'points', 'max', 'lost', 'value'] as const;

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));
const v = (x: Rational | boolean | undefined): number | boolean | null => (x === undefined ? null : typeof x === 'boolean' ? x : x.toNumber(6));

export function compactUnit(u: UnitResult): unknown {
  return {
    level: u.level,
    key: u.key,
    code: u.code ?? null,
    name: u.name,
    score: n(u.score),
    max: n(u.max),
    scaled: n(u.scaled),
    passed: u.passed,
    grade: u.grade ?? null,
    vetoed: u.vetoes.some((x) => x.triggered),
    rank: u.rank,
    of: u.of,
    items: u.items.map((i) => [i.id, i.status, n(i.points), n(i.max), n(i.lost), v(i.value)]),
    children: u.children.map(compactUnit),
  };
}

/** Each unit below the county as one line of JSON. */
export const compactLines = (children: readonly UnitResult[]): string[] => children.map((c) => JSON.stringify(compactUnit(c)));
