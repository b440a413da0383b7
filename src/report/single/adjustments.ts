/**
 * Inspector adjustments (抽查核定) in words, shared by every format: the unit's
 * self-assessed score against the adjusted one, what was done to an item and on what
 * authority, and why a line was not applied. Pure.
 */
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { AdjustmentRecord, Assessment, ItemAdjustment, UnitResult } from '../../engine/types';
import { t } from '../shared/i18n';

export const adjustmentsTitle = (L: Lang): string => (L === 'zh' ? '抽查核定' : 'Inspector adjustments');
export const selfVsTitle = (L: Lang): string => (L === 'zh' ? '自评 vs 抽查' : 'Self-assessed vs inspected');

/** `自评 94.85 通过 → 核定 88.29 未通过`; the verdicts only when they differ. */
export function selfVsAdjusted(u: UnitResult, L: Lang): string | undefined {
  if (!u.self) return undefined;
  const changed = u.self.passed !== u.passed;
  const word = (p: boolean) => (changed ? ` ${t(L, p ? 'passed' : 'failed')}` : '');
  return L === 'zh'
    ? `自评 ${showPoints(u.self.scaled)}${word(u.self.passed)} → 核定 ${showPoints(u.scaled)}${word(u.passed)}`
    : `self-assessed ${showPoints(u.self.scaled)}${word(u.self.passed)} → adjusted ${showPoints(u.scaled)}${word(u.passed)}`;
}

/** `扣 1.5 分` / `核定为 0 分`. */
export function adjustmentAction(x: Pick<ItemAdjustment, 'kind' | 'amount'>, L: Lang): string {
  const n = showPoints(x.amount);
  if (x.kind === 'deduct') return L === 'zh' ? `扣 ${n} 分` : `${n} deducted`;
  return L === 'zh' ? `核定为 ${n} 分` : `set to ${n}`;
}

/** Who decided it, and when: `省卫健委评估组 晋卫评〔2026〕3号 2026-07-20`. */
export function adjustmentSource(
  x: Pick<ItemAdjustment, 'authority' | 'document' | 'date' | 'expires'>,
  L: Lang,
): string {
  const until = x.expires ? (L === 'zh' ? `（有效期至 ${x.expires}）` : ` (valid until ${x.expires})`) : '';
  return [x.authority, x.document, x.date].filter(Boolean).join(' ') + until;
}

/** The whole adjustment of an item in one sentence, for explanations. */
export function adjustmentText(x: ItemAdjustment, points: UnitResult['score'], L: Lang): string {
  const zh = L === 'zh';
  const change = `${showPoints(x.selfPoints)} → ${showPoints(points)}`;
  return zh
    ? `抽查核定：${adjustmentAction(x, L)}（自评 ${change}），理由：${x.reason}，${adjustmentSource(x, L)}`
    : `inspector adjustment: ${adjustmentAction(x, L)} (self-assessed ${change}), reason: ${x.reason}, ${adjustmentSource(x, L)}`;
}

/** Why a line was not applied, or undefined when it was. */
export function notAppliedWhy(r: AdjustmentRecord, asOf: string, L: Lang): string | undefined {
  if (r.status === 'expired')
    return L === 'zh'
      ? `未采用：已于 ${r.expires} 失效（基准日 ${asOf}）`
      : `not applied: expired on ${r.expires} (reference date ${asOf})`;
  if (r.status === 'not-yet')
    return L === 'zh'
      ? `未采用：核定日期 ${r.date} 晚于基准日 ${asOf}，尚未生效`
      : `not applied: dated ${r.date}, after the reference date ${asOf} (not yet in force)`;
  return undefined;
}

/** `已采用` / `未采用：…`. */
export function recordStatus(r: AdjustmentRecord, asOf: string, L: Lang): string {
  return notAppliedWhy(r, asOf, L) ?? (L === 'zh' ? '已采用' : 'applied');
}

/** `3 → 1.5` for an applied line; empty otherwise. */
export function recordChange(r: AdjustmentRecord): string {
  return r.selfPoints && r.points ? `${showPoints(r.selfPoints)} → ${showPoints(r.points)}` : '';
}

/** `2 项已采用，1 项未采用（基准日 2026-07-31）`. */
export function adjustmentsSummary(a: Assessment, L: Lang): string {
  const list = a.adjustments?.list ?? [];
  const applied = list.filter((r) => r.status === 'applied').length;
  const not = list.length - applied;
  const asOf = a.adjustments?.asOf ?? '';
  const cases = a.adjustments?.cases;
  if (L === 'zh')
    return `${applied} 项已采用，${not} 项未采用${cases ? `，${cases} 条案例记录已计入` : ''}（基准日 ${asOf}）`;
  return `${applied} applied, ${not} not applied${cases ? `, ${cases} case rows counted` : ''} (reference date ${asOf})`;
}

/** Every unit, depth first, that has self-assessed figures. */
export function adjustedUnits(units: readonly UnitResult[]): UnitResult[] {
  return units.flatMap((u) => [...(u.self ? [u] : []), ...adjustedUnits(u.children)]);
}
