/** Sample arguments for every scheme message code (tests/report/messages.test.ts). */
import type { SchemeArgs } from '../../../src/messages/scheme';

export const SCHEME_SAMPLES: { [K in keyof SchemeArgs]: SchemeArgs[K] } = {};
