/**
 * evaluate(scheme, dataset) → Assessment. Pure: no fs, no process, no colour.
 *
 * Field values roll up bottom-up: a parent's value of a summable field is the sum of
 * its children's (so a county rate is a ratio of sums); fields of the parent's own
 * level come from its own rows. Items are scored at their level and every level
 * above, vetoes checked, bonus added under its cap, units ranked among siblings.
 */
import { msg, type Msg } from '../diagnostics';
import type { DataUnit, Dataset, FieldValue } from '../data/model';
import { Rational } from '../rational';
import { evaluate as evalFormula, render, type Env, type Value } from '../scheme/formula';
import type { Item, Scheme, Section } from '../scheme/model';
import { showRaw, showTarget, showValue } from './display';
import { competitionRanks } from './rank';
import { solveRemedy } from './remedy';
import { scoreItem } from './rules';
import { meets } from './target-eval';
import { SCHEMA_VERSION, type Assessment, type ItemResult, type UnitResult, type VetoResult } from './types';

export interface EvaluateOptions {
  /** Param values overriding the scheme's (`--param id=value`). */
  params?: Map<string, Rational>;
  /**
   * Which units get remedies: `all` (default) or only the top-level units (`top`),
   * for reports that show no remedies below them.
   */
  remedies?: 'all' | 'top';
}

const SUMMABLE = new Set(['count', 'number', 'money']);

/** A field's state in one unit: a value, missing, or invalid with reasons. */
interface FieldState {
  value?: FieldValue;
  invalid?: Msg;
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
  const below = options.remedies !== 'top';
  for (const root of roots) assess(scheme, root, params, true, below);

  const results = roots.map((r) => toResult(scheme, r, params));
  rank(results);
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
    },
    units: results,
    data: {
      files,
      read: files.reduce((a, f) => a + f.read, 0),
      used: files.reduce((a, f) => a + f.used, 0),
      rejected: files.reduce((a, f) => a + f.rejected, 0),
      findings: data.findings,
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

/** Bottom-up: fill field states, then score items and vetoes, for a unit and its subtree. */
function assess(scheme: Scheme, node: Node, params: Map<string, Rational>, remedies: boolean, below: boolean): void {
  for (const c of node.children) assess(scheme, c, params, below, below);
  for (const f of scheme.fields.values()) node.fields.set(f.id, fieldState(f.id, f.level, f.type, node));
  const env = envOf(node, params);
  for (const item of [...scheme.items, ...(scheme.bonus?.items ?? [])]) {
    if (item.level > node.unit.level) continue;
    node.items.set(item.id, scoreAt(scheme, item, node, env, params, remedies));
  }
}

function fieldState(id: string, level: number, type: string, node: Node): FieldState {
  const own = node.unit.invalid.get(id);
  if (own) return { invalid: own };
  if (level >= node.unit.level) {
    const v = node.unit.values.get(id);
    return v === undefined ? {} : { value: v };
  }
  if (!SUMMABLE.has(type) || node.children.length === 0) return {};
  let sum = Rational.ZERO;
  for (const c of node.children) {
    const s = c.fields.get(id)!;
    if (s.invalid) return { invalid: msg(`invalid in ${c.unit.name}`, `${c.unit.name} 数据无效`) };
    if (!(s.value instanceof Rational)) return {};
    sum = sum.add(s.value);
  }
  return { value: sum };
}

function envOf(node: Node, params: Map<string, Rational>): Env {
  return (name) => node.fields.get(name)?.value ?? params.get(name);
}

function scoreAt(scheme: Scheme, item: Item, node: Node, env: Env, params: Map<string, Rational>, remedies: boolean): ItemResult {
  const rolled = node.unit.level > item.level && item.rollup !== 'sum';
  const value: Value = rolled ? rollupValue(item, node) : evalFormula(item.formula.ast, env);
  const labels = (n: string) => scheme.fields.get(n)?.label ?? n;
  const base = {
    id: item.id,
    title: item.title,
    section: item.section,
    bonus: item.bonus,
    value,
    display: showValue(value, item.display),
    kind: item.display,
    target: item.target?.text,
    targetDisplay: item.target && showTarget(item.target, item.display, (n) => params.get(n), labels),
    formula: item.formula.source,
    formulaLabels: render(item.formula.ast, labels),
    substituted: rolled ? `${item.rollup}(…)` : render(item.formula.ast, (n) => showRaw(env(n), scheme.fields.get(n)?.type === 'percent')),
    basis: item.basis,
    evidence: item.evidence,
  };
  const full = item.points;
  const invalid = item.fields.filter((f) => node.fields.get(f)?.invalid);
  if (invalid.length && !rolled) {
    return { ...base, status: 'invalid', points: Rational.ZERO, max: item.bonus ? Rational.ZERO : full, lost: item.bonus ? Rational.ZERO : full, calc: { kind: 'invalid', fields: invalid.map((id) => ({ id, reason: node.fields.get(id)!.invalid! })) } };
  }
  if (value === undefined) {
    const missing = rolled ? [] : item.fields.filter((f) => node.fields.get(f)?.value === undefined);
    if (missing.length) {
      return { ...base, status: 'missing', points: Rational.ZERO, max: item.bonus ? Rational.ZERO : full, lost: item.bonus ? Rational.ZERO : full, calc: { kind: 'missing', fields: missing } };
    }
    const points = item.na === 'full' && !item.bonus ? full : Rational.ZERO;
    const max = item.na === 'exclude' || item.bonus ? Rational.ZERO : full;
    return { ...base, status: 'na', points, max, lost: max.sub(points), calc: { kind: 'na', policy: item.na } };
  }
  const s = scoreItem(item, value, env);
  const max = item.bonus ? Rational.ZERO : full;
  const result: ItemResult = {
    ...base,
    status: s.status,
    points: s.points,
    max,
    lost: item.bonus ? Rational.ZERO : full.sub(s.points),
    gap: s.gap,
    gapDisplay: s.gap && showValue(s.gap, item.display === 'boolean' ? 'number' : item.display),
    calc: s.calc,
  };
  if (remedies && s.status !== 'met' && !rolled) {
    result.remedy = solveRemedy(scheme, item, env, (v, e) => scoreItem(item, v, e).points);
  }
  return result;
}

function rollupValue(item: Item, node: Node): Value {
  const vals = node.children.map((c) => c.items.get(item.id)?.value).filter((v): v is Rational => v instanceof Rational);
  if (!vals.length) return undefined;
  if (item.rollup === 'min') return vals.reduce((a, b) => a.min(b));
  if (item.rollup === 'max') return vals.reduce((a, b) => a.max(b));
  return vals.reduce((a, b) => a.add(b)).div(Rational.int(vals.length));
}

function vetoesAt(scheme: Scheme, node: Node, env: Env): VetoResult[] {
  return scheme.vetoes
    .filter((v) => v.level <= node.unit.level)
    .map((v): VetoResult => {
      const base = { id: v.id, title: v.title, basis: v.basis };
      if (v.item) {
        const item = node.items.get(v.item);
        const title = [...scheme.items, ...(scheme.bonus?.items ?? [])].find((i) => i.id === v.item)?.title ?? v.item;
        const hit = item ? meets(v.when, item.value, env) : undefined;
        return { ...base, triggered: hit === true, value: item?.value, display: item?.display ?? '—', condition: `${title} ${v.when.text}` };
      }
      const f = v.when.kind === 'formula' ? v.when.f : undefined;
      const hit = meets(v.when, undefined, env);
      // For a comparison such as `cadre_births > 0`, the value shown is its left side.
      const left = f && f.ast.k === 'bin' && ['<', '<=', '>', '>=', '==', '!='].includes(f.ast.op) ? f.ast.a : f?.ast;
      const value = left ? evalFormula(left, env) : undefined;
      const percent = (n: string) => scheme.fields.get(n)?.type === 'percent';
      const display = f ? render(f.ast, (n) => showRaw(env(n), percent(n))) : '—';
      const named = (n: string) => scheme.fields.get(n)?.label ?? showRaw(env(n));
      const condition = f ? render(f.ast, named) : v.when.text;
      return { ...base, triggered: hit === true, value, display, condition };
    });
}

function toResult(scheme: Scheme, node: Node, params: Map<string, Rational>): UnitResult {
  const env = envOf(node, params);
  const vetoes = vetoesAt(scheme, node, env);
  // Hard floors: a triggered veto on an item zeroes that item.
  for (const v of scheme.vetoes) {
    const hit = vetoes.find((x) => x.id === v.id)?.triggered;
    const item = v.item && node.items.get(v.item);
    if (hit && item) {
      item.zeroedBy = [...(item.zeroedBy ?? []), v.id];
      if (item.points.sign() > 0 || item.status === 'met') {
        item.points = Rational.ZERO;
        item.lost = item.max;
        item.status = 'failed';
      }
    }
  }
  const items = [...node.items.values()];
  const scored = items.filter((i) => !i.bonus);
  const points = scored.reduce((a, i) => a.add(i.points), Rational.ZERO);
  const max = scored.reduce((a, i) => a.add(i.max), Rational.ZERO);
  const rawBonus = items.filter((i) => i.bonus).reduce((a, i) => a.add(i.points), Rational.ZERO);
  const bonus = scheme.bonus ? rawBonus.min(scheme.bonus.cap) : Rational.ZERO;
  const scaled = (max.isZero() ? Rational.ZERO : points.mul(scheme.total).div(max)!).add(bonus);
  const vetoed = vetoes.some((v) => v.triggered);
  const level = scheme.levels[node.unit.level]!;
  const children = node.children.map((c) => toResult(scheme, c, params));
  rank(children);
  return {
    level: level.id,
    levelTitle: level.title,
    key: node.unit.key,
    code: node.unit.code,
    name: node.unit.name,
    score: points.add(bonus),
    max,
    bonus,
    scaled,
    passed: !vetoed && scaled.ge(scheme.pass),
    // A vetoed unit takes the lowest grade whatever its score.
    grade: vetoed ? scheme.grades[scheme.grades.length - 1]?.name : scheme.grades.find((g) => scaled.ge(g.min))?.name,
    rank: 1,
    of: 1,
    vetoes,
    items,
    children,
  };
}

function rank(units: UnitResult[]): void {
  const ranks = competitionRanks(units, (u) => u.scaled);
  units.forEach((u, i) => {
    u.rank = ranks[i]!;
    u.of = units.length;
  });
}
