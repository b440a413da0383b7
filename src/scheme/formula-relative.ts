/**
 * The functions of relative scoring (docs/scheme.md#relative-scoring): values over a
 * unit's peers (`peer_mean()` …), the item's own value (`value()`), last year's
 * figures (`last_year(x)`). The evaluator reads peer values and `value()` through
 * the caller's name lookup, by a key no identifier can be (`peer_mean(rate)`), so
 * that only a unit scored relatively ever answers them.
 */
import type { FnName, Node } from './formula';

/** The peer functions: the mean, best, worst, count of an item's values over the unit's peers, and the unit's rank. */
export const PEER_FNS: ReadonlySet<string> = new Set([
  'peer_mean',
  'peer_best',
  'peer_worst',
  'peer_rank',
  'peer_count',
]);

export type PeerFn = 'peer_mean' | 'peer_best' | 'peer_worst' | 'peer_rank' | 'peer_count';

/** The functions answered by the caller's name lookup (peer values and `value()`). */
export const isLookupFn = (fn: FnName): boolean => fn === 'value' || fn.startsWith('peer_');

/** The name a lookup function is asked by: `peer_mean()`, `peer_mean(rate)`, `value()`. */
export function lookupKey(fn: FnName, args: readonly Node[]): string {
  const a = args[0];
  return `${fn}(${a?.k === 'ref' ? a.name : ''})`;
}

/** A lookup key read back: the function and the item named (empty for "this item"). */
export function parseLookupKey(key: string): { fn: string; item: string } | undefined {
  const open = key.indexOf('(');
  if (open < 0 || !key.endsWith(')')) return undefined;
  return { fn: key.slice(0, open), item: key.slice(open + 1, -1) };
}

/** Whether the tree calls a peer function or `value()` anywhere. */
export function usesLookups(root: Node): boolean {
  if (root.k === 'call' && isLookupFn(root.fn)) return true;
  switch (root.k) {
    case 'neg':
    case 'not':
      return usesLookups(root.a);
    case 'bin':
      return usesLookups(root.a) || usesLookups(root.b);
    case 'call':
      return root.args.some(usesLookups);
    default:
      return false;
  }
}
