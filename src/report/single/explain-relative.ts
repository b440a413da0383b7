/** The words of relative scoring in `explain` and the JSON explanation: the peers, the `formula` rule, the moving remedy. */
import type { Lang } from '../../diagnostics';
import type { Calc, ItemResult, PeerInfo } from '../../engine/types';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';
import type { Display } from '../../scheme/target';
import type { Rational } from '../../rational';
import { showValue, shownValue } from '../shared/display';

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
