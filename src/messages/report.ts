/** Words of the reports themselves (conditions, headings said in plain language): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

export interface ReportArgs {
  /** The assessed period in a report's heading (`2026-09`, `2026h1`). */
  'report/period': { period: string };
  /** The reference date (`--as-of`) in a report's heading, only when it was given. */
  'report/as-of': { date: string };
  /** Batch workbook: the sheet of the items × counties league table. */
  'report/sheet-league': Record<string, never>;
  /** Batch workbook: the league table's note on what a cell holds. */
  'report/league-note': { level: string };
}

export const REPORT: Renderers<ReportArgs> = {
  'report/period': { en: (a) => `period ${a.period}`, zh: (a) => `评估期 ${a.period}` },
  'report/as-of': { en: (a) => `as of ${a.date}`, zh: (a) => `基准日 ${a.date}` },
  'report/sheet-league': { en: () => 'Item league table', zh: () => '单项指标对比表' },
  'report/league-note': {
    en: (a) =>
      `Each cell: the item's value in that ${a.level}, coloured by its status (green met, yellow partial, red failed)`,
    zh: (a) => `每格为该${a.level}该项指标的实际值，颜色表示状态（绿：达标，黄：部分失分，红：未达标）`,
  },
};
