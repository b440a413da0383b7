/**
 * The workbook's cells and how they are written with exceljs, shared by the single
 * report (xlsx.ts) and the city workbook of a batch (batch-xlsx.ts): tones, number
 * formats, text cells that are never formulas, Excel-safe unique sheet names, column
 * widths, and fixed times in the workbook and its zip entries (identical input,
 * identical bytes). exceljs is loaded only when a workbook is written.
 */
import type * as Excel from 'exceljs';
import type { Status } from '../../engine/types';
import { Rational } from '../../rational';
import type { Display } from '../../scheme/target';
import { XML_INVALID } from './escape';
import { textWidth } from './grid';

export const FIXED_DATE = new Date(Date.UTC(1980, 0, 1));

/** How a cell is coloured: the item statuses, and good/warn/bad for verdicts and vetoes. */
export type Tone = 'good' | 'warn' | 'bad' | 'grey';

const TONES: Record<Tone, { fill: string; font: string }> = {
  good: { fill: 'FFC6EFCE', font: 'FF006100' },
  warn: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  bad: { fill: 'FFFFC7CE', font: 'FF9C0006' },
  grey: { fill: 'FFE7E6E6', font: 'FF595959' },
};

export const STATUS_TONE: Record<Status, Tone> = {
  met: 'good',
  partial: 'warn',
  failed: 'bad',
  missing: 'bad',
  invalid: 'bad',
  na: 'grey',
};

const HEAD_FILL = 'FFDDEBF7';

/** A cell as the formatter builds it; rendered into exceljs by `writeSheet`. */
export interface Cell {
  /** Text (always written as a string value) or a number. Undefined: an empty cell. */
  v?: string | number;
  /** Number format for numbers. */
  fmt?: string;
  /** What the cell shows, for sizing its column (defaults to the value). */
  shown?: string;
  tone?: Tone;
  bold?: boolean;
  /** Text that may run over the empty cells to its right: not counted in the column width. */
  overflow?: boolean;
  /** Long text wrapped within its column. */
  wrap?: boolean;
}

export const FMT = {
  points: '0.00',
  number: '#,##0.00',
  int: '#,##0',
  percent: '0.00%',
  permille: '0.00"‰"',
  rank: '0',
};

/** Excel's limit on the text of one cell. */
const MAX_TEXT = 32767;

/** A text cell: characters XML cannot carry become U+FFFD; cut at Excel's limit. */
export function text(s: string | undefined, extra: Omit<Cell, 'v'> = {}): Cell {
  if (s === undefined || s === '') return {};
  const clean = s.replace(XML_INVALID, '\ufffd');
  return { v: clean.length > MAX_TEXT ? clean.slice(0, MAX_TEXT) : clean, ...extra };
}

export const dec = (r: Rational): number => Number(r.toDecimal(6));

export function num(r: Rational | undefined, fmt: string, extra: Omit<Cell, 'v' | 'fmt'> = {}): Cell {
  if (r === undefined) return {};
  return { v: dec(r), fmt, shown: r.toDecimal(2), ...extra };
}

export const int = (n: number): Cell => ({ v: n, fmt: FMT.rank });
export const points = (r: Rational | undefined): Cell => num(r, FMT.points);

/**
 * A value in the item's own unit: a percent as its fraction with a `0.00%` format; a
 * permille as the number of ‰ (Excel has no permille format that scales); a yes/no
 * value as the ✓/✗ people read.
 */
export function valueCell(v: Rational | boolean | undefined, kind: Display, shown: string): Cell {
  if (v === undefined) return {};
  if (typeof v === 'boolean') return text(shown);
  if (kind === 'percent') return { v: dec(v), fmt: FMT.percent, shown };
  if (kind === 'permille') return { v: Number(v.mul(Rational.int(1000)).toDecimal(6)), fmt: FMT.permille, shown };
  return { v: dec(v), fmt: FMT.number, shown };
}

/** A lever value: percentage points as a fraction (`0.00%`), whole numbers without decimals. */
export function leverCell(v: Rational | undefined, kind: 'percent' | 'number'): Cell {
  if (v === undefined) return {};
  if (kind === 'percent') return num(v, FMT.percent, { shown: `${v.toDecimal(4)}%` });
  return num(v, v.isInteger() ? FMT.int : FMT.number);
}

export interface Sheet {
  name: string;
  rows: Cell[][];
  /** Rows (1-based) styled as table headers. */
  heads: number[];
  /** Frozen rows and columns. */
  freeze: { x: number; y: number };
  /** Header row and column count for the auto filter, when the sheet is one table. */
  filter?: { row: number; cols: number };
  /** Widest any column may be (default 50), and the last one (long text) may be. */
  maxWidth?: number;
  maxLast?: number;
}

// ---------------------------------------------------------------------------------
// Rendering with exceljs

/** Excel's limits on sheet names: 31 characters, none of []:*?/\; cut by code points, never inside a surrogate pair (a rare character in a place name). */
export const sheetName = (s: string): string => [...s.replace(/[[\]:*?/\\]/g, '_')].slice(0, 31).join('') || 'Sheet';

/** Column width in Excel's units: CJK characters count two, plus a margin. */
function columnWidths(s: Sheet): number[] {
  const cols = Math.max(...s.rows.map((r) => r.length));
  const widths: number[] = [];
  for (let j = 0; j < cols; j++) {
    let w = 0;
    for (const r of s.rows) {
      const c = r[j];
      if (!c || c.v === undefined || c.overflow) continue;
      w = Math.max(w, textWidth(c.shown ?? String(c.v)));
    }
    const max = j === cols - 1 ? (s.maxLast ?? s.maxWidth ?? 50) : (s.maxWidth ?? 50);
    widths.push(Math.min(Math.max(w + 2, 6), max));
  }
  return widths;
}

export function writeSheet(wb: Excel.Workbook, s: Sheet, name = sheetName(s.name)): void {
  const ws = wb.addWorksheet(name, {
    views: [{ state: 'frozen', xSplit: s.freeze.x, ySplit: s.freeze.y }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  columnWidths(s).forEach((width, j) => {
    ws.getColumn(j + 1).width = width;
  });
  const heads = new Set(s.heads);
  s.rows.forEach((cells, i) => {
    const row = ws.getRow(i + 1);
    const head = heads.has(i + 1);
    cells.forEach((c, j) => {
      if (c.v === undefined) return;
      const cell = row.getCell(j + 1);
      // Only plain strings and numbers: exceljs writes a string as text, never as a formula.
      cell.value = c.v;
      if (typeof c.v === 'string') cell.numFmt = '@';
      else if (c.fmt) cell.numFmt = c.fmt;
      if (head) {
        cell.font = { bold: true };
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: HEAD_FILL } };
        cell.border = { bottom: { style: 'thin' } };
      } else if (c.tone) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TONES[c.tone].fill } };
        cell.font = { color: { argb: TONES[c.tone].font }, bold: Boolean(c.bold) };
      } else if (c.bold) {
        cell.font = { bold: true };
      }
      if (c.wrap) cell.alignment = { wrapText: true, vertical: 'top' };
    });
  });
  if (s.rows[0]?.[0]?.overflow) ws.getRow(1).font = { bold: true, size: 14 };
  if (s.filter && s.rows.length > s.filter.row) {
    ws.autoFilter = { from: { row: s.filter.row, column: 1 }, to: { row: s.rows.length, column: s.filter.cols } };
  }
}

/**
 * exceljs (through JSZip) stamps every zip entry with the time of writing. Setting the
 * DOS time and date of each entry, in the central directory and in its local header,
 * to FIXED_DATE makes the bytes depend on the content only. (The stamps are outside
 * the CRCs, so nothing else changes.) A zip this does not recognise is left as it is.
 */
export function fixZipTimes(b: Uint8Array): Uint8Array {
  const view = new DataView(b.buffer, b.byteOffset, b.byteLength);
  const TIME = 0;
  const DATE =
    ((FIXED_DATE.getUTCFullYear() - 1980) << 9) | ((FIXED_DATE.getUTCMonth() + 1) << 5) | FIXED_DATE.getUTCDate();
  let eocd = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return b;
  const count = view.getUint16(eocd + 10, true);
  let p = view.getUint32(eocd + 16, true);
  for (let k = 0; k < count && p + 46 <= b.length; k++) {
    if (view.getUint32(p, true) !== 0x02014b50) break;
    view.setUint16(p + 12, TIME, true);
    view.setUint16(p + 14, DATE, true);
    const local = view.getUint32(p + 42, true);
    if (local + 30 <= b.length && view.getUint32(local, true) === 0x04034b50) {
      view.setUint16(local + 10, TIME, true);
      view.setUint16(local + 12, DATE, true);
    }
    p += 46 + view.getUint16(p + 28, true) + view.getUint16(p + 30, true) + view.getUint16(p + 32, true);
  }
  return b;
}

/**
 * Sheet names Excel accepts: at most 31 characters, none of []:*?/\\, not blank, and
 * unique ignoring case (a repeated name gets ` (2)`, ` (3)`, … within the 31).
 */
export function uniqueSheetNames(names: string[]): string[] {
  const used = new Set<string>();
  return names.map((n) => {
    const base = sheetName(n.trim()).replace(/^'+|'+$/g, '') || 'Sheet';
    let name = base;
    for (let k = 2; used.has(name.toLowerCase()); k++)
      name = `${[...base].slice(0, 31 - ` (${k})`.length).join('')} (${k})`;
    used.add(name.toLowerCase());
    return name;
  });
}

/** The sheets as one workbook, with fixed dates and the properties given; identical input gives identical bytes. */
export async function writeWorkbook(
  sheets: Sheet[],
  props: { title: string; subject?: string; keywords?: string },
): Promise<Uint8Array> {
  // exceljs is CommonJS: bundled, its exports arrive as `default`.
  const mod = (await import('exceljs')) as typeof Excel & { default?: typeof Excel };
  const ExcelJS = mod.default ?? mod;
  const wb = new ExcelJS.Workbook();
  wb.creator = 'pinggu';
  wb.lastModifiedBy = 'pinggu';
  wb.created = FIXED_DATE;
  wb.modified = FIXED_DATE;
  wb.title = props.title;
  if (props.subject) wb.subject = props.subject;
  if (props.keywords) wb.keywords = props.keywords;
  const names = uniqueSheetNames(sheets.map((s) => s.name));
  sheets.forEach((s, i) => writeSheet(wb, s, names[i]));
  const buffer = await wb.xlsx.writeBuffer();
  return fixZipTimes(new Uint8Array(buffer));
}
