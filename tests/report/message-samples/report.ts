/** Sample arguments for every report message code (tests/report/messages.test.ts). */
import type { ReportArgs } from '../../../src/messages/report';

export const REPORT_SAMPLES: { [K in keyof ReportArgs]: ReportArgs[K] } = {
  'report/period': { period: '2026-09' },
  'report/as-of': { date: '2026-10-08' },
  'report/version': { version: '2008.1' },
  'report/yes': {},
  'report/no': {},
  'report/sheet-league': {},
  'report/sheet-ranking': {},
  'report/league-item': {},
};
