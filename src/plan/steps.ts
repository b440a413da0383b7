/**
 * Candidate steps per item (docs/plan.md#how-it-solves): from the engine's remedy at
 * the county (the lever change that meets the target, src/engine/remedy.ts), each
 * point level the item passes on the way there and the smallest lever change that
 * reaches it, found by bisection on the item's points as the lever moves (the remedy's
 * direction, its whole steps: 1, or 0.1 percentage point). An item with more levels
 * than LEVELS (a proportional rule) gets LEVELS evenly spaced ones. Each step is
 * allocated to townships (./allocate.ts) and priced (./effort.ts); an item that loses
 * points and cannot be helped is said (a blocker) instead.
 */
import { Rational } from '../rational';
import { evaluate, type Env, type Value } from '../scheme/formula';
import type { Field, Item, Scheme, Veto } from '../scheme/model';
import type { ItemResult, UnitResult } from '../engine/types';
import { scoreItem } from '../engine/rules';
import { meets } from '../engine/target-eval';
import { first } from '../engine/remedy';
import { allocate } from './allocate';
import { effortOf } from './effort';
import type { UnitChange } from './types';

/** The most point levels (steps) kept per item. */
const LEVELS = 12;

export interface Option {
  change: Rational;
  to: Rational;
  points: Rational;
  gain: Rational;
  effort: Rational;
  /** Ids of the triggered vetoes this change alone lifts. */
  clears: ReadonlySet<string>;
  units: UnitChange[];
}

export interface ItemChoice {
  item: Item;
  field: Field;
  result: ItemResult;
  from: Rational;
  options: Option[];
}

export type BlockReason = 'no-lever' | 'unreachable' | 'rolled-up' | 'no-data';

export interface Blocked {
  item: Item;
  result: ItemResult;
  why: BlockReason;
}

/** The items' candidate steps at the county, and the items that lose points with none. */
export function itemChoices(
  scheme: Scheme,
  county: UnitResult,
  triggered: readonly Veto[],
): { choices: ItemChoice[]; blocked: Blocked[] } {
  const choices: ItemChoice[] = [];
  const blocked: Blocked[] = [];
  const level = scheme.levels.findIndex((l) => l.id === county.level);
  for (const item of [...scheme.items, ...(scheme.bonus?.items ?? [])]) {
    const result = county.items.find((i) => i.id === item.id);
    if (!result || result.status === 'met' || result.status === 'na') continue;
    const lifts = triggered.some((v) => v.item === item.id);
    if (!item.bonus && result.lost.sign() <= 0 && !lifts) continue;
    const why = blockOf(item, result, level);
    if (why) {
      if (!item.bonus) blocked.push({ item, result, why });
      continue;
    }
    const choice = choiceOf(scheme, county, item, result, triggered);
    if (choice.options.length) choices.push(choice);
    else if (!item.bonus) blocked.push({ item, result, why: 'unreachable' });
  }
  return { choices, blocked };
}

function blockOf(item: Item, result: ItemResult, level: number): BlockReason | undefined {
  if (result.status === 'missing' || result.status === 'invalid') return 'no-data';
  if (!item.lever) return 'no-lever';
  if (level > item.level && item.rollup !== 'sum') return 'rolled-up';
  if (!result.remedy?.reachable || !result.remedy.change) return 'unreachable';
  return undefined;
}

/** The item's points with the lever at `to` (zero where a hard floor on it holds), and its value there. */
function pointsWith(scheme: Scheme, item: Item, env: Env, lever: string, to: Rational) {
  const e: Env = (n) => (n === lever ? to : env(n));
  const value: Value = evaluate(item.formula.ast, e);
  const floors = scheme.vetoes.filter((v) => v.item === item.id);
  const zero = floors.some((v) => meets(v.when, value, e) === true);
  return { env: e, value, points: zero ? Rational.ZERO : scoreItem(item, value, e).points };
}

function choiceOf(
  scheme: Scheme,
  county: UnitResult,
  item: Item,
  result: ItemResult,
  triggered: readonly Veto[],
): ItemChoice {
  const remedy = result.remedy!;
  const field = scheme.fields.get(item.lever!)!;
  const env = county.fields.env;
  const unit = field.type === 'percent' ? Rational.of(1n, 1000n) : Rational.ONE;
  const step = remedy.change!.sign() < 0 ? unit.neg() : unit;
  const kmax = remedy.change!.div(step)!.ceil().n;
  const at = (k: bigint) => pointsWith(scheme, item, env, field.id, remedy.from.add(Rational.of(k).mul(step)));
  const options: Option[] = [];
  for (const k of levelSteps((k) => at(k).points, kmax)) {
    const p = at(k);
    const gain = p.points.sub(result.points);
    const clears = new Set(
      triggered
        .filter((v) => (v.item === item.id || v.fields.includes(field.id)) && meets(v.when, p.value, p.env) !== true)
        .map((v) => v.id),
    );
    if (gain.sign() <= 0 && !clears.size) continue;
    const units = unitsOf(scheme, county, item, field, step, k);
    if (!units) continue;
    const change = Rational.of(k).mul(step);
    const effort = effortOf(item, field, remedy.from, change);
    options.push({ change, to: remedy.from.add(change), points: p.points, gain, effort, clears, units });
  }
  return { item, field, result, from: remedy.from, options };
}

/** Where a change of k steps is made: the townships' rows, or the county's own for a county field. */
function unitsOf(scheme: Scheme, county: UnitResult, item: Item, field: Field, step: Rational, k: bigint) {
  const countyLevel = scheme.levels.findIndex((l) => l.id === county.level);
  if (field.level < countyLevel) return allocate(scheme, county, item.id, field, step, k);
  const from = county.fields.value(field.id);
  if (!(from instanceof Rational)) return undefined;
  const change = Rational.of(k).mul(step);
  const own = { key: county.key, code: county.code, name: county.name, from, to: from.add(change), change };
  return [{ ...own, shortfall: change.abs() }];
}

/** The steps k in [1, kmax] where the points first reach each level on the way to those at kmax. */
export function levelSteps(points: (k: bigint) => Rational, kmax: bigint): bigint[] {
  const top = points(kmax);
  const out: bigint[] = [];
  let lo = 0n;
  let at = points(0n);
  while (at.lt(top) && out.length < LEVELS) {
    const p = at;
    lo = first(lo, kmax, (k) => points(k).gt(p));
    at = points(lo);
    out.push(lo);
  }
  if (at.ge(top)) return out.length ? out : [kmax];
  // Too many levels: evenly spaced ones.
  const p0 = points(0n);
  const ks = new Set<bigint>();
  for (let j = 1; j <= LEVELS; j++) {
    const level = p0.add(top.sub(p0).mul(Rational.of(BigInt(j), BigInt(LEVELS))));
    ks.add(first(0n, kmax, (k) => points(k).ge(level)));
  }
  return [...ks].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
}
