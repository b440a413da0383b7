/**
 * The least-effort choice of steps (a multiple-choice knapsack: at most one step per
 * item), by depth-first branch and bound. The score is estimated from the steps'
 * gains (items scaled to the total, bonus under its cap) only to guide the search:
 * every plan it returns is scored again by the caller, which rejects it when the
 * estimate was wrong and asks for the next best.
 *
 * Pruning: a branch whose effort already reaches the best plan's; one whose gains,
 * all remaining items at their best and the bonus uncapped, cannot reach the score;
 * one where a triggered veto can no longer be lifted; and one whose effort plus the
 * cheapest rate (effort per point) of the remaining steps times the points still
 * missing reaches the best plan's.
 */
import { Rational } from '../rational';
import type { ItemChoice } from './steps';

export interface SearchInput {
  choices: ItemChoice[];
  /** The unit's item points (without bonus), the raw bonus points, the scale total ÷ max, the bonus cap. */
  items: Rational;
  bonus: Rational;
  scale: Rational;
  cap?: Rational;
  /** The scaled score to reach (undefined: no score needed, only the vetoes lifted). */
  target?: Rational;
  /** Triggered vetoes that must be lifted. */
  vetoes: readonly string[];
}

/** Chosen option per item index (-1: none). */
export type Picks = number[];

/** The most branches one search visits; beyond it the best plan seen is returned, marked as not proven least. */
export const NODE_LIMIT = 200_000;

export const picksKey = (p: Picks): string => p.join(',');

/** The score the picks are estimated to give (items scaled, bonus capped). */
export function estimate(input: SearchInput, picks: Picks): Rational {
  let items = input.items;
  let bonus = input.bonus;
  picks.forEach((o, i) => {
    if (o < 0) return;
    const c = input.choices[i]!;
    if (c.item.bonus) bonus = bonus.add(c.options[o]!.gain);
    else items = items.add(c.options[o]!.gain);
  });
  return items.mul(input.scale).add(input.cap ? bonus.min(input.cap) : Rational.ZERO);
}

/** The least-effort picks reaching the target and lifting the vetoes, other than those rejected. */
export function cheapest(input: SearchInput, rejected: ReadonlySet<string>): { picks?: Picks; truncated: boolean } {
  const n = input.choices.length;
  const gainOf = (i: number, o: number): Rational => {
    const g = input.choices[i]!.options[o]!.gain;
    return input.choices[i]!.item.bonus ? g : g.mul(input.scale);
  };
  // From each index on: the most scaled gain left, the cheapest effort per point, the vetoes still liftable.
  const restGain: Rational[] = new Array<Rational>(n + 1).fill(Rational.ZERO);
  const restRate: (Rational | undefined)[] = new Array<Rational | undefined>(n + 1).fill(undefined);
  const restLifts: Set<string>[] = Array.from({ length: n + 1 }, () => new Set<string>());
  for (let i = n - 1; i >= 0; i--) {
    const opts = input.choices[i]!.options;
    const gains = opts.map((_, o) => gainOf(i, o));
    restGain[i] = restGain[i + 1]!.add(gains.reduce((a, g) => a.max(g), Rational.ZERO));
    let rate = restRate[i + 1];
    opts.forEach((x, o) => {
      const r = gains[o]!.sign() > 0 ? x.effort.div(gains[o]!)! : undefined;
      if (r && (!rate || r.lt(rate))) rate = r;
    });
    restRate[i] = rate;
    restLifts[i] = new Set([...restLifts[i + 1]!, ...opts.flatMap((x) => [...x.clears])]);
  }
  const base = estimate(input, new Array<number>(n).fill(-1));
  const picks: Picks = new Array<number>(n).fill(-1);
  let best: { picks: Picks; effort: Rational } | undefined;
  let nodes = 0;
  const visit = (i: number, gain: Rational, effort: Rational, lifted: ReadonlySet<string>): void => {
    if (++nodes > NODE_LIMIT) return;
    if (best && effort.ge(best.effort)) return;
    const short = input.target ? input.target.sub(base).sub(gain) : Rational.ZERO;
    const open = input.vetoes.filter((v) => !lifted.has(v));
    if (short.sign() <= 0 && !open.length && reaches(input, picks, rejected)) {
      best = { picks: [...picks], effort };
      return;
    }
    if (i === n || restGain[i]!.lt(short) || open.some((v) => !restLifts[i]!.has(v))) return;
    const rate = restRate[i];
    if (best && short.sign() > 0 && rate && effort.add(rate.mul(short)).ge(best.effort)) return;
    const opts = input.choices[i]!.options;
    for (let o = 0; o < opts.length; o++) {
      picks[i] = o;
      const x = opts[o]!;
      visit(
        i + 1,
        gain.add(gainOf(i, o)),
        effort.add(x.effort),
        x.clears.size ? new Set([...lifted, ...x.clears]) : lifted,
      );
    }
    picks[i] = -1;
    visit(i + 1, gain, effort, lifted);
  };
  visit(0, Rational.ZERO, Rational.ZERO, new Set());
  return { picks: best?.picks, truncated: nodes > NODE_LIMIT };
}

/** At a leaf: the estimate with the bonus capped still reaches the target, and the picks were not rejected. */
function reaches(input: SearchInput, picks: Picks, rejected: ReadonlySet<string>): boolean {
  if (rejected.has(picksKey(picks))) return false;
  return !input.target || estimate(input, picks).ge(input.target);
}
