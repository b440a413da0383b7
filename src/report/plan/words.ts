/** The words of the plan's reports (table, md, html, xlsx), in English and Chinese, and how its numbers are shown. */
import type { Lang } from '../../diagnostics';
import { Rational } from '../../rational';
import type { Goal, PlanResult, PlanStep, Standing, UnitChange } from '../../plan/types';
import { showPoints, showRaw } from '../shared/display';
import { say } from '../../messages/catalog';

const WORDS = {
  title: { en: 'Plan (整改计划)', zh: '整改计划' },
  goal: { en: 'Goal', zh: '目标' },
  goalPass: { en: 'pass line {n} with no veto', zh: '达到及格线 {n} 分且无一票否决' },
  goalScore: { en: 'score {n}', zh: '得分达到 {n} 分' },
  goalRank: { en: 'rank {r} among {of} (score {n})', zh: '在 {of} 个同级单位中排名第 {r}（得分 {n}）' },
  goalRankFree: { en: 'rank {r} among {of}', zh: '在 {of} 个同级单位中排名第 {r}' },
  now: { en: 'Now', zh: '现状' },
  after: { en: 'After the plan (re-scored)', zh: '整改后（重新计分）' },
  best: { en: 'Best reachable (every remedy, re-scored)', zh: '最多可达（全部整改，重新计分）' },
  standing: { en: '{s} / {t}, {v}, rank {r} of {of}', zh: '{s} / {t} 分，{v}，排名 {r}/{of}' },
  pass: { en: 'passes', zh: '达标' },
  fail: { en: 'fails', zh: '未达标' },
  vetoed: { en: 'vetoed', zh: '一票否决' },
  already: { en: 'The goal is already reached: nothing to do.', zh: '已达到目标，无需整改。' },
  none: { en: 'No plan reaches the goal.', zh: '没有能达到目标的整改方案。' },
  blocked: { en: 'What blocks it', zh: '受阻原因' },
  effort: { en: 'Effort', zh: '工作量' },
  total: { en: 'total effort {e}; {k} plan(s) re-scored', zh: '总工作量 {e}；重新计分验证 {k} 个方案' },
  truncated: {
    en: 'The search stopped at its limit: this is the best plan seen, not proven the least.',
    zh: '搜索达到上限：此为已找到的最优方案，未证明为最省。',
  },
  item: { en: 'Item', zh: '指标' },
  lever: { en: 'Lever', zh: '整改杠杆' },
  change: { en: 'Change', zh: '变动' },
  points: { en: 'Points now → after', zh: '得分 现状 → 整改后' },
  unit: { en: 'Unit', zh: '单位' },
  owner: { en: 'Owner', zh: '责任人' },
  fromTo: { en: 'From → to', zh: '现值 → 目标值' },
  shortfall: { en: 'Own shortfall', zh: '本单位缺口' },
  where: { en: 'Where (by unit)', zh: '落实到单位' },
  default: { en: 'default', zh: '默认' },
  pp: { en: 'pp', zh: '个百分点' },
} as const;

export type PlanWord = keyof typeof WORDS;

export const pw = (lang: Lang, w: PlanWord, vars: Record<string, string | number> = {}): string =>
  WORDS[w][lang].replace(/\{(\w+)\}/g, (_, k: string) => String(vars[k] ?? ''));

/** A lever value as the field shows it (a percentage for a percent field). */
export const leverValue = (v: Rational, kind: 'percent' | 'number'): string => showRaw(v, kind === 'percent');

/** A lever change, signed: `+2`, `+1.4 pp`. */
export function changeText(change: Rational, kind: 'percent' | 'number', lang: Lang): string {
  const sign = change.sign() < 0 ? '−' : '+';
  if (kind === 'percent') return `${sign}${showPoints(change.abs().mul(Rational.HUNDRED))} ${pw(lang, 'pp')}`;
  return `${sign}${showRaw(change.abs())}`;
}

export function goalText(p: PlanResult, lang: Lang): string {
  const g: Goal = p.goal;
  const n = p.needed ? showPoints(p.needed) : '';
  if (g.kind === 'pass') return pw(lang, 'goalPass', { n });
  if (g.kind === 'score') return pw(lang, 'goalScore', { n });
  const of = p.before.of;
  return p.needed ? pw(lang, 'goalRank', { r: g.rank, of, n }) : pw(lang, 'goalRankFree', { r: g.rank, of });
}

export function standingText(s: Standing, p: PlanResult, lang: Lang): string {
  const v = s.vetoes.length ? pw(lang, 'vetoed') : pw(lang, s.passed ? 'pass' : 'fail');
  return pw(lang, 'standing', { s: showPoints(s.scaled), t: showPoints(p.scheme.total), v, r: s.rank, of: s.of });
}

/** One step's row: item, lever, from → to (change), points now → after, effort. */
export function stepCells(s: PlanStep, lang: Lang): string[] {
  const lever = `${s.label}: ${leverValue(s.from, s.kind)} → ${leverValue(s.to, s.kind)}`;
  const after = s.after ?? s.estimated;
  const effort = `${showPoints(s.effort)}${s.effortGiven ? '' : ` (${pw(lang, 'default')})`}`;
  return [s.title, lever, changeText(s.change, s.kind, lang), `${showPoints(s.before)} → ${showPoints(after)}`, effort];
}

/** One unit's row of a step: item, unit, the concrete change (`+2 奖励扶助已兑现人数`), from → to, its own shortfall. */
export function unitCells(s: PlanStep, u: UnitChange, lang: Lang): string[] {
  return [
    s.title,
    u.name,
    `${changeText(u.change, s.kind, lang)} ${s.label}`,
    `${leverValue(u.from, s.kind)} → ${leverValue(u.to, s.kind)}`,
    u.shortfall.isZero() ? '—' : changeText(u.shortfall, s.kind, lang).replace(/^\+/, ''),
  ];
}

export const stepHead = (lang: Lang): string[] =>
  (['item', 'lever', 'change', 'points', 'effort'] as const).map((w) => pw(lang, w));
export const unitHead = (lang: Lang): string[] =>
  (['item', 'unit', 'change', 'fromTo', 'shortfall'] as const).map((w) => pw(lang, w));

/** The heading lines: the scheme, the unit and its goal, where it stands, and the verdict. */
export function summaryLines(p: PlanResult, lang: Lang): string[] {
  const out = [`${p.scheme.title}  ${p.scheme.version}`, `${p.unit.name}  ${pw(lang, 'goal')}: ${goalText(p, lang)}`];
  out.push(`${pw(lang, 'now')}: ${standingText(p.before, p, lang)}`);
  if (p.already) return [...out, pw(lang, 'already')];
  if (p.found && p.after) {
    out.push(`${pw(lang, 'after')}: ${standingText(p.after, p, lang)}`);
    out.push(pw(lang, 'total', { e: showPoints(p.effort), k: p.verified }));
    if (p.truncated) out.push(pw(lang, 'truncated'));
    return out;
  }
  out.push(pw(lang, 'none'));
  if (p.best) out.push(`${pw(lang, 'best')}: ${standingText(p.best, p, lang)}`);
  return out;
}

/** What blocks the goal, in words. */
export const blockerLines = (p: PlanResult, lang: Lang): string[] => p.blockers.map((m) => say(m, lang));
