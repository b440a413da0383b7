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
import type { Rational } from '../../rational';
import type { UnitResult } from '../../engine/types';

/** The values of each compact item, in this order (the document's `itemFields`). */
export const ITEM_FIELDS = ['status', 'points', 'max', 'lost', 'value'] as const;

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));
const v = (x: Rational | boolean | undefined): number | boolean | null =>
  x === undefined ? null : typeof x === 'boolean' ? x : x.toNumber(6);

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

/** The text of the whole numbers 0–1024 (most points, maxima and losses), made once: 4.5 million numbers in a national file. */
const SMALL_TEXT = Array.from({ length: 1025 }, (_, k) => String(k));
/** A number or null as JSON.stringify writes it (numbers here are finite). */
const num = (x: number | null): string =>
  x === null ? 'null' : x >= 0 && x <= 1024 && (x | 0) === x ? SMALL_TEXT[x]! : String(x);
const str = (x: string | undefined): string => (x === undefined ? 'null' : JSON.stringify(x));
const sameIds = (u: UnitResult, shared: readonly string[]): boolean =>
  u.items.length === shared.length && u.items.every((i, k) => i.id === shared[k]);

/**
 * JSON.stringify(compactUnit(u, shared)), written directly for a unit without units
 * below (a township: 40,000 of them in a national file), without the objects and
 * arrays of each item in between.
 */
export function compactLine(u: UnitResult, shared: readonly string[]): string {
  if (u.children.length || !sameIds(u, shared)) return JSON.stringify(compactUnit(u, shared));
  let items = '';
  for (const i of u.items) {
    const value =
      i.value === undefined ? 'null' : typeof i.value === 'boolean' ? String(i.value) : num(i.value.toNumber(6));
    items += `${items ? ',' : ''}[${JSON.stringify(i.status)},${num(n(i.points))},${num(n(i.max))},${num(n(i.lost))},${value}]`;
  }
  return (
    `{"level":${str(u.level)},"key":${str(u.key)},"code":${str(u.code)},"name":${str(u.name)},"score":${num(n(u.score))},"max":${num(n(u.max))},"scaled":${num(n(u.scaled))}` +
    `,"passed":${String(u.passed)},"grade":${str(u.grade)},"vetoed":${String(u.vetoes.some((x) => x.triggered))},"rank":${num(u.rank)},"of":${num(u.of)},"items":[${items}],"children":[]}`
  );
}

/**
 * The units below the county: the first line the JSON of their shared item ids
 * (`childItems`), then each unit as one line.
 */
export function compactLines(children: readonly UnitResult[]): string[] {
  const shared = childItems(children);
  return [JSON.stringify(shared), ...children.map((c) => compactLine(c, shared))];
}
