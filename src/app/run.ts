/**
 * The offline page's scoring, without the DOM: a scheme's text and the dropped files
 * in; the report in every format the page shows or offers, or the scheme's errors as
 * `pinggu check` prints them. What `pinggu score` does (src/cli/score.ts) with the page's
 * files in place of paths: one report for one county in one period, else a batch
 * (./run-batch.ts). Runs in the page's worker (./worker.ts).
 */
import { formatDiagnostic, type Finding, type Lang } from '../diagnostics';
import { message } from '../messages/codes';
import { say } from '../messages/catalog';
import type { Assessment } from '../engine/types';
import { assessFiles, type JobResult } from '../batch/assess';
import { jobsOfPaths, type Job } from '../batch/jobs';
import { loadScheme } from '../scheme/load';
import type { Scheme } from '../scheme/model';
import type { BatchReport } from '../report/batch/registry';
import { encodeCsv, formatCsv } from '../report/single/csv';
import { formatXlsx } from '../report/single/xlsx';
import { showPoints } from '../report/shared/display';
import { formatExplain } from '../report/single/explain-item';
import { formatHtml } from '../report/single/html';
import { formatJson } from '../report/single/json';
import { sortItems } from '../report/shared/order';
import { csvText, templateSheets } from '../report/single/template';
import { inputFiles, isData, skipped, type AppFile } from './inputs';
import { batchContext, batchOf, batchSummary, renderBatch, type Saved } from './run-batch';
import type { AppStep } from '../messages/app';

export type { AppFile };

export interface AppRequest {
  scheme: { name: string; text: string };
  files: AppFile[];
  lang: Lang;
}

export interface AppItem {
  id: string;
  title: string;
  lost: string;
  /** Whether the item lost points (the page lists these first, the rest folded). */
  lostAny: boolean;
  /** `pinggu explain <id>` for the top unit. */
  explain: string;
}

export interface AppTemplate {
  level: string;
  title: string;
  /** UTF-8 with a BOM (what Excel and WPS open as UTF-8). */
  csv: string;
}

export type AppResult =
  | { kind: 'scheme-errors'; file: string; lines: string[] }
  /** No data yet: the scheme is good (its warnings) and its blank sheets can be had. */
  | { kind: 'scheme-ok'; schemeTitle: string; findings: string[]; templates: AppTemplate[] }
  | {
      kind: 'report';
      schemeTitle: string;
      summary: string;
      /** A batch (several counties or periods): the command line's batch report, no items. */
      batch: boolean;
      html: string;
      items: AppItem[];
      findings: string[];
      templates: AppTemplate[];
      files: number;
    };

/** The scheme's errors as `pinggu check` prints them, or the scheme and its warnings. */
export function schemeOf(name: string, text: string): { scheme?: Scheme; findings: Finding[] } {
  const r = loadScheme(text, name);
  return { scheme: r.scheme, findings: r.diagnostics };
}

/** What the page can save of a report, made when asked (a province's workbook takes long). */
export type SaveFormat = 'json' | 'csv' | 'csv-gb18030' | 'xlsx';

/** The last report, for the files saved from it: one assessment, or a batch. */
export type Scored =
  | { kind: 'single'; assessment: Assessment; period: string | null; lang: Lang }
  | { kind: 'batch'; report: BatchReport; lang: Lang };

/**
 * A report file as `pinggu score --format <format>` writes it: CSV in UTF-8 with a BOM
 * (text), or with `--csv-encoding gb18030` (bytes, by iconv-lite bundled in the page).
 */
export async function saveAs(s: Scored, format: SaveFormat): Promise<Saved> {
  const csvEncoding = format === 'csv-gb18030' ? ('gb18030' as const) : undefined;
  if (s.kind === 'batch')
    return renderBatch(s.report, format === 'csv-gb18030' ? 'csv' : format, batchContext(s.lang, csvEncoding));
  const ctx = { lang: s.lang, color: false, sort: 'lost' as const, verbose: false, csvEncoding, period: s.period };
  if (format === 'json') return formatJson(s.assessment, ctx);
  if (format === 'csv' || format === 'csv-gb18030') return formatCsv(s.assessment, ctx);
  return formatXlsx(s.assessment, ctx);
}

/** A blank data sheet's text (its UTF-8 BOM dropped) in GB18030, as `pinggu template --encoding gb18030` writes it. */
export async function templateGb18030(csv: string): Promise<Uint8Array> {
  return encodeCsv(csv.replace(/^\ufeff/, ''), 'gb18030') as Promise<Uint8Array>;
}

let lastScheme: { name: string; text: string; loaded: ReturnType<typeof schemeOf> } | undefined;

/** The scheme of the last run again when its text is the same (a drop after a drop). */
function cachedScheme(name: string, text: string): ReturnType<typeof schemeOf> {
  if (lastScheme?.name !== name || lastScheme.text !== text) lastScheme = { name, text, loaded: schemeOf(name, text) };
  return lastScheme.loaded;
}

export async function scoreInPage(req: AppRequest, progress: (step: AppStep) => void = () => {}): Promise<AppResult> {
  return (await scoreKeeping(req, progress)).result;
}

/** As scoreInPage, with the assessment kept for saveAs. */
export async function scoreKeeping(
  req: AppRequest,
  progress: (step: AppStep) => void = () => {},
): Promise<{ result: AppResult; scored?: Scored }> {
  const { lang } = req;
  const loaded = cachedScheme(req.scheme.name, req.scheme.text);
  if (!loaded.scheme)
    return {
      result: {
        kind: 'scheme-errors',
        file: req.scheme.name,
        lines: loaded.findings.map((d) => formatDiagnostic(d, lang)),
      },
    };
  const scheme = loaded.scheme;
  const templates = templatesOf(scheme);
  if (req.files.length === 0)
    return {
      result: {
        kind: 'scheme-ok',
        schemeTitle: scheme.title,
        findings: loaded.findings.map((d) => formatDiagnostic(d, lang)),
        templates,
      },
    };
  progress(1);
  const said: Finding[] = [];
  const { results, files } = await scoreFiles(scheme, req.files, said, progress);
  const warnings = loaded.findings;
  const one = results.length === 1 && results[0]!.assessment.units.length <= 1;
  if (!one) return batchResult(batchOf(results), { scheme, said, warnings, templates, files, lang });
  const { assessment, job } = results[0]!;
  const period = job.period;
  const ctx = { lang, color: false, sort: 'lost' as const, verbose: false, period };
  const top = assessment.units[0];
  const result: AppResult = {
    kind: 'report',
    schemeTitle: scheme.title,
    summary: top ? summaryOf(assessment, lang) : say(message('app/no-data', {}), lang),
    batch: false,
    html: formatHtml(assessment, ctx),
    items: top ? itemsOf(assessment, lang) : [],
    findings: [...said, ...assessment.data.findings, ...warnings].map((d) => formatDiagnostic(d, lang)),
    templates,
    files,
  };
  return { result, scored: { kind: 'single', assessment, period, lang } };
}

/**
 * The files as `pinggu score` takes them given in their parent folder: into jobs (a
 * dataset in a period: src/batch/jobs.ts), each job's files read and scored. One job
 * of one county in one period is one report; anything more a batch. `files`: how many
 * data files were read.
 */
async function scoreFiles(
  scheme: Scheme,
  given: readonly AppFile[],
  said: Finding[],
  progress: (step: AppStep) => void,
): Promise<{ results: JobResult[]; files: number }> {
  const { jobs, unread } = jobsOfPaths(given.map((f) => f.name));
  const left = new Set(unread);
  const read = await inputFiles(
    given.filter((f) => !left.has(f.name)),
    said,
  );
  said.push(...unread.map(skipped));
  progress(2);
  // A dataset none of whose files could be read is left out (the command line reports it
  // in the batch's findings); none left: one empty dataset, and the page says there are no data.
  const some = jobs.filter((j) => j.files.some((f) => read.has(f)));
  const all: Job[] = some.length ? some : [{ source: '', period: null, files: [] }];
  const results = all.flatMap((job) =>
    assessFiles(
      scheme,
      job.files.flatMap((f) => read.get(f) ?? []),
      job,
      { params: new Map() },
    ),
  );
  progress(3);
  return { results, files: given.filter((f) => isData(f.name) && !left.has(f.name)).length };
}

/** A batch's result: the command line's batch HTML, its summary in a line, and what stderr says of it. */
function batchResult(
  report: BatchReport,
  o: { scheme: Scheme; said: Finding[]; warnings: Finding[]; templates: AppTemplate[]; files: number; lang: Lang },
): Promise<{ result: AppResult; scored: Scored }> {
  const { batch } = report;
  // As printBatchFindings (src/cli/score.ts): the batch's, then each source's once per period.
  const sources = new Map(batch.entries.map((e) => [`${e.period ?? ''}\u0000${e.source}`, e.assessment.data.findings]));
  const findings = [...o.said, ...batch.findings, ...[...sources.values()].flat(), ...o.warnings];
  return renderBatch(report, 'html', batchContext(o.lang)).then((html) => ({
    result: {
      kind: 'report',
      schemeTitle: o.scheme.title,
      summary: batchSummary(report, o.lang),
      batch: true,
      html: html as string,
      items: [],
      findings: findings.map((d) => formatDiagnostic(d, o.lang)),
      templates: o.templates,
      files: o.files,
    },
    scored: { kind: 'batch', report, lang: o.lang },
  }));
}

/** The blank data sheets of a scheme, as CSV text with a BOM. */
function templatesOf(scheme: Scheme): AppTemplate[] {
  return templateSheets(scheme).map((s) => ({
    level: s.level,
    title: s.title,
    csv: `\ufeff${csvText(s.header, s.rows)}`,
  }));
}

function summaryOf(a: Assessment, lang: Lang): string {
  const u = a.units[0]!;
  const args = {
    unit: u.name,
    score: showPoints(u.scaled),
    max: showPoints(a.scheme.total),
    pass: showPoints(a.scheme.pass),
  };
  const vetoes = u.vetoes.filter((v) => v.triggered).length;
  if (u.passed) return say(message('app/summary-passed', args), lang);
  return say(vetoes ? message('app/summary-vetoed', { ...args, vetoes }) : message('app/summary-failed', args), lang);
}

/** The top unit's items, most points lost first (as the report lists them), each with its explanation. */
function itemsOf(a: Assessment, lang: Lang): AppItem[] {
  const u = a.units[0]!;
  return sortItems(u.items, 'lost').map((i) => ({
    id: i.id,
    title: i.title,
    lost: showPoints(i.lost),
    lostAny: i.lost.sign() > 0,
    explain: formatExplain(a, u, i, lang),
  }));
}
