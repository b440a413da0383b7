/** Sample arguments for every report message code (tests/report/messages.test.ts). */
import type { ReportArgs } from '../../../src/messages/report';

export const REPORT_SAMPLES: { [K in keyof ReportArgs]: ReportArgs[K] } = {};
