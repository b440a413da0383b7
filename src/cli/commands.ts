/** The commands' actions. Each returns an exit code; printing goes through io. */
import * as path from 'node:path';
import { formatDiagnostic, hasErrors, type Finding, type Lang } from '../diagnostics';
import { message } from '../messages/codes';
import { InputError, UsageError, WriteError } from '../errors';
import { writeError } from './write-errors';
import { visibleLine } from '../visible';
import { readDataset } from '../data/dataset';
import { normalizeEncodingName, type Encoding } from '../data/decode';
import { evaluate } from '../engine/evaluate';
import type { Assessment, ItemResult, UnitResult } from '../engine/types';
import type { Item as ItemModel, Scheme } from '../scheme/model';
import { parseQuantity } from '../scheme/formula';
import { langFromEnv } from '../report/shared/i18n';
import { CHECK, EXPLAIN, type CheckReport } from '../report/single/registry';
import type { Rational } from '../rational';
import { withAdjustments, type AdjustmentOptions } from './adjustments';
import { bundledSchemes, loadInputs, resolveScheme, shown } from './inputs';
import { limitsOf } from './limits';
import type { Io } from './io';
import { suggestItems, VERSION } from './conventions';
import { isChunked, type Chunked } from '../report/shared/json-chunks';

export interface CommonOptions {
  scheme?: string;
  /** Worksheet of .xlsx inputs (default: the first). */
  sheet?: string;
  lang?: string;
  color?: boolean;
  verbose?: boolean;
  encoding?: string;
  headerRow?: string;
  /** `--limit name=value` items (src/cli/limits.ts). */
  limit?: string[];
}

export const EXIT = { ok: 0, gate: 1, input: 2 } as const;

/**
 * Writes an output file whole (a temporary file renamed over it); a failure throws
 * WriteError, one line naming the file and the cause (exit 2), and leaves no partial file.
 */
export function writeOrFail(io: Io, file: string, data: string | Uint8Array | Chunked): void {
  try {
    const p = path.resolve(io.cwd, file);
    if (!isChunked(data)) io.writeFile(p, data);
    else if (io.writeChunks) io.writeChunks(p, data.chunks);
    else io.writeFile(p, [...data.chunks].join(''));
  } catch (e) {
    // A system error (ENOSPC, EACCES…) is the write's; anything else is a bug, said as one.
    if (e instanceof WriteError || typeof (e as { code?: unknown })?.code === 'string') throw writeError(file, e);
    throw e;
  }
}

/**
 * Writes one of several output files: a failure is returned, not thrown, so the
 * caller says it, goes on with the others and exits 2 at the end.
 */
export function tryWrite(io: Io, file: string, data: string | Uint8Array | Chunked): Finding | undefined {
  try {
    writeOrFail(io, file, data);
    return undefined;
  } catch (e) {
    if (!(e instanceof WriteError)) throw e;
    return e.diagnostic;
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
  throw new UsageError(message('cli/bad-lang', { lang: String(opt) }));
}

export function oneOf<T extends string>(
  flag: string,
  value: string | undefined,
  allowed: readonly T[],
  fallback: T,
): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(message('cli/one-of', { flag, value, allowed: [...allowed] }));
}

export function encodingOf(o: CommonOptions): Encoding | undefined {
  if (o.encoding === undefined) return undefined;
  const e = normalizeEncodingName(o.encoding);
  if (!e) throw new UsageError(message('cli/bad-encoding', { encoding: o.encoding }));
  return e;
}

export function headerRowOf(o: CommonOptions): number | undefined {
  if (o.headerRow === undefined) return undefined;
  const n = Number(o.headerRow);
  if (!Number.isInteger(n) || n < 1)
    throw new UsageError(message('cli/bad-header-row', { value: String(o.headerRow) }));
  return n;
}

export function paramsOf(list: string[] | undefined): Map<string, Rational> {
  const out = new Map<string, Rational>();
  for (const p of list ?? []) {
    const m = /^([A-Za-z][A-Za-z0-9_]*)=(.+)$/.exec(p);
    const v = m ? parseQuantity(m[2]!) : undefined;
    if (!m || !v) throw new UsageError(message('cli/bad-param', { param: p }));
    out.set(m[1]!, v);
  }
  return out;
}

/** Findings on stderr: notes only with --verbose, and only errors with --quiet. */
export function printFindings(io: Io, ds: readonly Finding[], lang: Lang, verbose: boolean, quiet = false): void {
  for (const d of ds)
    if (quiet ? d.severity === 'error' : verbose || d.severity !== 'note') io.stderr(`${formatDiagnostic(d, lang)}\n`);
}

export interface CheckOptions extends CommonOptions {
  format?: string;
}

export async function runCheck(io: Io, data: string[], o: CheckOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const format = oneOf('--format', o.format, ['table', 'json', 'sarif'] as const, 'table');
  if (format === 'sarif') return checkSarif(io, data, o, lang);
  const report = await checkReport(io, data, o);
  io.stdout(
    format === 'json' ? CHECK.json(report, { lang }) : CHECK.table(report, { lang, verbose: Boolean(o.verbose) }),
  );
  return hasErrors(report.findings) ? EXIT.input : EXIT.ok;
}

/**
 * `check --format sarif`: every finding of the scheme and the data for code-scanning
 * dashboards, also those that stop the check (an invalid scheme, an unreadable file).
 */
async function checkSarif(io: Io, data: string[], o: CheckOptions, lang: Lang): Promise<number> {
  let findings: Finding[];
  try {
    const report = await checkReport(io, data, o);
    findings = [...report.schemeFindings, ...report.findings];
  } catch (e) {
    if (!(e instanceof InputError)) throw e;
    findings = e.diagnostics;
  }
  io.stdout(await CHECK.sarif(findings, { lang, version: VERSION }));
  return hasErrors(findings) ? EXIT.input : EXIT.ok;
}

async function checkReport(io: Io, data: string[], o: CheckOptions): Promise<CheckReport> {
  const limits = limitsOf(o.limit);
  const { scheme, warnings } = await resolveScheme(io, o.scheme, limits);
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
    const said: Finding[] = [];
    const dataset = readDataset(scheme, await loadInputs(io, data, o.sheet, limits, said), {
      encoding: encodingOf(o),
      headerRow: headerRowOf(o),
    });
    report.files = dataset.files;
    report.findings = [...said, ...dataset.findings];
  }
  return report;
}

export async function runSchemes(io: Io, o: CommonOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  for (const b of bundledSchemes(io)) {
    try {
      const { scheme } = await resolveScheme(io, b.file);
      io.stdout(
        `${b.id}\t${visibleLine(scheme.version)}\t${visibleLine(scheme.title)}\t${visibleLine(shown(io, b.file))}\n`,
      );
    } catch {
      io.stdout(
        `${b.id}\t?\t${lang === 'zh' ? '（方案无效，请运行 pinggu check --scheme ' : '(invalid; run pinggu check --scheme '}${b.id})\t${visibleLine(shown(io, b.file))}\n`,
      );
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
  const limits = limitsOf(o.limit);
  const { scheme, warnings } = await resolveScheme(io, o.scheme, limits);
  const model = explainedItem(scheme, itemRef);
  const said: Finding[] = [];
  const dataset = readDataset(scheme, await loadInputs(io, data, o.sheet, limits, said), {
    encoding: encodingOf(o),
    headerRow: headerRowOf(o),
  });
  const assessment = await withAdjustments(
    io,
    scheme,
    evaluate(scheme, dataset, { params: paramsOf(o.param), inputs: true }),
    o,
    lang,
  );
  printFindings(io, [...warnings, ...said], lang, false);
  const dataErrors = dataset.findings.filter((d) => d.severity === 'error');
  if (!assessment.units.length) {
    printFindings(io, dataErrors, lang, false);
    return EXIT.input;
  }
  const { unit, item } = explainedUnit(assessment, o.unit, model.id);
  io.stdout(EXPLAIN.render(assessment, unit, item, lang));
  printFindings(io, itemWarnings(assessment, unit, item.id), lang, false);
  printFindings(io, dataErrors, lang, false);
  return hasErrors(dataset.findings) ? EXIT.input : EXIT.ok;
}

/** The item named by id or title; a usage error naming the items it may mean. */
function explainedItem(scheme: Scheme, itemRef: string): ItemModel {
  const all = [...scheme.items, ...(scheme.bonus?.items ?? [])];
  const model = all.find((i) => i.id === itemRef) ?? all.find((i) => i.title === itemRef);
  const near = model ? [] : suggestItems(all, itemRef);
  if (near.length)
    throw new UsageError(
      message('cli/no-item-suggest', { item: itemRef, titles: near.map((i) => i.title), ids: near.map((i) => i.id) }),
    );
  if (!model) throw new UsageError(message('cli/unknown-item', { item: itemRef, example: String(all[0]?.id) }));
  return model;
}

/** The unit asked for (default: the county) and the item's result there. */
function explainedUnit(
  assessment: Assessment,
  unitRef: string | undefined,
  itemId: string,
): { unit: UnitResult; item: ItemResult } {
  const found = EXPLAIN.findUnits(assessment, unitRef);
  if (found.length > 1) {
    throw new UsageError(message('cli/ambiguous-unit', { unit: String(unitRef), keys: found.map((u) => u.key) }));
  }
  const unit = found[0];
  if (!unit) throw new UsageError(message('cli/unknown-unit', { unit: String(unitRef) }));
  const item = unit.items.find((i) => i.id === itemId);
  if (!item) throw new UsageError(message('cli/not-scored', { item: itemId, unit: unit.name, level: unit.levelTitle }));
  return { unit, item };
}

/** Why the item has no score, when the data is the reason: the warnings scoring gave for it, at this unit or below. */
function itemWarnings(assessment: Assessment, unit: UnitResult, itemId: string): Finding[] {
  const below = (u: UnitResult): UnitResult[] => [u, ...u.children.flatMap(below)];
  const units = new Set(below(unit).map((u) => `${u.level}\u0000${u.key}`));
  return assessment.data.findings.filter(
    (d) =>
      d.severity !== 'error' &&
      d.about?.items.includes(itemId) &&
      (!d.about.unit || units.has(`${d.about.unit.level}\u0000${d.about.unit.key}`)),
  );
}
