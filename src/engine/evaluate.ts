/**
 * evaluate(scheme, dataset) → Assessment. Pure: no fs, no process, no colour.
 *
 * Field values roll up bottom-up: a parent's value of a summable field is the sum of
 * its children's (so a county rate is a ratio of sums); fields of the parent's own
 * level come from its own rows. Items are scored at their level and every level
 * above, vetoes checked, bonus added under its cap, units ranked among siblings.
 */
import { sortDiagnostics, type Finding } from '../diagnostics';
import type { DataUnit, Dataset, FieldValue } from '../data/model';
import { message, type Text } from '../messages/codes';
import { Rational } from '../rational';
import { evaluate as evalFormula, render, type Env, type Value } from '../scheme/formula';
import { SUMMABLE_TYPES, type Item, type Scheme, type Section } from '../scheme/model';
import type { Display, Target } from '../scheme/target';
import { absentColumns, absentColumnWarnings, unitDataWarnings } from './data-warnings';
import { showRaw, showTarget, showValue, shownValue } from './display';
import { solveRemedy } from './remedy';
import { scoreItem } from './rules';
import { meets } from './target-eval';
import { rankUnits, unitTotals } from './totals';
import { SCHEMA_VERSION, type Assessment, type Calc, type ItemResult, type UnitResult, type VetoResult } from './types';

export interface EvaluateOptions {
  /** Param values overriding the scheme's (`--param id=value`). */
  params?: Map<string, Rational>;
  /** Record each item's field values (`ItemResult.inputs`, for `pinggu explain`). */
  inputs?: boolean;
}


/** A field's state in one unit: a value, missing, or invalid with reasons. */
interface FieldState {
  value?: FieldValue;
  invalid?: Text;
}

interface Node {
  unit: DataUnit;
  children: Node[];
  fields: Map<string, FieldState>;
  items: Map<string, ItemResult>;
}

export function evaluate(scheme: Scheme, data: Dataset, options: EvaluateOptions = {}): Assessment {
  const params = new Map([...scheme.params, ...(options.params ?? [])]);
  const roots = buildTree(data);
  const inputs = options.inputs === true;
  const texts = itemTexts(scheme, params);
  // Items left without a score by the data alone are said (warnings), never silently.
  const absent = absentColumns(scheme, data.units);
  const warnings: Finding[] = absentColumnWarnings(scheme, absent);
  const warn = { absent, list: warnings };
  for (const root of roots) assess(scheme, root, params, inputs, texts, warn);

  const results = roots.map((r) => toResult(scheme, r, params));
  rankUnits(results);
  const files = data.files;
  return {
    schemaVersion: SCHEMA_VERSION,
    scheme: {
      id: scheme.id,
      title: scheme.title,
      version: scheme.version,
      issuer: scheme.issuer,
      document: scheme.document,
      total: scheme.total,
      pass: scheme.pass,
      source: scheme.source,
      sections: flattenSections(scheme.sections),
      levels: scheme.levels.map((l) => ({ id: l.id, title: l.title })),
      labels: Object.fromEntries([...scheme.fields.values()].map((f) => [f.id, f.label])),
    },
    units: results,
    data: {
      files,
      read: files.reduce((a, f) => a + f.read, 0),
      used: files.reduce((a, f) => a + f.used, 0),
      rejected: files.reduce((a, f) => a + f.rejected, 0),
      findings: warnings.length ? sortDiagnostics([...data.findings, ...warnings]) : data.findings,
    },
  };
}

function flattenSections(ss: Section[], parent?: string): Assessment['scheme']['sections'] {
  return ss.flatMap((s) => [{ id: s.id, title: s.title, points: s.points, parent }, ...flattenSections(s.sections, s.id)]);
}

function buildTree(data: Dataset): Node[] {
  const nodes = data.units.map((unit): Node => ({ unit, children: [], fields: new Map(), items: new Map() }));
  const byKey = new Map(nodes.map((n) => [`${n.unit.level}:${n.unit.key}`, n]));
  const roots: Node[] = [];
  for (const n of nodes) {
    const parent = n.unit.parent !== undefined ? byKey.get(`${n.unit.level + 1}:${n.unit.parent}`) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  // The top-level units are those of the highest level present.
  const top = Math.max(...roots.map((r) => r.unit.level));
  return roots.filter((r) => r.unit.level === top);
}

/** What an item shows the same way at every unit: its formula in labels and its target. */
interface ItemTexts {
  items: Item[];
  formulaLabels: Map<Item, string>;
  targetDisplay: Map<Item, string | undefined>;
}

function itemTexts(scheme: Scheme, params: Map<string, Rational>): ItemTexts {
  const labels = (n: string) => scheme.fields.get(n)?.label ?? n;
  const items = allItems(scheme);
  return {
    items,
    formulaLabels: new Map(items.map((i) => [i, render(i.formula.ast, labels)])),
    targetDisplay: new Map(items.map((i) => [i, i.target && showTarget(i.target, i.display, (n) => params.get(n), labels)])),
  };
}

/** Bottom-up: fill field states, then score items and vetoes, for a unit and its subtree. */
interface Warn {
  /** Fields whose column is in no file (said once by absentColumnWarnings). */
  absent: ReadonlySet<string>;
  list: Finding[];
}

function assess(scheme: Scheme, node: Node, params: Map<string, Rational>, inputs: boolean, texts: ItemTexts, warn: Warn): void {
  for (const c of node.children) assess(scheme, c, params, inputs, texts, warn);
  for (const f of scheme.fields.values()) node.fields.set(f.id, fieldState(f.id, f.level, f.type, node));
  const env = envOf(node, params);
  const scored = [];
  for (const item of texts.items) {
    if (item.level > node.unit.level) continue;
    const result = scoreAt(scheme, item, node, env, inputs, texts);
    node.items.set(item.id, result);
    scored.push({ item, result, rolled: node.unit.level > item.level && item.rollup !== 'sum' });
  }
  warn.list.push(...unitDataWarnings(scheme, node.unit, scored, env, warn.absent));
}

/** Scored items then bonus items, in scheme order. */
function allItems(scheme: Scheme): Item[] {
  return [...scheme.items, ...(scheme.bonus?.items ?? [])];
}

function fieldState(id: string, level: number, type: string, node: Node): FieldState {
  const own = node.unit.invalid.get(id);
  if (own) return { invalid: own };
  if (level >= node.unit.level) {
    const v = node.unit.values.get(id);
    return v === undefined ? {} : { value: v };
  }
  if (!SUMMABLE_TYPES.has(type) || node.children.length === 0) return {};
  let sum = Rational.ZERO;
  for (const c of node.children) {
    const s = c.fields.get(id)!;
    if (s.invalid) return { invalid: message('reason/invalid-in', { units: [c.unit.name] }) };
    if (!(s.value instanceof Rational)) return {};
    sum = sum.add(s.value);
  }
  return { value: sum };
}

function envOf(node: Node, params: Map<string, Rational>): Env {
  return (name) => node.fields.get(name)?.value ?? params.get(name);
}

/** Why an item is not scored for lack of usable data. */
type Unscored = Extract<Calc, { kind: 'missing' | 'invalid' }>;

function scoreAt(scheme: Scheme, item: Item, node: Node, env: Env, inputs: boolean, texts: ItemTexts): ItemResult {
  const rolled = node.unit.level > item.level && item.rollup !== 'sum';
  const roll = rolled ? rollupValue(item, node) : undefined;
  const value: Value = roll ? roll.value : evalFormula(item.formula.ast, env);
  const base = {
    id: item.id,
    title: item.title,
    section: item.section,
    bonus: item.bonus,
    value,
    display: showValue(value, item.display),
    kind: item.display,
    target: item.target?.text,
    targetDisplay: texts.targetDisplay.get(item),
    formula: item.formula.source,
    formulaLabels: texts.formulaLabels.get(item)!,
    substituted: rolled ? `${item.rollup}(…)` : render(item.formula.ast, (n) => showRaw(env(n), scheme.fields.get(n)?.type === 'percent')),
    basis: item.basis,
    evidence: item.evidence,
    inputs: !inputs
      ? undefined
      : item.fields.map((id) => {
          const f = scheme.fields.get(id)!;
          const st = node.fields.get(id);
          return { field: id, label: f.label, value: st?.invalid ? '✗' : showRaw(st?.value, f.type === 'percent'), summed: f.level < node.unit.level };
        }),
  };
  const full = item.points;
  const counted = item.bonus ? Rational.ZERO : full;
  const unscored = (calc: Unscored): ItemResult => ({ ...base, status: calc.kind, points: Rational.ZERO, max: counted, lost: counted, calc });
  const na = (): ItemResult => {
    const points = item.na === 'full' && !item.bonus ? full : Rational.ZERO;
    const max = item.na === 'exclude' || item.bonus ? Rational.ZERO : full;
    return { ...base, status: 'na', points, max, lost: max.sub(points), calc: { kind: 'na', policy: item.na } };
  };
  const invalidCalc = (ids: string[]): Unscored => ({ kind: 'invalid', fields: ids.map((id) => ({ id, reason: node.fields.get(id)!.invalid! })) });

  if (roll?.calc) return unscored(roll.calc);
  const invalid = item.fields.filter((f) => node.fields.get(f)?.invalid);
  if (invalid.length && !rolled) return unscored(invalidCalc(invalid));
  if (value === undefined) {
    const missing = rolled ? [] : item.fields.filter((f) => node.fields.get(f)?.value === undefined);
    return missing.length ? unscored({ kind: 'missing', fields: missing }) : na();
  }

  // Hard floors: a veto on this item that applies at this level and holds on the value zeroes it.
  const floors = scheme.vetoes.filter((v) => v.item === item.id && v.level <= node.unit.level);
  const floorsHit = (v: Value, e: Env): string[] => floors.filter((f) => meets(f.when, v, e) === true).map((f) => f.id);
  const zeroedBy = floorsHit(value, env);
  const floored = (r: ItemResult): ItemResult =>
    zeroedBy.length ? { ...r, points: Rational.ZERO, lost: r.max, status: r.status === 'na' || r.status === 'missing' || r.status === 'invalid' ? r.status : 'failed', zeroedBy } : r;

  const target = item.target;
  const met = target ? meets(target, value, env) : undefined;
  if (target && met === undefined) {
    // The value is known but the target cannot be decided: not scored, and say why.
    const reads = rolled ? fieldsOfTarget(scheme, target) : item.fields;
    const bad = reads.filter((f) => node.fields.get(f)?.invalid);
    if (bad.length) return floored(unscored(invalidCalc(bad)));
    const missing = reads.filter((f) => node.fields.get(f)?.value === undefined);
    return floored(missing.length ? unscored({ kind: 'missing', fields: missing }) : na());
  }

  const s = scoreItem(item, value, env);
  const gapShown = item.display === 'boolean' ? 'number' : item.display;
  const result: ItemResult = floored({
    ...base,
    display: value instanceof Rational && target && met === false ? showUnmet(value, item.display, (x) => meets(target, x, env) === true) : base.display,
    status: s.status,
    points: s.points,
    max: counted,
    lost: item.bonus ? Rational.ZERO : full.sub(s.points),
    gap: s.gap,
    gapDisplay: s.gap && showNonZero(s.gap, gapShown),
    calc: s.calc,
  });
  if (result.status !== 'met' && met !== true && !rolled) {
    const score = (v: Value, e: Env): Rational => (floorsHit(v, e).length ? Rational.ZERO : scoreItem(item, v, e).points);
    result.remedy = solveRemedy(scheme, item, env, score);
  }
  return result;
}

/** Fields (not params) a target reads. */
function fieldsOfTarget(scheme: Scheme, t: Target): string[] {
  const fs = t.kind === 'cmp' ? [t.rhs] : t.kind === 'between' ? [t.lo, t.hi] : [t.f];
  return [...new Set(fs.flatMap((f) => f.refs))].filter((r) => scheme.fields.has(r));
}

/**
 * A value that does not meet its target but whose two-decimal display would
 * (94.9999% against ≥ 95% shows as 95%): more decimals, up to 6, until it does not.
 */
function showUnmet(v: Rational, display: Display, meetsTarget: (x: Rational) => boolean): string {
  let digits = 2;
  while (digits < 6 && meetsTarget(shownValue(v, display, digits))) digits++;
  return showValue(v, display, digits);
}

/** A non-zero gap shown with enough decimals (up to 6) not to read as 0. */
function showNonZero(v: Rational, display: Display): string {
  let digits = 2;
  while (digits < 6 && !v.isZero() && shownValue(v, display, digits).isZero()) digits++;
  return showValue(v, display, digits);
}

/**
 * The value of an item rolled up by mean, min or max from the child units' values:
 * invalid if any child's is, else missing if any child's is (naming them), n/a if
 * all are n/a; booleans: min = all true, max = any true, mean undefined (n/a).
 */
function rollupValue(item: Item, node: Node): { value: Value; calc?: Unscored } {
  const kids = node.children.map((c) => ({ name: c.unit.name, r: c.items.get(item.id) }));
  const invalid = kids.filter((k) => k.r?.status === 'invalid');
  if (invalid.length) {
    const by = new Map<string, string[]>();
    for (const k of invalid) {
      const ids = k.r!.calc.kind === 'invalid' ? k.r!.calc.fields.map((f) => f.id) : item.fields;
      for (const id of ids) by.set(id, [...(by.get(id) ?? []), k.name]);
    }
    const fields = [...by].map(([id, names]) => ({ id, reason: message('reason/invalid-in', { units: names }) }));
    return { value: undefined, calc: { kind: 'invalid', fields, units: invalid.map((k) => k.name) } };
  }
  const missing = kids.filter((k) => !k.r || k.r.status === 'missing');
  if (missing.length || !kids.length) {
    const fields = missing.length ? [...new Set(missing.flatMap((k) => (k.r?.calc.kind === 'missing' ? k.r.calc.fields : item.fields)))] : item.fields;
    return { value: undefined, calc: { kind: 'missing', fields, units: missing.map((k) => k.name) } };
  }
  const vals = kids.filter((k) => k.r!.status !== 'na').map((k) => k.r!.value).filter((v) => v !== undefined);
  if (!vals.length) return { value: undefined };
  if (vals.every((v) => typeof v === 'boolean')) {
    if (item.rollup === 'min') return { value: vals.every((v) => v) };
    if (item.rollup === 'max') return { value: vals.some((v) => v) };
    return { value: undefined };
  }
  const nums = vals.filter((v): v is Rational => v instanceof Rational);
  if (nums.length !== vals.length) return { value: undefined };
  if (item.rollup === 'min') return { value: nums.reduce((a, b) => a.min(b)) };
  if (item.rollup === 'max') return { value: nums.reduce((a, b) => a.max(b)) };
  return { value: nums.reduce((a, b) => a.add(b)).div(Rational.int(nums.length)) };
}

function vetoesAt(scheme: Scheme, node: Node, env: Env): VetoResult[] {
  const label = (id: string) => scheme.fields.get(id)?.label ?? id;
  /** Checked unless the condition is undefined and some field it reads is missing or invalid here. */
  const decided = (hit: boolean | undefined, missing: string[], invalid: string[]): Pick<VetoResult, 'checked' | 'reason'> => {
    if (hit !== undefined || (!missing.length && !invalid.length)) return { checked: true };
    return { checked: false, reason: message('reason/veto-unchecked', { missing: missing.map(label), invalid: invalid.map(label) }) };
  };
  const stateOf = (ids: string[]) => ({
    missing: ids.filter((f) => !node.fields.get(f)?.invalid && node.fields.get(f)?.value === undefined),
    invalid: ids.filter((f) => node.fields.get(f)?.invalid),
  });
  return scheme.vetoes
    .filter((v) => v.level <= node.unit.level)
    .map((v): VetoResult => {
      const base = { id: v.id, title: v.title, basis: v.basis };
      if (v.item) {
        const item = node.items.get(v.item);
        const title = allItems(scheme).find((i) => i.id === v.item)?.title ?? v.item;
        const hit = item ? meets(v.when, item.value, env) : undefined;
        // The condition's own fields, and the item's when it lacks data.
        const own = stateOf(fieldsOfTarget(scheme, v.when));
        const missing = [...own.missing, ...(item?.calc.kind === 'missing' ? item.calc.fields : item ? [] : v.fields)];
        const invalid = [...own.invalid, ...(item?.calc.kind === 'invalid' ? item.calc.fields.map((f) => f.id) : [])];
        const state = decided(hit, [...new Set(missing)], [...new Set(invalid)]);
        return { ...base, triggered: hit === true, ...state, value: item?.value, display: item?.display ?? '—', condition: `${title} ${v.when.text}` };
      }
      const f = v.when.kind === 'formula' ? v.when.f : undefined;
      const hit = meets(v.when, undefined, env);
      const { missing, invalid } = stateOf(v.fields);
      // For a comparison such as `cadre_births > 0`, the value shown is its left side.
      const left = f && f.ast.k === 'bin' && ['<', '<=', '>', '>=', '==', '!='].includes(f.ast.op) ? f.ast.a : f?.ast;
      const value = left ? evalFormula(left, env) : undefined;
      const percent = (n: string) => scheme.fields.get(n)?.type === 'percent';
      const display = f ? render(f.ast, (n) => showRaw(env(n), percent(n))) : '—';
      const named = (n: string) => scheme.fields.get(n)?.label ?? showRaw(env(n));
      const condition = f ? render(f.ast, named) : v.when.text;
      return { ...base, triggered: hit === true, ...decided(hit, missing, invalid), value, display, condition };
    });
}

function toResult(scheme: Scheme, node: Node, params: Map<string, Rational>): UnitResult {
  const env = envOf(node, params);
  // Hard floors were applied when the items were scored (scoreAt); here they are reported.
  const vetoes = vetoesAt(scheme, node, env);
  const items = [...node.items.values()];
  const level = scheme.levels[node.unit.level]!;
  const children = node.children.map((c) => toResult(scheme, c, params));
  rankUnits(children);
  return {
    level: level.id,
    levelTitle: level.title,
    key: node.unit.key,
    code: node.unit.code,
    name: node.unit.name,
    ...unitTotals(scheme, items, vetoes),
    rank: 1,
    of: 1,
    vetoes,
    items,
    children,
  };
}
