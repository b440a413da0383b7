/** Sample arguments for every trend message code (tests/report/messages.test.ts). */
import type { TrendArgs } from '../../../src/messages/trend';

export const TREND_SAMPLES: { [K in keyof TrendArgs]: TrendArgs[K] } = {};
