/** Sample arguments for every report message code (tests/report/messages.test.ts). */
import type { ReportArgs } from '../../../src/messages/report';

export const REPORT_SAMPLES: { [K in keyof ReportArgs]: ReportArgs[K] } = {
  'report/period': { period: '2026-09' },
  'report/as-of': { date: '2026-10-08' },
  'report/sheet-league': {},
  'report/league-note': { level: '乡镇' },
};
