/**
 * The trend reports' own words in Chinese and English (kept beside the trend
 * formatters so src/report/i18n.ts stays as it is), and the number helpers they share.
 *
 *   tw(lang, word, vars?): string        // `{name}` filled in; `one|many` chosen by `n`
 *   signed(r: Rational): string          // +1.5, −0.68, 0 (two decimals at most)
 *   valueDelta(r, display): string       // a change of value in the item's own unit
 *   columnLabel(lang, column): string    // the period, or 基期/本期 (baseline/current)
 */
import type { Lang } from '../../diagnostics';
import { fillWord } from '../shared/i18n';
import { Rational } from '../../rational';
import type { Column } from '../../trend/diff';

const WORDS = {
  title: { en: 'Trend', zh: '趋势对比' },
  compared: { en: 'Compared: {pairs}', zh: '对比：{pairs}' },
  baseline: { en: 'baseline', zh: '基期' },
  current: { en: 'current', zh: '本期' },
  unit: { en: 'Unit', zh: '单位' },
  before: { en: 'Before', zh: '上期' },
  after: { en: 'After', zh: '本期' },
  change: { en: 'Change', zh: '变化' },
  rank: { en: 'Rank', zh: '排名' },
  item: { en: 'Item', zh: '指标' },
  points: { en: 'Points', zh: '得分' },
  value: { en: 'Value', zh: '实际值' },
  status: { en: 'Status', zh: '状态' },
  scoreOver: { en: 'Score over the periods', zh: '各期得分' },
  sectionsOver: { en: 'Points per section over the periods', zh: '各分项得分变化' },
  itemsChanged: { en: '{unit}: items that changed', zh: '{unit}：有变化的指标' },
  noItemChange: { en: '{unit}: no item changed', zh: '{unit}：指标均无变化' },
  newlyFailing: { en: 'Newly failing ({n})', zh: '新失分指标（{n} 项）' },
  newlyMet: { en: 'Newly met ({n})', zh: '新达标指标（{n} 项）' },
  newlyFailingBelow: { en: 'Newly failing below {unit}', zh: '{unit}下属单位的新失分指标' },
  newlyMetBelow: { en: 'Newly met below {unit}', zh: '{unit}下属单位的新达标指标' },
  none: { en: 'none', zh: '无' },
  onlyAfter: { en: 'Only in the newer report: {list}', zh: '仅见于新报告：{list}' },
  onlyBefore: { en: 'Only in the older report: {list}', zh: '仅见于旧报告：{list}' },
  nothingBefore: { en: 'Nothing earlier to compare with.', zh: '没有可对比的更早数据。' },
  schemeChanged: { en: 'The scheme changed: {from} → {to}', zh: '评估方案有变化：{from} → {to}' },
  schemeRule: {
    en: 'Items added, removed or redefined are marked "scheme changed": their point changes are shown but not gated; a unit\'s regression is then measured over the unchanged items.',
    zh: '新增、删除或定义有变化的指标标为“方案变化”：其得分变化仅作展示，不计入门槛；此时单位的退步按未变化的指标计算。',
  },
  schemeSame: { en: 'no item is defined differently', zh: '指标定义均无变化' },
  added: { en: 'added', zh: '新增' },
  removed: { en: 'removed', zh: '删除' },
  fieldTitle: { en: 'title', zh: '名称' },
  fieldMax: { en: 'points', zh: '分值' },
  fieldTarget: { en: 'target', zh: '目标' },
  fieldFormula: { en: 'formula', zh: '公式' },
  schemeChangedMark: { en: 'scheme changed', zh: '方案变化' },
  newlyFailingMark: { en: 'newly failing', zh: '新失分' },
  newlyMetMark: { en: 'newly met', zh: '新达标' },
  itemsMoved: { en: '▼newly failing ▲newly met', zh: '▼新失分 ▲新达标' },
  gates: { en: 'Gates', zh: '门槛' },
  gatesPass: { en: 'passed', zh: '通过' },
  gatesFail: { en: 'FAILED', zh: '未通过' },
  gatesNone: { en: 'none set', zh: '未设置' },
  regression: {
    en: '{unit}: the score dropped by {drop} (from {from} to {to}), more than {threshold}',
    zh: '{unit}：得分下降 {drop}（{from} → {to}），超过 {threshold}',
  },
  regressionScheme: {
    en: '{unit}: the unchanged items lost {drop} points (the scheme changed), more than {threshold}',
    zh: '{unit}：未变化的指标共失 {drop} 分（方案有变化），超过 {threshold}',
  },
  regressionItems: { en: 'lost on: {list}', zh: '失分于：{list}' },
  newFailure: {
    en: '{unit}: {item} newly fails ({before} → {after}; points {points})',
    zh: '{unit}：{item} 新失分（{before} → {after}，{points} 分）',
  },
  pts: { en: 'pts', zh: '分' },
  chartScore: { en: '{unit}: score over the periods', zh: '{unit}：各期得分' },
  chartSection: { en: '{section}: points over the periods (of {max})', zh: '{section}：各期得分（满分 {max}）' },
  passLine: { en: 'pass line {n}', zh: '及格线 {n}' },
} as const;

export type TrendWord = keyof typeof WORDS;

export const tw = (lang: Lang, w: TrendWord, vars: Record<string, string | number> = {}): string =>
  fillWord(WORDS[w][lang], vars);

/** A change with its sign: +1.5, −0.68 (a real minus sign), 0. */
export function signed(r: Rational, digits = 2): string {
  // A change too small for `digits` places is shown with more, never as 0 (1.925 → 1.93 is +0.005).
  const s = r.abs().toDecimal(r.isZero() || r.abs().toDecimal(digits) !== '0' ? digits : 6);
  if (s === '0') return '0';
  return `${r.sign() < 0 ? '−' : '+'}${s}`;
}

/** A change of value in the item's own unit, read from how the value is displayed: percentage points for `95%`. */
export function valueDelta(r: Rational, display: string): string {
  if (display.endsWith('%')) return `${signed(r.mul(Rational.HUNDRED))}%`;
  if (display.endsWith('‰')) return `${signed(r.mul(Rational.int(1000)))}‰`;
  return signed(r);
}

export function columnLabel(lang: Lang, c: Column, columns: readonly Column[]): string {
  if (c.period !== null) return c.period;
  if (c.side === 'current') return tw(lang, 'current');
  const baselines = columns.filter((x) => x.period === null && x.side === 'history').length;
  return baselines > 1 ? `${tw(lang, 'baseline')} ${c.index + 1}` : tw(lang, 'baseline');
}
