/**
 * The page's batch: several counties or periods scored together, as `pinggu score`
 * makes a batch of them (src/cli/score.ts): the counties ranked within each period,
 * the trend over the periods, and the batch's own reports (the city summary), by the
 * BATCH registry with the command line's context.
 */
import type { Lang } from '../diagnostics';
import { say } from '../messages/catalog';
import { message } from '../messages/codes';
import { collect } from '../batch/collect';
import type { JobResult } from '../batch/assess';
import { gate } from '../batch/gate';
import { ITEM_FIELDS } from '../report/batch/compact';
import { BATCH, type BatchContext, type BatchFormat, type BatchReport } from '../report/batch/registry';
import { isChunked } from '../report/shared/json-chunks';
import { valueText } from '../report/shared/item-words';
import { batchSnapshots } from '../trend/from-batch';
import { buildTrend } from '../trend/diff';

/** What the page saves: text, bytes (a workbook, a GB18030 CSV), or the pieces of a JSON too long for one string. */
export type Saved = string | Uint8Array | string[];

/**
 * The batch of the results as `pinggu score` makes it with no flags but the format:
 * `--fail-on fail` (each entry's exit code), and the trend of the batch's own periods
 * when it has several (score-trend.ts, `batchTrend`, without --baseline or --history).
 */
export function batchOf(results: JobResult[]): BatchReport {
  const batch = collect(results, (a) => gate(a, 'fail'));
  const trend =
    batch.periods.length >= 2
      ? buildTrend([], batchSnapshots(batch, { display: valueText, compactFields: ITEM_FIELDS }))
      : undefined;
  return trend ? { batch, trend, gates: { newFailure: false } } : { batch };
}

/** The context `pinggu score` renders a batch with (no --sort, --verbose, --as-of or --detail). */
export function batchContext(lang: Lang, csvEncoding?: 'gb18030'): BatchContext {
  return { lang, color: false, sort: 'lost', verbose: false, csvEncoding, failOn: 'fail', detail: 'summary' };
}

/** The batch in one format, as the command line writes it (a long JSON in pieces). */
export async function renderBatch(r: BatchReport, format: BatchFormat, ctx: BatchContext): Promise<Saved> {
  const out = await BATCH[format].render(r, ctx);
  return isChunked(out) ? [...out.chunks] : out;
}

/** The page's line about a batch: how many counties and periods, and the newest period's verdicts. */
export function batchSummary(r: BatchReport, lang: Lang): string {
  const periods = r.batch.periods.filter((p) => p !== null);
  const newest = periods[periods.length - 1] ?? null;
  const latest = r.batch.entries.filter((e) => e.period === newest);
  const passed = latest.filter((e) => e.assessment.units[0]!.passed).length;
  const units = new Set(r.batch.entries.map((e) => e.assessment.units[0]!.key)).size;
  return say(message('app/batch-summary', { units, periods, passed, failed: latest.length - passed }), lang);
}
