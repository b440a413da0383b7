/**
 * The workbook limits (src/limits.ts), checked before exceljs loads a workbook: it
 * holds every cell as an object (some 300 bytes each), so a sheet of 400,000 rows
 * dies out of memory after minutes. Here the zip is only streamed through: the sheet
 * XML's declared size (`<dimension ref="A1:AD400001"/>`) is refused at once, and the
 * rows and cells actually there are counted, as are the bytes it unpacks to (a zip
 * bomb), stopping at the first limit passed. A merged range counts all the cells it
 * covers (exceljs makes an object of each on load, so `D5:Z50000` in a 6 KB file
 * is a million cells) and its bottom row counts against the rows limit.
 */
import type { CodedDiagnostic } from '../diagnostics';
import { fileSizeError, type Limits } from '../limits';
import { message, type Message } from '../messages/codes';
import { entryText, inflateEntry, zipEntries, type ZipEntry } from './zip-entries';

type WorkbookLimits = Pick<Limits, 'fileSize' | 'rows' | 'cells'>;

/** The first limit the workbook passes, or undefined (also when the zip cannot be read here). */
export async function workbookLimitFinding(
  bytes: Uint8Array,
  file: string,
  limits: WorkbookLimits,
): Promise<CodedDiagnostic | undefined> {
  if (bytes.length > limits.fileSize) return fileSizeError('fileSize', file, bytes.length, limits.fileSize);
  const entries = zipEntries(bytes);
  if (!entries) return undefined;
  const declared = entries.reduce((n, e) => n + e.declaredSize, 0);
  if (declared > limits.fileSize) return unpacks(file, limits, declared);
  const names = await sheetNames(entries);
  const sheets = entries.filter((e) => /^xl\/worksheets\/[^/]+\.xml$/i.test(e.name));
  // Declared sizes first: a sheet that says it is too large is refused before any is counted.
  return (
    (await declaredRowsFinding(sheets, names, file, limits)) ??
    (await countedFinding(entries, sheets, names, file, limits))
  );
}

const over = (file: string, at: { line: number; col: number }, m: Message): CodedDiagnostic => ({
  severity: 'error',
  file,
  line: at.line,
  col: at.col,
  ...m,
});

/** The workbook unpacks to more than the file size limit (in `entry`, when found while unpacking it). */
const unpacks = (file: string, limits: WorkbookLimits, size: number, entry?: string): CodedDiagnostic =>
  over(
    file,
    { line: 1, col: 1 },
    message('limit/file-size', { kind: 'unpacks', size, limit: limits.fileSize, ...(entry ? { entry } : {}) }),
  );

/** The first sheet whose `<dimension>` declares more rows than the limit. */
async function declaredRowsFinding(
  sheets: ZipEntry[],
  names: Map<string, string>,
  file: string,
  limits: WorkbookLimits,
): Promise<CodedDiagnostic | undefined> {
  for (const e of sheets) {
    const d = await declaredRows(e);
    if (d && d.rows > limits.rows) {
      const sheet = names.get(e.name) ?? e.name;
      const m = message('limit/rows', { kind: 'declared', sheet, rows: d.rows, ref: d.ref, max: limits.rows });
      return over(file, { line: 1, col: 1 }, m);
    }
  }
  return undefined;
}

/** Every entry unpacked in turn, the bytes counted, and the rows and cells of the sheets: the first limit passed. */
async function countedFinding(
  entries: ZipEntry[],
  sheets: ZipEntry[],
  names: Map<string, string>,
  file: string,
  limits: WorkbookLimits,
): Promise<CodedDiagnostic | undefined> {
  let unpacked = 0;
  let cells = 0;
  for (const e of entries) {
    const sheet = sheets.includes(e) ? (names.get(e.name) ?? e.name) : undefined;
    const counter = sheet === undefined ? undefined : new SheetCounter(limits.rows, limits.cells - cells);
    let found: CodedDiagnostic | undefined;
    await inflateEntry(e, (chunk) => {
      unpacked += chunk.length;
      if (unpacked > limits.fileSize) {
        found = unpacks(file, limits, limits.fileSize, e.name);
        return false;
      }
      const passed = counter?.add(chunk);
      if (passed) found = passedFinding(passed, counter!, sheet!, file, limits);
      return !found;
    });
    if (found) return found;
    cells += counter?.cells ?? 0;
  }
  return undefined;
}

/** The limit a sheet passed, at the row or merged range that passed it. */
function passedFinding(
  passed: Passed,
  counter: SheetCounter,
  sheet: string,
  file: string,
  limits: WorkbookLimits,
): CodedDiagnostic {
  const row = counter.lastRow;
  if (passed === 'rows') {
    return over(file, { line: row, col: 1 }, message('limit/rows', { kind: 'sheet', sheet, max: limits.rows, row }));
  }
  if (passed === 'cells') {
    return over(file, { line: row, col: 1 }, message('limit/cells', { kind: 'row', sheet, row, max: limits.cells }));
  }
  // A merged range passed it: the one last seen.
  const m = counter.lastMerge!;
  return over(
    file,
    { line: m.top, col: m.left },
    passed === 'mergeRows'
      ? message('limit/rows', { kind: 'merge', sheet, ref: m.ref, bottom: m.bottom, max: limits.rows })
      : message('limit/cells', { kind: 'merge', sheet, ref: m.ref, area: m.area, max: limits.cells }),
  );
}

/** A tag of the sheet XML, with or without a namespace prefix: a row, a cell, the dimension, a merged range. */
const TAG = /<(?:[A-Za-z_][\w.-]*:)?(row|c|dimension|mergeCell)(?=[\s/>])([^>]*)/g;
const ROW_NUMBER = /\br\s*=\s*["'](\d+)["']/;
const REF = /\bref\s*=\s*["']([^"']*)["']/;

/** The limit a sheet's last chunk passed. */
type Passed = 'rows' | 'cells' | 'mergeRows' | 'mergeCells';

interface Merge {
  ref: string;
  top: number;
  left: number;
  bottom: number;
  area: number;
}

/** `D5:Z50000` → its corners and the number of cells it covers (exceljs makes an object of each). */
function mergeRange(ref: string): Merge | undefined {
  const m = /^\$?([A-Z]{1,3})\$?(\d+)(?::\$?([A-Z]{1,3})\$?(\d+))?$/i.exec(ref.trim());
  if (!m) return undefined;
  const [c1, r1, c2, r2] = [columnNumber(m[1]!), Number(m[2]), columnNumber(m[3] ?? m[1]!), Number(m[4] ?? m[2])];
  const top = Math.min(r1, r2);
  const left = Math.min(c1, c2);
  return {
    ref: ref.trim(),
    top,
    left,
    bottom: Math.max(r1, r2),
    area: (Math.abs(r2 - r1) + 1) * (Math.abs(c2 - c1) + 1),
  };
}

const columnNumber = (letters: string): number =>
  [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);

/**
 * Counts the rows and cells of a sheet's XML as it streams by (tags split across
 * chunks are carried over), and says which limit the last chunk passed, if any.
 */
class SheetCounter {
  rows = 0;
  cells = 0;
  /** The number of the last row seen (its `r`, else its position). */
  lastRow = 0;
  dimension?: string;
  /** The last merged range seen (`<mergeCell ref="D5:Z50000"/>`): its area counts as cells, its bottom row as a row. */
  lastMerge?: Merge;
  private carry = '';

  constructor(
    private readonly maxRows = Infinity,
    private readonly maxCells = Infinity,
  ) {}

  add(chunk: Uint8Array): Passed | undefined {
    let text = this.carry + Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength).toString('latin1');
    const open = text.lastIndexOf('<');
    if (open >= 0 && text.indexOf('>', open) < 0) {
      this.carry = text.slice(open);
      text = text.slice(0, open);
    } else this.carry = '';
    for (const m of text.matchAll(TAG)) {
      if (m[1] === 'c') {
        if (++this.cells > this.maxCells) return 'cells';
      } else if (m[1] === 'row') {
        const r = ROW_NUMBER.exec(m[2]!);
        this.lastRow = r ? Number(r[1]) : this.lastRow + 1;
        if (++this.rows > this.maxRows) return 'rows';
      } else if (m[1] === 'mergeCell') {
        const ref = REF.exec(m[2]!)?.[1];
        const merge = ref === undefined ? undefined : mergeRange(ref);
        if (!merge) continue;
        this.lastMerge = merge;
        if (merge.bottom > this.maxRows) return 'mergeRows';
        this.cells += merge.area;
        if (this.cells > this.maxCells) return 'mergeCells';
      } else if (this.rows === 0) this.dimension ??= REF.exec(m[2]!)?.[1];
    }
    return undefined;
  }
}

/** The rows a sheet declares in `<dimension ref="A1:AD400001"/>`, read from the start of its XML only. */
async function declaredRows(e: ZipEntry): Promise<{ rows: number; ref: string } | undefined> {
  const counter = new SheetCounter();
  let seen = 0;
  await inflateEntry(e, (chunk) => {
    counter.add(chunk);
    seen += chunk.length;
    // The dimension comes before the rows; 64 KB is far past it in any writer's output.
    return counter.dimension === undefined && counter.rows === 0 && seen < 64 * 1024;
  });
  const ref = counter.dimension;
  const m = ref === undefined ? null : /^\$?[A-Z]*\$?(\d+)(?::\$?[A-Z]*\$?(\d+))?$/i.exec(ref.trim());
  if (!ref || !m) return undefined;
  const first = Number(m[1]);
  const last = m[2] === undefined ? first : Number(m[2]);
  return { rows: Math.abs(last - first) + 1, ref };
}

/** Sheet names by the zip entry of their XML, from xl/workbook.xml and its relations; empty when unreadable. */
async function sheetNames(entries: ZipEntry[]): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const wb = entries.find((e) => e.name === 'xl/workbook.xml');
  const rels = entries.find((e) => e.name === 'xl/_rels/workbook.xml.rels');
  if (!wb || !rels) return out;
  const [wbXml, relsXml] = [await entryText(wb, 4 << 20), await entryText(rels, 4 << 20)];
  if (!wbXml || !relsXml) return out;
  const targets = new Map<string, string>();
  for (const [tag] of relsXml.matchAll(/<(?:[\w.-]+:)?Relationship\b[^>]*>/g)) {
    const id = attr(tag, 'Id');
    const target = attr(tag, 'Target');
    if (id && target) targets.set(id, target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`);
  }
  for (const [tag] of wbXml.matchAll(/<(?:[\w.-]+:)?sheet\b[^>]*>/g)) {
    const name = attr(tag, 'name');
    const id = /\s[\w.-]+:id\s*=\s*"([^"]*)"/.exec(tag)?.[1];
    const target = id === undefined ? undefined : targets.get(id);
    if (name !== undefined && target) out.set(target, name);
  }
  return out;
}

const attr = (tag: string, name: string): string | undefined => {
  const v = new RegExp(`\\s${name}\\s*=\\s*"([^"]*)"`).exec(tag)?.[1];
  return v === undefined ? undefined : unescapeXml(v);
};

const unescapeXml = (s: string): string =>
  s.replace(
    /&(?:#x([0-9a-f]+)|#(\d+)|(amp|lt|gt|quot|apos));/gi,
    (_, hex: string | undefined, dec: string | undefined, named: string | undefined) =>
      hex || dec
        ? codePoint(hex ? parseInt(hex, 16) : Number(dec))
        : { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" }[named!.toLowerCase() as 'amp'],
  );

const codePoint = (n: number): string => (n <= 0x10ffff ? String.fromCodePoint(n) : '\ufffd');
