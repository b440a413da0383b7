/**
 * `pinggu explain <item>`: one item at one unit, step by step — the formula, the
 * field values (summed over the units below), the value, the target, the rule, the
 * points, the remedy, and the units below with their own values.
 */
import { formulaText, inputsOf, substitutedText, targetText, valueText } from '../shared/item-words';
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Assessment, ItemResult, UnitResult } from '../../engine/types';
import { explainItem, remedyText } from './explain';
import { explainLines } from './explain-lines';
import { partLines } from './explain-part-lines';
import { statusWord } from '../shared/i18n';
import { visible, visibleData } from '../shared/escape';
import { compareNames } from '../../compare';

/** The units named `name` (name, code or key); the first top-level unit when no name is given. */
export function findUnits(a: Assessment, name?: string): UnitResult[] {
  if (name === undefined) return a.units.slice(0, 1);
  const all: UnitResult[] = [];
  const walk = (u: UnitResult) => {
    all.push(u);
    u.children.forEach(walk);
  };
  a.units.forEach(walk);
  const exact = all.filter((u) => u.code === name || u.key === name);
  return exact.length ? exact : all.filter((u) => u.name === name);
}

export function formatExplain(
  assessment: Assessment,
  unitResult: UnitResult,
  itemResult: ItemResult,
  lang: Lang,
): string {
  // One walk, so the unit stays the same object inside the assessment.
  const [a, unit, item] = visibleData([assessment, unitResult, itemResult] as const);
  const zh = lang === 'zh';
  const c = zh ? '：' : ': ';
  const lines: string[] = [];
  lines.push(`${item.title} (${item.id}) — ${unit.name}`);
  if (item.basis) lines.push(`${zh ? '方案依据' : 'Basis'}${c}${item.basis}`);
  // Words made here from the scheme and the unit's fields are escaped here (visibleData did the rest).
  const f = unit.fields;
  if (!item.parts) lines.push(`${zh ? '公式' : 'Formula'}${c}${visible(formulaText(f, item))}`);
  const inputs = inputsOf(f, item);
  if (inputs.length) {
    const below = unit.children.length;
    const summed =
      inputs.some((i) => i.summed) && below
        ? zh
          ? `（${below} 个${unit.children[0]!.levelTitle}合计）`
          : ` (summed over ${below} ${unit.children[0]!.levelTitle})`
        : '';
    lines.push(
      `${zh ? '数据' : 'Data'}${summed}${c}${inputs.map((i) => `${visible(i.label)} = ${i.value}`).join(zh ? '；' : '; ')}`,
    );
  }
  if (!item.parts) lines.push(`${zh ? '数值' : 'Value'}${c}${substitutedText(f, item)} = ${valueText(f, item)}`);
  const target = targetText(f, item) ?? item.target;
  if (target) lines.push(`${zh ? '目标' : 'Target'}${c}${visible(target)}`);
  if (item.parts) lines.push(...partLines(f, item, lang, a.scheme.labels));
  else lines.push(`${zh ? '计分' : 'Scoring'}${c}${visible(explainItem(f, item, lang, a.scheme.labels))}`);
  lines.push(
    `${zh ? '得分' : 'Points'}${c}${showPoints(item.points)} / ${showPoints(item.max)}${item.lost.sign() > 0 ? (zh ? `（失 ${showPoints(item.lost)} 分）` : ` (${showPoints(item.lost)} lost)`) : ''}  ${statusWord(lang, item.status)}`,
  );
  if (item.remedy) lines.push(`${zh ? '整改' : 'What it takes'}${c}${remedyText(item.remedy, lang)}`);
  lines.push(...explainLines(a, unit, item, lang).map(visible));
  const kids = unit.children.flatMap((k) => {
    const ki = k.items.find((i) => i.id === item.id);
    return ki ? [{ k, ki }] : [];
  });
  if (kids.length) {
    lines.push('', zh ? `各${kids[0]!.k.levelTitle}：` : `${kids[0]!.k.levelTitle}:`);
    const sorted = [...kids].sort((x, y) => y.ki.lost.cmp(x.ki.lost) || compareNames(x.k.name, y.k.name));
    for (const { k, ki } of sorted) {
      const remedy = ki.remedy ? `  ${remedyText(ki.remedy, lang)}` : '';
      lines.push(
        `  ${k.name}  ${valueText(k.fields, ki)}  ${showPoints(ki.points)} / ${showPoints(ki.max)}  ${statusWord(lang, ki.status)}${remedy}`,
      );
    }
  }
  return `${lines.join('\n')}\n`;
}
