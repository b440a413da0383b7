/**
 * Semantic rules run after the schema: each is a small named function that reports
 * every finding it sees, so a scheme author fixes them all in one pass.
 *
 * With `bestEffort` (the scheme failed the schema, and the rules run anyway so one
 * run shows every finding) values may have any type: rules skip what is not what the
 * schema wants, and a rule that throws all the same has its findings dropped.
 */
import { msg } from '../diagnostics';
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
      if (first) rep.error(path, 'scheme/duplicate-id', msg(`duplicate id "${id}" (first used on line ${rep.lineOf(first)})`, `id“${id}”重复（首次出现在第 ${rep.lineOf(first)} 行）`));
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
      rep.error(path, 'scheme/items-and-sections', msg(`section "${s.id}" has both items and sections; use one`, `分组“${s.id}”同时有 items 和 sections，只能用其一`));
    }
    if (!s.items && !s.sections) {
      rep.error(path, 'scheme/empty-section', msg(`section "${s.id}" has neither items nor sections`, `分组“${s.id}”既没有 items 也没有 sections`));
      continue;
    }
    // A child list that is not a list, or empty, has been reported by the schema: no sum to compare.
    if ([s.items, s.sections].some((k) => k !== undefined && (!Array.isArray(k) || !k.length))) continue;
    const got = sum([...list(s.items), ...list(s.sections)]);
    if (!got || !isNum(s.points)) continue;
    const want = Rational.fromNumber(s.points);
    if (!got.eq(want)) {
      rep.error([...path, 'points'], 'scheme/points-sum', msg(`section "${s.id}" is worth ${want.toDecimal()} points but its children add up to ${got.toDecimal()}`, `分组“${s.id}”分值 ${want.toDecimal()}，但下级合计 ${got.toDecimal()}`));
    }
  }
  if (!Array.isArray(input.sections) || !input.sections.length) return;
  const got = sum(input.sections);
  if (!got || !isNum(input.total)) return;
  const total = Rational.fromNumber(input.total);
  if (!got.eq(total)) {
    rep.error(['total'], 'scheme/points-sum', msg(`total is ${total.toDecimal()} but the sections add up to ${got.toDecimal()}`, `总分 ${total.toDecimal()}，但各分组合计 ${got.toDecimal()}`));
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
        rep.error(path, 'scheme/unknown-name', msg(`unknown field or param "${name}"`, `未知的字段或参数“${name}”`), at);
      } else if (field?.type === 'text') {
        rep.error(path, 'scheme/text-in-formula', msg(`field "${name}" is text and cannot be used in a formula`, `字段“${name}”是文本，不能用于公式`), at);
      }
    }
  }
}

/** Every operand and every branch of every formula has the kind its operator or function needs. */
function formulaKinds(ctx: Ctx): void {
  const refKind = refKindIn(ctx.scheme);
  for (const { f, path, offset } of formulas(ctx)) {
    for (const k of checkKinds(f.ast, refKind).findings) ctx.rep.error(path, 'scheme/formula-type', k.message, Math.max(0, offset) + k.index);
  }
}

function kinds(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  const kind = kindIn(scheme);
  const needBool = (f: Formula, path: Path, what: string, whatZh: string) => {
    if (kind(f) === 'number') {
      rep.error(path, 'scheme/not-boolean', msg(`${what} must be a yes/no condition (a comparison), not a number`, `${whatZh}必须是条件（比较式），不能是数值`));
    }
  };
  for (const c of scheme.checks) if (c.path) needBool(c.assert, [...c.path, 'assert'], 'a check', '数据检查');
  for (const v of scheme.vetoes) if (v.path && v.when.kind === 'formula') needBool(v.when.f, [...v.path, 'when'], 'a veto condition', '否决条件');
  for (const { model, path } of ctx.items) {
    if (model?.target?.kind === 'formula') needBool(model.target.f, [...path, 'target'], 'a target', '目标');
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
          rep.error(r.path, 'scheme/scope', msg(`item "${model.id}" is scored at level "${lid(model.level)}" but field "${id}" exists only from level "${lvl}"; set scope: ${lvl}`, `指标“${model.id}”在“${title(model.level)}”层级计分，但字段“${id}”只在“${title(field.level)}”层级有数据；请设置 scope: ${lvl}`), r.index);
        }
        continue;
      }
      if (SUMMABLE_TYPES.has(field.type) || field.level >= top) continue;
      const up = title(field.level + 1);
      const own = title(field.level);
      for (const r of reads) {
        if (r.by === 'target') {
          rep.error(r.path, 'scheme/target-not-summable', msg(
            `item "${model.id}": the target reads "${id}" (${field.type}), which each ${own} has but which cannot be added up to a ${up} value, so at ${up} level the target cannot be decided and the item scores 0 as missing data (a rollup does not change that: the target is read at every level); compare with a fixed number or a param (e.g. ">= 95%"), compute the threshold from count fields, which add up, or give "${id}" and the item scope: ${lid(field.level + 1)}`,
            `指标“${model.id}”：目标读取字段“${id}”（${field.type}），该字段只有各${own}的值，不能加总为${up}的值，因此在${up}层级无法判定目标，该指标按缺数据记 0 分（设置 rollup 也无济于事：各层级都要读取目标）；请与固定数值或参数比较（如“>= 95%”），或用可加总的计数字段算出目标值，或把“${id}”和该指标都设为 scope: ${lid(field.level + 1)}`,
          ), r.index);
          continue;
        }
        // The formula: evaluated above the item's own level unless the item rolls up.
        const rolls = model.rollup !== 'sum' && model.level === field.level;
        if (rolls) continue;
        const boolean = kind(model.formula) === 'boolean';
        const choices = boolean ? 'min (all yes) or max (any yes)' : 'mean, min or max';
        const choicesZh = boolean ? 'min（全部为是）或 max（任一为是）' : 'mean、min 或 max';
        const moveEn = model.level > field.level ? ` and scope: ${lid(field.level)}` : '';
        const moveZh = model.level > field.level ? ` 及 scope: ${lid(field.level)}` : '';
        rep.error(r.path, 'scheme/rollup-not-summable', msg(
          `item "${model.id}" would sum field "${id}" (${field.type}) to roll up; ${field.type} cannot be summed: declare rollup: ${choices}${moveEn}`,
          `指标“${model.id}”汇总时需要加总字段“${id}”（${field.type}），该类型不能加总：请声明 rollup: ${choicesZh}${moveZh}`,
        ), r.index);
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
      rep.error([...v.path, 'when'], 'scheme/veto-not-summable', msg(
        `veto "${v.id}" reads "${id}" (${field.type}), which each ${title(field.level)} has but which cannot be added up to a ${up} value, so no ${up} can be checked and none can pass; compute the condition from count fields, which add up, or give "${id}" scope: ${lid(field.level + 1)} (a ${up} row supplies it)`,
        `否决项“${v.id}”读取字段“${id}”（${field.type}），该字段只有各${title(field.level)}的值，不能加总为${up}的值，因此无法对${up}判定否决，任何${up}都不能通过；请用可加总的计数字段写条件，或把“${id}”设为 scope: ${lid(field.level + 1)}（由${up}的行提供）`,
      ), wordIndex(v.when.text, id));
    }
  }
}

/** rollup: mean of yes/no values gives no value (it is not a number): min or max do. */
function rollupKind(ctx: Ctx): void {
  const kind = kindIn(ctx.scheme);
  for (const { model, path, input } of ctx.items) {
    if (!model || model.rollup !== 'mean' || input.rollup === undefined || kind(model.formula) !== 'boolean') continue;
    ctx.rep.error([...path, 'rollup'], 'scheme/rollup-kind', msg(`item "${model.id}" gives yes/no, and the mean of yes/no values is no value: the item would be n/a above its level; use rollup: min (all yes) or max (any yes)`, `指标“${model.id}”的结果是“是/否”，“是/否”值求平均没有结果：该指标在上级将记为不适用；请用 rollup: min（全部为是）或 max（任一为是）`));
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
      rep.error(path, 'scheme/missing-target', msg(`item "${model.id}" needs a target`, `指标“${model.id}”缺少 target`));
      continue;
    }
    if (r.type === 'checklist') {
      const a = model.formula.ast;
      if (a.k !== 'call' || a.fn !== 'count' || a.args.some((x) => x.k !== 'ref')) {
        rep.error([...path, 'formula'], 'scheme/checklist-formula', msg('a checklist formula must be count(a, b, …) of yes/no fields', '清单类指标的公式必须是 count(a, b, …)，参数为是/否字段'));
      } else {
        for (const arg of a.args) {
          const f = arg.k === 'ref' ? ctx.scheme.fields.get(arg.name) : undefined;
          if (f && f.type !== 'boolean') {
            rep.error([...path, 'formula'], 'scheme/checklist-formula', msg(`checklist element "${f.id}" is a ${f.type} field; elements must be yes/no (boolean) fields`, `清单元素“${f.id}”是 ${f.type} 字段；元素必须是是/否（boolean）字段`));
          }
        }
      }
    }
    if (!t) continue; // absent (reported above) or did not parse (reported by compile)
    const distance = r.type === 'deduct' || r.type === 'per_case' || r.type === 'checklist';
    if (t && distance && !(t.kind === 'between' || (t.kind === 'cmp' && ['>=', '<=', '=='].includes(t.op)))) {
      rep.error(at, 'scheme/rule-target', msg(`rule ${r.type} measures a distance from the target: use >=, <=, == or between (not "${t.text}")`, `${r.type} 规则按与目标的差距计分：目标须为 >=、<=、== 或 between（而不是“${t.text}”）`));
    }
    if (t && (r.type === 'proportional' || r.type === 'add') && !(t.kind === 'cmp' && (t.op === '>=' || t.op === '<='))) {
      rep.error(at, 'scheme/rule-target', msg(`rule ${r.type} needs a target of the form ">= x" or "<= x" (not "${t.text}")`, `${r.type} 规则的目标须为“>= x”或“<= x”（而不是“${t.text}”）`));
    }
    if (r.type === 'add' && !model.bonus) {
      rep.error(at, 'scheme/add-outside-bonus', msg('rule add is only for bonus items', 'add 规则只用于加分项'));
    }
    if (model.bonus && (r.type === 'deduct' || r.type === 'per_case' || r.type === 'checklist')) {
      rep.error(at, 'scheme/bonus-rule', msg(`bonus items add points; rule ${r.type} deducts (use all, add, bands or proportional)`, `加分项只能加分；${r.type} 规则是扣分（请用 all、add、bands 或 proportional）`));
    }
    if ((r.type === 'deduct' || r.type === 'add') && isObj(input.rule) && (input.rule as Record<string, unknown>).per !== undefined) {
      if ((r as { per: Rational }).per.sign() <= 0) rep.error([...path, 'rule', 'per'], 'scheme/per', msg('per must be greater than 0', 'per 必须大于 0'));
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
      rep.error(path, 'scheme/target-kind', msg(`item "${model.id}": the formula gives yes/no but "${t.text}" compares it with a number; write the target as "== true", or make the formula a number`, `指标“${model.id}”：公式的结果是“是/否”，而“${t.text}”把它与数值比较；请把目标写成“== true”，或让公式得出数值`));
    } else if (value === 'number' && against === 'boolean') {
      rep.error(path, 'scheme/target-kind', msg(`item "${model.id}": the formula gives a number but "${t.text}" compares it with yes/no; compare it with a number, e.g. ">= 95%"`, `指标“${model.id}”：公式的结果是数值，而“${t.text}”把它与“是/否”比较；请与数值比较，如“>= 95%”`));
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
      rep.error([...path, 'target'], 'scheme/proportional-target', msg(`item "${model.id}": rule proportional divides by the target, so "${t.text}" must compare with a fixed number above 0 or a param`, `指标“${model.id}”：proportional 规则要除以目标值，因此“${t.text}”必须与大于 0 的固定数值或参数比较`));
    } else if (value.sign() <= 0) {
      rep.error([...path, 'target'], 'scheme/proportional-target', msg(`item "${model.id}": rule proportional divides by the target, so it must be above 0 (not "${t.text}")`, `指标“${model.id}”：proportional 规则要除以目标值，目标必须大于 0（而不是“${t.text}”）`));
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
      ctx.rep.error([...path, 'rule', 'bands', i, 'points'], 'scheme/band-points', msg(`item "${input.id}": this band gives ${b.points} points, more than the item's ${points}`, `指标“${input.id}”：此档得 ${b.points} 分，超过指标分值 ${points} 分`));
    });
  }
}

/** rollup mean/min/max combines the children's values: the target must compare that value. */
function rollupTarget(ctx: Ctx): void {
  for (const { model, path } of ctx.items) {
    if (!model || model.rollup === 'sum' || model.target?.kind !== 'formula') continue;
    ctx.rep.error([...path, 'target'], 'scheme/rollup-target', msg(`item "${model.id}" has rollup: ${model.rollup}, which combines the item's values, but its target is a yes/no formula that does not look at the value; compare the value instead, e.g. ">= 95%"`, `指标“${model.id}”设置了 rollup: ${model.rollup}（汇总下级的指标值），但目标是不看指标值的条件式；请改为对指标值的比较，如“>= 95%”`));
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
    c.rep.error(path, 'scheme/round-digits', msg(`round(x, d) keeps d decimal places: d must be a whole number from 0 to ${MAX_ROUND_DIGITS} (not ${v.toDecimal()})`, `round(x, d) 保留 d 位小数：d 必须是 0 到 ${MAX_ROUND_DIGITS} 的整数（而不是 ${v.toDecimal()}）`), index);
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
      rep.error([...path, 'target'], 'scheme/unreachable-target', msg(`target "${t.text}" cannot be reached: a share of a count is at most 100%`, `目标“${t.text}”无法达到：比率最高为 100%`));
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
      rep.error(['vetoes', i, 'item'], 'scheme/unknown-item', msg(`veto "${v.id}" names unknown item "${v.item}"`, `否决项“${v.id}”引用了未知指标“${v.item}”`));
    }
    if (model && !v.item && model.when.kind !== 'formula') {
      rep.error(['vetoes', i, 'when'], 'scheme/veto-when', msg(`veto "${v.id}": a comparison ("${v.when}") needs item: the item whose value it compares; or write a condition over fields`, `否决项“${v.id}”：比较式（“${v.when}”）需要指定 item；或写成字段条件`));
    }
    if (model && v.item && model.when.kind === 'formula') {
      rep.error(['vetoes', i, 'when'], 'scheme/veto-when', msg(`veto "${v.id}" with item: when must compare the item's value, e.g. "< 82%"`, `否决项“${v.id}”指定了 item：when 须为对指标值的比较，如“< 82%”`));
    }
  });
  for (const { model, path } of ctx.items) {
    if (!model?.lever) continue;
    const f = scheme.fields.get(model.lever);
    if (!f) {
      rep.error([...path, 'lever'], 'scheme/unknown-field', msg(`lever "${model.lever}" is not a field`, `lever“${model.lever}”不是已定义的字段`));
    } else if (!model.formula.refs.includes(f.id)) {
      rep.error([...path, 'lever'], 'scheme/lever-unused', msg(`lever "${f.id}" does not appear in the formula`, `lever“${f.id}”没有出现在公式中`));
    } else if (!SUMMABLE_TYPES.has(f.type) && f.type !== 'percent') {
      rep.error([...path, 'lever'], 'scheme/lever-type', msg(`lever "${f.id}" must be a number field, not ${f.type}`, `lever“${f.id}”必须是数值字段，而不是 ${f.type}`));
    }
  }
}

function passLine({ input, scheme, rep }: Ctx): void {
  if (!isNum(input.total)) return; // reported by the schema
  if (scheme.pass.gt(scheme.total)) {
    rep.error(['pass'], 'scheme/pass', msg(`pass line ${scheme.pass.toDecimal()} is above the total ${scheme.total.toDecimal()}`, `及格线 ${scheme.pass.toDecimal()} 高于总分 ${scheme.total.toDecimal()}`));
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
