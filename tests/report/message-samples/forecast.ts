/** Sample arguments for every forecast message code (tests/report/messages.test.ts). */
import type { ForecastArgs } from '../../../src/messages/forecast';

export const FORECAST_SAMPLES: { [K in keyof ForecastArgs]: ForecastArgs[K] } = {
  'forecast/not-a-month': { period: '2026h1' },
  'forecast/two-years': { a: '2026-09', b: '2027-09' },
  'forecast/month-twice': { period: '2026-08' },
  'forecast/no-months': {},
  'forecast/history-year': { want: '2025-09', got: '2024-09' },
  'forecast/unit-missing': { unit: 'A镇', period: '2026-07' },
  'forecast/title': { title: 'Scheme 2008', yearEnd: '2026-09' },
  'forecast/basis': { months: ['2026-07', '2026-08'], kind: 'history', history: ['2025-07'] },
  'forecast/complete': { yearEnd: '2026-09' },
  'forecast/col': { kind: 'year-end' },
  'forecast/verdict': { kind: 'veto', vetoes: ['veto A'] },
  'forecast/risk': { kind: 'already', from: '2026-09' },
  'forecast/no-risk': {},
  'forecast/still-short': { items: ['A镇 (2026-07)'] },
  'forecast/legend': { kind: 'projected' },
  'forecast/risks-of': { unit: 'B镇' },
};
