/**
 * Sub-rules and deduction limits (docs/scheme.md, "Sub-rules and deduction limits"):
 * an item of parts is scored part by part (each part is an item of its own, scored
 * by scoreAt with its own remedy), and the parts' losses add up against the item's
 * points. An item or part with `lowest` is not capped at its points: its loss goes
 * on (扣分不封顶) down to `lowest` (a number ≤ 0) or without end (`none`).
 */
import { Rational } from '../rational';
import type { Env } from '../scheme/formula';
import type { Item, Scheme } from '../scheme/model';
import type { Node } from './node';
import type { Calc, ItemResult } from './types';

type ScoreAt = (scheme: Scheme, item: Item, node: Node, env: Env, remedies: boolean) => ItemResult;

/** The loss of a deduct/per_case/checklist result before the cap at the item's points (the rule's `max` still holds). */
function uncappedLoss(item: Item, r: Pick<ItemResult, 'calc' | 'gap'>): Rational | undefined {
  const c = r.calc;
  if ((c.kind !== 'deduct' && c.kind !== 'checklist') || c.cap !== 'points') return undefined;
  const raw = c.kind === 'deduct' ? c.units.mul(c.deduct) : (r.gap ?? Rational.ZERO).mul(c.deduct);
  const max = 'max' in item.rule ? item.rule.max : undefined;
  return max ? raw.min(max) : raw;
}

/** The points of a scored value for an item with `lowest` (the remedy's before and after); as scored without. */
export function uncappedPoints(item: Item, s: Pick<ItemResult, 'calc' | 'gap' | 'points'>): Rational {
  const raw = item.lowest === undefined ? undefined : uncappedLoss(item, s);
  if (!raw) return s.points;
  const points = item.points.sub(raw);
  return item.lowest === 'none' || !item.lowest ? points : points.max(item.lowest);
}

/** An item or part with `lowest`: its loss beyond its points, down to `lowest`. Unchanged without `lowest`. */
export function uncap(item: Item, r: ItemResult): ItemResult {
  const lowest = item.lowest;
  if (lowest === undefined) return r;
  const raw = uncappedLoss(item, r);
  if (!raw) return r;
  const floor = lowest === 'none' ? undefined : item.points.sub(lowest);
  const lost = floor && raw.gt(floor) ? floor : raw;
  const c = r.calc as Extract<Calc, { kind: 'deduct' | 'checklist' }>;
  const cap = floor && raw.gt(floor) ? ('points' as const) : lost.eq(raw) && !raw.gt(c.lost) ? c.cap : undefined;
  const points = item.points.sub(lost);
  return { ...r, points, lost, status: points.sign() > 0 ? r.status : 'failed', calc: { ...c, lost, cap } };
}

/** The parts' results put together as the item's: missing or invalid when a part is, else the summed loss, capped. */
export function combineParts(item: Item, parts: ItemResult[]): ItemResult {
  const base = {
    id: item.id,
    title: item.title,
    section: item.section,
    bonus: item.bonus,
    value: undefined,
    kind: item.display,
    target: undefined,
    formula: '',
    basis: item.basis,
    evidence: item.evidence,
  };
  const bad = parts.find((p) => p.status === 'invalid') ?? parts.find((p) => p.status === 'missing');
  if (bad)
    return {
      ...base,
      status: bad.status,
      points: Rational.ZERO,
      max: item.points,
      lost: item.points,
      calc: bad.calc,
      parts,
    };
  if (parts.every((p) => p.status === 'na'))
    return {
      ...base,
      status: 'na',
      points: Rational.ZERO,
      max: Rational.ZERO,
      lost: Rational.ZERO,
      calc: parts[0]!.calc,
      parts,
    };
  const raw = parts.reduce((a, p) => a.add(p.lost), Rational.ZERO);
  const lowest = item.lowest ?? Rational.ZERO;
  const floor = lowest === 'none' ? undefined : item.points.sub(lowest);
  const capped = floor !== undefined && raw.gt(floor);
  const lost = capped ? floor : raw;
  const points = item.points.sub(lost);
  const met = parts.every((p) => p.status === 'met' || p.status === 'na');
  const cap = lowest !== 'none' && capped ? (lowest.isZero() ? ('points' as const) : ('lowest' as const)) : undefined;
  const calc: Calc = { kind: 'parts', lost: raw, ...(cap ? { cap } : {}) };
  return {
    ...base,
    status: met && lost.isZero() ? 'met' : points.sign() > 0 ? 'partial' : 'failed',
    points,
    max: item.points,
    lost,
    met,
    calc,
    parts,
  };
}

const noCases = (p: Item): Calc => ({
  kind: 'cases',
  cases: [],
  deduct: p.cases!.deduct,
  ...(p.cases!.caseMax ? { caseMax: p.cases!.caseMax } : {}),
  lost: Rational.ZERO,
});

/** An item of parts at one unit: each part scored as an item (with its own remedy), then put together. */
export function scoreParts(
  scheme: Scheme,
  item: Item,
  node: Node,
  env: Env,
  remedies: boolean,
  at: ScoreAt,
): ItemResult {
  const parts = item.parts!.map((p) => {
    const r = uncap(p, at(scheme, p, node, env, remedies));
    // A cases part: no case before the adjustments file's case rows (src/engine/cases.ts).
    if (p.cases) return { ...r, target: undefined, calc: noCases(p) };
    // A part counts what it cost: its points as an item are its cap less its loss.
    return { ...r, lost: r.max.isZero() ? Rational.ZERO : r.lost };
  });
  return combineParts(item, parts);
}
