/**
 * Messages of weighted lines, unit types and rollup all/share (issue #14): the
 * scheme's lint findings (src/scheme/lint-lines.ts) and the report's words for the
 * steps (explain, tables). Arguments are names as written and numbers.
 */
import { Rational } from '../rational';
import { type Renderers, en, zh } from './render';

const pct = (x: Rational) => `${x.mul(Rational.HUNDRED).toDecimal(2)}%`;

export interface LinesArgs {
  /** `sum`: the weights add up to `sum`, not 1 (`fix`: what the last weight must be); `some`: this line has none while others do; `nested`: a weight below the top level. */
  'scheme/line-weights':
    | { kind: 'sum'; sum: Rational; fix: Rational; line: string }
    | { kind: 'some'; line: string; others: string[] }
    | { kind: 'nested'; section: string };
  /** `field`: the type field is unknown or not text; `unknown`: a type not in unit_types.values; `missing`: a map without a declared type; `undeclared`: by type without unit_types. */
  'scheme/unit-type':
    | { kind: 'field'; field: string; type?: string }
    | { kind: 'unknown'; type: string; types: string[] }
    | { kind: 'missing'; missing: string[] }
    | { kind: 'undeclared' };
  /** For the unit type `type`, a section's children (or the top-level sections) do not add up. */
  'scheme/type-points-sum': { type: string; section?: string; points: Rational; sum: Rational };
  /** `needs-share`: rollup share without `share`; `share-without`: `share` without rollup share; `range`: share not above 0 and at most 100%; `top`: all/share on an item scored only at the top level. */
  'scheme/rollup-share': { kind: 'needs-share' | 'share-without' | 'range' | 'top'; item: string };
  /** explain: the unit type whose points and target scored the item; `main`: the main type, for a unit above. */
  'lines/unit-type': { kind: 'own' | 'main'; type: string };
  /** explain: not assessed for this type. */
  'lines/not-assessed': { type: string };
  /** explain: rollup all/share. */
  'lines/share': { kind: 'all' | 'share'; met: number; of: number; need: Rational; share: Rational; points: Rational };
  /** explain, reports: how many more units below must meet the target, and those closest to it. */
  'lines/fix': { count: number; level: string; units: string[] };
  /** explain, reports: a weighted line's own score and what it adds. */
  'lines/line': { title: string; weight: Rational; score: Rational; full: Rational; weighted: Rational };
}

const show = (x: Rational) => x.toDecimal(2);

export const LINES: Renderers<LinesArgs> = {
  'scheme/line-weights': {
    en: (a) =>
      a.kind === 'sum'
        ? `the line weights add up to ${show(a.sum)}, not 1; make the weight of "${a.line}" ${show(a.fix)}`
        : a.kind === 'some'
          ? `line "${a.line}" has no weight while ${en(a.others)} have one; give every top-level section a weight, or none`
          : `section "${a.section}" is not a top-level section: only lines (top-level sections) have a weight; remove it`,
    zh: (a) =>
      a.kind === 'sum'
        ? `各考核线权重合计 ${show(a.sum)}，不等于 1；请把“${a.line}”的权重改为 ${show(a.fix)}`
        : a.kind === 'some'
          ? `考核线“${a.line}”没有权重，而 ${zh(a.others)} 有；请给每个一级分组都设权重，或都不设`
          : `分组“${a.section}”不是一级分组，只有考核线（一级分组）可设权重；请删除`,
  },
  'scheme/unit-type': {
    en: (a) =>
      a.kind === 'field'
        ? a.type === undefined
          ? `unit type field "${a.field}" is not a field; declare it under fields with type: text`
          : `unit type field "${a.field}" is of type ${a.type}; it must be type: text`
        : a.kind === 'unknown'
          ? `"${a.type}" is not a unit type; unit_types.values are ${en(a.types)}`
          : a.kind === 'missing'
            ? `no value for unit type ${en(a.missing)}; list every type (or put it under not_assessed)`
            : `points or targets by unit type need unit_types (field and values) at the top of the scheme`,
    zh: (a) =>
      a.kind === 'field'
        ? a.type === undefined
          ? `单位类型字段“${a.field}”不存在；请在 fields 中定义，type: text`
          : `单位类型字段“${a.field}”的类型是 ${a.type}，应为 type: text`
        : a.kind === 'unknown'
          ? `“${a.type}”不是单位类型；unit_types.values 为 ${zh(a.types)}`
          : a.kind === 'missing'
            ? `缺少单位类型 ${zh(a.missing)} 的值；请列出每种类型（不考核的写入 not_assessed）`
            : `按单位类型给分值或目标，需要在方案顶层声明 unit_types（field 和 values）`,
  },
  'scheme/type-points-sum': {
    en: (a) =>
      a.section === undefined
        ? `for unit type ${a.type}, the total is ${show(a.points)} but the sections add up to ${show(a.sum)}`
        : `for unit type ${a.type}, section "${a.section}" is worth ${show(a.points)} but its children add up to ${show(a.sum)}`,
    zh: (a) =>
      a.section === undefined
        ? `单位类型“${a.type}”：总分 ${show(a.points)}，但各分组合计 ${show(a.sum)}`
        : `单位类型“${a.type}”：分组“${a.section}”分值 ${show(a.points)}，但下级合计 ${show(a.sum)}`,
  },
  'scheme/rollup-share': {
    en: (a) =>
      ({
        'needs-share': `item "${a.item}" has rollup: share but no share; add e.g. share: 80% (at least 80% of the units below)`,
        'share-without': `item "${a.item}" has a share but not rollup: share; add rollup: share or remove share`,
        range: `item "${a.item}": share must be above 0 and at most 100%, e.g. 80%`,
        top: `item "${a.item}" is scored only at the top level, so rollup: all/share has no units below to count; remove it or lower its scope`,
      })[a.kind],
    zh: (a) =>
      ({
        'needs-share': `指标“${a.item}”设置了 rollup: share 但没有 share；请添加，如 share: 80%（80% 以上乡镇达标）`,
        'share-without': `指标“${a.item}”有 share 但没有 rollup: share；请添加 rollup: share 或删除 share`,
        range: `指标“${a.item}”：share 应大于 0 且不超过 100%，如 80%`,
        top: `指标“${a.item}”只在最高层级计分，rollup: all/share 没有下级单位可数；请删除或降低 scope`,
      })[a.kind],
  },
  'lines/unit-type': {
    en: (a) =>
      a.kind === 'own'
        ? `unit type ${a.type}: points and target of ${a.type}`
        : `scored as the main unit type ${a.type}`,
    zh: (a) =>
      a.kind === 'own' ? `单位类型：${a.type}，按${a.type}的分值和目标计分` : `按主要单位类型“${a.type}”计分`,
  },
  'lines/not-assessed': {
    en: (a) => `not assessed for ${a.type}: out of the maximum, the score is scaled back to the total`,
    zh: (a) => `${a.type}不考核该项：不计入满分，得分按比例折回总分`,
  },
  'lines/share': {
    en: (a) =>
      `${a.met} of ${a.of} meet the target (${pct(a.share)}); ${a.kind === 'all' ? 'every one must' : `at least ${pct(a.need)} must`}: ${a.share.ge(a.need) ? `met, ${show(a.points)} points` : 'not met, 0 points'}`,
    zh: (a) =>
      `${a.of} 个中 ${a.met} 个达标（${pct(a.share)}）；${a.kind === 'all' ? '须全部达标' : `须 ${pct(a.need)} 以上达标`}：${a.share.ge(a.need) ? `达标，得 ${show(a.points)} 分` : '未达标，不得分'}`,
  },
  'lines/fix': {
    en: (a) => `${a.count} more ${a.level} must meet the target; closest: ${en(a.units)}`,
    zh: (a) => `还须 ${a.count} 个${a.level}达标；最接近的：${zh(a.units)}`,
  },
  'lines/line': {
    en: (a) =>
      `line ${a.title}, weight ${pct(a.weight)}: ${show(a.score)} / ${show(a.full)}, adds ${show(a.weighted)} to the score`,
    zh: (a) =>
      `考核线“${a.title}”，权重 ${pct(a.weight)}：得分 ${show(a.score)} / ${show(a.full)}，折合 ${show(a.weighted)} 分`,
  },
};
