/**
 * `pinggu score`: one assessment, or a batch (many counties or periods) with its
 * rankings, trend and gates. Options are checked before any work; the exit code is
 * the worst of the assessments and the gates.
 */
import { formatDiagnostic, hasErrors, type Finding, type Lang } from '../diagnostics';
import { say } from '../messages/catalog';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { visibleLine } from '../visible';
import type { Scheme } from '../scheme/model';
import type { Limits } from '../limits';
import { collect } from '../batch/collect';
import { gate, type FailOn } from '../batch/gate';
import { earlierPeriodsCheck } from '../batch/periods';
import type { Batch } from '../batch/types';
import type { Assessment } from '../engine/types';
import { SINGLE as FORMATS, type SingleFormat as FormatName } from '../report/single/registry';
import type { Detail, RunCheck } from '../report/batch/registry';
import { TREND_LINES } from '../report/trend/registry';
import { adjustMany, asOfOption, type AdjustmentOptions } from './adjustments';
import { assessJob, runBatch, type JobResult } from './batch-run';
import { emit, encodingOf, EXIT, headerRowOf, printFindings, tryWrite, type CommonOptions } from './commands';
import { discoverJobs, type Job } from './discover';
import { resolveScheme } from './inputs';
import { useColor } from './conventions';
import { limitsOf } from './limits';
import type { Io } from './io';
import { checkBatchFormats, progressBar, writeBatch } from './score-batch';
import { checkParams, scoreFlags, type ScoreFlags } from './score-flags';
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
  const f = scoreFlags(io, o);
  const limits = limitsOf(o.limit);
  const { scheme, warnings } = await resolveScheme(io, o.scheme, limits);
  checkParams(scheme, f.params);
  const found: Finding[] = [];
  const jobs = discoverJobs(io, data, f.period, found);
  printFindings(io, found, f.lang, f.verbose, f.quiet); // links skipped in the data folders
  // Several datasets are a batch whatever they hold: refuse a format it has not before scoring.
  if (jobs.length > 1) checkBatchFormats({ outputs: f.outputs, format: f.format, outputDir: o.outputDir });
  const run: Run = { io, o, f, scheme, limits, warnings, adjustFindings: [] };
  const scored = await scoreJobs(run, jobs);
  if ('single' in scored) return single(io, scored.single.assessment, singleOptions(run, scored.single.job.period));
  return reportBatch(run, scored.batch);
}

/** One run of `score`: its options, flags and scheme, and the adjustments file's findings as they come. */
interface Run {
  io: Io;
  o: ScoreOptions;
  f: ScoreFlags;
  scheme: Scheme;
  limits: Limits;
  warnings: Finding[];
  adjustFindings: Finding[];
}

/** Inspector adjustments, each assessment with its period's reference date. */
async function adjusted(run: Run, rs: JobResult[]): Promise<JobResult[]> {
  const r = await adjustMany(
    run.io,
    run.scheme,
    rs.map((x) => ({ assessment: x.assessment, period: x.job.period })),
    run.o,
  );
  run.adjustFindings.push(...r.findings);
  return rs.map((x, i) => ({ ...x, assessment: r.assessments[i]! }));
}

/**
 * Scores the jobs: one unit in one period (without --output-dir or a trend) is a
 * single report; anything more is a batch.
 */
async function scoreJobs(run: Run, jobs: Job[]): Promise<{ single: JobResult } | { batch: Batch }> {
  const { io, o, f, scheme, limits } = run;
  const read = { encoding: encodingOf(o), headerRow: headerRowOf(o) };
  const gateOf = (a: Assessment) => gate(a, f.failOn);
  const lean = leanOutputs(o, f.detail, f.outputs, f.format) && new Set(jobs.map((j) => j.period)).size <= 1;
  // Only the batch JSON writes the townships' compact lines: a table, md or html alone makes none.
  const leanLines = f.outputs.length ? f.outputs.some((x) => x.format === 'json') : f.format === 'json';
  const scoring = { sheet: o.sheet, read, params: f.params, limits, lean, leanLines };
  if (jobs.length === 1) {
    // Lean: a dataset of several counties comes back with its townships compact (one county alone, in full).
    const results = await adjusted(run, await assessJob(io, scheme, jobs[0]!, scoring));
    const one = results.length === 1 && results[0]!.assessment.units.length <= 1;
    if (one && !o.outputDir && !wantsTrend(o)) return { single: results[0]! };
    return { batch: collect(results, gateOf) };
  }
  const bar = io.stderrIsTTY && !f.quiet && jobs.length >= PROGRESS_FROM ? progressBar(io) : undefined;
  const adjust = lean ? undefined : (rs: JobResult[]) => adjusted(run, rs);
  const batch = await runBatch(io, scheme, jobs, { ...scoring, gate: gateOf, progress: bar?.tick, adjust });
  bar?.end();
  return { batch };
}

function singleOptions(run: Run, period: string | null): SingleOptions {
  const { f, o } = run;
  const { lang, sort, verbose, csvEncoding, outputs, format, quiet, failOn } = f;
  const color = useColor(run.io, o.color);
  const warnings = [...run.adjustFindings, ...run.warnings];
  return {
    lang,
    sort,
    verbose,
    csvEncoding,
    outputs,
    format,
    quiet,
    color,
    failOn,
    period,
    asOf: asOfOption(o),
    warnings,
  };
}

/** The batch's outputs, trend and gates, and what stderr says of them; the exit code of the run. */
async function reportBatch(run: Run, batch: Batch): Promise<number> {
  const { io, o, f } = run;
  const { lang, verbose, quiet, outputs, format } = f;
  const color = useColor(io, o.color);
  const toTable = outputs.length === 0 && !o.outputDir && (format ?? 'table') === 'table';
  const trend = batchTrend(io, batch, o, lang);
  const checks = earlierPeriods(batch, f.failOn, lang);
  const written = await writeBatch(io, batch, {
    lang,
    ctx: {
      lang,
      color: false,
      sort: f.sort,
      verbose,
      csvEncoding: f.csvEncoding,
      failOn: f.failOn,
      asOf: asOfOption(o),
    },
    outputs,
    format,
    outputDir: o.outputDir,
    quiet,
    color,
    report: { trend: trend?.trend, gate: trend?.gate, gates: trend?.gates, checks },
    detail: f.detail,
  });
  if (trend?.warning) io.stderr(`${trend.warning}\n`);
  // A failed gate is why the job fails: said on stderr unless the table on stdout says it.
  if (trend?.gate?.exitCode && !toTable) for (const line of TREND_LINES.gates(lang, trend.gate)) io.stderr(`${line}\n`);
  // The table on stdout lists the findings itself.
  if (!toTable) printBatchFindings(io, batch, f);
  // The adjustments file's and the scheme's warnings, as in a single run.
  printFindings(io, [...run.adjustFindings, ...run.warnings], lang, verbose, quiet);
  return Math.max(batch.exit, trend?.gate?.exitCode ?? 0, written);
}

/** The batch's findings and each source's data findings, once per source and period. */
function printBatchFindings(io: Io, batch: Batch, f: ScoreFlags): void {
  printFindings(io, batch.findings, f.lang, f.verbose, f.quiet);
  const said = new Set<string>();
  for (const e of batch.entries) {
    const k = `${e.period ?? ''}\u0000${e.source}`;
    if (said.has(k)) continue;
    said.add(k);
    printFindings(io, e.assessment.data.findings, f.lang, f.verbose, f.quiet);
  }
}

/** The JUnit check of the earlier periods (src/batch/periods.ts), in words. */
function earlierPeriods(batch: Batch, failOn: FailOn, lang: Lang): RunCheck[] {
  const check = earlierPeriodsCheck(batch, failOn);
  if (!check) return [];
  const failure = check.failures.map((m) => say(m, lang)).join('\n');
  return [{ name: say(check.name, lang), ...(failure ? { failure } : {}) }];
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
