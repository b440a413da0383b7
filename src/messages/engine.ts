/**
 * The engine's messages (data warnings, inspector adjustments, reasons): their
 * arguments and their words in English and Chinese.
 */
import type { Msg } from '../diagnostics';
import type { Rational } from '../rational';
import { type Renderers, en, scores, zh } from './render';

/** How an item left without a value by a zero divisor is scored. */
export type NaPolicyCode = 'bonus' | 'exclude' | 'full' | 'zero';

export interface EngineArgs {
  /** An optional field (required: false) whose column is in no file, and the items reading it. */
  'data/optional-column-absent': { label: string; field: string; items: string[]; level: string };
  /** A blank cell in an optional column, and the items it costs. */
  'data/blank-optional': { unit: string; label: string; items: string[] };
  /** A field whose column the unit's own file does not have (another file has). */
  'data/field-absent': { unit: string; label: string; files: string[]; items: string[] };
  /** An item not applicable because a divisor in the data is 0. */
  'data/zero-divisor': { unit: string; item: string; divisor: string; policy: NaPolicyCode };
  'adjust/unknown-unit': { unit: string };
  'adjust/ambiguous-unit': { unit: string; codes: string[] };
  'adjust/unknown-item': { item: string };
  'adjust/ambiguous-item': { item: string; ids: string[] };
  'adjust/not-scored': { id: string; title: string; unit: string; level: string };
  /** An override above the item's points; or (reading the file) below 0, as written. */
  'adjust/override-range': { amount: Rational; points: Rational } | { below: string };
  'adjust/duplicate': { unit: string; item: string; line: number };
  'adjust/expired': { unit: string; item: string; expires: string; asOf: string };
  'adjust/not-yet': { unit: string; item: string; date: string; asOf: string };
  /** Why a summed field is invalid at a unit: invalid in these units below. */
  'reason/invalid-in': { units: string[] };
  /** Why a veto could not be checked: the fields (by label) without a value or invalid. */
  'reason/veto-unchecked': { missing: string[]; invalid: string[] };
}

const NA_POLICY: Record<NaPolicyCode, Msg> = {
  bonus: { en: 'no bonus points', zh: '不加分' },
  full: { en: 'it is given its full points (na: full)', zh: '按 na: full 给满分' },
  zero: { en: 'it scores 0 (na: zero)', zh: '按 na: zero 记 0 分' },
  exclude: { en: "it is left out of the unit's maximum (na: exclude)", zh: '不计入该单位的应得分（na: exclude）' },
};

export const ENGINE: Renderers<EngineArgs> = {
  'data/optional-column-absent': {
    en: (a) =>
      `no column "${a.label}" in any file (field ${a.field}, optional: required: false): ${en(a.items)} score${a.items.length === 1 ? 's' : ''} 0 as missing data for every ${a.level}`,
    zh: (a) =>
      `所有文件中都没有“${a.label}”列（字段 ${a.field}，可选：required: false）：${zh(a.items)} 对每个${a.level}都按缺数据记 0 分`,
  },
  'data/blank-optional': {
    en: (a) =>
      `${a.unit}: ${a.label} is blank, so ${en(a.items)} ${scores(a.items)} 0 as missing data; the column is optional (required: false), but a blank in it is not "not applicable"`,
    zh: (a) =>
      `${a.unit}：${a.label} 为空，${zh(a.items)} 按缺数据记 0 分；该列可以不提供（required: false），但空白不等于“不适用”`,
  },
  'data/field-absent': {
    en: (a) =>
      `${a.unit}: no value for ${a.label}: ${en(a.files)} has no column for it (another file has), so ${en(a.items)} ${scores(a.items)} 0 as missing data`,
    zh: (a) => `${a.unit}：${a.label} 无数值：${en(a.files)} 没有这一列（其他文件有），${zh(a.items)} 按缺数据记 0 分`,
  },
  'data/zero-divisor': {
    en: (a) =>
      `${a.unit}: ${a.item} is not applicable because ${a.divisor} is 0 (a divisor); ${NA_POLICY[a.policy].en}`,
    zh: (a) => `${a.unit}：${a.item} 因除数 ${a.divisor} 为 0 记为不适用；${NA_POLICY[a.policy].zh}`,
  },
  'adjust/unknown-unit': {
    en: (a) => `unit "${a.unit}": no unit of that name or code in the data`,
    zh: (a) => `单位“${a.unit}”：数据中没有此名称或代码的单位`,
  },
  'adjust/ambiguous-unit': {
    en: (a) => `unit "${a.unit}": ${a.codes.length} units have that name (${en(a.codes)}); give the code`,
    zh: (a) => `单位“${a.unit}”：有 ${a.codes.length} 个同名单位（${zh(a.codes)}）；请填写代码`,
  },
  'adjust/unknown-item': {
    en: (a) => `item "${a.item}": no item of that id or title in the scheme`,
    zh: (a) => `指标“${a.item}”：方案中没有此 id 或名称的指标`,
  },
  'adjust/ambiguous-item': {
    en: (a) => `item "${a.item}": ${a.ids.length} items have that title (${en(a.ids)}); give the id`,
    zh: (a) => `指标“${a.item}”：有 ${a.ids.length} 个同名指标（${zh(a.ids)}）；请填写指标 id`,
  },
  'adjust/not-scored': {
    en: (a) => `item ${a.id} (${a.title}) is not scored at ${a.unit} (${a.level})`,
    zh: (a) => `指标 ${a.id}（${a.title}）不在“${a.unit}”（${a.level}）计分`,
  },
  'adjust/override-range': {
    en: (a) =>
      'below' in a
        ? `override (核定得分): ${a.below} is below 0`
        : `override (核定得分) ${a.amount.toDecimal(2)} is above the item's ${a.points.toDecimal(2)} points`,
    zh: (a) =>
      'below' in a
        ? `核定得分：${a.below} 小于 0`
        : `核定得分 ${a.amount.toDecimal(2)} 超过该指标的分值 ${a.points.toDecimal(2)} 分`,
  },
  'adjust/duplicate': {
    en: (a) => `${a.unit} / ${a.item} is adjusted twice (first on line ${a.line}); one line per unit and item`,
    zh: (a) => `${a.unit} / ${a.item} 重复核定（第一次在第 ${a.line} 行）；每个单位的每项指标只能核定一次`,
  },
  'adjust/expired': {
    en: (a) => `adjustment of ${a.unit} / ${a.item} expired on ${a.expires} (reference date ${a.asOf}): not applied`,
    zh: (a) => `${a.unit} / ${a.item} 的核定已于 ${a.expires} 失效（基准日 ${a.asOf}）：未采用`,
  },
  'adjust/not-yet': {
    en: (a) =>
      `adjustment of ${a.unit} / ${a.item} is dated ${a.date}, after the reference date ${a.asOf}: not yet in force, not applied`,
    zh: (a) => `${a.unit} / ${a.item} 的核定日期 ${a.date} 晚于基准日 ${a.asOf}：尚未生效，未采用`,
  },
  'reason/invalid-in': {
    en: (a) => `invalid in ${en(a.units)}`,
    zh: (a) => `${zh(a.units)} 数据无效`,
  },
  'reason/veto-unchecked': {
    en: (a) =>
      `cannot be checked: ${[a.missing.length ? `no value for ${en(a.missing)}` : '', a.invalid.length ? `invalid ${en(a.invalid)}` : ''].filter(Boolean).join('; ')}`,
    zh: (a) =>
      `无法判定：${[a.missing.length ? `缺少 ${zh(a.missing)}` : '', a.invalid.length ? `数据无效 ${zh(a.invalid)}` : ''].filter(Boolean).join('；')}`,
  },
};
