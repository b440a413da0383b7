/** The rule of an item step by step, one sentence per kind of calculation (`explainItem` puts it after the formula). */
import { say } from '../../messages/catalog';
import type { Calc, ItemResult } from '../../engine/types';
import type { Rational } from '../../rational';
import { showPoints as p, showValue } from '../shared/display';
import { linesCalcSentence } from './explain-lines';
import { relativeCalcWords } from './explain-relative';
import { casesWords, partsWords } from './explain-parts';

type CalcOf<K extends Calc['kind']> = Extract<Calc, { kind: K }>;

/** What every sentence needs: the language, the item, its values as shown, field labels. */
export interface CalcWords {
  zh: boolean;
  item: ItemResult;
  /** A value in the item's display (a yes/no item's as a number). */
  v: (x: Rational) => string;
  label: (id: string) => string;
}

const fullPoints = (w: CalcWords) =>
  w.zh ? `达标，得满分 ${p(w.item.points)} 分` : `met: full ${p(w.item.points)} points`;

const allWords = (c: CalcOf<'all'>, w: CalcWords) =>
  c.met ? fullPoints(w) : w.zh ? '未达标，不得分' : 'not met: 0 points';

function deductWords(c: CalcOf<'deduct'>, w: CalcWords): string {
  const { zh, v } = w;
  const mode = {
    proportional: zh ? '按比例' : 'proportionally',
    up: zh ? '不足一个单位按一个单位' : 'part units count whole',
    down: zh ? '不足一个单位不扣' : 'part units do not count',
  }[c.partial];
  const cap =
    c.cap === 'max'
      ? zh
        ? '（达到扣分上限）'
        : ' (deduction capped)'
      : c.cap === 'points'
        ? zh
          ? '（扣完为止）'
          : ' (down to 0)'
        : '';
  if (c.distance.isZero()) return fullPoints(w);
  if (c.perCase)
    return zh
      ? `${c.distance.toDecimal(2)} 例，每例扣 ${p(c.deduct)} 分：扣 ${p(c.lost)} 分${cap}`
      : `${c.distance.toDecimal(2)} cases, ${p(c.deduct)} each: ${p(c.lost)} lost${cap}`;
  const units = c.exact.eq(c.units) ? c.units.toDecimal(4) : `${c.exact.toDecimal(2)} → ${c.units.toDecimal(4)}`;
  return zh
    ? `差 ${v(c.distance)}，每 ${v(c.per)} 扣 ${p(c.deduct)} 分：${v(c.distance)} ÷ ${v(c.per)} = ${units}（${mode}）× ${p(c.deduct)} = 扣 ${p(c.lost)} 分${cap}`
    : `gap ${v(c.distance)}, ${p(c.deduct)} per ${v(c.per)}: ${v(c.distance)} ÷ ${v(c.per)} = ${units} (${mode}) × ${p(c.deduct)} = ${p(c.lost)} lost${cap}`;
}

const checklistWords = (c: CalcOf<'checklist'>, { zh }: CalcWords) =>
  c.missing.length === 0
    ? zh
      ? '各项齐全'
      : 'all present'
    : zh
      ? `缺 ${c.missing.length} 项（${c.missing.join('、')}），每项扣 ${p(c.deduct)} 分：扣 ${p(c.lost)} 分`
      : `${c.missing.length} missing (${c.missing.join(', ')}), ${p(c.deduct)} each: ${p(c.lost)} lost`;

const proportionalWords = (c: CalcOf<'proportional'>, { zh, item }: CalcWords) =>
  zh
    ? `完成比例 ${showValue(c.ratio, 'percent')}，得 ${p(item.points)} 分`
    : `achieved ${showValue(c.ratio, 'percent')}: ${p(item.points)} points`;

const bandsWords = (c: CalcOf<'bands'>, { zh }: CalcWords) =>
  c.band < 0
    ? zh
      ? '不符合任何档次，得 0 分'
      : 'no band matches: 0 points'
    : zh
      ? `第 ${c.band + 1} 档${c.when ? `（${c.when}）` : '（其他）'}，得 ${p(c.points)} 分`
      : `band ${c.band + 1}${c.when ? ` (${c.when})` : ' (otherwise)'}: ${p(c.points)} points`;

function addWords(c: CalcOf<'add'>, { zh, v }: CalcWords): string {
  if (!c.met) return zh ? '未达到加分起点，不加分' : 'below the bonus threshold: nothing added';
  return zh
    ? `超出 ${v(c.beyond)}，每 ${v(c.per)} 加 ${p(c.add)} 分：加 ${p(c.earned)} 分${c.capped ? '（达到上限）' : ''}`
    : `beyond by ${v(c.beyond)}, ${p(c.add)} per ${v(c.per)}: ${p(c.earned)} added${c.capped ? ' (capped)' : ''}`;
}

const naWords = (c: CalcOf<'na'>, { zh }: CalcWords) =>
  ({
    exclude: zh
      ? '无法计算（如分母为 0）：不适用，不计入应得分'
      : 'undefined (e.g. a zero denominator): not applicable, excluded from the maximum',
    full: zh
      ? '无法计算（如分母为 0）：按方案给满分'
      : 'undefined (e.g. a zero denominator): full points by the scheme',
    zero: zh ? '无法计算（如分母为 0）：按方案记 0 分' : 'undefined (e.g. a zero denominator): 0 points by the scheme',
  })[c.policy];

const whereWords = (units: string[] | undefined, zh: boolean) =>
  units?.length ? (zh ? `（${units.join('、')}）` : ` (${units.join(', ')})`) : '';

const missingWords = (c: CalcOf<'missing'>, { zh, label }: CalcWords) =>
  zh
    ? `缺少数据：${c.fields.map(label).join('、')}${whereWords(c.units, zh)}，不得分`
    : `missing data: ${c.fields.map(label).join(', ')}${whereWords(c.units, zh)}; 0 points`;

const invalidWords = (c: CalcOf<'invalid'>, { zh, label }: CalcWords) =>
  zh
    ? `数据无效：${c.fields.map((f) => `${label(f.id)}（${say(f.reason, 'zh')}）`).join('、')}${whereWords(c.units, zh)}，不得分`
    : `invalid data: ${c.fields.map((f) => `${label(f.id)} (${say(f.reason, 'en')})`).join(', ')}${whereWords(c.units, zh)}; 0 points`;

/** The sentence of one calculation. */
export function calcSentence(c: Calc, w: CalcWords): string {
  switch (c.kind) {
    case 'all':
      return allWords(c, w);
    case 'deduct':
      return deductWords(c, w);
    case 'checklist':
      return checklistWords(c, w);
    case 'proportional':
      return proportionalWords(c, w);
    case 'bands':
      return bandsWords(c, w);
    case 'add':
      return addWords(c, w);
    case 'na':
      return naWords(c, w);
    case 'missing':
      return missingWords(c, w);
    case 'invalid':
      return invalidWords(c, w);
    case 'not-assessed':
    case 'share':
      return linesCalcSentence(c, w.item, w.zh);
    case 'formula':
    case 'no-peers':
      return relativeCalcWords(c, w.zh);
    case 'parts':
      return partsWords(c, w.item, w.zh);
    case 'cases':
      return casesWords(c, w.zh);
  }
}
