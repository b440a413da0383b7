/**
 * Messages of sub-rules, deduction limits and case rows (docs/scheme.md, "Sub-rules
 * and deduction limits"; docs/adjustments.md, "Case rows"): the scheme's lint
 * (src/scheme/lint-parts.ts), reading case rows (src/data/adjustment-cases.ts) and
 * resolving them (src/engine/cases.ts). Each says what to write instead.
 */
import type { Rational } from '../rational';
import { type Renderers, en, zh } from './render';

export interface PartsArgs {
  /** A rule a part cannot use (`where: part`), or `cases` on an item (`where: item`). */
  'scheme/part-rule': { rule: string; kind: 'part' | 'item' };
  /** An item with parts that also has a formula, target or rule of its own. */
  'scheme/parts-own': { key: string };
  /** The parts' largest losses add up to less than the item's points. */
  'scheme/parts-reach': { points: Rational; reach: Rational };
  /** `lowest` where nothing can go below 0: a rule that does not deduct, or a bonus item. */
  'scheme/lowest-rule': { rule: string } | { bonus: true };
  /** A factor (or a case row's level) naming no declared inspection level. */
  'scheme/unknown-inspection-level': { level: string; levels: string[] };
  /** `factors` on an item with no `cases` part (nothing to multiply). */
  'scheme/factors-without-cases': { item: string };
  /** A case row's part that is no `cases` part of the item. */
  'adjust/case-part': { part: string; item: string; parts: string[] };
  /** A case row's inspection level that the scheme does not declare. */
  'adjust/case-level': { level: string; levels: string[] };
  /** A case row's count that is not a number ≥ 0. */
  'adjust/case-count': { value: string };
  /** `count` or `level` on a line without `part`; or deduct/override on a case row. */
  'adjust/case-only': { kind: 'case-key'; key: string } | { kind: 'amount'; key: string };
}

const orNone = (xs: string[], f: (x: string[]) => string, none: string) => (xs.length ? f(xs) : none);

export const PARTS: Renderers<PartsArgs> = {
  'scheme/part-rule': {
    en: (a) =>
      a.kind === 'part'
        ? `a part cannot use rule "${a.rule}" (it gives points, it does not deduct); use all, deduct, per_case, checklist or cases`
        : 'rule "cases" belongs to a part: write the item with parts: [{ id, title, rule: { type: cases, … } }]',
    zh: (a) =>
      a.kind === 'part'
        ? `子项不能使用规则“${a.rule}”（它给分而不扣分）；请用 all、deduct、per_case、checklist 或 cases`
        : '规则“cases”只用于子项：请把指标写成 parts: [{ id, title, rule: { type: cases, … } }]',
  },
  'scheme/parts-own': {
    en: (a) => `an item with parts has no ${a.key} of its own: move it into a part, or remove it`,
    zh: (a) => `有子项（parts）的指标本身不应有 ${a.key}：请移入某个子项，或删除`,
  },
  'scheme/parts-reach': {
    en: (a) =>
      `the parts can take at most ${a.reach.toDecimal(4)} of the item's ${a.points.toDecimal(4)} points: raise a part's points or max, or lower the item's points`,
    zh: (a) =>
      `各子项最多共扣 ${a.reach.toDecimal(4)} 分，达不到本项的 ${a.points.toDecimal(4)} 分：请提高某个子项的 points 或 max，或降低本项分值`,
  },
  'scheme/lowest-rule': {
    en: (a) =>
      'bonus' in a
        ? 'a bonus item never loses points: remove lowest'
        : `rule "${a.rule}" never takes an item below 0: lowest needs deduct, per_case, checklist or parts; remove lowest`,
    zh: (a) =>
      'bonus' in a
        ? '加分项不扣分：请删除 lowest'
        : `规则“${a.rule}”不会使得分低于 0：lowest 只用于 deduct、per_case、checklist 或有子项的指标；请删除 lowest`,
  },
  'scheme/unknown-inspection-level': {
    en: (a) =>
      `unknown inspection level "${a.level}" (declared: ${orNone(a.levels, en, 'none')}): declare it under inspection_levels, or use a declared one`,
    zh: (a) =>
      `未知的检查级别“${a.level}”（已声明：${orNone(a.levels, zh, '无')}）：请在 inspection_levels 中声明，或改用已声明的级别`,
  },
  'scheme/factors-without-cases': {
    en: (a) =>
      `factors multiply case rows, and item "${a.item}" has no part with rule cases: add one, or remove factors`,
    zh: (a) => `factors 用于案例行扣分，而指标“${a.item}”没有规则为 cases 的子项：请添加，或删除 factors`,
  },
  'adjust/case-part': {
    en: (a) =>
      `item "${a.item}" has no part "${a.part}" with rule cases (its cases parts: ${orNone(a.parts, en, 'none')})`,
    zh: (a) => `指标“${a.item}”没有规则为 cases 的子项“${a.part}”（其案例子项：${orNone(a.parts, zh, '无')}）`,
  },
  'adjust/case-level': {
    en: (a) =>
      `unknown inspection level "${a.level}" (the scheme declares: ${orNone(a.levels, en, 'none')}); write one of them, by id or title`,
    zh: (a) => `未知的检查级别“${a.level}”（方案声明的：${orNone(a.levels, zh, '无')}）；请填写其中之一（id 或名称）`,
  },
  'adjust/case-count': {
    en: (a) =>
      `count: "${a.value}" is not a number of 0 or more; write the case's months or count, or leave it blank for 1`,
    zh: (a) => `数量：“${a.value}”不是不小于 0 的数；请填写该例的月数或个数，留空即为 1`,
  },
  'adjust/case-only': {
    en: (a) =>
      a.kind === 'case-key'
        ? `${a.key} belongs to a case row: add the part it is a case of, or leave ${a.key} blank`
        : `a case row (with part) takes no ${a.key}: its points come from the part's rule; leave ${a.key} blank`,
    zh: (a) =>
      a.kind === 'case-key'
        ? `${a.key} 只用于案例行：请填写所属子项（part），或将 ${a.key} 留空`
        : `案例行（填了子项）不填 ${a.key}：扣分由子项的规则计算；请将 ${a.key} 留空`,
  },
};
