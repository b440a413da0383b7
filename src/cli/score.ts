/**
 * `pinggu score`: one assessment, or a batch (many counties or periods) with its
 * rankings, trend and gates. Options are checked before any work; the exit code is
 * the worst of the assessments and the gates.
 */
import * as path from 'node:path';
import { formatDiagnostic, hasErrors, type Diagnostic, type Finding, type Lang } from '../diagnostics';
import { say } from '../messages/catalog';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { visibleLine } from '../visible';
import { normalizeEncodingName } from '../data/decode';
import { parsePeriod } from '../data/period';
import type { Batch } from '../batch/types';
import type { Assessment } from '../engine/types';
import {
  SINGLE as FORMATS,
  SINGLE_FORMATS as FORMAT_NAMES,
  formatForFile,
  type SingleFormat as FormatName,
} from '../report/single/registry';
import { DETAILS, type Detail, type RunCheck } from '../report/batch/registry';
import { TREND_LINES } from '../report/trend/registry';
import { adjustMany, asOfOption, type AdjustmentOptions } from './adjustments';
import { assessJob, collect, runBatch, type JobResult } from './batch-run';
import {
  chooseLang,
  emit,
  encodingOf,
  EXIT,
  headerRowOf,
  oneOf,
  paramsOf,
  printFindings,
  tryWrite,
  type CommonOptions,
} from './commands';
import { gateOptions } from './compare';
import { discoverJobs } from './discover';
import { resolveScheme } from './inputs';
import { useColor } from './conventions';
import { limitsOf } from './limits';
import type { Io } from './io';
import { checkBatchFormats, progressBar, writeBatch } from './score-batch';
import { batchTrend, wantsTrend, type TrendOptions } from './score-trend';

export interface ScoreOptions extends CommonOptions, AdjustmentOptions, TrendOptions {
  /** Encoding of CSV reports (--encoding is the data files'). */
  csvEncoding?: string;
  format?: string;
  output?: string[];
  failOn?: string;
  sort?: string;
  param?: string[];
  /** The period of every dataset (`2026-09`, `2026h1`), overriding names. */
  period?: string;
  outputDir?: string;
  quiet?: boolean;
  /** Batch JSON: summary (default) or full. */
  detail?: string;
}

export async function runScore(io: Io, data: string[], o: ScoreOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const failOn = oneOf('--fail-on', o.failOn, ['veto', 'fail', 'never'] as const, 'fail');
  const sort = oneOf('--sort', o.sort, ['lost', 'scheme'] as const, 'lost');
  const format = o.format === undefined ? undefined : oneOf('--format', o.format, FORMAT_NAMES, 'table');
  const detail = oneOf('--detail', o.detail, DETAILS, 'summary');
  const params = paramsOf(o.param);
  const wanted = o.csvEncoding === undefined ? undefined : normalizeEncodingName(o.csvEncoding);
  const csvEncoding = wanted === 'utf-8' || wanted === 'gb18030' ? wanted : undefined;
  if (o.csvEncoding !== undefined && !csvEncoding) {
    throw new UsageError(message('cli/csv-encoding', { encoding: o.csvEncoding }));
  }
  const outputs = (o.output ?? []).map((file) => {
    if (io.listDir(path.resolve(io.cwd, file))) throw new UsageError(message('cli/output-folder', { file }));
    const f = format ?? formatForFile(file);
    if (!f) throw new UsageError(message('cli/output-format', { file, formats: [...FORMAT_NAMES] }));
    return { file, format: f };
  });
  const period = o.period === undefined ? undefined : parsePeriod(o.period);
  if (o.period !== undefined && !period) throw new UsageError(message('cli/bad-period', { period: o.period }));
  gateOptions(o); // a bad --fail-on-regression is a usage error before any work
  const limits = limitsOf(o.limit);
  const { scheme, warnings } = await resolveScheme(io, o.scheme, limits);
  const unknown = [...params.keys()].filter((k) => !scheme.params.has(k));
  if (unknown.length)
    throw new UsageError(message('cli/unknown-param', { param: unknown[0]!, known: [...scheme.params.keys()] }));
  const found: Finding[] = [];
  const jobs = discoverJobs(io, data, period, found);
  printFindings(io, found, lang, Boolean(o.verbose), Boolean(o.quiet)); // links skipped in the data folders
  // Several datasets are a batch whatever they hold: refuse a format it has not before scoring.
  if (jobs.length > 1) checkBatchFormats({ outputs, format, outputDir: o.outputDir });
  const verbose = Boolean(o.verbose);
  const quiet = Boolean(o.quiet);
  const color = useColor(io, o.color);
  const read = { encoding: encodingOf(o), headerRow: headerRowOf(o) };
  const gateOf = (a: Assessment) => gate(a, failOn);
  // Inspector adjustments, each assessment with its period's reference date.
  const adjustFindings: Finding[] = [];
  const adjusted = async (rs: JobResult[]): Promise<JobResult[]> => {
    const r = await adjustMany(
      io,
      scheme,
      rs.map((x) => ({ assessment: x.assessment, period: x.job.period })),
      o,
    );
    adjustFindings.push(...r.findings);
    return rs.map((x, i) => ({ ...x, assessment: r.assessments[i]! }));
  };
  const bar = io.stderrIsTTY && !quiet && jobs.length >= PROGRESS_FROM ? progressBar(io) : undefined;
  const lean = leanOutputs(o, detail, outputs, format) && new Set(jobs.map((j) => j.period)).size <= 1;
  // Only the batch JSON writes the townships' compact lines: a table, md or html alone makes none.
  const leanLines = outputs.length ? outputs.some((x) => x.format === 'json') : format === 'json';
  let batch: Batch;
  if (jobs.length === 1) {
    // Lean: a dataset of several counties comes back with its townships compact (one county alone, in full).
    const results = await adjusted(
      await assessJob(io, scheme, jobs[0]!, { sheet: o.sheet, read, params, limits, lean, leanLines }),
    );
    if (results.length === 1 && results[0]!.assessment.units.length <= 1 && !o.outputDir && !wantsTrend(o)) {
      return single(io, results[0]!.assessment, {
        lang,
        sort,
        verbose,
        csvEncoding,
        outputs,
        format,
        quiet,
        color,
        failOn,
        period: results[0]!.job.period,
        asOf: asOfOption(o),
        warnings: [...adjustFindings, ...warnings],
      });
    }
    batch = collect(results, gateOf);
  } else {
    batch = await runBatch(io, scheme, jobs, {
      sheet: o.sheet,
      read,
      params,
      limits,
      gate: gateOf,
      progress: bar?.tick,
      adjust: lean ? undefined : adjusted,
      lean,
      leanLines,
    });
    bar?.end();
  }
  const toTable = outputs.length === 0 && !o.outputDir && (format ?? 'table') === 'table';
  const trend = batchTrend(io, batch, o, lang);
  const checks = earlierMonths(batch, failOn, lang);
  const written = await writeBatch(io, batch, {
    lang,
    ctx: { lang, color: false, sort, verbose, csvEncoding, failOn, asOf: asOfOption(o) },
    outputs,
    format,
    outputDir: o.outputDir,
    quiet,
    color,
    report: { trend: trend?.trend, gate: trend?.gate, gates: trend?.gates, checks },
    detail,
  });
  if (trend?.warning) io.stderr(`${trend.warning}\n`);
  // A failed gate is why the job fails: said on stderr unless the table on stdout says it.
  if (trend?.gate?.exitCode && !toTable) for (const line of TREND_LINES.gates(lang, trend.gate)) io.stderr(`${line}\n`);
  // The table on stdout lists the findings itself.
  if (outputs.length || o.outputDir || (format ?? 'table') !== 'table') {
    printFindings(io, batch.findings, lang, verbose, quiet);
    const said = new Set<string>();
    for (const e of batch.entries) {
      const k = `${e.period ?? ''}\u0000${e.source}`;
      if (said.has(k)) continue;
      said.add(k);
      printFindings(io, e.assessment.data.findings, lang, verbose, quiet);
    }
  }
  // The adjustments file's and the scheme's warnings, as in a single run.
  printFindings(io, [...adjustFindings, ...warnings], lang, verbose, quiet);
  return Math.max(batch.exit, trend?.gate?.exitCode ?? 0, written);
}

/**
 * JUnit shows the newest period only, but the exit code counts every period: one
 * test case says which assessments of the earlier periods fail --fail-on (or have
 * data errors), so a red job always has a failed test that explains it.
 */
function earlierMonths(batch: Batch, failOn: string, lang: Lang): RunCheck[] {
  if (batch.periods.length < 2 || failOn === 'never') return [];
  const newest = batch.periods[batch.periods.length - 1];
  const failing = batch.entries.filter((e) => e.period !== newest && e.exit > 0);
  const line = (e: Batch['entries'][number]) =>
    say(
      message('junit/earlier-failing', {
        period: e.period ?? '—',
        unit: e.assessment.units[0]!.name,
        failOn,
        kind: e.exit === 2 ? 'data' : 'gate',
      }),
      lang,
    );
  return [
    {
      name: say(message('junit/earlier-periods', { failOn }), lang),
      ...(failing.length ? { failure: failing.map(line).join('\n') } : {}),
    },
  ];
}

/** The batch outputs that need nothing of the units below a county but the default JSON's compact lines. */
const LEAN_FORMATS: readonly FormatName[] = ['json', 'table', 'md', 'html'];

/**
 * Whether a batch may drop the units below each county as it goes (BatchOptions.lean):
 * the summary JSON and the summaries of table, md and html only; not with per-county
 * reports (--output-dir), a trend or gate, inspector adjustments, CSV or JUnit.
 */
function leanOutputs(
  o: ScoreOptions,
  detail: Detail,
  outputs: { format: FormatName }[],
  format: FormatName | undefined,
): boolean {
  if (detail !== 'summary' || o.outputDir !== undefined || wantsTrend(o) || o.adjustments !== undefined) return false;
  return outputs.length
    ? outputs.every((x) => LEAN_FORMATS.includes(x.format))
    : LEAN_FORMATS.includes(format ?? 'table');
}

/** Batches show a progress bar from this many datasets on (on a terminal). */
const PROGRESS_FROM = 5;

interface SingleOptions {
  lang: Lang;
  sort: 'lost' | 'scheme';
  verbose: boolean;
  quiet: boolean;
  color: boolean;
  csvEncoding?: 'utf-8' | 'gb18030';
  outputs: { file: string; format: FormatName }[];
  format?: FormatName;
  failOn: 'veto' | 'fail' | 'never';
  period: string | null;
  /** --as-of, shown in the reports' headings only when given. */
  asOf?: string;
  warnings: Finding[];
}

/** One unit in one period: the report of one assessment. */
async function single(io: Io, assessment: Assessment, o: SingleOptions): Promise<number> {
  const { lang, sort, verbose, csvEncoding, outputs, format } = o;
  const render = (f: FormatName, color: boolean) =>
    FORMATS[f].render(assessment, {
      lang,
      color,
      sort,
      verbose,
      csvEncoding,
      period: o.period,
      failOn: o.failOn,
      asOf: o.asOf,
    });
  // One -o file that cannot be written does not stop the others; it makes the exit code 2.
  let written: number = EXIT.ok;
  for (const out of outputs) {
    const failed = tryWrite(io, out.file, await render(out.format, false));
    if (failed) io.stderr(`${formatDiagnostic(failed, lang)}\n`);
    if (failed) written = EXIT.input;
    else if (!o.quiet)
      io.stderr(lang === 'zh' ? `已写入 ${visibleLine(out.file)}\n` : `wrote ${visibleLine(out.file)}\n`);
  }
  const toStdout = outputs.length === 0;
  if (toStdout && format === 'xlsx' && io.isTTY) {
    throw new UsageError(message('cli/xlsx-stdout', {}));
  }
  const stdoutFormat = format ?? 'table';
  if (toStdout) emit(io, await render(stdoutFormat, stdoutFormat === 'table' && o.color));
  // The table on stdout lists findings itself; otherwise say them on stderr.
  if (!(toStdout && stdoutFormat === 'table')) printFindings(io, assessment.data.findings, lang, verbose, o.quiet);
  printFindings(io, o.warnings, lang, verbose, o.quiet);
  if (hasErrors(assessment.data.findings)) return EXIT.input;
  return Math.max(written, gate(assessment, o.failOn));
}

export function gate(a: Assessment, failOn: 'veto' | 'fail' | 'never'): number {
  if (failOn === 'never') return EXIT.ok;
  // A veto that could not be checked cannot be ruled out: it fails the veto gate too.
  if (failOn === 'veto')
    return a.units.some((u) => u.vetoes.some((v) => v.triggered || !v.checked)) ? EXIT.gate : EXIT.ok;
  return a.units.every((u) => u.passed) ? EXIT.ok : EXIT.gate;
}
