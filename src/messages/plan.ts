/** Messages of `pinggu plan` (src/plan): what blocks a goal, and the flag's own errors; in English and Chinese. */
import type { Renderers } from './render';

/** An item that loses points and that no plan step can help, with its lost points and lever (label, or empty). */
interface Stuck {
  item: string;
  lost: number;
  lever: string;
}

export interface PlanArgs {
  /** A triggered veto that no remedy lifts. */
  'plan/veto': { veto: string };
  /** A veto the data cannot decide (a field it reads is missing): the unit cannot pass. */
  'plan/veto-unchecked': { veto: string };
  'plan/no-lever': Stuck;
  'plan/unreachable': Stuck;
  'plan/rolled-up': Stuck;
  'plan/no-data': Stuck;
  /** Even every remedy together reaches only `best` of the `needed` score. */
  'plan/short': { best: number; needed: number };
  'plan/bad-goal': { goal: string };
  /** The lint: an item with `effort:` and no `lever:` (the effort would be ignored). */
  'scheme/effort-without-lever': { item: string };
  /** Several units at the top and no --unit: their names. */
  'plan/which-unit': { units: string[] };
}

const pts = (n: number) => `${n} point${n === 1 ? '' : 's'}`;
const lever = (a: Stuck, en: boolean) => (a.lever ? (en ? ` (lever ${a.lever})` : `（杠杆：${a.lever}）`) : '');

export const PLAN: Renderers<PlanArgs> = {
  'plan/veto': {
    en: (a) => `veto "${a.veto}" is triggered and no item's remedy lifts it`,
    zh: (a) => `触发一票否决“${a.veto}”，没有哪项指标的整改能解除它`,
  },
  'plan/veto-unchecked': {
    en: (a) => `veto "${a.veto}" cannot be checked (data missing): the unit cannot pass until the data is there`,
    zh: (a) => `一票否决“${a.veto}”因数据缺失无法核查：补齐数据前不能达标`,
  },
  'plan/no-lever': {
    en: (a) => `"${a.item}" loses ${pts(a.lost)} and has no lever in the scheme`,
    zh: (a) => `“${a.item}”失 ${a.lost} 分，方案未给出整改杠杆（lever）`,
  },
  'plan/unreachable': {
    en: (a) =>
      `"${a.item}" loses ${pts(a.lost)}; its lever cannot meet the target within the bounds and checks${lever(a, true)}`,
    zh: (a) => `“${a.item}”失 ${a.lost} 分；其杠杆在取值范围和校验规则内无法达到目标${lever(a, false)}`,
  },
  'plan/rolled-up': {
    en: (a) =>
      `"${a.item}" loses ${pts(a.lost)}; its value is a mean, minimum or maximum of the townships', which a plan does not change${lever(a, true)}`,
    zh: (a) => `“${a.item}”失 ${a.lost} 分；其数值为各乡镇的平均、最小或最大值，整改计划不调整${lever(a, false)}`,
  },
  'plan/no-data': {
    en: (a) => `"${a.item}" loses ${pts(a.lost)} for missing or invalid data: fix the data first`,
    zh: (a) => `“${a.item}”因数据缺失或无效失 ${a.lost} 分：请先补正数据`,
  },
  'plan/short': {
    en: (a) => `every remedy together reaches ${a.best}, short of the ${a.needed} needed`,
    zh: (a) => `全部整改措施一起也只能达到 ${a.best} 分，未达所需的 ${a.needed} 分`,
  },
  'plan/bad-goal': {
    en: (a) => `--goal "${a.goal}": expected pass, score:N (e.g. score:95) or rank:N (e.g. rank:3)`,
    zh: (a) => `--goal “${a.goal}”：应为 pass、score:N（如 score:95）或 rank:N（如 rank:3）`,
  },
  'scheme/effort-without-lever': {
    en: (a) =>
      `item "${a.item}" has effort but no lever (effort is per unit of the lever): add lever, or remove effort`,
    zh: (a) => `指标“${a.item}”有 effort 但没有 lever（effort 是每单位杠杆的工作量）：请添加 lever 或删除 effort`,
  },
  'plan/which-unit': {
    en: (a) => `the data holds several units (${a.units.join(', ')}): name one with --unit`,
    zh: (a) => `数据中有多个单位（${a.units.join('、')}）：请用 --unit 指定一个`,
  },
};
