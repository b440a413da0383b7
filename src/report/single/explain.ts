/** An item's calculation in words: the formula with its numbers, the target, the rule step by step. */
import type { Lang } from '../../diagnostics';
import { Rational } from '../../rational';
import { showPoints, showValue } from '../shared/display';
import type { UnitFields } from '../../engine/fields';
import type { ItemResult, Remedy } from '../../engine/types';
import { adjustmentText } from './adjustments';
import { t } from '../shared/i18n';
import { formulaText, substitutedText, targetText, valueText } from '../shared/item-words';
import { calcSentence } from './explain-calc';
import { peersWords, pointsWithNumbers, remedyMoves } from './explain-relative';
import { partSteps } from './explain-parts';

/** "label = numbers = value", without repeating what is already shown; then the target. */
export function formulaParts(fields: UnitFields, item: ItemResult, zh: boolean, shown: string | undefined): string[] {
  const chain = [
    ...new Set([formulaText(fields, item), substitutedText(fields, item), shown ?? valueText(fields, item)]),
  ];
  const target = targetText(fields, item) ?? item.target;
  return [chain.join(' = '), ...(target ? [zh ? `目标 ${target}` : `target ${target}`] : [])];
}

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
  const zh = lang === 'zh';
  const parts: string[] = [];
  const c = item.calc;
  if (item.parts) parts.push(...partSteps(fields, item, lang, labels, [explainItem, formulaParts]));
  else if (c.kind !== 'missing' && c.kind !== 'invalid') parts.push(...formulaParts(fields, item, zh, shown));
  parts.push(
    calcSentence(c, {
      zh,
      item,
      v: (x) => showValue(x, item.kind === 'boolean' ? 'number' : item.kind),
      label: (id) => labels[id] ?? id,
    }),
  );
  if (c.kind === 'formula') parts.splice(parts.length - 1, 0, pointsWithNumbers(fields, item) ?? '');
  if (item.peers) parts.push(...peersWords(item, fields.scheme.levels[fields.level]?.title ?? '', lang));
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
  const moves = r.relative ? (lang === 'zh' ? `（${remedyMoves(lang)}）` : ` (${remedyMoves(lang)})`) : '';
  return lang === 'zh' ? `${r.label}${dir} ${n}${gain}${moves}` : `${r.label}: ${n} ${dir}${gain}${moves}`;
}
