/**
 * Messages of compiling a scheme and of its semantic rules (src/scheme/compile.ts,
 * lint.ts). Where one printed code has several wordings, the variant is the argument
 * `kind` (a sub-code, never words).
 */
import type { Rational } from '../rational';
import { type Renderers, en, zh } from './render';
import { type FormulaReason, reasonText } from './scheme-formula';

export interface LintArgs {
  'scheme/unknown-level': { level: string; levels: string[] };
  'scheme/bad-formula': { reason: FormulaReason };
  'scheme/bad-target': { reason: FormulaReason };
  'scheme/duplicate-id': { id: string; line: number };
  'scheme/items-and-sections': { section: string };
  'scheme/empty-section': { section: string };
  'scheme/points-sum':
    | { kind: 'section'; section: string; points: Rational; sum: Rational }
    | { kind: 'total'; points: Rational; sum: Rational };
  'scheme/unknown-name': { name: string };
  'scheme/text-in-formula': { name: string };
  /** What must be a condition: a check's assert, a veto's when, an item's target. */
  'scheme/not-boolean': { kind: 'check' | 'veto' | 'target' };
  /** Levels by id (`level`, `fieldLevel`) and by title (said in Chinese). */
  'scheme/scope': {
    item: string;
    field: string;
    level: string;
    levelTitle: string;
    fieldLevel: string;
    fieldLevelTitle: string;
  };
  /** `own`, `up`: the titles of the field's level and the one above; `upLevel` the id of that one. */
  'scheme/target-not-summable': { item: string; field: string; type: string; own: string; up: string; upLevel: string };
  /** `kind`: the formula's kind (the rollups that fit it); `scope` the level to move the item to, if any. */
  'scheme/rollup-not-summable': {
    item: string;
    field: string;
    type: string;
    kind: 'number' | 'boolean';
    scope?: string;
  };
  'scheme/veto-not-summable': { veto: string; field: string; type: string; own: string; up: string; upLevel: string };
  'scheme/rollup-kind': { item: string };
  'scheme/missing-target': { item: string };
  'scheme/checklist-formula': { kind: 'form' } | { kind: 'element'; field: string; type: string };
  'scheme/rule-target': { kind: 'distance' | 'one-sided'; rule: string; target: string };
  'scheme/add-outside-bonus': Record<string, never>;
  'scheme/bonus-rule': { rule: string };
  'scheme/per': Record<string, never>;
  'scheme/target-kind': { kind: 'yes-no-vs-number' | 'number-vs-yes-no'; item: string; target: string };
  'scheme/proportional-target': { kind: 'not-fixed' | 'not-positive'; item: string; target: string };
  'scheme/band-points': { item: string; points: number; max: number };
  'scheme/rollup-target': { item: string; rollup: string };
  'scheme/round-digits': { max: number; digits: Rational };
  'scheme/unreachable-target': { target: string };
  /** A share (a percent field, or a count over a count) against a number written without %: never met (`>=`) or always met (`<=`). */
  'scheme/percent-target': { kind: 'never' | 'always'; target: string; number: string; fix: string };
  /** A per-case bonus (`add` on a count) with `>= 1`: add counts what is beyond the threshold, so the first case earns nothing. */
  'scheme/add-first-case': { target: string };
  /** `between 107 and 103`; a band after one that already takes every value it would. */
  'scheme/inverted-target':
    { kind: 'between'; target: string; fix: string } | { kind: 'band'; when: string; earlier: string; line: number };
  'scheme/unknown-item': { veto: string; item: string };
  'scheme/veto-when': { kind: 'needs-item'; veto: string; when: string } | { kind: 'needs-comparison'; veto: string };
  'scheme/unknown-field': { lever: string };
  'scheme/lever-unused': { lever: string };
  'scheme/lever-type': { lever: string; type: string };
  'scheme/pass': { pass: Rational; total: Rational };
}

const NOT_BOOLEAN = {
  check: { en: 'a check', zh: '数据检查' },
  veto: { en: 'a veto condition', zh: '否决条件' },
  target: { en: 'a target', zh: '目标' },
};

export const LINT: Renderers<LintArgs> = {
  'scheme/unknown-level': {
    en: (a) => `unknown unit level "${a.level}"; levels are ${en(a.levels)}`,
    zh: (a) => `未知的单位层级“${a.level}”；已定义：${zh(a.levels)}`,
  },
  'scheme/bad-formula': {
    en: (a) => `formula does not parse: ${reasonText(a.reason, 'en')}`,
    zh: (a) => `公式无法解析：${reasonText(a.reason, 'zh')}`,
  },
  'scheme/bad-target': {
    en: (a) => `target does not parse: ${reasonText(a.reason, 'en')}`,
    zh: (a) => `目标无法解析：${reasonText(a.reason, 'zh')}`,
  },
  'scheme/duplicate-id': {
    en: (a) => `duplicate id "${a.id}" (first used on line ${a.line})`,
    zh: (a) => `id“${a.id}”重复（首次出现在第 ${a.line} 行）`,
  },
  'scheme/items-and-sections': {
    en: (a) => `section "${a.section}" has both items and sections; use one`,
    zh: (a) => `分组“${a.section}”同时有 items 和 sections，只能用其一`,
  },
  'scheme/empty-section': {
    en: (a) => `section "${a.section}" has neither items nor sections`,
    zh: (a) => `分组“${a.section}”既没有 items 也没有 sections`,
  },
  'scheme/points-sum': {
    en: (a) =>
      a.kind === 'section'
        ? `section "${a.section}" is worth ${a.points.toDecimal()} points but its children add up to ${a.sum.toDecimal()}`
        : `total is ${a.points.toDecimal()} but the sections add up to ${a.sum.toDecimal()}`,
    zh: (a) =>
      a.kind === 'section'
        ? `分组“${a.section}”分值 ${a.points.toDecimal()}，但下级合计 ${a.sum.toDecimal()}`
        : `总分 ${a.points.toDecimal()}，但各分组合计 ${a.sum.toDecimal()}`,
  },
  'scheme/unknown-name': {
    en: (a) => `unknown field or param "${a.name}"`,
    zh: (a) => `未知的字段或参数“${a.name}”`,
  },
  'scheme/text-in-formula': {
    en: (a) => `field "${a.name}" is text and cannot be used in a formula`,
    zh: (a) => `字段“${a.name}”是文本，不能用于公式`,
  },
  'scheme/not-boolean': {
    en: (a) => `${NOT_BOOLEAN[a.kind].en} must be a yes/no condition (a comparison), not a number`,
    zh: (a) => `${NOT_BOOLEAN[a.kind].zh}必须是条件（比较式），不能是数值`,
  },
  'scheme/scope': {
    en: (a) =>
      `item "${a.item}" is scored at level "${a.level}" but field "${a.field}" exists only from level "${a.fieldLevel}"; set scope: ${a.fieldLevel}`,
    zh: (a) =>
      `指标“${a.item}”在“${a.levelTitle}”层级计分，但字段“${a.field}”只在“${a.fieldLevelTitle}”层级有数据；请设置 scope: ${a.fieldLevel}`,
  },
  'scheme/target-not-summable': {
    en: (a) =>
      `item "${a.item}": the target reads "${a.field}" (${a.type}), which each ${a.own} has but which cannot be added up to a ${a.up} value, so at ${a.up} level the target cannot be decided and the item scores 0 as missing data (a rollup does not change that: the target is read at every level); compare with a fixed number or a param (e.g. ">= 95%"), compute the threshold from count fields, which add up, or give "${a.field}" and the item scope: ${a.upLevel}`,
    zh: (a) =>
      `指标“${a.item}”：目标读取字段“${a.field}”（${a.type}），该字段只有各${a.own}的值，不能加总为${a.up}的值，因此在${a.up}层级无法判定目标，该指标按缺数据记 0 分（设置 rollup 也无济于事：各层级都要读取目标）；请与固定数值或参数比较（如“>= 95%”），或用可加总的计数字段算出目标值，或把“${a.field}”和该指标都设为 scope: ${a.upLevel}`,
  },
  'scheme/rollup-not-summable': {
    en: (a) =>
      `item "${a.item}" would sum field "${a.field}" (${a.type}) to roll up; ${a.type} cannot be summed: declare rollup: ${a.kind === 'boolean' ? 'min (all yes) or max (any yes)' : 'mean, min or max'}${a.scope === undefined ? '' : ` and scope: ${a.scope}`}`,
    zh: (a) =>
      `指标“${a.item}”汇总时需要加总字段“${a.field}”（${a.type}），该类型不能加总：请声明 rollup: ${a.kind === 'boolean' ? 'min（全部为是）或 max（任一为是）' : 'mean、min 或 max'}${a.scope === undefined ? '' : ` 及 scope: ${a.scope}`}`,
  },
  'scheme/veto-not-summable': {
    en: (a) =>
      `veto "${a.veto}" reads "${a.field}" (${a.type}), which each ${a.own} has but which cannot be added up to a ${a.up} value, so no ${a.up} can be checked and none can pass; compute the condition from count fields, which add up, or give "${a.field}" scope: ${a.upLevel} (a ${a.up} row supplies it)`,
    zh: (a) =>
      `否决项“${a.veto}”读取字段“${a.field}”（${a.type}），该字段只有各${a.own}的值，不能加总为${a.up}的值，因此无法对${a.up}判定否决，任何${a.up}都不能通过；请用可加总的计数字段写条件，或把“${a.field}”设为 scope: ${a.upLevel}（由${a.up}的行提供）`,
  },
  'scheme/rollup-kind': {
    en: (a) =>
      `item "${a.item}" gives yes/no, and the mean of yes/no values is no value: the item would be n/a above its level; use rollup: min (all yes) or max (any yes)`,
    zh: (a) =>
      `指标“${a.item}”的结果是“是/否”，“是/否”值求平均没有结果：该指标在上级将记为不适用；请用 rollup: min（全部为是）或 max（任一为是）`,
  },
  'scheme/missing-target': {
    en: (a) => `item "${a.item}" needs a target`,
    zh: (a) => `指标“${a.item}”缺少 target`,
  },
  'scheme/checklist-formula': {
    en: (a) =>
      a.kind === 'form'
        ? 'a checklist formula must be count(a, b, …) of yes/no fields'
        : `checklist element "${a.field}" is a ${a.type} field; elements must be yes/no (boolean) fields`,
    zh: (a) =>
      a.kind === 'form'
        ? '清单类指标的公式必须是 count(a, b, …)，参数为是/否字段'
        : `清单元素“${a.field}”是 ${a.type} 字段；元素必须是是/否（boolean）字段`,
  },
  'scheme/rule-target': {
    en: (a) =>
      a.kind === 'distance'
        ? `rule ${a.rule} measures a distance from the target: use >=, <=, == or between (not "${a.target}")`
        : `rule ${a.rule} needs a target of the form ">= x" or "<= x" (not "${a.target}")`,
    zh: (a) =>
      a.kind === 'distance'
        ? `${a.rule} 规则按与目标的差距计分：目标须为 >=、<=、== 或 between（而不是“${a.target}”）`
        : `${a.rule} 规则的目标须为“>= x”或“<= x”（而不是“${a.target}”）`,
  },
  'scheme/add-outside-bonus': { en: () => 'rule add is only for bonus items', zh: () => 'add 规则只用于加分项' },
  'scheme/bonus-rule': {
    en: (a) => `bonus items add points; rule ${a.rule} deducts (use all, add, bands or proportional)`,
    zh: (a) => `加分项只能加分；${a.rule} 规则是扣分（请用 all、add、bands 或 proportional）`,
  },
  'scheme/per': { en: () => 'per must be greater than 0', zh: () => 'per 必须大于 0' },
  'scheme/target-kind': {
    en: (a) =>
      a.kind === 'yes-no-vs-number'
        ? `item "${a.item}": the formula gives yes/no but "${a.target}" compares it with a number; write the target as "== true", or make the formula a number`
        : `item "${a.item}": the formula gives a number but "${a.target}" compares it with yes/no; compare it with a number, e.g. ">= 95%"`,
    zh: (a) =>
      a.kind === 'yes-no-vs-number'
        ? `指标“${a.item}”：公式的结果是“是/否”，而“${a.target}”把它与数值比较；请把目标写成“== true”，或让公式得出数值`
        : `指标“${a.item}”：公式的结果是数值，而“${a.target}”把它与“是/否”比较；请与数值比较，如“>= 95%”`,
  },
  'scheme/proportional-target': {
    en: (a) =>
      a.kind === 'not-fixed'
        ? `item "${a.item}": rule proportional divides by the target, so "${a.target}" must compare with a fixed number above 0 or a param`
        : `item "${a.item}": rule proportional divides by the target, so it must be above 0 (not "${a.target}")`,
    zh: (a) =>
      a.kind === 'not-fixed'
        ? `指标“${a.item}”：proportional 规则要除以目标值，因此“${a.target}”必须与大于 0 的固定数值或参数比较`
        : `指标“${a.item}”：proportional 规则要除以目标值，目标必须大于 0（而不是“${a.target}”）`,
  },
  'scheme/band-points': {
    en: (a) => `item "${a.item}": this band gives ${a.points} points, more than the item's ${a.max}`,
    zh: (a) => `指标“${a.item}”：此档得 ${a.points} 分，超过指标分值 ${a.max} 分`,
  },
  'scheme/rollup-target': {
    en: (a) =>
      `item "${a.item}" has rollup: ${a.rollup}, which combines the item's values, but its target is a yes/no formula that does not look at the value; compare the value instead, e.g. ">= 95%"`,
    zh: (a) =>
      `指标“${a.item}”设置了 rollup: ${a.rollup}（汇总下级的指标值），但目标是不看指标值的条件式；请改为对指标值的比较，如“>= 95%”`,
  },
  'scheme/round-digits': {
    en: (a) =>
      `round(x, d) keeps d decimal places: d must be a whole number from 0 to ${a.max} (not ${a.digits.toDecimal()})`,
    zh: (a) => `round(x, d) 保留 d 位小数：d 必须是 0 到 ${a.max} 的整数（而不是 ${a.digits.toDecimal()}）`,
  },
  'scheme/percent-target': {
    en: (a) =>
      `target "${a.target}": the value is a share (92% is 0.92), so comparing it with ${a.number} is ${a.kind === 'never' ? 'never met' : 'always met'}; write "${a.fix}"`,
    zh: (a) =>
      `目标“${a.target}”：该值是比率（92% 即 0.92），与 ${a.number} 比较${a.kind === 'never' ? '永远不能达标' : '永远达标'}；请写作“${a.fix}”`,
  },
  'scheme/add-first-case': {
    en: (a) =>
      `target "${a.target}" of a per-case bonus: add counts the cases beyond the threshold, so the first case earns nothing (3 cases earn 2 × add); to add for every case write ">= 0"`,
    zh: (a) =>
      `按例加分的目标“${a.target}”：add 只计超出目标的部分，第一例不得分（3 例只加 2 次）；如每例都加分，请写作“>= 0”`,
  },
  'scheme/inverted-target': {
    en: (a) =>
      a.kind === 'between'
        ? `target "${a.target}" is never met: its lower end is above its upper end; write "${a.fix}"`
        : `band "${a.when}" is never reached: the band "${a.earlier}" at line ${a.line} comes first and takes every value it would; put the stricter band first`,
    zh: (a) =>
      a.kind === 'between'
        ? `目标“${a.target}”永远不能达标：下限大于上限；请写作“${a.fix}”`
        : `分档“${a.when}”永远用不到：第 ${a.line} 行的分档“${a.earlier}”在前，已包含它的所有取值；请把要求更高的分档放在前面`,
  },
  'scheme/unreachable-target': {
    en: (a) => `target "${a.target}" cannot be reached: a share of a count is at most 100%`,
    zh: (a) => `目标“${a.target}”无法达到：比率最高为 100%`,
  },
  'scheme/unknown-item': {
    en: (a) => `veto "${a.veto}" names unknown item "${a.item}"`,
    zh: (a) => `否决项“${a.veto}”引用了未知指标“${a.item}”`,
  },
  'scheme/veto-when': {
    en: (a) =>
      a.kind === 'needs-item'
        ? `veto "${a.veto}": a comparison ("${a.when}") needs item: the item whose value it compares; or write a condition over fields`
        : `veto "${a.veto}" with item: when must compare the item's value, e.g. "< 82%"`,
    zh: (a) =>
      a.kind === 'needs-item'
        ? `否决项“${a.veto}”：比较式（“${a.when}”）需要指定 item；或写成字段条件`
        : `否决项“${a.veto}”指定了 item：when 须为对指标值的比较，如“< 82%”`,
  },
  'scheme/unknown-field': {
    en: (a) => `lever "${a.lever}" is not a field`,
    zh: (a) => `lever“${a.lever}”不是已定义的字段`,
  },
  'scheme/lever-unused': {
    en: (a) => `lever "${a.lever}" does not appear in the formula`,
    zh: (a) => `lever“${a.lever}”没有出现在公式中`,
  },
  'scheme/lever-type': {
    en: (a) => `lever "${a.lever}" must be a number field, not ${a.type}`,
    zh: (a) => `lever“${a.lever}”必须是数值字段，而不是 ${a.type}`,
  },
  'scheme/pass': {
    en: (a) => `pass line ${a.pass.toDecimal()} is above the total ${a.total.toDecimal()}`,
    zh: (a) => `及格线 ${a.pass.toDecimal()} 高于总分 ${a.total.toDecimal()}`,
  },
};
