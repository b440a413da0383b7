/**
 * The offline page's scoring, without the DOM: a scheme's text and the dropped files
 * in; the report in every format the page shows or offers, or the scheme's errors as
 * `pinggu check` prints them. What `pinggu score` does for one dataset (src/cli/score.ts),
 * with the page's files in place of paths. Runs in the page's worker (./worker.ts).
 */
import { formatDiagnostic, type Finding, type Lang } from '../diagnostics';
import { message } from '../messages/codes';
import { say } from '../messages/catalog';
import { readDatasets, type InputFile } from '../data/dataset';
import { comparePeriods, periodOfPath } from '../data/period';
import { evaluate } from '../engine/evaluate';
import type { Assessment } from '../engine/types';
import { loadScheme } from '../scheme/load';
import type { Scheme } from '../scheme/model';
import { readXlsx } from '../data/xlsx';
import { textRowsFinding } from '../data/text-limits';
import { fileSizeError, withDefaults } from '../limits';
import { encodeCsv, formatCsv } from '../report/single/csv';
import { formatXlsx } from '../report/single/xlsx';
import { showPoints } from '../report/shared/display';
import { formatExplain } from '../report/single/explain-item';
import { formatHtml } from '../report/single/html';
import { formatJson } from '../report/single/json';
import { sortItems } from '../report/shared/order';
import { csvText, templateSheets } from '../report/single/template';
import { compareCodePoints } from '../compare';
import type { AppStep } from '../messages/app';

export interface AppFile {
  /** The path the page knows: the folder-relative path of a picked folder, else the file's name. */
  name: string;
  bytes: Uint8Array;
}

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
      /** Files of several periods (the newest scored), or several counties: said. */
      note?: string;
      html: string;
      items: AppItem[];
      findings: string[];
      templates: AppTemplate[];
      files: number;
    };

/** What a folder expands to (as `pinggu score DIR` does); other files are left alone. */
const DATA = /\.(csv|tsv)$/i;
const XLSX = /\.xlsx$/i;
const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
/** Excel's `~$报表.xlsx` and LibreOffice's `.~lock.报表.xlsx#`, left beside an open workbook. */
const isLockFile = (name: string): boolean => /^(~\$|\.~lock\.)/.test(baseName(name));
const skippedKind = (name: string): 'xls' | 'lock' | 'other' =>
  isLockFile(name) ? 'lock' : /\.xls$/i.test(name) ? 'xls' : 'other';

/** The scheme's errors as `pinggu check` prints them, or the scheme and its warnings. */
export function schemeOf(name: string, text: string): { scheme?: Scheme; findings: Finding[] } {
  const r = loadScheme(text, name);
  return { scheme: r.scheme, findings: r.diagnostics };
}

/** What the page can save of a report, made when asked (a province's workbook takes long). */
export type SaveFormat = 'json' | 'csv' | 'csv-gb18030' | 'xlsx';

/** The last report's assessment, for the files saved from it. */
export interface Scored {
  assessment: Assessment;
  period: string | null;
  lang: Lang;
}

/**
 * A report file as `pinggu score --format <format>` writes it: CSV in UTF-8 with a BOM
 * (text), or with `--csv-encoding gb18030` (bytes, by iconv-lite bundled in the page).
 */
export async function saveAs(s: Scored, format: SaveFormat): Promise<string | Uint8Array> {
  const csvEncoding = format === 'csv-gb18030' ? ('gb18030' as const) : ('utf-8' as const);
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
  const { files: chosen, period: pathPeriod, note: periodNote } = newestPeriod(req.files, lang);
  const files = await inputFiles(chosen, said);
  const sets = readDatasets(scheme, files);
  progress(2);
  // A period column with several periods: the newest, as with files of several periods.
  const newest = sets[sets.length - 1]!;
  const period = newest.period ?? pathPeriod ?? null;
  const assessment = evaluate(scheme, newest.dataset, { params: new Map() });
  progress(3);
  const ctx = { lang, color: false, sort: 'lost' as const, verbose: false, period };
  const notes = runNotes(sets, periodNote, assessment.units.length, lang);
  const top = assessment.units[0];
  const result: AppResult = {
    kind: 'report',
    schemeTitle: scheme.title,
    summary: top ? summaryOf(assessment, lang) : say(message('app/no-data', {}), lang),
    ...(notes.length ? { note: notes.join('\n') } : {}),
    html: formatHtml(assessment, ctx),
    items: top ? itemsOf(assessment, lang) : [],
    findings: [...said, ...assessment.data.findings, ...loaded.findings].map((d) => formatDiagnostic(d, lang)),
    templates,
    files: chosen.filter((f) => DATA.test(f.name) || XLSX.test(f.name)).length,
  };
  return { result, scored: { assessment, period, lang } };
}

/** The blank data sheets of a scheme, as CSV text with a BOM. */
function templatesOf(scheme: Scheme): AppTemplate[] {
  return templateSheets(scheme).map((s) => ({
    level: s.level,
    title: s.title,
    csv: `\ufeff${csvText(s.header, s.rows)}`,
  }));
}

/** What the page says above the report: that the newest of several periods (in paths, or in a 期间 column) was scored, and that several units were. */
function runNotes(
  sets: readonly { period: string | null }[],
  periodNote: string | undefined,
  units: number,
  lang: Lang,
): string[] {
  const columnPeriods = sets.map((s) => s.period).filter((p): p is string => p !== undefined);
  const columnNote =
    columnPeriods.length > 1
      ? say(message('app/periods', { shown: columnPeriods[columnPeriods.length - 1]!, periods: columnPeriods }), lang)
      : undefined;
  return [periodNote, columnNote, units > 1 ? say(message('app/batch', { units }), lang) : undefined].filter(
    (x) => x !== undefined,
  );
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

/**
 * Files of several periods (a YYYY-MM or YYYYhN in a file's name or, else, its nearest
 * folder's, as `pinggu score` reads them): the newest period's files and those of no
 * period. The command line makes a batch of them; the page scores one period.
 */
function newestPeriod(given: readonly AppFile[], lang: Lang): { files: AppFile[]; period?: string; note?: string } {
  const periodOf = (f: AppFile) => periodOfPath(f.name.split('/'));
  const periods = [...new Set(given.map(periodOf).filter((p) => p !== undefined))].sort(comparePeriods);
  if (periods.length < 2) return { files: [...given], period: periods[0] };
  const shown = periods[periods.length - 1]!;
  return {
    files: given.filter((f) => [shown, undefined].includes(periodOf(f))),
    period: shown,
    note: say(message('app/periods', { shown, periods }), lang),
  };
}

/**
 * The data files, sorted by name as a folder is read: text files as they are,
 * workbooks read into rows, each further sheet of a workbook as a file of its own (as
 * `loadInputs` of src/cli/inputs.ts does). A file over a limit is said and left out.
 */
async function inputFiles(given: readonly AppFile[], said: Finding[]): Promise<InputFile[]> {
  const out: InputFile[] = [];
  const limits = withDefaults();
  for (const f of [...given].sort((a, b) => compareCodePoints(a.name, b.name))) {
    if ((!DATA.test(f.name) && !XLSX.test(f.name)) || isLockFile(f.name)) {
      // Never a silent skip: every file given is read or said.
      said.push({
        severity: 'warning',
        file: f.name,
        line: 1,
        col: 1,
        ...message('app/skipped', { file: baseName(f.name), kind: skippedKind(f.name) }),
      });
      continue;
    }
    // The command line's limits (src/limits.ts), checked before a file is read.
    const over =
      f.bytes.length > limits.fileSize
        ? fileSizeError('fileSize', f.name, f.bytes.length, limits.fileSize)
        : DATA.test(f.name)
          ? textRowsFinding(f.bytes, f.name, limits.rows)
          : undefined;
    if (over) {
      said.push(over);
      continue;
    }
    if (DATA.test(f.name)) out.push({ name: f.name, bytes: f.bytes });
    if (!XLSX.test(f.name)) continue;
    const r = await readXlsx(f.bytes, f.name, undefined, limits);
    const overWb = r.findings.filter((d) => d.code.startsWith('limit/'));
    if (overWb.length) {
      said.push(...overWb);
      continue;
    }
    out.push({ name: f.name, bytes: f.bytes, workbook: { rows: r.rows, findings: r.findings } });
    for (const o of r.others ?? [])
      out.push({
        name: `${f.name}#${o.name}`,
        bytes: new Uint8Array(),
        workbook: { rows: o.rows, findings: [], optional: true },
      });
  }
  return out;
}
