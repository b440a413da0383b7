/**
 * Turns a scheme into the engine's model: parses every formula and target (errors
 * point inside the YAML value), converts numbers to exact rationals and resolves
 * levels. Semantic rules that need the whole model live in lint.ts.
 *
 * It also runs, best effort, on a scheme that failed the schema (so one run reports
 * every finding): it never trusts a value's type, skipping what is not what the
 * schema wants (the schema has reported it) instead of throwing.
 */
import { message, type Message } from '../messages/codes';
import { Rational } from '../rational';
import { parseFormula, parseQuantity, type Formula } from './formula';
import { explain, narrow } from './formula-text';
import type * as M from './model';
import type { Path } from './path';
import type { ItemInput, RuleInput, SchemeInput, SectionInput, UnitLevelInput } from './schema';
import { displayOf, parseTarget, targetFormulas, type Target } from './target';
import { yearStartMonth } from './schema-year';
import { compileUnitTypes, markLines, sectionExtras, withTypes } from './compile-lines';
import { formulaRule, lastYearFormula, lastYearTarget, peersKey } from './compile-relative';
import { compileWithParts, inspectionsOf, limitsOf, ownRuleMissing } from './compile-parts';

export interface Reporter {
  /** The line of the value at `path` (to point back to a first occurrence). */
  lineOf(path: Path): number;
  /** An error at the value at `path` (its code is the message's); `index` points inside a formula text. */
  error(path: Path, m: Message, index?: number): void;
}

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
/** The array, or nothing when the value is not one (the schema reports that). */
const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
const isText = (x: unknown): x is string => typeof x === 'string';
const q = (x: unknown): Rational =>
  (typeof x === 'string' || typeof x === 'number' ? parseQuantity(x) : undefined) ?? Rational.ZERO; // the schema checked the form
const qOpt = (x: unknown) => (x === undefined ? undefined : q(x));
const exact = (x: unknown): Rational => {
  if (typeof x !== 'number') return Rational.ZERO;
  try {
    return Rational.fromNumber(x);
  } catch {
    return Rational.ZERO;
  }
};

/** What every step of compiling one scheme reads: the input, where findings go, its levels. */
interface Base {
  input: SchemeInput;
  rep: Reporter;
  levels: UnitLevelInput[];
}

/** ...and, once they are read, its fields and params. */
interface Compiling extends Base {
  fields: Map<string, M.Field>;
  params: Map<string, Rational>;
  unitTypes?: M.UnitTypes;
}

export function compileScheme(input: SchemeInput, source: string, rep: Reporter): M.Scheme {
  const base: Base = { input, rep, levels: list(input.units).filter(isObj) };
  const c: Compiling = { ...base, fields: compileFields(base), params: compileParams(input) };
  c.unitTypes = compileUnitTypes(input, c.fields);
  const items: M.Item[] = [];
  const sections = list(input.sections).flatMap((s, i) => compileSection(c, s, ['sections', i], items) ?? []);
  markLines(sections);
  const bonus = compileBonus(c);
  const checks = compileChecks(c);
  const vetoes = compileVetoes(c, [...items, ...(bonus?.items ?? [])]);
  const total = exact(input.total);
  return {
    id: input.id,
    title: input.title,
    version: String(input.version),
    issuer: input.issuer,
    document: input.document,
    total,
    pass: passLine(input.pass, total),
    grades: compileGrades(input),
    levels: c.levels,
    unitTypes: c.unitTypes,
    fields: c.fields,
    params: c.params,
    checks,
    sections,
    items,
    bonus,
    vetoes,
    inspections: inspectionsOf(input),
    source,
    ...(input.year ? { yearStarts: yearStartMonth(input.year) } : {}),
  };
}

/** The index of the level named `id` (an unknown level is reported, and taken as the lowest). */
function levelIndex(c: Base, id: unknown, path: Path): number {
  if (!isText(id)) return 0;
  const i = c.levels.findIndex((l) => l.id === id);
  if (i >= 0) return i;
  const levels = c.levels.map((l) => (l.id == null ? '' : String(l.id)));
  c.rep.error(path, message('scheme/unknown-level', { level: id, levels }));
  return 0;
}

function compileFields(c: Base): Map<string, M.Field> {
  const fields = new Map<string, M.Field>();
  list(c.input.fields).forEach((f, i) => {
    if (!isObj(f) || !isText(f.id) || fields.has(f.id)) return; // a duplicate id is reported by lint
    fields.set(f.id, {
      id: f.id,
      label: f.label,
      aliases: list(f.aliases),
      type: f.type,
      level: levelIndex(c, f.scope, ['fields', i, 'scope']),
      min: qOpt(f.min),
      max: qOpt(f.max),
      required: f.required ?? true,
      unit: f.unit,
      ...(f.accumulate ? { accumulate: f.accumulate } : {}),
      ...(isText(f.last_year) ? { lastYear: f.last_year } : {}),
    });
  });
  return fields;
}

function compileParams(input: SchemeInput): Map<string, Rational> {
  const params = new Map<string, Rational>();
  for (const p of list(input.params)) if (isObj(p) && isText(p.id) && !params.has(p.id)) params.set(p.id, q(p.value));
  return params;
}

/** The formula written at `path`, or nothing when it does not parse (reported). */
function formulaAt(c: Base, text: string, path: Path): Formula | undefined {
  const r = parseFormula(narrow(text));
  if (!('error' in r)) return lastYearFormula(r.formula, (c as Partial<Compiling>).fields);
  const e = explain(r.error, text);
  c.rep.error(path, message('scheme/bad-formula', { reason: e.reason }), e.index);
  return undefined;
}

/** The target written at `path`, or nothing when it does not parse (reported). */
function targetAt(c: Base, text: string, path: Path): Target | undefined {
  const r = parseTarget(narrow(text));
  if (!('error' in r)) return lastYearTarget(r.target, (c as Partial<Compiling>).fields);
  const e = explain(r.error, text);
  c.rep.error(path, message('scheme/bad-target', { reason: e.reason }), e.index);
  return undefined;
}

/** The fields (not params) the formulas read, each once. */
function fieldRefs(c: Compiling, ...fs: (Formula | undefined)[]): string[] {
  return [...new Set(fs.flatMap((f) => f?.refs ?? []).filter((r) => c.fields.has(r)))];
}

/** A rule with exact numbers, and the formulas it holds (its bands' conditions). */
function compileRule(c: Base, r: RuleInput, path: Path): { rule: M.Rule; formulas: Formula[] } {
  if (r.type === 'bands') {
    const bands = list(r.bands).map((b, i) => ({
      when: isObj(b) && isText(b.when) ? targetAt(c, b.when, [...path, 'bands', i, 'when']) : undefined,
      points: q(isObj(b) ? b.points : undefined),
    }));
    return { rule: { type: 'bands', bands }, formulas: bands.flatMap((b) => targetFormulas(b.when)) };
  }
  if (r.type === 'deduct')
    return {
      rule: { type: 'deduct', deduct: q(r.deduct), per: q(r.per), partial: r.partial, max: qOpt(r.max) },
      formulas: [],
    };
  if (r.type === 'per_case' || r.type === 'checklist')
    return { rule: { type: r.type, deduct: q(r.deduct), max: qOpt(r.max) }, formulas: [] };
  if (r.type === 'add')
    return { rule: { type: 'add', add: q(r.add), per: q(r.per), partial: r.partial }, formulas: [] };
  if (r.type === 'formula') return formulaRule(r.points, (t) => formulaAt(c, t, [...path, 'points']));
  return { rule: { type: r.type }, formulas: [] };
}

/** How the param `id`'s value is written, when it is written as text (`95%`). */
function paramText(input: SchemeInput, id: string): string | undefined {
  const v = list(input.params).find((x) => isObj(x) && x.id === id)?.value;
  return typeof v === 'string' ? v : undefined;
}

function compileItem(c: Compiling, it: ItemInput, path: Path, section: string, bonus: boolean): M.Item | undefined {
  if (!isObj(it)) return undefined;
  if (Array.isArray(it.parts)) return compileWithParts(it, path, (p, at) => compileItem(c, p, at, section, bonus));
  ownRuleMissing(c.rep, it, path);
  const f = isText(it.formula) ? formulaAt(c, it.formula, [...path, 'formula']) : undefined;
  const t = isText(it.target) ? targetAt(c, it.target, [...path, 'target']) : undefined;
  // A rule that is not a mapping has been reported by the schema; a stand-in lets
  // the other checks of the item run.
  const r = compileRule(c, isObj(it.rule) ? it.rule : { type: 'all' }, [...path, 'rule']);
  if (!f) return undefined;
  const item: M.Item = {
    id: it.id,
    title: it.title,
    points: q(it.points),
    formula: f,
    target: t,
    rule: r.rule,
    level: levelIndex(c, it.scope, [...path, 'scope']),
    rollup: it.rollup ?? 'sum',
    na: it.na ?? 'exclude',
    lever: it.lever,
    // Only when given: an `effort: undefined` key on every item cost ~80 MiB of peak RSS on the national file.
    ...(it.effort !== undefined ? { effort: q(it.effort) } : {}),
    basis: it.basis,
    evidence: it.evidence,
    note: it.note,
    section,
    display: displayOf(t, (id) => paramText(c.input, id)),
    bonus,
    fields: fieldRefs(c, f, ...targetFormulas(t), ...r.formulas),
    path,
    ...peersKey(t, r.formulas),
    ...limitsOf(it),
  };
  return withTypes(item, it, path, c.unitTypes, {
    target: (x, p) => targetAt(c, x, p),
    display: (x) => displayOf(x, (id) => paramText(c.input, id)),
    fields: (x) => fieldRefs(c, ...targetFormulas(x)),
  });
}

/** A section and its subsections; its own items are added to `items` before theirs. */
function compileSection(c: Compiling, s: SectionInput, path: Path, items: M.Item[]): M.Section | undefined {
  if (!isObj(s)) return undefined;
  const own = list(s.items).flatMap((it, i) => compileItem(c, it, [...path, 'items', i], s.id, false) ?? []);
  items.push(...own);
  return {
    id: s.id,
    title: s.title,
    points: q(s.points),
    items: own,
    sections: list(s.sections).flatMap((sub, i) => compileSection(c, sub, [...path, 'sections', i], items) ?? []),
    ...sectionExtras(s, c.unitTypes),
  };
}

function compileBonus(c: Compiling): M.Scheme['bonus'] {
  const b = c.input.bonus;
  if (!isObj(b)) return undefined;
  const items = list(b.items).flatMap((it, i) => compileItem(c, it, ['bonus', 'items', i], 'bonus', true) ?? []);
  return { cap: q(b.cap), items };
}

function compileChecks(c: Compiling): M.Check[] {
  return list(c.input.checks).flatMap((ch, i) => {
    if (!isObj(ch) || !isText(ch.assert)) return [];
    const path: Path = ['checks', i];
    const f = formulaAt(c, ch.assert, [...path, 'assert']);
    if (!f) return [];
    return [{ id: ch.id, title: ch.title, assert: f, severity: ch.severity ?? 'error', fields: fieldRefs(c, f), path }];
  });
}

/** Vetoes, each checked from its scope or else from the lowest level where its fields (and its item) exist. */
function compileVetoes(c: Compiling, allItems: M.Item[]): M.Veto[] {
  return list(c.input.vetoes).flatMap((v, i) => {
    if (!isObj(v) || !isText(v.when)) return [];
    const path: Path = ['vetoes', i];
    const when = targetAt(c, v.when, [...path, 'when']);
    if (!when) return [];
    const item = v.item ? allItems.find((x) => x.id === v.item) : undefined;
    const fs = [...new Set([...fieldRefs(c, ...targetFormulas(when)), ...(item?.fields ?? [])])];
    const lowest = Math.max(0, ...fs.map((id) => c.fields.get(id)!.level), item?.level ?? 0);
    const level = v.scope ? levelIndex(c, v.scope, [...path, 'scope']) : lowest;
    return [{ id: v.id, title: v.title, when, item: v.item, level, fields: fs, basis: v.basis, path }];
  });
}

/** The pass line in points: a share (`90%`) is of the total. */
function passLine(raw: unknown, total: Rational): Rational {
  return typeof raw === 'string' && /[%‰]/.test(raw) ? total.mul(q(raw)) : q(raw);
}

/** Grades, highest first. */
function compileGrades(input: SchemeInput): M.Scheme['grades'] {
  return list(input.grades)
    .filter(isObj)
    .map((g) => ({ name: g.name, min: exact(g.min) }))
    .sort((a, b) => b.min.cmp(a.min));
}
