/** Sample arguments for every cli message code (tests/report/messages.test.ts). */
import type { CliArgs } from '../../../src/messages/cli';

export const CLI_SAMPLES: { [K in keyof CliArgs]: CliArgs[K] } = {
  // Issue 11, points 8 and 9.
  'junit/vetoed': { unit: 'A镇', vetoes: ['甲', '乙'] },
  'junit/below-pass': { unit: 'A镇', scaled: '79.18', pass: '90' },
  'junit/points-lost': { items: ['甲 −2', '乙 −1'] },
  'junit/data-errors': { count: 3 },
  'junit/data-suite': { unit: 'A镇' },
  'cli/no-item-suggest': { item: '乙', titles: ['甲', '乙'], ids: ['a1', 'b2'] },
};
