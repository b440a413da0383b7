/** Sample arguments for every code of weighted lines, unit types and rollup all/share (tests/report/messages.test.ts). */
import type { LinesArgs } from '../../../src/messages/lines';
import { Rational } from '../../../src/rational';

export const LINES_SAMPLES: { [K in keyof LinesArgs]: LinesArgs[K] } = {
  'scheme/line-weights': { kind: 'sum', sum: Rational.of(9n, 10n), fix: Rational.of(5n, 10n), line: 'grassroots' },
  'scheme/unit-type': { kind: 'unknown', type: '甲', types: ['乙', '乡镇'] },
  'scheme/type-points-sum': { type: '甲', section: 'control', points: Rational.int(30), sum: Rational.int(40) },
  'scheme/rollup-share': { kind: 'needs-share', item: 'towns_policy' },
  'lines/unit-type': { kind: 'own', type: '甲' },
  'lines/not-assessed': { type: '甲' },
  // Shares of 1 (100%): a rational argument shows as its decimal (1) inside the percentage.
  'lines/share': { kind: 'all', met: 4, of: 5, need: Rational.ONE, share: Rational.ONE, points: Rational.int(10) },
  'lines/fix': { count: 2, level: '乡镇', units: ['A镇', 'B镇'] },
  'lines/line': {
    title: '甲',
    weight: Rational.ONE,
    score: Rational.int(90),
    full: Rational.int(100),
    weighted: Rational.int(54),
  },
};
