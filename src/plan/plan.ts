/**
 * `pinggu plan`: the least-effort set of item remedies that brings a unit (a county) to
 * a goal, each plan verified by applying its township-level changes to a copy of the
 * dataset and scoring it again with the engine (docs/plan.md). Pure: no fs, no process.
 */
import type { Dataset } from '../data/model';
import { message, type Message } from '../messages/codes';
import { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import { evaluate } from '../engine/evaluate';
import type { Assessment, UnitResult } from '../engine/types';
import { applyChanges, type FieldChange } from './apply';
import { goalHolds, neededScore, standingOf } from './goal';
import { cheapest, picksKey, type Picks, type SearchInput } from './search';
import { itemChoices, type Blocked, type ItemChoice } from './steps';
import type { Goal, PlanResult, PlanStep } from './types';

export interface PlanOptions {
  goal: Goal;
  /** The unit's key, code or name (default: the only unit at the top). */
  unit?: string;
  params?: Map<string, Rational>;
}

/** Plans scored again at most before giving up on the estimates. */
export const MAX_TRIES = 20;

/** Every unit, depth first. */
const allUnits = (us: readonly UnitResult[]): UnitResult[] => us.flatMap((u) => [u, ...allUnits(u.children)]);

/** The unit planned for (by key, else code or name) and its siblings (ranked with it). */
function placeOf(a: Assessment, key: string | undefined): { unit: UnitResult; siblings: UnitResult[] } | undefined {
  if (key === undefined) return a.units.length === 1 ? { unit: a.units[0]!, siblings: a.units } : undefined;
  for (const u of [{ children: a.units } as UnitResult, ...allUnits(a.units)]) {
    const unit = u.children.find((c) => c.key === key) ?? u.children.find((c) => c.code === key || c.name === key);
    if (unit) return { unit, siblings: u.children };
  }
  return undefined;
}

export function makePlan(scheme: Scheme, data: Dataset, o: PlanOptions): PlanResult | undefined {
  const rescore = (d: Dataset) => evaluate(scheme, d, { params: o.params, remediesFrom: scheme.levels.length });
  const a = evaluate(scheme, data, { params: o.params });
  const place = placeOf(a, o.unit);
  if (!place) return undefined;
  const { unit, siblings } = place;
  const needed = neededScore(o.goal, scheme.pass, siblings, unit);
  const head = headOf(scheme, o.goal, needed, unit);
  if (goalHolds(o.goal, unit)) return { ...head, already: true, found: true };
  const wantClean = o.goal.kind !== 'score';
  const triggered = wantClean ? scheme.vetoes.filter((v) => head.before.vetoes.includes(v.id)) : [];
  const { choices, blocked } = itemChoices(scheme, unit, triggered);
  const input = searchInput(
    scheme,
    unit,
    choices,
    needed,
    triggered.map((v) => v.id),
  );
  const level = scheme.levels.findIndex((l) => l.id === unit.level);
  const rejected = new Set<string>();
  let truncated = false;
  for (let tries = 1; tries <= MAX_TRIES; tries++) {
    const r = cheapest(input, rejected);
    truncated ||= r.truncated;
    if (!r.picks) break;
    const after = rescore(applyChanges(data, changesOf(choices, r.picks, level)));
    const u = placeOf(after, unit.key)!.unit;
    if (goalHolds(o.goal, u)) {
      const steps = stepsOf(choices, r.picks, u);
      const effort = steps.reduce((s, x) => s.add(x.effort), Rational.ZERO);
      return { ...head, found: true, steps, effort, after: standingOf(u), verified: tries, truncated };
    }
    rejected.add(picksKey(r.picks));
  }
  // No plan: every remedy at once, scored again, and what stands in the way.
  const all = choices.map((c) => c.options.length - 1);
  const best = placeOf(rescore(applyChanges(data, changesOf(choices, all, level))), unit.key)!.unit;
  const blockers = blockersOf(scheme, unit, choices, blocked, wantClean);
  const short = needed && best.scaled.lt(needed);
  if (!blockers.length || short) blockers.push(shortOf(best.scaled, needed));
  return { ...head, verified: rejected.size, truncated, best: standingOf(best), blockers };
}

function headOf(scheme: Scheme, goal: Goal, needed: Rational | undefined, unit: UnitResult): PlanResult {
  return {
    goal,
    needed,
    unit: { key: unit.key, code: unit.code, name: unit.name, level: unit.level, levelTitle: unit.levelTitle },
    scheme: { id: scheme.id, title: scheme.title, version: scheme.version, total: scheme.total, pass: scheme.pass },
    before: standingOf(unit),
    already: false,
    found: false,
    steps: [],
    effort: Rational.ZERO,
    verified: 0,
    truncated: false,
    blockers: [],
  };
}

function searchInput(
  scheme: Scheme,
  unit: UnitResult,
  choices: ItemChoice[],
  target: Rational | undefined,
  vetoes: string[],
): SearchInput {
  const bonus = unit.items.filter((i) => i.bonus).reduce((s, i) => s.add(i.points), Rational.ZERO);
  const scale = unit.max.isZero() ? Rational.ZERO : scheme.total.div(unit.max)!;
  return { choices, items: unit.score.sub(unit.bonus), bonus, scale, cap: scheme.bonus?.cap, target, vetoes };
}

/** The field values the picks set, township by township (two items on one field: their changes add up). */
function changesOf(choices: ItemChoice[], picks: Picks, countyLevel: number): FieldChange[] {
  const out = new Map<string, FieldChange>();
  picks.forEach((o, i) => {
    if (o < 0) return;
    const c = choices[i]!;
    const level = c.field.level < countyLevel ? c.field.level : countyLevel;
    for (const u of c.options[o]!.units) {
      const k = `${level}:${u.key}:${c.field.id}`;
      const had = out.get(k);
      out.set(k, { level, key: u.key, field: c.field.id, to: had ? had.to.add(u.change) : u.to });
    }
  });
  return [...out.values()];
}

function stepsOf(choices: ItemChoice[], picks: Picks, after: UnitResult): PlanStep[] {
  return picks.flatMap((o, i): PlanStep[] => {
    if (o < 0) return [];
    const { item, field, result, from, options } = choices[i]!;
    const x = options[o]!;
    return [
      {
        item: item.id,
        title: item.title,
        bonus: item.bonus,
        lever: field.id,
        label: field.label,
        kind: field.type === 'percent' ? 'percent' : 'number',
        from,
        to: x.to,
        change: x.change,
        before: result.points,
        estimated: x.points,
        after: after.items.find((r) => r.id === item.id)?.points,
        effort: x.effort,
        effortGiven: item.effort !== undefined,
        units: x.units,
      },
    ];
  });
}

/** Why no plan reaches the goal: vetoes no remedy lifts, vetoes the data cannot decide, items without a way up. */
function blockersOf(
  scheme: Scheme,
  unit: UnitResult,
  choices: ItemChoice[],
  blocked: Blocked[],
  wantClean: boolean,
): Message[] {
  const out: Message[] = [];
  const lifts = new Set(choices.flatMap((c) => c.options.flatMap((x) => [...x.clears])));
  if (wantClean)
    for (const v of unit.vetoes) {
      if (v.triggered && !lifts.has(v.id)) out.push(message('plan/veto', { veto: v.title }));
      if (!v.checked) out.push(message('plan/veto-unchecked', { veto: v.title }));
    }
  for (const b of blocked) {
    const lost = Number(b.result.lost.toDecimal(2));
    out.push(message(`plan/${b.why}`, { item: b.item.title, lost, lever: leverLabel(scheme, b.item.lever) }));
  }
  return out;
}

const leverLabel = (scheme: Scheme, lever: string | undefined): string =>
  lever ? (scheme.fields.get(lever)?.label ?? lever) : '';

function shortOf(best: Rational, needed: Rational | undefined): Message {
  const n = (r: Rational | undefined) => (r ? Number(r.toDecimal(2)) : 0);
  return message('plan/short', { best: n(best), needed: n(needed) });
}
