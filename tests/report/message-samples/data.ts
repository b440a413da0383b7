/** Sample arguments for every data message code (tests/report/messages.test.ts). */
import type { DataArgs } from '../../../src/messages/data';

export const DATA_SAMPLES: { [K in keyof DataArgs]: DataArgs[K] } = {};
