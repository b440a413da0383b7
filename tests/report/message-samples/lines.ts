/** Sample arguments for every code of weighted lines, unit types and rollup all/share (tests/report/messages.test.ts). */
import type { LinesArgs } from '../../../src/messages/lines';
import { Rational } from '../../../src/rational';

export const LINES_SAMPLES: { [K in keyof LinesArgs]: LinesArgs[K] } = {
  'scheme/line-weights': { kind: 'sum', sum: Rational.of(9n, 10n), fix: Rational.of(5n, 10n), line: 'grassroots' },
  'scheme/unit-type': { kind: 'unknown', type: '林场', types: ['乡镇', '农场'] },
  'scheme/type-points-sum': { type: '农场', section: 'control', points: Rational.int(30), sum: Rational.int(40) },
  'scheme/rollup-share': { kind: 'needs-share', item: 'towns_policy' },
  'lines/unit-type': { type: '农场', own: true },
  'lines/not-assessed': { type: '农场' },
  'lines/share': {
    all: false,
    met: 4,
    of: 5,
    need: Rational.of(4n, 5n),
    share: Rational.of(4n, 5n),
    points: Rational.int(10),
  },
  'lines/fix': { count: 1, level: '乡镇', units: ['东镇'] },
  'lines/line': {
    title: '领导责任线',
    weight: Rational.of(3n, 5n),
    score: Rational.int(90),
    full: Rational.int(100),
    weighted: Rational.int(54),
  },
};
