/** Resolving command-line inputs: a scheme file or bundled id, data files and folders. */
import * as path from 'node:path';
import type { CodedDiagnostic, Diagnostic, Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { InputError, UsageError } from '../errors';
import type { InputFile } from '../data/dataset';
import { compilePrepared, schemeFromCache, type Preparsed } from '../scheme/prepared';
import type { Scheme } from '../scheme/model';
import { textRowsFinding } from '../data/text-limits';
import { fileSizeError, withDefaults, type Limits } from '../limits';
import type { Io } from './io';
import { compareCodePoints } from '../compare';
import { sameFile } from './walk';
import { isLockFile, XLS, xlsKind } from './file-kinds';

export const DEFAULT_SCHEME = 'jsyzfw-2008';
/** What a folder argument expands to (other files, such as a README.txt, are left alone). */
const DATA_EXT = /\.(csv|tsv|xlsx|xls)$/i;
const XLSX = /\.xlsx$/i;

export interface BundledScheme {
  id: string;
  file: string;
}

export function bundledSchemes(io: Io): BundledScheme[] {
  const dir = path.join(io.root, 'criteria');
  return (io.listDir(dir) ?? [])
    .filter((f) => /\.ya?ml$/.test(f))
    .sort(compareCodePoints)
    .map((f) => ({ id: f.replace(/\.ya?ml$/, ''), file: path.join(dir, f) }));
}

/** Shows a path relative to the working directory when it lies below it. */
export function shown(io: Io, p: string): string {
  const rel = path.relative(io.cwd, p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : p;
}

function readOrFail(io: Io, p: string, what: 'scheme' | 'data'): Uint8Array {
  try {
    return io.readFile(p);
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    const d: CodedDiagnostic = {
      severity: 'error',
      file: shown(io, p),
      line: 1,
      col: 1,
      ...message(`${what}/unreadable`, { errno: code }),
    };
    throw new InputError([d]);
  }
}

/**
 * The scheme a command names (a file, or a bundled id). A bundled scheme the build
 * prepared is only compiled; anything else loads the YAML parser and the schema, which
 * is why this is async (they load on first use, keeping them out of start-up).
 */
export async function resolveScheme(
  io: Io,
  ref: string | undefined,
  limits: Limits = withDefaults(),
): Promise<{ scheme: Scheme; warnings: Diagnostic[] }> {
  const id = ref ?? DEFAULT_SCHEME;
  const asPath = path.resolve(io.cwd, id);
  const bundled = bundledSchemes(io).find((b) => b.id === id);
  const file = io.exists(asPath) && !io.listDir(asPath) ? asPath : bundled?.file;
  if (!file && io.listDir(asPath)) {
    throw new UsageError(message('cli/is-folder', { flag: '--scheme', file: id, kind: 'scheme' }));
  }
  if (!file) {
    throw new UsageError(message('cli/unknown-scheme', { scheme: id, bundled: bundledSchemes(io).map((b) => b.id) }));
  }
  // Before it is read, and again after (a file that is not a regular one has no size until then).
  const size = io.fileSize(file);
  if (size !== undefined && size > limits.schemeSize)
    throw new InputError([fileSizeError('schemeSize', shown(io, file), size, limits.schemeSize)]);
  const bytes = readOrFail(io, file, 'scheme');
  // Before anything parses it: a scheme of 130 MB would take minutes and then the memory.
  if (bytes.length > limits.schemeSize)
    throw new InputError([fileSizeError('schemeSize', shown(io, file), bytes.length, limits.schemeSize)]);
  let text: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = undefined; // not UTF-8: loadSchemeBytes says where
  }
  const name = shown(io, file);
  const cached = text === undefined ? undefined : compiledCache(io, file, text, name);
  if (cached) return { scheme: cached.scheme, warnings: cached.diagnostics };
  const pre = text === undefined ? undefined : preparsed(io, file, text);
  const fast = pre?.checked ? compilePrepared(pre.data, name) : undefined;
  if (fast) return { scheme: fast.scheme, warnings: fast.diagnostics };
  const { loadScheme, loadSchemeBytes } = await import('../scheme/load');
  const r =
    text === undefined
      ? loadSchemeBytes(bytes, name, undefined, limits)
      : loadScheme(text, name, pre?.checked ? undefined : pre, limits);
  if (!r.scheme) throw new InputError(r.diagnostics);
  return { scheme: r.scheme, warnings: r.diagnostics };
}

/** The build that made this bundle (scripts/build.mjs defines it); undefined when running from the sources. */
declare const PINGGU_BUILD: string | undefined;
const BUILD = typeof PINGGU_BUILD === 'string' ? PINGGU_BUILD : undefined;

/**
 * A bundled scheme as the build compiled it (dist/criteria/<file>.compiled.json), when
 * the cache was made from this very text (compared whole: an edited criteria/ file is
 * never served from the cache) by the build that made the running code (`build`;
 * running from the sources there is none, and the scheme is compiled).
 */
export function compiledCache(
  io: Io,
  file: string,
  text: string,
  name: string,
  build: string | undefined = BUILD,
): ReturnType<typeof schemeFromCache> {
  if (build === undefined || path.dirname(file) !== path.join(io.root, 'criteria')) return undefined;
  const cache = path.join(io.root, 'dist', 'criteria', `${path.basename(file)}.compiled.json`);
  let entry: { build?: string; source?: string; compiled?: unknown };
  try {
    entry = JSON.parse(new TextDecoder().decode(io.readFile(cache))) as typeof entry;
  } catch {
    return undefined;
  }
  return entry.build === build && entry.source === text ? schemeFromCache(entry.compiled, name) : undefined;
}

/** The build's work on a bundled scheme, when it was made from exactly this text (compared whole). */
function preparsed(io: Io, file: string, text: string): Preparsed | undefined {
  const cache = path.join(io.root, 'dist', 'criteria', `${path.basename(file)}.json`);
  if (path.dirname(file) !== path.join(io.root, 'criteria') || !io.exists(cache)) return undefined;
  try {
    const entry = JSON.parse(new TextDecoder().decode(io.readFile(cache))) as {
      source?: string;
      data?: unknown;
      checked?: boolean;
    };
    return entry.source === text ? { data: entry.data, checked: entry.checked === true } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Files as given, folders expanded to the data files inside them (sorted). A file over
 * the size limit (checked before it is read), or a text file over the rows limit, stops
 * the run (InputError). Each real file is read once, as `score` does (src/cli/discover.ts):
 * a path named twice silently, the same file reached through a link with a warning
 * (data/link-same-file) pushed to `said`.
 */
export function readInputs(io: Io, args: string[], limits: Limits = withDefaults(), said: Finding[] = []): InputFile[] {
  if (args.length === 0) {
    throw new UsageError(message('cli/no-data', {}));
  }
  const files: string[] = [];
  for (const a of args) {
    const p = path.resolve(io.cwd, a);
    const entries = io.listDir(p);
    if (entries) {
      const inside = entries
        .filter((e) => DATA_EXT.test(e) && !isLockFile(e))
        .sort(compareCodePoints)
        .map((e) => path.join(p, e));
      for (const e of entries
        .filter((x) => isLockFile(x) && (DATA_EXT.test(x) || x.endsWith('#')))
        .sort(compareCodePoints)) {
        said.push({
          severity: 'note',
          file: shown(io, path.join(p, e)),
          ...message('data/lock-file', { kind: 'skipped' }),
        });
      }
      if (!inside.length) throw new UsageError(emptyFolder(io, a, p, entries));
      files.push(...inside);
    } else if (io.exists(p)) files.push(p);
    else throw new UsageError(message('cli/no-such-path', { path: a }));
  }
  return onePathEach(io, [...new Set(files)], said).map((f) => {
    const name = shown(io, f);
    const at = { severity: 'error' as const, file: name, line: 1, col: 1 };
    if (isLockFile(f)) throw new InputError([{ ...at, ...message('data/lock-file', { kind: 'named' }) }]);
    const size = io.fileSize(f);
    if (size !== undefined && size > limits.fileSize)
      throw new InputError([fileSizeError('fileSize', name, size, limits.fileSize)]);
    const bytes = readOrFail(io, f, 'data');
    if (bytes.length > limits.fileSize)
      throw new InputError([fileSizeError('fileSize', name, bytes.length, limits.fileSize)]);
    if (XLS.test(f)) throw new InputError([{ ...at, ...message('data/xls', { kind: xlsKind(bytes) }) }]);
    const tooLong = XLSX.test(f) ? undefined : textRowsFinding(bytes, name, limits.rows);
    if (tooLong) throw new InputError([tooLong]);
    return { name, bytes };
  });
}

/**
 * Each real file once, under the path without a link to it if one was given, else the
 * first; each other path to it is said (as discoverJobs does for `score`).
 */
function onePathEach(io: Io, files: string[], said: Finding[]): string[] {
  const real = new Map(files.map((f) => [f, io.realPath(f)]));
  const keep = new Map<string, string>();
  for (const f of files)
    if (!keep.has(real.get(f)!) && real.get(f) === path.join(io.realPath(path.dirname(f)), path.basename(f)))
      keep.set(real.get(f)!, f);
  for (const f of files) if (!keep.has(real.get(f)!)) keep.set(real.get(f)!, f);
  return files.filter((f) => {
    const first = keep.get(real.get(f)!)!;
    if (first !== f) said.push(sameFile(io, f, first));
    return first === f;
  });
}

/** Why a folder gives no files: none at all, or data only in its subfolders (month folders: `score` reads those). */
function emptyFolder(io: Io, given: string, p: string, entries: string[]): ReturnType<typeof message> {
  const withData = entries
    .filter((e) => io.listDir(path.join(p, e))?.some((f) => DATA_EXT.test(f) && !isLockFile(f)))
    .sort(compareCodePoints);
  if (!withData.length) return message('cli/folder-no-csv', { folder: given });
  const last = withData[withData.length - 1]!;
  const shownSubs = withData.length > 3 ? [...withData.slice(0, 2), '…', last] : withData;
  return message('cli/folder-only-subfolders', {
    folder: given,
    subfolders: shownSubs,
    example: path.join(given, last),
  });
}

/**
 * As readInputs, with workbooks (.xlsx) read into rows; the workbook reader loads only
 * then. A workbook over a limit stops the run as a text file does.
 */
export async function loadInputs(
  io: Io,
  args: string[],
  sheet?: string,
  limits: Limits = withDefaults(),
  said: Finding[] = [],
): Promise<InputFile[]> {
  const out: InputFile[] = [];
  for (const f of readInputs(io, args, limits, said)) {
    out.push(f);
    if (!XLSX.test(f.name)) continue;
    const { readXlsx } = await import('../data/xlsx');
    const r = await readXlsx(f.bytes, f.name, sheet, limits);
    const over = r.findings.filter((d) => d.code.startsWith('limit/'));
    if (over.length) throw new InputError(over);
    // `book`: read without --sheet, so sheets alike (乡镇 and 上月乡镇) are an error (src/data/dataset.ts).
    const book = sheet === undefined ? f.name : undefined;
    f.workbook = { rows: r.rows, findings: r.findings, sheet: r.sheetName, book };
    // Without --sheet every visible sheet is read; one without a header of this scheme is skipped.
    for (const o of r.others ?? [])
      out.push({
        name: `${f.name}#${o.name}`,
        bytes: new Uint8Array(),
        workbook: { rows: o.rows, findings: [], optional: true, sheet: o.name, book },
      });
  }
  return out;
}
