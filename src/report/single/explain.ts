/** An item's calculation in words: the formula with its numbers, the target, the rule step by step. */
import { say } from '../../messages/catalog';
import type { Lang } from '../../diagnostics';
import { Rational } from '../../rational';
import { showPoints, showValue } from '../shared/display';
import type { UnitFields } from '../../engine/fields';
import type { ItemResult, Remedy } from '../../engine/types';
import { adjustmentText } from './adjustments';
import { t } from '../shared/i18n';
import { formulaText, substitutedText, targetText, valueText } from '../shared/item-words';

/**
 * `fields`: the unit's (UnitResult.fields), from which the formula's numbers are put
 * in; `shown`: the value as shown (valueText), when the caller has made it already.
 */
export function explainItem(
  fields: UnitFields,
  item: ItemResult,
  lang: Lang,
  labels: Record<string, string> = {},
  shown?: string,
): string {
  // Adjusted by the inspectors: the calculation as self-assessed, then what they did.
  const adj = item.adjustment;
  if (adj)
    return `${explainItem(fields, { ...item, points: adj.selfPoints, adjustment: undefined }, lang, labels, shown)}${lang === 'zh' ? '；' : '; '}${adjustmentText(adj, item.points, lang)}`;
  const label = (id: string) => labels[id] ?? id;
  const zh = lang === 'zh';
  const parts: string[] = [];
  const c = item.calc;
  const v = (x: Parameters<typeof showValue>[0]) => showValue(x, item.kind === 'boolean' ? 'number' : item.kind);
  const p = showPoints;
  if (c.kind !== 'missing' && c.kind !== 'invalid') {
    // "label = numbers = value", without repeating what is already shown.
    const chain = [
      ...new Set([formulaText(fields, item), substitutedText(fields, item), shown ?? valueText(fields, item)]),
    ];
    parts.push(chain.join(' = '));
    const target = targetText(fields, item) ?? item.target;
    if (target) parts.push(zh ? `目标 ${target}` : `target ${target}`);
  }
  switch (c.kind) {
    case 'all':
      parts.push(
        c.met
          ? zh
            ? `达标，得满分 ${p(item.points)} 分`
            : `met: full ${p(item.points)} points`
          : zh
            ? '未达标，不得分'
            : 'not met: 0 points',
      );
      break;
    case 'deduct': {
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
      if (c.distance.isZero())
        parts.push(zh ? `达标，得满分 ${p(item.points)} 分` : `met: full ${p(item.points)} points`);
      else if (c.perCase) {
        parts.push(
          zh
            ? `${c.distance.toDecimal(2)} 例，每例扣 ${p(c.deduct)} 分：扣 ${p(c.lost)} 分${cap}`
            : `${c.distance.toDecimal(2)} cases, ${p(c.deduct)} each: ${p(c.lost)} lost${cap}`,
        );
      } else {
        const units = c.exact.eq(c.units) ? c.units.toDecimal(4) : `${c.exact.toDecimal(2)} → ${c.units.toDecimal(4)}`;
        parts.push(
          zh
            ? `差 ${v(c.distance)}，每 ${v(c.per)} 扣 ${p(c.deduct)} 分：${v(c.distance)} ÷ ${v(c.per)} = ${units}（${mode}）× ${p(c.deduct)} = 扣 ${p(c.lost)} 分${cap}`
            : `gap ${v(c.distance)}, ${p(c.deduct)} per ${v(c.per)}: ${v(c.distance)} ÷ ${v(c.per)} = ${units} (${mode}) × ${p(c.deduct)} = ${p(c.lost)} lost${cap}`,
        );
      }
      break;
    }
    case 'checklist':
      parts.push(
        c.missing.length === 0
          ? zh
            ? '各项齐全'
            : 'all present'
          : zh
            ? `缺 ${c.missing.length} 项（${c.missing.join('、')}），每项扣 ${p(c.deduct)} 分：扣 ${p(c.lost)} 分`
            : `${c.missing.length} missing (${c.missing.join(', ')}), ${p(c.deduct)} each: ${p(c.lost)} lost`,
      );
      break;
    case 'proportional':
      parts.push(
        zh
          ? `完成比例 ${showValue(c.ratio, 'percent')}，得 ${p(item.points)} 分`
          : `achieved ${showValue(c.ratio, 'percent')}: ${p(item.points)} points`,
      );
      break;
    case 'bands':
      parts.push(
        c.band < 0
          ? zh
            ? '不符合任何档次，得 0 分'
            : 'no band matches: 0 points'
          : zh
            ? `第 ${c.band + 1} 档${c.when ? `（${c.when}）` : '（其他）'}，得 ${p(c.points)} 分`
            : `band ${c.band + 1}${c.when ? ` (${c.when})` : ' (otherwise)'}: ${p(c.points)} points`,
      );
      break;
    case 'add':
      if (!c.met) {
        parts.push(zh ? '未达到加分起点，不加分' : 'below the bonus threshold: nothing added');
        break;
      }
      parts.push(
        zh
          ? `超出 ${v(c.beyond)}，每 ${v(c.per)} 加 ${p(c.add)} 分：加 ${p(c.earned)} 分${c.capped ? '（达到上限）' : ''}`
          : `beyond by ${v(c.beyond)}, ${p(c.add)} per ${v(c.per)}: ${p(c.earned)} added${c.capped ? ' (capped)' : ''}`,
      );
      break;
    case 'na':
      parts.push(
        {
          exclude: zh
            ? '无法计算（如分母为 0）：不适用，不计入应得分'
            : 'undefined (e.g. a zero denominator): not applicable, excluded from the maximum',
          full: zh
            ? '无法计算（如分母为 0）：按方案给满分'
            : 'undefined (e.g. a zero denominator): full points by the scheme',
          zero: zh
            ? '无法计算（如分母为 0）：按方案记 0 分'
            : 'undefined (e.g. a zero denominator): 0 points by the scheme',
        }[c.policy],
      );
      break;
    case 'missing': {
      const where = c.units?.length ? (zh ? `（${c.units.join('、')}）` : ` (${c.units.join(', ')})`) : '';
      parts.push(
        zh
          ? `缺少数据：${c.fields.map(label).join('、')}${where}，不得分`
          : `missing data: ${c.fields.map(label).join(', ')}${where}; 0 points`,
      );
      break;
    }
    case 'invalid': {
      const where = c.units?.length ? (zh ? `（${c.units.join('、')}）` : ` (${c.units.join(', ')})`) : '';
      parts.push(
        zh
          ? `数据无效：${c.fields.map((f) => `${label(f.id)}（${say(f.reason, 'zh')}）`).join('、')}${where}，不得分`
          : `invalid data: ${c.fields.map((f) => `${label(f.id)} (${say(f.reason, 'en')})`).join(', ')}${where}; 0 points`,
      );
      break;
    }
  }
  if (item.zeroedBy?.length)
    parts.push(
      zh
        ? `触发一票否决 ${item.zeroedBy.join('、')}，本项记 0 分`
        : `veto ${item.zeroedBy.join(', ')} triggered: item scores 0`,
    );
  if (item.remedy) parts.push(remedyText(item.remedy, lang));
  return parts.join(zh ? '；' : '; ');
}

export function remedyText(r: Remedy, lang: Lang): string {
  if (!r.reachable || !r.change) return `${r.label}: ${t(lang, 'notReachable')}`;
  const abs = r.change.abs();
  const n =
    r.kind === 'percent'
      ? `${abs.mul(Rational.HUNDRED).toDecimal(2)} ${lang === 'zh' ? '个百分点' : 'pp'}`
      : showValue(abs, 'number');
  const dir = r.change.sign() > 0 ? t(lang, 'more') : t(lang, 'less');
  const g = r.gain && r.gain.sign() > 0 ? showPoints(r.gain) : undefined;
  const gain = !g
    ? ''
    : lang === 'zh'
      ? `，${t(lang, 'recovers')} ${g} 分`
      : `, ${t(lang, 'recovers')} ${g} point${g === '1' ? '' : 's'}`;
  return lang === 'zh' ? `${r.label}${dir} ${n}${gain}` : `${r.label}: ${n} ${dir}${gain}`;
}
