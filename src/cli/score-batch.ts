/**
 * Writing a batch: the summary to stdout or -o files, and with --output-dir one
 * report per unit and period plus the summary. Progress on stderr only on a terminal.
 */
import * as path from 'node:path';
import { formatDiagnostic, type Lang } from '../diagnostics';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { visibleLine } from '../visible';
import type { Batch, BatchEntry } from '../batch/types';
import type { Job } from './discover';
import { SINGLE, type SingleContext, type SingleFormat } from '../report/single/registry';
import { BATCH, type BatchContext, type BatchFormat, type BatchReport } from '../report/batch/registry';
import type { Io } from './io';
import { emit, EXIT, tryWrite } from './commands';
import { entryFiles } from '../batch/file-names';

export { entryFiles };

export interface BatchOutput {
  lang: Lang;
  ctx: SingleContext;
  /** -o files with their formats. */
  outputs: { file: string; format: SingleFormat }[];
  /** --format, or undefined (table on stdout). */
  format?: SingleFormat;
  outputDir?: string;
  quiet: boolean;
  color: boolean;
  /** What the summary shows besides the batch (the trend, the gates, further checks), as data. */
  report?: Omit<BatchReport, 'batch'>;
  /** --detail: how much of the units below each county the batch JSON holds. */
  detail?: BatchContext['detail'];
}

const isBatchFormat = (f: SingleFormat): f is BatchFormat => f in BATCH;

function batchFormat(f: SingleFormat): BatchFormat {
  if (isBatchFormat(f)) return f;
  throw new UsageError(message('cli/batch-format', { format: f }));
}

/** Before any work or writing: every summary file (and stdout) must be in a format a batch has. */
export function checkBatchFormats(o: Pick<BatchOutput, 'outputs' | 'format' | 'outputDir'>): void {
  for (const out of o.outputs) batchFormat(out.format);
  if (!o.outputDir && o.outputs.length === 0) batchFormat(o.format ?? 'table');
}

/** Failed writes said one by one; the rest counted. */
const SAY_FAILURES = 10;

/** How writeBatch writes, says and renders: shared by the -o files and the --output-dir folder. */
interface BatchWriter {
  say: (zh: string, en: string) => void;
  write: (file: string, data: Parameters<typeof tryWrite>[2]) => boolean;
  sayMore: () => void;
  render: (
    f: BatchFormat,
    color: boolean,
    links?: (e: BatchEntry) => string | undefined,
  ) => ReturnType<(typeof BATCH)[BatchFormat]['render']>;
}

/** --output-dir: one report per unit and period, then the summaries linking to the reports that were written. */
async function writeOutputDir(b: Batch, o: BatchOutput, dir: string, w: BatchWriter): Promise<void> {
  const { say, write, sayMore, render } = w;
  const formats: SingleFormat[] = o.format ? [o.format] : ['json', 'html'];
  const names = entryFiles(b);
  /** Each entry's files that were written, by extension: the summary links only to those. */
  const written = new Map<BatchEntry, Set<string>>();
  for (const e of b.entries) {
    const ok = new Set<string>();
    for (const f of formats) {
      const ext = SINGLE[f].extensions[0]!;
      if (
        write(
          path.join(dir, `${names.get(e)!}${ext}`),
          await SINGLE[f].render(e.assessment, { ...o.ctx, period: e.period }),
        )
      )
        ok.add(ext);
    }
    written.set(e, ok);
  }
  const summaries = formats.filter(isBatchFormat);
  let summaryOk = summaries.length > 0;
  for (const f of summaries) {
    const ext = SINGLE[f].extensions[0]!;
    const link = (e: BatchEntry) => (written.get(e)?.has(ext) ? `${names.get(e)!}${ext}` : undefined);
    summaryOk = write(path.join(dir, `summary${ext}`), await render(f, false, link)) && summaryOk;
  }
  const n = b.entries.filter((e) => written.get(e)!.size === formats.length).length;
  const total = b.entries.length;
  const reports =
    n === total
      ? { en: `${n} report${n === 1 ? '' : 's'}`, zh: `${n} 份报告` }
      : { en: `${n} of ${total} reports`, zh: `${total} 份报告中的 ${n} 份` };
  sayMore();
  // A workbook holds one assessment: --format xlsx writes no summary.
  if (!summaries.length)
    say(
      `已写入 ${dir}：${reports.zh}（${formats.join('、')} 格式没有汇总）`,
      `wrote ${dir}: ${reports.en} (no summary in ${formats.join(', ')})`,
    );
  else if (summaryOk) say(`已写入 ${dir}：${reports.zh}及汇总`, `wrote ${dir}: ${reports.en} and the summary`);
  else
    say(
      `已写入 ${dir}：${reports.zh}（汇总未能写入）`,
      `wrote ${dir}: ${reports.en} (the summary could not be written)`,
    );
}

/**
 * Writes the batch's outputs. A file that cannot be written is said on stderr at
 * once and the others are still written; the result is 2 when any failed, else 0.
 */
export async function writeBatch(io: Io, b: Batch, o: BatchOutput): Promise<number> {
  checkBatchFormats(o);
  const say = (zh: string, en: string) => {
    if (!o.quiet) io.stderr(`${visibleLine(o.lang === 'zh' ? zh : en)}\n`);
  };
  // Each failure said at once; past SAY_FAILURES (a full disk fails every file) only counted, and the count said.
  let failed = 0;
  const write = (file: string, data: Parameters<typeof tryWrite>[2]): boolean => {
    const bad = tryWrite(io, file, data);
    if (bad && ++failed <= SAY_FAILURES) io.stderr(`${formatDiagnostic(bad, o.lang)}\n`);
    return !bad;
  };
  const sayMore = () => {
    const more = failed - SAY_FAILURES;
    if (more > 0)
      io.stderr(
        `${formatDiagnostic({ severity: 'error', ...message('output/write-failed', { kind: 'more', count: more }) }, o.lang)}\n`,
      );
  };
  const render = (f: BatchFormat, color: boolean, links?: (e: BatchEntry) => string | undefined) =>
    BATCH[f].render({ ...o.report, batch: b }, { ...o.ctx, color, links, detail: o.detail });
  for (const out of o.outputs) {
    if (write(out.file, await render(batchFormat(out.format), false))) say(`已写入 ${out.file}`, `wrote ${out.file}`);
  }
  if (!o.outputDir) sayMore();
  if (o.outputDir) await writeOutputDir(b, o, o.outputDir, { say, write, sayMore, render });
  if (o.outputs.length === 0 && !o.outputDir && o.format === 'xlsx' && io.isTTY) {
    throw new UsageError(message('cli/batch-xlsx-stdout', {}));
  }
  if (o.outputs.length === 0 && !o.outputDir)
    emit(io, await render(batchFormat(o.format ?? 'table'), o.color && (o.format ?? 'table') === 'table'));
  return failed ? EXIT.input : EXIT.ok;
}

/** A one-line progress bar on stderr, redrawn in place; cleared at the end. */
export function progressBar(io: Io): { tick: (done: number, total: number, job: Job) => void; end: () => void } {
  let drawn = false;
  return {
    tick(done, total, job) {
      const width = 24;
      const full = Math.round((done / total) * width);
      const label = visibleLine(`${job.period ?? ''} ${job.source}`.trim().slice(-40));
      io.stderr(`\r\u001b[K[${'#'.repeat(full)}${' '.repeat(width - full)}] ${done}/${total} ${label}`);
      drawn = true;
    },
    end() {
      if (drawn) io.stderr('\r\u001b[K');
    },
  };
}
