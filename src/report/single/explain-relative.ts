/** The words of relative scoring in `explain` and the JSON explanation: the peers, the `formula` rule, the moving remedy. */
import type { Lang } from '../../diagnostics';
import type { Calc, ItemResult, PeerInfo } from '../../engine/types';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';
import type { Display } from '../../scheme/target';
import type { UnitFields } from '../../engine/fields';
import { Rational as R, type Rational } from '../../rational';
import { render, type Node as FNode } from '../../scheme/formula';
import { isLookupFn, lookupKey, parseLookupKey } from '../../scheme/formula-relative';
import { showRaw, showValue, shownValue } from '../shared/display';

type RelativeCalc = Extract<Calc, { kind: 'formula' | 'no-peers' }>;

/** The sentence of a `formula` rule's calculation, or of an item with no peers. */
export function relativeCalcWords(c: RelativeCalc, zh: boolean): string {
  const lang: Lang = zh ? 'zh' : 'en';
  if (c.kind === 'no-peers')
    return say(message('relative/no-peers-calc', { level: c.level, units: c.units, withValue: c.withValue }), lang);
  return say(
    message('relative/formula-calc', { raw: c.raw, points: c.points, ...(c.cap ? { kind: c.cap } : {}) }),
    lang,
  );
}

/**
 * The peers an item was scored against, one sentence per item asked about: which
 * units, their mean, best and worst, and the unit's rank. `level`: what a unit of
 * this level is called; `display` of another item's values, when known.
 */
export function peersWords(
  item: ItemResult,
  level: string,
  lang: Lang,
  display: (id: string) => Display = () => 'number',
): string[] {
  if (item.calc.kind === 'no-peers') return [];
  return (item.peers ?? []).map((p: PeerInfo) => {
    const shown = p.item === item.id ? (item.kind === 'boolean' ? 'number' : item.kind) : display(p.item);
    const v = (x: PeerInfo['mean']) => (x === undefined ? undefined : showValue(x, shown, digitsFor(x, shown)));
    const args = {
      ...(p.item === item.id ? {} : { item: p.item }),
      level,
      ...(p.parent !== undefined ? { parent: p.parent } : {}),
      count: p.count,
      units: p.units,
      ...(p.mean ? { mean: v(p.mean) } : {}),
      ...(p.best ? { best: v(p.best) } : {}),
      ...(p.worst ? { worst: v(p.worst) } : {}),
      ...(p.rank !== undefined ? { rank: p.rank } : {}),
    };
    return say(message('relative/peers', args), lang);
  });
}

/** Enough decimals (2 to 6) to show a peer value exactly where it can be: a mean of 0.856 is not 0.86. */
function digitsFor(x: Rational, display: Display): number {
  let d = 2;
  while (d < 6 && !shownValue(x, display, d).eq(x)) d++;
  return d;
}

/** Said after a remedy whose target moves with the other units. */
export const remedyMoves = (lang: Lang): string => say(message('relative/remedy-moves', {}), lang);

/** A tree with each peer function and value() made a name (its lookup key), so that render() puts its number in. */
function named(n: FNode): FNode {
  switch (n.k) {
    case 'neg':
    case 'not':
      return { ...n, a: named(n.a) };
    case 'bin':
      return { ...n, a: named(n.a), b: named(n.b) };
    case 'call':
      return isLookupFn(n.fn) ? { k: 'ref', name: lookupKey(n.fn, n.args) } : { ...n, args: n.args.map(named) };
    default:
      return n;
  }
}

/** A peer value of `item` by its lookup key (`peer_mean()`, `peer_rank(other)`), from the peers it was scored against. */
function peerValue(item: ItemResult, key: string): Rational | undefined {
  const k = parseLookupKey(key);
  const p = k && item.peers?.find((x) => x.item === (k.item || item.id));
  if (!k || !p) return undefined;
  const stat = { peer_mean: p.mean, peer_best: p.best, peer_worst: p.worst } as Record<string, Rational | undefined>;
  if (k.fn === 'peer_rank') return p.rank === undefined ? undefined : R.int(p.rank);
  return k.fn === 'peer_count' ? R.int(p.count) : stat[k.fn];
}

/** A `formula` rule's points formula with the numbers put in: fields, params, value() and peer values. */
export function pointsWithNumbers(fields: UnitFields, item: ItemResult): string | undefined {
  const rule = [...fields.scheme.items, ...(fields.scheme.bonus?.items ?? [])].find((i) => i.id === item.id)?.rule;
  if (rule?.type !== 'formula') return undefined;
  const percent = (n: string) => fields.scheme.fields.get(n)?.type === 'percent';
  return render(named(rule.points.ast), (n) =>
    n === 'value()'
      ? showRaw(item.value)
      : n.endsWith(')')
        ? showRaw(peerValue(item, n))
        : showRaw(fields.env(n), percent(n)),
  );
}
