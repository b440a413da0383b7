/**
 * Writing a batch: the summary to stdout or -o files, and with --output-dir one
 * report per unit and period plus the summary. Progress on stderr only on a terminal.
 */
import * as path from 'node:path';
import { msg, type Lang } from '../diagnostics';
import { UsageError } from '../errors';
import { visibleLine } from '../visible';
import type { Batch, BatchEntry } from '../batch/types';
import type { Job } from './discover';
import { FORMATS, type FormatContext, type FormatName } from '../report/registry';
import { BATCH_FORMATS, type BatchFormatContext, type BatchFormatName } from '../report/batch-registry';
import type { Io } from './io';
import { emit, writeOrFail } from './commands';

export interface BatchOutput {
  lang: Lang;
  ctx: FormatContext;
  /** -o files with their formats. */
  outputs: { file: string; format: FormatName }[];
  /** --format, or undefined (table on stdout). */
  format?: FormatName;
  outputDir?: string;
  quiet: boolean;
  color: boolean;
  /** Already rendered blocks and data for the summary (trend). */
  extra?: BatchFormatContext['extra'];
}

const isBatchFormat = (f: FormatName): f is BatchFormatName => f in BATCH_FORMATS;

function batchFormat(f: FormatName): BatchFormatName {
  if (isBatchFormat(f)) return f;
  throw new UsageError(msg(`--format ${f} holds one assessment; for many counties or periods use --output-dir DIR --format ${f} (one file each) or table, json, md, html, junit, csv`, `--format ${f} 只能容纳一项评估；多个县或多期请用 --output-dir 目录 --format ${f}（每项一个文件），或用 table、json、md、html、junit、csv`));
}

/** Before any work or writing: every summary file (and stdout) must be in a format a batch has. */
export function checkBatchFormats(o: Pick<BatchOutput, 'outputs' | 'format' | 'outputDir'>): void {
  for (const out of o.outputs) batchFormat(out.format);
  if (!o.outputDir && o.outputs.length === 0) batchFormat(o.format ?? 'table');
}

export async function writeBatch(io: Io, b: Batch, o: BatchOutput): Promise<void> {
  checkBatchFormats(o);
  const say = (zh: string, en: string) => {
    if (!o.quiet) io.stderr(`${o.lang === 'zh' ? zh : en}\n`);
  };
  const render = (f: BatchFormatName, color: boolean, links?: (e: BatchEntry) => string) =>
    BATCH_FORMATS[f].render(b, { ...o.ctx, color, extra: o.extra, links });
  for (const out of o.outputs) {
    writeOrFail(io, out.file, await render(batchFormat(out.format), false));
    say(`已写入 ${out.file}`, `wrote ${out.file}`);
  }
  if (o.outputDir) {
    const formats: FormatName[] = o.format ? [o.format] : ['json', 'html'];
    const names = entryFiles(b);
    for (const e of b.entries) {
      for (const f of formats) {
        const file = path.join(o.outputDir, `${names.get(e)!}${FORMATS[f].extensions[0]}`);
        writeOrFail(io, file, await FORMATS[f].render(e.assessment, { ...o.ctx, period: e.period }));
      }
    }
    const summaries = formats.filter(isBatchFormat);
    for (const f of summaries) {
      const ext = FORMATS[f].extensions[0]!;
      writeOrFail(io, path.join(o.outputDir, `summary${ext}`), await render(f, false, (e) => `${names.get(e)!}${ext}`));
    }
    const n = b.entries.length;
    // A workbook holds one assessment: --format xlsx writes no summary.
    if (summaries.length) say(`已写入 ${o.outputDir}：${n} 份报告及汇总`, `wrote ${o.outputDir}: ${n} report${n === 1 ? '' : 's'} and the summary`);
    else say(`已写入 ${o.outputDir}：${n} 份报告（${formats.join('、')} 格式没有汇总）`, `wrote ${o.outputDir}: ${n} report${n === 1 ? '' : 's'} (no summary in ${formats.join(', ')})`);
  }
  if (o.outputs.length === 0 && !o.outputDir) emit(io, await render(batchFormat(o.format ?? 'table'), o.color && (o.format ?? 'table') === 'table'));
}

/** `<period>/<unit name>` per entry (the key is added when two units share a name). */
export function entryFiles(b: Batch): Map<BatchEntry, string> {
  const safe = (s: string) => s.replace(/[\\/:*?"<>|\u0000-\u001f]/g, '_').replace(/^\.+/, '_') || '_';
  const out = new Map<BatchEntry, string>();
  const count = new Map<string, number>();
  const keyOf = (e: BatchEntry) => `${e.period}\u0000${e.assessment.units[0]!.name}`;
  for (const e of b.entries) count.set(keyOf(e), (count.get(keyOf(e)) ?? 0) + 1);
  for (const e of b.entries) {
    const u = e.assessment.units[0]!;
    const name = count.get(keyOf(e))! > 1 ? `${u.name}-${u.key}` : u.name;
    out.set(e, `${safe(e.period ?? 'all')}/${safe(name)}`);
  }
  return out;
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
