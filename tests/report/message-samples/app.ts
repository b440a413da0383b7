/** Sample arguments for every app message code (tests/report/messages.test.ts). */
import type { AppArgs } from '../../../src/messages/app';

export const APP_SAMPLES: { [K in keyof AppArgs]: AppArgs[K] } = {};
