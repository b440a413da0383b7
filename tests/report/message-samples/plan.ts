/** Sample arguments for every plan message code (tests/report/messages.test.ts). */
import type { PlanArgs } from '../../../src/messages/plan';

export const PLAN_SAMPLES: { [K in keyof PlanArgs]: PlanArgs[K] } = {
  'plan/veto': { veto: '甲' },
  'plan/veto-unchecked': { veto: '甲' },
  'plan/no-lever': { item: '甲', lost: 4, lever: '' },
  'plan/unreachable': { item: '甲', lost: 2.5, lever: '分子' },
  'plan/rolled-up': { item: '乙', lost: 1, lever: '分子' },
  'plan/no-data': { item: '乙', lost: 3, lever: '' },
  'plan/short': { best: 88.5, needed: 90 },
  'plan/bad-goal': { goal: 'top' },
  'scheme/effort-without-lever': { item: 'x' },
  'plan/which-unit': { units: ['A镇', 'B镇'] },
};
