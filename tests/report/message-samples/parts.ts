/** Sample arguments for every sub-rule, deduction-limit and case-row message code (tests/report/messages.test.ts). */
import type { PartsArgs } from '../../../src/messages/parts';
import { Rational } from '../../../src/rational';

export const PARTS_SAMPLES: { [K in keyof PartsArgs]: PartsArgs[K] } = {
  'scheme/part-rule': { rule: 'bands', kind: 'part' },
  'scheme/parts-own': { key: 'formula' },
  'scheme/parts-reach': { points: Rational.int(10), reach: Rational.int(8) },
  'scheme/lowest-rule': { rule: 'all' },
  'scheme/unknown-inspection-level': { level: 'provnce', levels: ['county', 'province'] },
  'scheme/factors-without-cases': { item: 'data_accuracy' },
  'adjust/case-part': { part: 'lat', item: 'data_accuracy', parts: ['late'] },
  'adjust/case-level': { level: 'village', levels: ['county', 'province'] },
  'adjust/case-count': { value: 'twelve' },
  'adjust/case-only': { kind: 'case-key', key: 'count' },
};
