/** Words of the reports themselves (conditions, headings said in plain language): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

export interface ReportArgs {
  /** The assessed period in a report's heading (`2026-09`, `2026h1`). */
  'report/period': { period: string };
  /** The reference date (`--as-of`) in a report's heading, only when it was given. */
  'report/as-of': { date: string };
  /** The scheme's version in a heading where the bare number would not say what it is. */
  'report/version': { version: string };
  /** A yes/no value where a person reads it (✓/✗ stay in the JSON). */
  'report/yes': Record<string, never>;
  'report/no': Record<string, never>;
  /** Batch workbook: the per-item league table (items × counties) and the ranking sheet's names. */
  'report/sheet-league': Record<string, never>;
  'report/sheet-ranking': Record<string, never>;
  /** Batch workbook: the header of the counties' column in the league table. */
  'report/league-item': Record<string, never>;
}

export const REPORT: Renderers<ReportArgs> = {
  'report/period': { en: (a) => `period ${a.period}`, zh: (a) => `评估期 ${a.period}` },
  'report/as-of': { en: (a) => `as of ${a.date}`, zh: (a) => `基准日 ${a.date}` },
  'report/version': { en: (a) => `version ${a.version}`, zh: (a) => `版本 ${a.version}` },
  'report/yes': { en: () => 'yes', zh: () => '是' },
  'report/no': { en: () => 'no', zh: () => '否' },
  'report/sheet-league': { en: () => 'Items by county', zh: () => '单项对比' },
  'report/sheet-ranking': { en: () => 'Ranking', zh: () => '排名' },
  'report/league-item': { en: () => 'Item', zh: () => '指标' },
};
