/**
 * Semantic rules run after the schema: each is a small named function that reports
 * every finding it sees, so a scheme author fixes them all in one pass.
 *
 * With `bestEffort` (the scheme failed the schema, and the rules run anyway so one
 * run shows every finding) values may have any type: rules skip what is not what the
 * schema wants, and a rule that throws all the same has its findings dropped.
 */
import { message } from '../messages/codes';
import { Rational } from '../rational';
import type { Reporter } from './compile';
import { MAX_ROUND_DIGITS, type Formula, type Node } from './formula';
import { checkKinds, kindOf, type Kind } from './formula-types';
import type * as M from './model';
import { SUMMABLE_TYPES } from './model';
import { showPath, type Path } from './positions';
import type { ItemInput, SchemeInput, SectionInput } from './schema';
import type { Target } from './target';

interface Ctx {
  input: SchemeInput;
  scheme: M.Scheme;
  rep: Reporter;
  /** Every item with its YAML path, bonus items included. */
  items: { input: ItemInput; model?: M.Item; path: Path }[];
  sections: { input: SectionInput; path: Path }[];
}

const isObj = (x: unknown): x is Record<string, any> => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

export function lintScheme(input: SchemeInput, scheme: M.Scheme, rep: Reporter, options: { bestEffort?: boolean } = {}): void {
  const sections: Ctx['sections'] = [];
  const items: Ctx['items'] = [];
  // Items are matched by where they are, not by id: ids may repeat.
  const models = new Map([...scheme.items, ...(scheme.bonus?.items ?? [])].flatMap((i) => (i.path ? [[showPath(i.path), i] as const] : [])));
  const walk = (s: SectionInput, path: Path) => {
    if (!isObj(s)) return;
    sections.push({ input: s, path });
    list(s.items).forEach((it, i) => isObj(it) && items.push({ input: it, model: models.get(showPath([...path, 'items', i])), path: [...path, 'items', i] }));
    list(s.sections).forEach((c, i) => walk(c, [...path, 'sections', i]));
  };
  list(input.sections).forEach((s, i) => walk(s, ['sections', i]));
  if (isObj(input.bonus)) {
    list(input.bonus.items).forEach((it, i) => isObj(it) && items.push({ input: it, model: models.get(showPath(['bonus', 'items', i])), path: ['bonus', 'items', i] }));
  }
  for (const rule of RULES) {
    if (!options.bestEffort) {
      rule({ input, scheme, rep, items, sections });
      continue;
    }
    const found: Parameters<Reporter['error']>[] = [];
    try {
      rule({ input, scheme, items, sections, rep: { lineOf: rep.lineOf, error: (...a) => void found.push(a) } });
    } catch {
      continue; // the rule tripped over a value the schema has reported: its findings may be wrong
    }
    for (const a of found) rep.error(...a);
  }
}

function duplicateIds({ input, rep, items, sections }: Ctx): void {
  const ids = (xs: unknown, key: string): { id: unknown; path: Path }[] =>
    list(xs as unknown[]).flatMap((x, i) => (isObj(x) ? [{ id: x.id, path: [key, i, 'id'] as Path }] : []));
  const groups: { id: unknown; path: Path }[][] = [
    [...ids(input.fields, 'fields'), ...ids(input.params, 'params')],
    [
      ...sections.map((s) => ({ id: s.input.id, path: [...s.path, 'id'] })),
      ...items.map((it) => ({ id: it.input.id, path: [...it.path, 'id'] })),
    ],
    ids(input.vetoes, 'vetoes'),
    ids(input.checks, 'checks'),
    ids(input.units, 'units'),
  ];
  for (const group of groups) {
    const seen = new Map<string, Path>();
    for (const { id, path } of group) {
      if (typeof id !== 'string') continue;
      const first = seen.get(id);
      if (first) rep.error(path, message('scheme/duplicate-id', { id, line: rep.lineOf(first) }));
      else seen.set(id, path);
    }
  }
}

function pointsAddUp({ input, rep, sections }: Ctx): void {
  /** The sum, or undefined when a part is not a number (the schema has said so). */
  const sum = (xs: unknown[]): Rational | undefined => {
    let total = Rational.ZERO;
    for (const x of xs) {
      if (!isObj(x) || !isNum(x.points)) return undefined;
      total = total.add(Rational.fromNumber(x.points));
    }
    return total;
  };
  for (const { input: s, path } of sections) {
    if (s.items && s.sections) {
      rep.error(path, message('scheme/items-and-sections', { section: String(s.id) }));
    }
    if (!s.items && !s.sections) {
      rep.error(path, message('scheme/empty-section', { section: String(s.id) }));
      continue;
    }
    // A child list that is not a list, or empty, has been reported by the schema: no sum to compare.
    if ([s.items, s.sections].some((k) => k !== undefined && (!Array.isArray(k) || !k.length))) continue;
    const got = sum([...list(s.items), ...list(s.sections)]);
    if (!got || !isNum(s.points)) continue;
    const want = Rational.fromNumber(s.points);
    if (!got.eq(want)) {
      rep.error([...path, 'points'], message('scheme/points-sum', { kind: 'section', section: String(s.id), points: want, sum: got }));
    }
  }
  if (!Array.isArray(input.sections) || !input.sections.length) return;
  const got = sum(input.sections);
  if (!got || !isNum(input.total)) return;
  const total = Rational.fromNumber(input.total);
  if (!got.eq(total)) {
    rep.error(['total'], message('scheme/points-sum', { kind: 'total', points: total, sum: got }));
  }
}

/** Every formula in the scheme with its path, for the reference rules. */
function formulas(ctx: Ctx): { f: Formula; path: Path; offset: number }[] {
  const out: { f: Formula; path: Path; offset: number }[] = [];
  const fromTarget = (t: Target | undefined, path: Path) => {
    if (!t) return;
    const parts = t.kind === 'cmp' ? [t.rhs] : t.kind === 'between' ? [t.lo, t.hi] : [t.f];
    for (const f of parts) out.push({ f, path, offset: t.text.indexOf(f.source) });
  };
  for (const { model, path, input } of ctx.items) {
    if (!model) continue;
    out.push({ f: model.formula, path: [...path, 'formula'], offset: 0 });
    fromTarget(model.target, [...path, 'target']);
    if (model.rule.type === 'bands' && input.rule?.type === 'bands') {
      model.rule.bands.forEach((b, i) => fromTarget(b.when, [...path, 'rule', 'bands', i, 'when']));
    }
  }
  for (const c of ctx.scheme.checks) if (c.path) out.push({ f: c.assert, path: [...c.path, 'assert'], offset: 0 });
  for (const v of ctx.scheme.vetoes) if (v.path) fromTarget(v.when, [...v.path, 'when']);
  return out;
}

function wordIndex(text: string, word: string): number {
  const m = new RegExp(`(^|[^A-Za-z0-9_])${word.replace(/[$]/g, '\\$')}($|[^A-Za-z0-9_])`).exec(text);
  return m ? m.index + m[1]!.length : 0;
}

function references(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  for (const { f, path, offset } of formulas(ctx)) {
    for (const name of f.refs) {
      const at = Math.max(0, offset) + wordIndex(f.source, name);
      const field = scheme.fields.get(name);
      if (!field && !scheme.params.has(name)) {
        rep.error(path, message('scheme/unknown-name', { name }), at);
      } else if (field?.type === 'text') {
        rep.error(path, message('scheme/text-in-formula', { name }), at);
      }
    }
  }
}

/** Every operand and every branch of every formula has the kind its operator or function needs. */
function formulaKinds(ctx: Ctx): void {
  const refKind = refKindIn(ctx.scheme);
  for (const { f, path, offset } of formulas(ctx)) {
    for (const k of checkKinds(f.ast, refKind).findings) ctx.rep.error(path, k.message, Math.max(0, offset) + k.index);
  }
}

function kinds(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  const kind = kindIn(scheme);
  const needBool = (f: Formula, path: Path, what: 'check' | 'veto' | 'target') => {
    if (kind(f) === 'number') {
      rep.error(path, message('scheme/not-boolean', { kind: what }));
    }
  };
  for (const c of scheme.checks) if (c.path) needBool(c.assert, [...c.path, 'assert'], 'check');
  for (const v of scheme.vetoes) if (v.path && v.when.kind === 'formula') needBool(v.when.f, [...v.path, 'when'], 'veto');
  for (const { model, path } of ctx.items) {
    if (model?.target?.kind === 'formula') needBool(model.target.f, [...path, 'target'], 'target');
  }
}

/** Where an item reads a field: its formula, its target, its bands' conditions. */
function readsOf(model: M.Item, path: Path, id: string): { path: Path; index: number; by: 'formula' | 'target' }[] {
  const out: { path: Path; index: number; by: 'formula' | 'target' }[] = [];
  if (model.formula.refs.includes(id)) out.push({ path: [...path, 'formula'], index: wordIndex(model.formula.source, id), by: 'formula' });
  const fromTarget = (t: Target | undefined, at: Path) => {
    if (t && targetFormulas(t).some((f) => f.refs.includes(id))) out.push({ path: at, index: wordIndex(t.text, id), by: 'target' });
  };
  fromTarget(model.target, [...path, 'target']);
  if (model.rule.type === 'bands') model.rule.bands.forEach((b, i) => fromTarget(b.when, [...path, 'rule', 'bands', i, 'when']));
  return out;
}

const targetFormulas = (t: Target): Formula[] => (t.kind === 'cmp' ? [t.rhs] : t.kind === 'between' ? [t.lo, t.hi] : [t.f]);

/**
 * Fields read where they have no value. A field exists at its own level; above it
 * only summable types add up (a county's 出生人数 is its townships' sum), so a
 * percent, yes/no or score field of a lower level has no value higher up. The
 * formula of an item rolled up by mean, min or max is not evaluated there (the
 * children's values are combined), but its target is, at every level: a target or a
 * veto reading such a field is never decided above the field's level.
 */
function scopes(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  const top = scheme.levels.length - 1;
  const title = (level: number) => scheme.levels[level]?.title ?? '';
  const lid = (level: number) => scheme.levels[level]?.id ?? '';
  const kind = kindIn(scheme);
  for (const { model, path } of ctx.items) {
    if (!model) continue;
    for (const id of model.fields) {
      const field = scheme.fields.get(id)!;
      if (!scheme.levels[field.level] || !scheme.levels[model.level]) continue;
      const reads = readsOf(model, path, id);
      if (field.level > model.level) {
        const lvl = lid(field.level);
        for (const r of reads) {
          rep.error(r.path, message('scheme/scope', { item: model.id, field: id, level: lid(model.level), levelTitle: title(model.level), fieldLevel: lvl, fieldLevelTitle: title(field.level) }), r.index);
        }
        continue;
      }
      if (SUMMABLE_TYPES.has(field.type) || field.level >= top) continue;
      const up = title(field.level + 1);
      const own = title(field.level);
      for (const r of reads) {
        if (r.by === 'target') {
          rep.error(r.path, message('scheme/target-not-summable', { item: model.id, field: id, type: field.type, own, up, upLevel: lid(field.level + 1) }), r.index);
          continue;
        }
        // The formula: evaluated above the item's own level unless the item rolls up.
        const rolls = model.rollup !== 'sum' && model.level === field.level;
        if (rolls) continue;
        const boolean = kind(model.formula) === 'boolean';
        const scope = model.level > field.level ? lid(field.level) : undefined;
        rep.error(r.path, message('scheme/rollup-not-summable', { item: model.id, field: id, type: field.type, kind: boolean ? 'boolean' : 'number', scope }), r.index);
      }
    }
  }
  // Vetoes: checked at their level and every level above.
  for (const v of scheme.vetoes) {
    if (!v.path) continue;
    const own = targetFormulas(v.when).flatMap((f) => f.refs);
    for (const id of new Set(own)) {
      const field = scheme.fields.get(id);
      if (!field || SUMMABLE_TYPES.has(field.type) || field.level >= top || !scheme.levels[field.level]) continue;
      const up = title(field.level + 1);
      rep.error([...v.path, 'when'], message('scheme/veto-not-summable', { veto: v.id, field: id, type: field.type, own: title(field.level), up, upLevel: lid(field.level + 1) }), wordIndex(v.when.text, id));
    }
  }
}

/** rollup: mean of yes/no values gives no value (it is not a number): min or max do. */
function rollupKind(ctx: Ctx): void {
  const kind = kindIn(ctx.scheme);
  for (const { model, path, input } of ctx.items) {
    if (!model || model.rollup !== 'mean' || input.rollup === undefined || kind(model.formula) !== 'boolean') continue;
    ctx.rep.error([...path, 'rollup'], message('scheme/rollup-kind', { item: model.id }));
  }
}

function rulesFitTargets(ctx: Ctx): void {
  const { rep } = ctx;
  for (const { model, path, input } of ctx.items) {
    if (!model) continue;
    const t = model.target;
    const r = model.rule;
    const at = [...path, 'rule', 'type'];
    if (input.target === undefined && r.type !== 'checklist') {
      rep.error(path, message('scheme/missing-target', { item: model.id }));
      continue;
    }
    if (r.type === 'checklist') {
      const a = model.formula.ast;
      if (a.k !== 'call' || a.fn !== 'count' || a.args.some((x) => x.k !== 'ref')) {
        rep.error([...path, 'formula'], message('scheme/checklist-formula', { kind: 'form' }));
      } else {
        for (const arg of a.args) {
          const f = arg.k === 'ref' ? ctx.scheme.fields.get(arg.name) : undefined;
          if (f && f.type !== 'boolean') {
            rep.error([...path, 'formula'], message('scheme/checklist-formula', { kind: 'element', field: f.id, type: f.type }));
          }
        }
      }
    }
    if (!t) continue; // absent (reported above) or did not parse (reported by compile)
    const distance = r.type === 'deduct' || r.type === 'per_case' || r.type === 'checklist';
    if (t && distance && !(t.kind === 'between' || (t.kind === 'cmp' && ['>=', '<=', '=='].includes(t.op)))) {
      rep.error(at, message('scheme/rule-target', { kind: 'distance', rule: r.type, target: t.text }));
    }
    if (t && (r.type === 'proportional' || r.type === 'add') && !(t.kind === 'cmp' && (t.op === '>=' || t.op === '<='))) {
      rep.error(at, message('scheme/rule-target', { kind: 'one-sided', rule: r.type, target: t.text }));
    }
    if (r.type === 'add' && !model.bonus) {
      rep.error(at, message('scheme/add-outside-bonus', {}));
    }
    if (model.bonus && (r.type === 'deduct' || r.type === 'per_case' || r.type === 'checklist')) {
      rep.error(at, message('scheme/bonus-rule', { rule: r.type }));
    }
    if ((r.type === 'deduct' || r.type === 'add') && isObj(input.rule) && (input.rule as Record<string, unknown>).per !== undefined) {
      if ((r as { per: Rational }).per.sign() <= 0) rep.error([...path, 'rule', 'per'], message('scheme/per', {}));
    }
  }
}

/** The kind of a formula's value: a number, a yes/no, or either (unknown names). */
function kindIn(scheme: M.Scheme): (f: Formula) => Kind {
  const refKind = refKindIn(scheme);
  return (f) => kindOf(f.ast, refKind);
}

/** A name's kind: text fields and unknown names are reported by `references`, and fit anything here. */
function refKindIn(scheme: M.Scheme): (name: string) => Kind {
  return (n) => {
    const type = scheme.fields.get(n)?.type;
    if (type === 'boolean') return 'boolean';
    if (type === 'text') return 'any';
    return type !== undefined || scheme.params.has(n) ? 'number' : 'any';
  };
}

/** A yes/no value compared with a number (`>= 95%`), or a number compared with yes/no (`== true`). */
function valueFitsTarget(ctx: Ctx): void {
  const { rep } = ctx;
  const kind = kindIn(ctx.scheme);
  const check = (model: M.Item, t: Target | undefined, path: Path) => {
    if (!t || t.kind === 'formula') return;
    const value = kind(model.formula);
    const against = t.kind === 'between' ? 'number' : kind(t.rhs);
    if (value === 'boolean' && against === 'number') {
      rep.error(path, message('scheme/target-kind', { kind: 'yes-no-vs-number', item: model.id, target: t.text }));
    } else if (value === 'number' && against === 'boolean') {
      rep.error(path, message('scheme/target-kind', { kind: 'number-vs-yes-no', item: model.id, target: t.text }));
    }
  };
  for (const { model, path } of ctx.items) {
    if (!model) continue;
    check(model, model.target, [...path, 'target']);
    if (model.rule.type === 'bands') model.rule.bands.forEach((b, i) => check(model, b.when, [...path, 'rule', 'bands', i, 'when']));
  }
}

/** proportional scores value/target or target/value: the target must be a fixed number above 0. */
function proportionalThreshold(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  for (const { model, path } of ctx.items) {
    const t = model?.target;
    if (!model || model.rule.type !== 'proportional' || t?.kind !== 'cmp' || (t.op !== '>=' && t.op !== '<=')) continue; // other forms: rulesFitTargets
    const rhs = t.rhs.ast;
    const value = rhs.k === 'num' ? rhs.v : rhs.k === 'ref' ? scheme.params.get(rhs.name) : undefined;
    if (rhs.k === 'ref' && !scheme.params.has(rhs.name) && !scheme.fields.has(rhs.name)) continue; // an unknown name: reported by references
    if (!value) {
      rep.error([...path, 'target'], message('scheme/proportional-target', { kind: 'not-fixed', item: model.id, target: t.text }));
    } else if (value.sign() <= 0) {
      rep.error([...path, 'target'], message('scheme/proportional-target', { kind: 'not-positive', item: model.id, target: t.text }));
    }
  }
}

/** A band cannot give more than the item is worth. */
function bandPoints(ctx: Ctx): void {
  for (const { input, path } of ctx.items) {
    if (!isObj(input.rule) || input.rule.type !== 'bands' || !isNum(input.points)) continue;
    const points = input.points;
    list(input.rule.bands).forEach((b, i) => {
      if (!isObj(b) || !isNum(b.points) || !Rational.fromNumber(b.points).gt(Rational.fromNumber(points))) return;
      ctx.rep.error([...path, 'rule', 'bands', i, 'points'], message('scheme/band-points', { item: String(input.id), points: b.points, max: points }));
    });
  }
}

/** rollup mean/min/max combines the children's values: the target must compare that value. */
function rollupTarget(ctx: Ctx): void {
  for (const { model, path } of ctx.items) {
    if (!model || model.rollup === 'sum' || model.target?.kind !== 'formula') continue;
    ctx.rep.error([...path, 'target'], message('scheme/rollup-target', { item: model.id, rollup: model.rollup }));
  }
}

/** round(x, d) with a constant d: whole digits from 0 to MAX_ROUND_DIGITS (evaluation gives no value beyond). */
function roundDigits(ctx: Ctx): void {
  for (const { f, path, offset } of formulas(ctx)) {
    const calls: Node[] = [];
    const walk = (n: Node): void => {
      if (n.k === 'call') {
        if (n.fn === 'round') calls.push(n);
        n.args.forEach(walk);
      } else if (n.k === 'bin') {
        walk(n.a);
        walk(n.b);
      } else if (n.k === 'neg' || n.k === 'not') walk(n.a);
    };
    walk(f.ast);
    const at = [...f.source.matchAll(/\bround\s*\(/g)].map((m) => m.index);
    calls.forEach((c, i) => {
      if (c.k !== 'call') return;
      const d = c.args[1];
      const v = d?.k === 'num' ? d.v : d?.k === 'neg' && d.a.k === 'num' ? d.a.v.neg() : undefined;
      if (!v || (v.d === 1n && v.ge(Rational.ZERO) && v.le(Rational.int(MAX_ROUND_DIGITS)))) return;
      rep(ctx, path, Math.max(0, offset) + (at[i] ?? 0), v);
    });
  }
  function rep(c: Ctx, path: Path, index: number, v: Rational) {
    c.rep.error(path, message('scheme/round-digits', { max: MAX_ROUND_DIGITS, digits: v }), index);
  }
}

function unreachableTargets(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  const isCount = (n: M.Item['formula']['ast']) => n.k === 'ref' && scheme.fields.get(n.name)?.type === 'count';
  for (const { model, path } of ctx.items) {
    const t = model?.target;
    const a = model?.formula.ast;
    if (!model || !t || !a || t.kind !== 'cmp' || !(t.op === '>=' || t.op === '>')) continue;
    if (!(a.k === 'bin' && a.op === '/' && isCount(a.a) && isCount(a.b))) continue;
    const rhs = t.rhs.ast;
    if (rhs.k !== 'num' || !/[%‰]/.test(rhs.raw)) continue;
    if (rhs.v.gt(Rational.ONE) || (t.op === '>' && rhs.v.eq(Rational.ONE))) {
      rep.error([...path, 'target'], message('scheme/unreachable-target', { target: t.text }));
    }
  }
}

function vetoesAndLevers(ctx: Ctx): void {
  const { scheme, rep, input } = ctx;
  const all = new Set(ctx.items.map((i) => i.input.id));
  list(input.vetoes).forEach((v, i) => {
    if (!isObj(v)) return;
    const model = scheme.vetoes.find((x) => x.path?.[1] === i);
    if (typeof v.item === 'string' && !all.has(v.item)) {
      rep.error(['vetoes', i, 'item'], message('scheme/unknown-item', { veto: String(v.id), item: v.item }));
    }
    if (model && !v.item && model.when.kind !== 'formula') {
      rep.error(['vetoes', i, 'when'], message('scheme/veto-when', { kind: 'needs-item', veto: String(v.id), when: String(v.when) }));
    }
    if (model && v.item && model.when.kind === 'formula') {
      rep.error(['vetoes', i, 'when'], message('scheme/veto-when', { kind: 'needs-comparison', veto: String(v.id) }));
    }
  });
  for (const { model, path } of ctx.items) {
    if (!model?.lever) continue;
    const f = scheme.fields.get(model.lever);
    if (!f) {
      rep.error([...path, 'lever'], message('scheme/unknown-field', { lever: model.lever }));
    } else if (!model.formula.refs.includes(f.id)) {
      rep.error([...path, 'lever'], message('scheme/lever-unused', { lever: f.id }));
    } else if (!SUMMABLE_TYPES.has(f.type) && f.type !== 'percent') {
      rep.error([...path, 'lever'], message('scheme/lever-type', { lever: f.id, type: f.type }));
    }
  }
}

function passLine({ input, scheme, rep }: Ctx): void {
  if (!isNum(input.total)) return; // reported by the schema
  if (scheme.pass.gt(scheme.total)) {
    rep.error(['pass'], message('scheme/pass', { pass: scheme.pass, total: scheme.total }));
  }
}

const RULES: ((ctx: Ctx) => void)[] = [
  duplicateIds,
  pointsAddUp,
  references,
  formulaKinds,
  kinds,
  scopes,
  rulesFitTargets,
  unreachableTargets,
  valueFitsTarget,
  proportionalThreshold,
  bandPoints,
  rollupTarget,
  rollupKind,
  roundDigits,
  vetoesAndLevers,
  passLine,
];
