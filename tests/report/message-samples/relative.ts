/** Sample arguments for every relative-scoring message code (tests/report/messages.test.ts). */
import type { RelativeArgs } from '../../../src/messages/relative';
import { Rational } from '../../../src/rational';

export const RELATIVE_SAMPLES: { [K in keyof RelativeArgs]: RelativeArgs[K] } = {
  'scheme/peer-place': { fn: 'peer_mean()', place: 'formula' },
  'scheme/peer-item': { kind: 'no-direction', fn: 'peer_best', item: 'rate', target: '== 0' },
  'scheme/last-year-field': { name: 'births' },
  'scheme/last-year-of': { field: 'births_ly', of: 'birth', kind: 'unknown' },
  'relative/no-peers': { items: ['甲'], level: '乡镇', units: 1, withValue: 1 },
  'relative/peers': { level: '乡镇', parent: 'A镇', count: 5, units: 5, mean: '93%', best: '98%', rank: 2 },
  'relative/no-peers-calc': { level: '乡镇', units: 3, withValue: 1 },
  'relative/formula-calc': { raw: Rational.int(11), points: Rational.int(10), kind: 'points' },
  'relative/remedy-moves': {},
};
