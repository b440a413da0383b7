/** Sample arguments for every engine message code (tests/report/messages.test.ts). */
import type { EngineArgs } from '../../../src/messages/engine';
import { Rational } from '../../../src/rational';

export const ENGINE_SAMPLES: { [K in keyof EngineArgs]: EngineArgs[K] } = {
  'data/optional-column-absent': { label: '农场计划', field: 'farm', items: ['甲', '乙'], level: '乡镇' },
  'data/blank-optional': { unit: 'A镇', label: '农场计划', items: ['甲'] },
  'data/field-absent': { unit: 'A镇', label: '农场计划', files: ['a.csv', 'b.csv'], items: ['甲', '乙'] },
  'data/zero-divisor': { unit: 'A镇', item: '甲', divisor: '出生', policy: 'exclude' },
  'adjust/unknown-unit': { unit: 'Z镇' },
  'adjust/ambiguous-unit': { unit: 'A镇', codes: ['101', '102'] },
  'adjust/unknown-item': { item: 'zz' },
  'adjust/ambiguous-item': { item: '甲', ids: ['a', 'b'] },
  'adjust/not-scored': { id: 'a', title: '甲', unit: 'A镇', level: '乡镇' },
  'adjust/override-range': { amount: Rational.int(7), points: Rational.int(5) },
  'adjust/duplicate': { unit: 'A镇', item: '甲', line: 3 },
  'adjust/expired': { unit: 'A镇', item: '甲', expires: '2026-01-01', asOf: '2026-02-01' },
  'adjust/not-yet': { unit: 'A镇', item: '甲', date: '2026-03-01', asOf: '2026-02-01' },
  'reason/invalid-in': { units: ['A镇', 'B镇'] },
  'reason/veto-unchecked': { missing: ['分母'], invalid: ['分子'] },
};
