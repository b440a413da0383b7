/** Sample arguments for every cli message code (tests/report/messages.test.ts). */
import type { CliArgs } from '../../../src/messages/cli';

export const CLI_SAMPLES: { [K in keyof CliArgs]: CliArgs[K] } = {};
