/**
 * The semantic rules of sub-rules and deduction limits (docs/scheme.md, "Sub-rules
 * and deduction limits"). Every part is linted as an item of its own (`expandParts`
 * puts the parts in the item list the other rules walk, and the item holding them in
 * `parents`); the rules here check what is particular to parts, `lowest` and
 * `factors`, each finding at its line:col with what to write instead.
 */
import { message } from '../messages/codes';
import { Rational } from '../rational';
import { partInput } from './compile-parts';
import { isNum, isObj, list, type Ctx } from './lint-context';
import type { Path } from './positions';
import type { ItemInput } from './schema';

type Entry = Ctx['items'][number];

/**
 * The entries the other rules walk for one item: the item itself, or (an item with
 * parts) each part as an item, the item being kept for the rules of this file.
 */
export function expandParts(entry: Entry, parents: Entry[], show: (p: Path) => string): Entry[] {
  const ps = entry.input.parts;
  if (!Array.isArray(ps)) return [entry];
  parents.push(entry);
  return ps.flatMap((p, i) => {
    if (!isObj(p)) return [];
    const path = [...entry.path, 'parts', i];
    const model = entry.model?.parts?.find((m) => m.path && show(m.path) === show(path));
    return [{ input: partInput(entry.input, p), model, path }];
  });
}

const NOT_IN_PARTS = new Set(['proportional', 'bands', 'add']);
const CANNOT_GO_BELOW = new Set(['all', 'proportional', 'bands', 'add', 'cases', 'formula']);
const ruleType = (it: ItemInput): string | undefined => (isObj(it.rule) ? String(it.rule.type) : undefined);

/** Part rules that deduct; `cases` only in parts; no formula, target or rule beside parts (part ids: duplicate-id). */
function partShapes({ rep, items, parents = [] }: Ctx): void {
  for (const { input, path } of items) {
    const isPart = path.at(-2) === 'parts';
    const t = ruleType(input);
    if (isPart && t && NOT_IN_PARTS.has(t))
      rep.error([...path, 'rule', 'type'], message('scheme/part-rule', { rule: t, kind: 'part' }));
    if (!isPart && t === 'cases')
      rep.error([...path, 'rule', 'type'], message('scheme/part-rule', { rule: t, kind: 'item' }));
  }
  for (const { input, path } of parents) {
    if (path[0] === 'bonus') rep.error([...path, 'parts'], message('scheme/bonus-rule', { rule: 'parts' }));
    for (const key of ['formula', 'target', 'rule', 'lever'] as const)
      if (input[key] !== undefined) rep.error([...path, key], message('scheme/parts-own', { key }));
  }
}

/** The most a part can take away, or undefined when its rule has no bound (per case, per unit, without max). */
function partReach(p: Record<string, unknown>, item: ItemInput): Rational | undefined {
  const points = Rational.fromNumber(isNum(p.points) ? p.points : isNum(item.points) ? item.points : 0);
  const r = isObj(p.rule) ? p.rule : {};
  if (r.type === 'all') return points;
  if (isNum(r.max)) return Rational.fromNumber(r.max).min(points);
  if (r.type === 'checklist' && typeof p.formula === 'string' && isNum(r.deduct)) {
    const n = /^\s*count\s*\(([^)]*)\)\s*$/.exec(p.formula)?.[1]?.split(',').length;
    return n ? Rational.int(n).mul(Rational.fromNumber(r.deduct)).min(points) : undefined;
  }
  return isNum(p.points) ? points : undefined;
}

/** Parts whose every loss is bounded, and whose bounds add up to less than the item's points. */
function partsReach({ rep, parents = [] }: Ctx): void {
  for (const { input, path } of parents) {
    if (!isNum(input.points)) continue;
    const reach = list(input.parts).map((p) => (isObj(p) ? partReach(p, input) : undefined));
    if (reach.some((r) => r === undefined)) continue;
    const sum = reach.reduce<Rational>((a, r) => a.add(r!), Rational.ZERO);
    const points = Rational.fromNumber(input.points);
    if (sum.lt(points)) rep.error([...path, 'parts'], message('scheme/parts-reach', { points, reach: sum }));
  }
}

/** `lowest` only where an item can lose beyond its points; `factors` name declared levels, on items with a cases part. */
function limits({ input: scheme, rep, items, parents = [] }: Ctx): void {
  const levels = list(scheme.inspection_levels).flatMap((l) => (isObj(l) && typeof l.id === 'string' ? [l.id] : []));
  for (const { input, path } of [...items.filter((e) => e.path.at(-2) !== 'parts'), ...parents]) {
    if (input.lowest !== undefined && input.lowest !== 0) {
      const t = input.parts ? undefined : ruleType(input);
      if (path[0] === 'bonus') rep.error([...path, 'lowest'], message('scheme/lowest-rule', { bonus: true }));
      else if (t && CANNOT_GO_BELOW.has(t)) rep.error([...path, 'lowest'], message('scheme/lowest-rule', { rule: t }));
    }
    if (!isObj(input.factors)) continue;
    for (const level of Object.keys(input.factors))
      if (!levels.includes(level))
        rep.error([...path, 'factors', level], message('scheme/unknown-inspection-level', { level, levels }));
    const cases = list(input.parts).some((p) => isObj(p) && isObj(p.rule) && p.rule.type === 'cases');
    if (!cases) rep.error([...path, 'factors'], message('scheme/factors-without-cases', { item: String(input.id) }));
  }
}

/** An item with parts shares the id namespace of sections, items and parts. */
function parentIds({ rep, items, sections, parents = [] }: Ctx): void {
  const all = [
    ...sections.map((s) => ({ id: s.input.id, path: s.path, parent: false })),
    ...items.map((e) => ({ id: e.input.id, path: e.path, parent: false })),
    ...parents.map((e) => ({ id: e.input.id, path: e.path, parent: true })),
  ];
  const first = new Map<string, (typeof all)[number]>();
  for (const x of all) {
    if (typeof x.id !== 'string') continue;
    const f = first.get(x.id);
    if (!f) first.set(x.id, x);
    else if (x.parent || f.parent)
      rep.error([...x.path, 'id'], message('scheme/duplicate-id', { id: x.id, line: rep.lineOf([...f.path, 'id']) }));
  }
}

export const PARTS_RULES: ((ctx: Ctx) => void)[] = [partShapes, partsReach, limits, parentIds];
