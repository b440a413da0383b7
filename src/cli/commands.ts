/** The commands' actions. Each returns an exit code; printing goes through io. */
import * as path from 'node:path';
import { formatDiagnostic, hasErrors, msg, type Diagnostic, type Lang } from '../diagnostics';
import { UsageError } from '../errors';
import { readDataset } from '../data/dataset';
import { normalizeEncodingName, type Encoding } from '../data/decode';
import { evaluate } from '../engine/evaluate';
import type { Assessment } from '../engine/types';
import { parseQuantity } from '../scheme/formula';
import { FORMATS, FORMAT_NAMES, formatForFile, type FormatName } from '../report/registry';
import { langFromEnv } from '../report/i18n';
import { formatCheckJson, formatCheckText, type CheckReport } from '../report/check';
import { findUnits, formatExplain } from '../report/explain-item';
import type { Rational } from '../rational';
import { adjustMany, withAdjustments, type AdjustmentOptions } from './adjustments';
import { bundledSchemes, loadInputs, resolveScheme, shown } from './inputs';
import { discoverJobs } from './discover';
import { parsePeriod } from '../data/period';
import { assessJob, collect, runBatch, type JobResult } from './batch-run';
import type { Batch } from '../batch/types';
import { checkBatchFormats, progressBar, writeBatch } from './score-batch';
import { batchTrend, wantsTrend, type TrendOptions } from './score-trend';
import { gateLines } from '../report/trend-lines';
import { gateOptions } from './compare';
import type { Io } from './io';
import { isChunked, type Chunked } from '../report/json-chunks';

export interface CommonOptions {
  scheme?: string;
  /** Worksheet of .xlsx inputs (default: the first). */
  sheet?: string;
  lang?: string;
  color?: boolean;
  verbose?: boolean;
  encoding?: string;
  headerRow?: string;
}

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
}

export const EXIT = { ok: 0, gate: 1, input: 2 } as const;

/** Writes an output file; a path that cannot be written is a usage error, not a crash. */
export function writeOrFail(io: Io, file: string, data: string | Uint8Array | Chunked): void {
  try {
    const p = path.resolve(io.cwd, file);
    if (!isChunked(data)) io.writeFile(p, data);
    else if (io.writeChunks) io.writeChunks(p, data.chunks);
    else io.writeFile(p, [...data.chunks].join(''));
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    const why = code === 'EISDIR' ? { en: 'it is a folder', zh: '这是一个文件夹' } : code === 'EACCES' || code === 'EPERM' ? { en: 'no permission', zh: '没有写权限' } : { en: code, zh: code };
    throw new UsageError(msg(`cannot write ${file}: ${why.en}`, `无法写入 ${file}：${why.zh}`));
  }
}

/** A report on stdout; a large one piece by piece. */
export function emit(io: Io, data: string | Uint8Array | Chunked): void {
  if (!isChunked(data)) io.stdout(data);
  else for (const c of data.chunks) io.stdout(c);
}

export function chooseLang(io: Io, opt: string | undefined): Lang {
  if (opt === undefined) return langFromEnv(io.env);
  if (/^zh([-_].*)?$/i.test(opt)) return 'zh';
  if (/^en([-_].*)?$/i.test(opt)) return 'en';
  throw new UsageError(msg(`--lang ${opt}: use zh or en`, `--lang ${opt}：请用 zh 或 en`));
}

function oneOf<T extends string>(flag: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(msg(`${flag} ${value}: expected one of ${allowed.join(', ')}`, `${flag} ${value}：应为 ${allowed.join('、')} 之一`));
}

function encodingOf(o: CommonOptions): Encoding | undefined {
  if (o.encoding === undefined) return undefined;
  const e = normalizeEncodingName(o.encoding);
  if (!e) throw new UsageError(msg(`--encoding ${o.encoding}: use utf-8, gb18030 (also for gbk), utf-16le or utf-16be`, `--encoding ${o.encoding}：请用 utf-8、gb18030（GBK 也用它）、utf-16le 或 utf-16be`));
  return e;
}

function headerRowOf(o: CommonOptions): number | undefined {
  if (o.headerRow === undefined) return undefined;
  const n = Number(o.headerRow);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(msg(`--header-row ${o.headerRow}: a line number (1, 2, …) expected`, `--header-row ${o.headerRow}：应为行号（1、2……）`));
  return n;
}

function paramsOf(list: string[] | undefined): Map<string, Rational> {
  const out = new Map<string, Rational>();
  for (const p of list ?? []) {
    const m = /^([A-Za-z][A-Za-z0-9_]*)=(.+)$/.exec(p);
    const v = m ? parseQuantity(m[2]!) : undefined;
    if (!m || !v) throw new UsageError(msg(`--param ${p}: expected id=number, e.g. funds_per_capita_target=13.04`, `--param ${p}：应为 id=数值，例如 funds_per_capita_target=13.04`));
    out.set(m[1]!, v);
  }
  return out;
}

/** Findings on stderr: notes only with --verbose, and only errors with --quiet. */
function printFindings(io: Io, ds: Diagnostic[], lang: Lang, verbose: boolean, quiet = false): void {
  for (const d of ds) if (quiet ? d.severity === 'error' : verbose || d.severity !== 'note') io.stderr(`${formatDiagnostic(d, lang)}\n`);
}

export async function runScore(io: Io, data: string[], o: ScoreOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const failOn = oneOf('--fail-on', o.failOn, ['veto', 'fail', 'never'] as const, 'fail');
  const sort = oneOf('--sort', o.sort, ['lost', 'scheme'] as const, 'lost');
  const format = o.format === undefined ? undefined : oneOf('--format', o.format, FORMAT_NAMES, 'table');
  const params = paramsOf(o.param);
  const wanted = o.csvEncoding === undefined ? undefined : normalizeEncodingName(o.csvEncoding);
  const csvEncoding = wanted === 'utf-8' || wanted === 'gb18030' ? wanted : undefined;
  if (o.csvEncoding !== undefined && !csvEncoding) {
    throw new UsageError(msg(`--csv-encoding ${o.csvEncoding}: use utf-8 (with BOM, the default) or gb18030 (old Excel/WPS)`, `--csv-encoding ${o.csvEncoding}：请用 utf-8（带 BOM，默认）或 gb18030（旧版 Excel/WPS）`));
  }
  const outputs = (o.output ?? []).map((file) => {
    if (io.listDir(path.resolve(io.cwd, file))) throw new UsageError(msg(`cannot write ${file}: it is a folder`, `无法写入 ${file}：这是一个文件夹`));
    const f = format ?? formatForFile(file);
    if (!f) throw new UsageError(msg(`--output ${file}: cannot tell the format from the extension; add --format (${FORMAT_NAMES.join(', ')})`, `--output ${file}：无法从扩展名判断格式；请加 --format（${FORMAT_NAMES.join('、')}）`));
    return { file, format: f };
  });
  const period = o.period === undefined ? undefined : parsePeriod(o.period);
  if (o.period !== undefined && !period) throw new UsageError(msg(`--period ${o.period}: expected a month YYYY-MM (2026-09) or a half year YYYYhN (2026h1)`, `--period ${o.period}：应为月份 YYYY-MM（如 2026-09）或半年 YYYYhN（如 2026h1）`));
  gateOptions(o); // a bad --fail-on-regression is a usage error before any work
  const { scheme, warnings } = await resolveScheme(io, o.scheme);
  const unknown = [...params.keys()].filter((k) => !scheme.params.has(k));
  if (unknown.length) throw new UsageError(msg(`--param ${unknown[0]}: the scheme has no such param (it has: ${[...scheme.params.keys()].join(', ') || 'none'})`, `--param ${unknown[0]}：方案中没有此参数（已有：${[...scheme.params.keys()].join('、') || '无'}）`));
  const jobs = discoverJobs(io, data, period);
  // Several datasets are a batch whatever they hold: refuse a format it has not before scoring.
  if (jobs.length > 1) checkBatchFormats({ outputs, format, outputDir: o.outputDir });
  const verbose = Boolean(o.verbose);
  const quiet = Boolean(o.quiet);
  const color = io.isTTY && o.color !== false && !io.env.NO_COLOR;
  const read = { encoding: encodingOf(o), headerRow: headerRowOf(o) };
  const gateOf = (a: Assessment) => gate(a, failOn);
  // Inspector adjustments, each assessment with its period's reference date.
  const adjustFindings: Diagnostic[] = [];
  const adjusted = async (rs: JobResult[]): Promise<JobResult[]> => {
    const r = await adjustMany(io, scheme, rs.map((x) => ({ assessment: x.assessment, period: x.job.period })), o);
    adjustFindings.push(...r.findings);
    return rs.map((x, i) => ({ ...x, assessment: r.assessments[i]! }));
  };
  const bar = io.stderrIsTTY && !quiet && jobs.length >= PROGRESS_FROM ? progressBar(io) : undefined;
  let batch: Batch;
  if (jobs.length === 1) {
    const results = await adjusted(await assessJob(io, scheme, jobs[0]!, { sheet: o.sheet, read, params }));
    const one = results[0]!;
    if (results.length === 1 && one.assessment.units.length <= 1 && !o.outputDir && !wantsTrend(o)) {
      return single(io, one.assessment, { lang, sort, verbose, csvEncoding, outputs, format, quiet, color, failOn, period: one.job.period, warnings: [...adjustFindings, ...warnings] });
    }
    batch = collect(results, gateOf);
  } else {
    batch = await runBatch(io, scheme, jobs, { sheet: o.sheet, read, params, gate: gateOf, progress: bar?.tick, adjust: adjusted });
    bar?.end();
  }
  batch.findings.push(...adjustFindings);
  checkBatchFormats({ outputs, format, outputDir: o.outputDir });
  const toTable = outputs.length === 0 && !o.outputDir && (format ?? 'table') === 'table';
  const trend = batchTrend(io, batch, o, lang, color && toTable);
  await writeBatch(io, batch, { lang, ctx: { lang, color: false, sort, verbose, csvEncoding }, outputs, format, outputDir: o.outputDir, quiet, color, extra: trend?.extra });
  if (trend?.warning) io.stderr(`${trend.warning}\n`);
  // A failed gate is why the job fails: said on stderr unless the table on stdout says it.
  if (trend?.gate?.exitCode && !toTable) for (const line of gateLines(lang, trend.gate)) io.stderr(`${line}\n`);
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
  printFindings(io, warnings, lang, verbose, quiet);
  return Math.max(batch.exit, trend?.gate?.exitCode ?? 0);
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
  warnings: Diagnostic[];
}

/** One unit in one period: the report of one assessment. */
async function single(io: Io, assessment: Assessment, o: SingleOptions): Promise<number> {
  const { lang, sort, verbose, csvEncoding, outputs, format } = o;
  const render = (f: FormatName, color: boolean) => FORMATS[f].render(assessment, { lang, color, sort, verbose, csvEncoding, period: o.period });
  for (const out of outputs) {
    writeOrFail(io, out.file, await render(out.format, false));
    if (!o.quiet) io.stderr(lang === 'zh' ? `已写入 ${out.file}\n` : `wrote ${out.file}\n`);
  }
  const toStdout = outputs.length === 0;
  if (toStdout && format === 'xlsx' && io.isTTY) {
    throw new UsageError(msg('--format xlsx writes a workbook: give a file with -o report.xlsx (or redirect stdout)', '--format xlsx 输出的是工作簿：请用 -o 报告.xlsx 指定文件（或重定向标准输出）'));
  }
  const stdoutFormat = format ?? 'table';
  if (toStdout) emit(io, await render(stdoutFormat, stdoutFormat === 'table' && o.color));
  // The table on stdout lists findings itself; otherwise say them on stderr.
  if (!(toStdout && stdoutFormat === 'table')) printFindings(io, assessment.data.findings, lang, verbose, o.quiet);
  printFindings(io, o.warnings, lang, verbose, o.quiet);
  if (hasErrors(assessment.data.findings)) return EXIT.input;
  return gate(assessment, o.failOn);
}

export function gate(a: Assessment, failOn: 'veto' | 'fail' | 'never'): number {
  if (failOn === 'never') return EXIT.ok;
  // A veto that could not be checked cannot be ruled out: it fails the veto gate too.
  if (failOn === 'veto') return a.units.some((u) => u.vetoes.some((v) => v.triggered || !v.checked)) ? EXIT.gate : EXIT.ok;
  return a.units.every((u) => u.passed) ? EXIT.ok : EXIT.gate;
}

export interface CheckOptions extends CommonOptions {
  format?: string;
}

export async function runCheck(io: Io, data: string[], o: CheckOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const format = oneOf('--format', o.format, ['table', 'json'] as const, 'table');
  const { scheme, warnings } = await resolveScheme(io, o.scheme);
  const report: CheckReport = {
    scheme: {
      source: scheme.source,
      title: scheme.title,
      sections: scheme.sections.length,
      items: scheme.items.length + (scheme.bonus?.items.length ?? 0),
      vetoes: scheme.vetoes.length,
    },
    schemeFindings: warnings,
    findings: [],
  };
  if (data.length) {
    const dataset = readDataset(scheme, await loadInputs(io, data, o.sheet), { encoding: encodingOf(o), headerRow: headerRowOf(o) });
    report.files = dataset.files;
    report.findings = dataset.findings;
  }
  io.stdout(format === 'json' ? formatCheckJson(report, { lang }) : formatCheckText(report, { lang, verbose: Boolean(o.verbose) }));
  return hasErrors(report.findings) ? EXIT.input : EXIT.ok;
}

export async function runSchemes(io: Io, o: CommonOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  for (const b of bundledSchemes(io)) {
    try {
      const { scheme } = await resolveScheme(io, b.file);
      io.stdout(`${b.id}\t${scheme.version}\t${scheme.title}\t${shown(io, b.file)}\n`);
    } catch {
      io.stdout(`${b.id}\t?\t${lang === 'zh' ? '（方案无效，请运行 pinggu check --scheme ' : '(invalid; run pinggu check --scheme '}${b.id})\t${shown(io, b.file)}\n`);
    }
  }
  return EXIT.ok;
}

export async function runSchema(io: Io): Promise<number> {
  const { schemeJsonSchema } = await import('../scheme/schema');
  io.stdout(`${JSON.stringify(schemeJsonSchema(), null, 2)}\n`);
  return EXIT.ok;
}

export interface ExplainOptions extends CommonOptions, AdjustmentOptions {
  unit?: string;
  param?: string[];
}

/** `pinggu explain <item> [data...]`: one item at one unit, step by step. */
export async function runExplain(io: Io, itemRef: string, data: string[], o: ExplainOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const { scheme, warnings } = await resolveScheme(io, o.scheme);
  const all = [...scheme.items, ...(scheme.bonus?.items ?? [])];
  const model = all.find((i) => i.id === itemRef) ?? all.find((i) => i.title === itemRef);
  if (!model) throw new UsageError(msg(`no item "${itemRef}" in the scheme (give an item id such as ${all[0]?.id}, or its title)`, `方案中没有指标“${itemRef}”（请给出指标 id，如 ${all[0]?.id}，或指标名称）`));
  const dataset = readDataset(scheme, await loadInputs(io, data, o.sheet), { encoding: encodingOf(o), headerRow: headerRowOf(o) });
  const assessment = await withAdjustments(io, scheme, evaluate(scheme, dataset, { params: paramsOf(o.param), inputs: true }), o, lang);
  printFindings(io, warnings, lang, false);
  if (!assessment.units.length) {
    printFindings(io, dataset.findings.filter((d) => d.severity === 'error'), lang, false);
    return EXIT.input;
  }
  const found = findUnits(assessment, o.unit);
  if (found.length > 1) {
    throw new UsageError(msg(`--unit ${o.unit}: ${found.length} units have that name (${found.map((u) => u.key).join(', ')}); give the code or key`, `--unit ${o.unit}：有 ${found.length} 个同名单位（${found.map((u) => u.key).join('、')}）；请给出代码`));
  }
  const unit = found[0];
  if (!unit) throw new UsageError(msg(`--unit ${o.unit}: no unit of that name or code in the data`, `--unit ${o.unit}：数据中没有此名称或代码的单位`));
  const item = unit.items.find((i) => i.id === model.id);
  if (!item) throw new UsageError(msg(`item ${model.id} is not scored at ${unit.name} (level ${unit.levelTitle})`, `指标 ${model.id} 不在“${unit.name}”（${unit.levelTitle}）层级计分`));
  io.stdout(formatExplain(assessment, unit, item, lang));
  printFindings(io, dataset.findings.filter((d) => d.severity === 'error'), lang, false);
  return hasErrors(dataset.findings) ? EXIT.input : EXIT.ok;
}
