/**
 * Sub-rules in words (docs/scheme.md, "Sub-rules and deduction limits"): each part's
 * step, the case rows of a `cases` part, and the parts' losses added up and capped.
 */
import type { Lang } from '../../diagnostics';
import type { UnitFields } from '../../engine/fields';
import type { Calc, CaseLoss, ItemResult } from '../../engine/types';
import { Rational } from '../../rational';
import { showPoints as p } from '../shared/display';

type CalcOf<K extends Calc['kind']> = Extract<Calc, { kind: K }>;

/** `各子项共扣 12 分（扣分不封顶）`. */
export function partsWords(c: CalcOf<'parts'>, item: ItemResult, zh: boolean): string {
  const lost = p(c.lost);
  if (c.lost.isZero()) return zh ? '各子项均未扣分，得满分' : 'no part loses anything: full points';
  const cap =
    c.cap === 'points'
      ? zh
        ? `，以本项 ${p(item.max)} 分为限（扣完为止）`
        : `, capped at the item's ${p(item.max)} points`
      : c.cap === 'lowest'
        ? zh
          ? `，最低 ${p(item.points)} 分`
          : `, down to its lowest, ${p(item.points)}`
        : '';
  return zh
    ? `各子项共扣 ${lost} 分${cap}：得 ${p(item.points)} 分`
    : `the parts lose ${lost} in all${cap}: ${p(item.points)} points`;
}

function caseWords(x: CaseLoss, c: CalcOf<'cases'>, zh: boolean): string {
  const count = x.count.eq(x.counted)
    ? p(x.count)
    : zh
      ? `${p(x.count)}→${p(x.counted)}（每例最多计 ${p(c.caseMax!)}）`
      : `${p(x.count)}→${p(x.counted)} (at most ${p(c.caseMax!)} a case)`;
  const factor = x.factor.eq(Rational.ONE)
    ? ''
    : ` × ${p(x.factor)}${x.levelTitle ? (zh ? `（${x.levelTitle}）` : ` (${x.levelTitle})`) : ''}`;
  const where = zh ? `第 ${x.line} 行` : `line ${x.line}`;
  return `${where}: ${count} × ${p(c.deduct)}${factor} = ${p(x.lost)}`;
}

/** `2 例：第 3 行: 12→10 × 0.2 = 2；…；共扣 2.4 分`. */
export function casesWords(c: CalcOf<'cases'>, zh: boolean): string {
  if (!c.cases.length) return zh ? '未记录案例，不扣分' : 'no case recorded: nothing lost';
  const each = c.cases.map((x) => caseWords(x, c, zh)).join(zh ? '；' : '; ');
  const cap = c.cap === 'max' ? (zh ? '（达到扣分上限）' : ' (deduction capped)') : '';
  return zh
    ? `${c.cases.length} 例：${each}；共扣 ${p(c.lost)} 分${cap}`
    : `${c.cases.length} case${c.cases.length === 1 ? '' : 's'}: ${each}; ${p(c.lost)} lost${cap}`;
}

type Explain = (fields: UnitFields, item: ItemResult, lang: Lang, labels: Record<string, string>) => string;
type Chain = (fields: UnitFields, item: ItemResult, zh: boolean, shown: string | undefined) => string[];

/** One part's step: a cases part's case rows; a part that cost nothing says so (not "full points"). */
function partStep(
  fields: UnitFields,
  part: ItemResult,
  lang: Lang,
  labels: Record<string, string>,
  how: [Explain, Chain],
) {
  const zh = lang === 'zh';
  if (part.calc.kind === 'cases') return casesWords(part.calc, zh);
  if (part.status !== 'met' || part.lost.sign() > 0) return how[0](fields, part, lang, labels);
  return [...how[1](fields, part, zh, undefined), zh ? '达标，不扣分' : 'met: nothing lost'].join(zh ? '；' : '; ');
}

/** Each part as `[title (id)（扣 3 分）] step`. */
export function partSteps(
  fields: UnitFields,
  item: ItemResult,
  lang: Lang,
  labels: Record<string, string>,
  how: [Explain, Chain],
): string[] {
  const zh = lang === 'zh';
  return (item.parts ?? []).map((part) => {
    const cost = part.lost.sign() > 0 ? (zh ? `（扣 ${p(part.lost)} 分）` : ` (${p(part.lost)} lost)`) : '';
    return `[${part.title} (${part.id})${cost}] ${partStep(fields, part, lang, labels, how)}`;
  });
}
