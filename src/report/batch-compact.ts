/**
 * The units below a county in the default (summary) batch JSON: numbers and codes
 * only, one line per unit (docs/batch-json.md). Numbers are written as the full
 * JSON writes them (decimals rounded to 6 places; a yes/no value as a boolean).
 *
 * Every unit of one level is scored on the same items, so the item ids are written
 * once per parent (`childItems`, on the county and on any compact unit with units
 * below it) and each compact item is an array of the `itemFields` without its id; a
 * unit whose items differ from its parent's list carries its own `itemIds`.
 */
import type { Rational } from '../rational';
import type { UnitResult } from '../engine/types';

/** The values of each compact item, in this order (the document's `itemFields`). */
export const ITEM_FIELDS = ['status', 'points', 'max', 'lost', 'value'] as const;

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));
const v = (x: Rational | boolean | undefined): number | boolean | null => (x === undefined ? null : typeof x === 'boolean' ? x : x.toNumber(6));

const ids = (u: UnitResult): string[] => u.items.map((i) => i.id);
const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, k) => x === b[k]);

/** The item ids the units below share (those of the first). */
export const childItems = (children: readonly UnitResult[]): string[] => (children.length ? ids(children[0]!) : []);

export function compactUnit(u: UnitResult, shared: readonly string[]): unknown {
  const own = ids(u);
  const below = childItems(u.children);
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
    ...(same(own, shared) ? {} : { itemIds: own }),
    items: u.items.map((i) => [i.status, n(i.points), n(i.max), n(i.lost), v(i.value)]),
    ...(below.length ? { childItems: below } : {}),
    children: u.children.map((c) => compactUnit(c, below)),
  };
}

/**
 * The units below the county: the first line the JSON of their shared item ids
 * (`childItems`), then each unit as one line.
 */
export function compactLines(children: readonly UnitResult[]): string[] {
  const shared = childItems(children);
  return [JSON.stringify(shared), ...children.map((c) => JSON.stringify(compactUnit(c, shared)))];
}
