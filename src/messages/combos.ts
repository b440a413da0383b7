/**
 * Messages of constructs that cannot go together (docs/scheme.md, "Sub-rules and
 * deduction limits"): an item with parts and unit types or a roll-up other than sum,
 * and a peer function in a part (src/scheme/lint-combos.ts). Each says what to write instead.
 */
import type { Renderers } from './render';

export interface CombosArgs {
  /** An item with parts and another key it cannot have: by type, a roll-up, or a part's peer function. */
  'scheme/parts-combine':
    | { kind: 'types'; key: 'not_assessed' | 'points' | 'target' }
    | { kind: 'rollup'; rollup: string }
    | { kind: 'peer'; fn: string };
}

export const COMBOS: Renderers<CombosArgs> = {
  'scheme/parts-combine': {
    en: (a) =>
      a.kind === 'types'
        ? `parts and ${a.key === 'not_assessed' ? 'not_assessed' : `${a.key} by unit type`} cannot go together (the parts are not scored by type): give the item one number of points and no not_assessed, or write the parts as items of their own`
        : a.kind === 'rollup'
          ? `parts and rollup: ${a.rollup} cannot go together (the parts' values are not rolled up): remove rollup (the parts are scored at each level), or write the parts as items of their own`
          : `a part cannot use ${a.fn} (parts and peer functions cannot go together): give the part a fixed target, or write it as an item of its own`,
    zh: (a) =>
      a.kind === 'types'
        ? `parts 与${a.key === 'not_assessed' ? ' not_assessed' : `按单位类型的 ${a.key}`} 不能同时使用（子项不按类型评分）：请给本项一个分值、不写 not_assessed，或把各子项写成单独的指标`
        : a.kind === 'rollup'
          ? `parts 与 rollup: ${a.rollup} 不能同时使用（子项的数值不汇总）：请删除 rollup（子项在各级分别评分），或把各子项写成单独的指标`
          : `子项不能使用 ${a.fn}（parts 与相对评分函数不能同时使用）：请给子项一个固定目标，或把它写成单独的指标`,
  },
};
