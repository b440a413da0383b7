/** `pinggu explain` of an item with parts: one line per part, then the sum (docs/scheme.md, "Sub-rules and deduction limits"). */
import type { Lang } from '../../diagnostics';
import type { UnitFields } from '../../engine/fields';
import type { ItemResult } from '../../engine/types';
import { visible } from '../shared/escape';
import { explainItem, formulaParts } from './explain';
import { partSteps } from './explain-parts';
import { calcSentence } from './explain-calc';
import { showValue } from '../shared/display';

export function partLines(f: UnitFields, item: ItemResult, lang: Lang, labels: Record<string, string>): string[] {
  const zh = lang === 'zh';
  const steps = partSteps(f, item, lang, labels, [explainItem, formulaParts]).map((s) => `  ${visible(s)}`);
  const sum = calcSentence(item.calc, { zh, item, v: (x) => showValue(x, 'number'), label: (id) => labels[id] ?? id });
  return [zh ? '计分（各子项）：' : 'Scoring (parts):', ...steps, `  ${visible(sum)}`];
}
