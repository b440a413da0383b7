/**
 * Turns a schema-valid scheme into the engine's model: parses every formula and
 * target (errors point inside the YAML value), converts numbers to exact rationals
 * and resolves levels. Semantic rules that need the whole model live in lint.ts.
 */
import { msg, type Msg } from '../diagnostics';
import { Rational } from '../rational';
import { parseFormula, parseQuantity, type Formula } from './formula';
import type * as M from './model';
import type { Path } from './positions';
import type { ItemInput, RuleInput, SchemeInput, SectionInput } from './schema';
import { displayOf, parseTarget, type Target } from './target';

export interface Reporter {
  /** The line of the value at `path` (to point back to a first occurrence). */
  lineOf(path: Path): number;
  /** An error at the value at `path`; `index` points inside a formula text. */
  error(path: Path, code: string, message: Msg, index?: number): void;
}

const q = (x: string | number): Rational => parseQuantity(x) ?? Rational.ZERO; // the schema already checked the form
const qOpt = (x: string | number | undefined) => (x === undefined ? undefined : q(x));

export function compileScheme(input: SchemeInput, source: string, rep: Reporter): M.Scheme {
  const levels = input.units;
  const levelIndex = (id: string | undefined, path: Path): number => {
    if (id === undefined) return 0;
    const i = levels.findIndex((l) => l.id === id);
    if (i < 0) {
      rep.error(path, 'scheme/unknown-level', msg(`unknown unit level "${id}"; levels are ${levels.map((l) => l.id).join(', ')}`, `未知的单位层级“${id}”；已定义：${levels.map((l) => l.id).join('、')}`));
      return 0;
    }
    return i;
  };

  const fields = new Map<string, M.Field>();
  input.fields.forEach((f, i) => {
    if (fields.has(f.id)) return; // reported by lint (duplicate id)
    fields.set(f.id, {
      id: f.id,
      label: f.label,
      aliases: f.aliases ?? [],
      type: f.type,
      level: levelIndex(f.scope, ['fields', i, 'scope']),
      min: qOpt(f.min),
      max: qOpt(f.max),
      required: f.required ?? true,
      unit: f.unit,
    });
  });
  const params = new Map<string, Rational>();
  for (const p of input.params ?? []) if (!params.has(p.id)) params.set(p.id, q(p.value));

  const formula = (text: string, path: Path): Formula | undefined => {
    const r = parseFormula(text);
    if ('error' in r) {
      rep.error(path, 'scheme/bad-formula', msg(`formula does not parse: ${r.error.message.en}`, `公式无法解析：${r.error.message.zh}`), r.error.index);
      return undefined;
    }
    return r.formula;
  };
  const target = (text: string, path: Path): Target | undefined => {
    const r = parseTarget(text);
    if ('error' in r) {
      rep.error(path, 'scheme/bad-target', msg(`target does not parse: ${r.error.message.en}`, `目标无法解析：${r.error.message.zh}`), r.error.index);
      return undefined;
    }
    return r.target;
  };
  const fieldRefs = (...fs: (Formula | undefined)[]): string[] => [
    ...new Set(fs.flatMap((f) => f?.refs ?? []).filter((r) => fields.has(r))),
  ];
  const targetFormulas = (t: Target | undefined): Formula[] =>
    !t ? [] : t.kind === 'cmp' ? [t.rhs] : t.kind === 'between' ? [t.lo, t.hi] : [t.f];

  const rule = (r: RuleInput, path: Path): { rule: M.Rule; formulas: Formula[] } => {
    if (r.type === 'bands') {
      const bands = r.bands.map((b, i) => ({
        when: b.when === undefined ? undefined : target(b.when, [...path, 'bands', i, 'when']),
        points: q(b.points),
      }));
      return { rule: { type: 'bands', bands }, formulas: bands.flatMap((b) => targetFormulas(b.when)) };
    }
    if (r.type === 'deduct') return { rule: { type: 'deduct', deduct: q(r.deduct), per: q(r.per), partial: r.partial, max: qOpt(r.max) }, formulas: [] };
    if (r.type === 'per_case' || r.type === 'checklist') return { rule: { type: r.type, deduct: q(r.deduct), max: qOpt(r.max) }, formulas: [] };
    if (r.type === 'add') return { rule: { type: 'add', add: q(r.add), per: q(r.per), partial: r.partial }, formulas: [] };
    return { rule: { type: r.type }, formulas: [] };
  };

  const item = (it: ItemInput, path: Path, section: string, bonus: boolean): M.Item | undefined => {
    const f = formula(it.formula, [...path, 'formula']);
    const t = it.target === undefined ? undefined : target(it.target, [...path, 'target']);
    const r = rule(it.rule, [...path, 'rule']);
    if (!f) return undefined;
    return {
      id: it.id,
      title: it.title,
      points: q(it.points),
      formula: f,
      target: t,
      rule: r.rule,
      level: levelIndex(it.scope, [...path, 'scope']),
      rollup: it.rollup ?? 'sum',
      na: it.na ?? 'exclude',
      lever: it.lever,
      basis: it.basis,
      evidence: it.evidence,
      note: it.note,
      section,
      display: displayOf(t, (id) => {
        const v = input.params?.find((x) => x.id === id)?.value;
        return typeof v === 'string' ? v : undefined;
      }),
      bonus,
      fields: fieldRefs(f, ...targetFormulas(t), ...r.formulas),
    };
  };

  const items: M.Item[] = [];
  const section = (s: SectionInput, path: Path): M.Section => {
    const own = (s.items ?? []).flatMap((it, i) => item(it, [...path, 'items', i], s.id, false) ?? []);
    items.push(...own);
    return {
      id: s.id,
      title: s.title,
      points: q(s.points),
      items: own,
      sections: (s.sections ?? []).map((c, i) => section(c, [...path, 'sections', i])),
    };
  };
  const sections = input.sections.map((s, i) => section(s, ['sections', i]));
  const bonus = input.bonus && {
    cap: q(input.bonus.cap),
    items: input.bonus.items.flatMap((it, i) => item(it, ['bonus', 'items', i], 'bonus', true) ?? []),
  };

  const checks: M.Check[] = (input.checks ?? []).flatMap((c, i) => {
    const f = formula(c.assert, ['checks', i, 'assert']);
    return f ? [{ id: c.id, title: c.title, assert: f, severity: c.severity ?? 'error', fields: fieldRefs(f) }] : [];
  });

  const vetoes: M.Veto[] = (input.vetoes ?? []).flatMap((v, i) => {
    const path: Path = ['vetoes', i];
    const when = target(v.when, [...path, 'when']);
    if (!when) return [];
    const target0 = v.item ? [...items, ...(bonus?.items ?? [])].find((x) => x.id === v.item) : undefined;
    const own = fieldRefs(...targetFormulas(when));
    const fs = [...new Set([...own, ...(target0?.fields ?? [])])];
    const lowest = Math.max(0, ...fs.map((id) => fields.get(id)!.level), target0?.level ?? 0);
    return [{ id: v.id, title: v.title, when, item: v.item, level: v.scope ? levelIndex(v.scope, [...path, 'scope']) : lowest, fields: fs, basis: v.basis }];
  });

  const total = Rational.fromNumber(input.total);
  const passRaw = input.pass;
  const pass = typeof passRaw === 'string' && /[%‰]/.test(passRaw) ? total.mul(q(passRaw)) : q(passRaw);

  return {
    id: input.id,
    title: input.title,
    version: String(input.version),
    issuer: input.issuer,
    document: input.document,
    total,
    pass,
    grades: (input.grades ?? []).map((g) => ({ name: g.name, min: Rational.fromNumber(g.min) })).sort((a, b) => b.min.cmp(a.min)),
    levels,
    fields,
    params,
    checks,
    sections,
    items,
    bonus,
    vetoes,
    source,
  };
}
