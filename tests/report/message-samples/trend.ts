/** Sample arguments for every trend message code (tests/report/messages.test.ts). */
import type { TrendArgs } from '../../../src/messages/trend';

export const TREND_SAMPLES: { [K in keyof TrendArgs]: TrendArgs[K] } = {
  'trend/not-a-report': { kind: 'wrong-type', where: 'units[0].items[1].points', expected: 'number', actual: 'string' },
  'trend/unreadable': { errno: 'EACCES' },
  'trend/too-large': { mb: 600 },
};
