/**
 * One data file → typed rows. Finds the header row (the row naming the units that
 * best matches the scheme's labels; two rows when a group header stands over
 * sub-headers), reports what it skipped, parses every cell.
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import { matchHeader, type Header } from './columns';
import { decode, type Encoding } from './decode';
import type { FieldValue, Source } from './model';
import { isDataLine } from './lines';
import { resolveTotals } from './total-rows';
import { readRows, type Row } from './table';
import type { CellIndex } from './cells';
import { preview } from './sheet-row';
import { SheetBody } from './sheet-body';
import { findHeader, noHeaderFinding, type FoundHeader } from './sheet-header';

export interface SheetRow {
  kind: 'unit' | 'total';
  level: number;
  name: string;
  code?: string;
  /** Parent units named on the row, by level. */
  parents: Map<number, { name: string; code?: string }>;
  values: Map<string, FieldValue>;
  /** Fields whose cell could not be used. */
  invalid: Map<string, Finding>;
  /** Where each field's cell is. */
  cells: CellIndex;
  source: Source;
  /** From the file's period column, when it has one (`2026-09`). */
  period?: string;
  /** While the sheet is read: a name such as 总计镇 or 全县, a total only if its values are the sums (total-rows.ts). */
  maybeTotal?: { col: number; blank?: Finding };
}

export interface Sheet {
  file: string;
  /** How the file was read: its text encoding, or `xlsx`. */
  encoding: string;
  level: number;
  /** Fields that have a column in this file. */
  fields: string[];
  headerLine: number;
  rows: SheetRow[];
  /** Data rows (below the header, and any above or inside it), and how many were not used. */
  read: number;
  rejected: number;
  findings: Finding[];
}

export interface SheetOptions {
  encoding?: Encoding;
  /** 1-based line of the header row, overriding detection. */
  headerRow?: number;
}

/** A text file (CSV, TSV, Excel "Unicode text"): decode, split into rows, read. */
export function readSheet(scheme: Scheme, file: string, bytes: Uint8Array, opts: SheetOptions = {}): Sheet {
  const decoded = decode(bytes, opts.encoding);
  if (decoded.lossy) {
    const m = opts.encoding
      ? message('data/encoding', {
          kind: 'given',
          encoding: decoded.encoding,
          other: decoded.encoding === 'gb18030' ? 'utf-8' : 'gb18030',
        })
      : message('data/encoding', { kind: 'detected' });
    const error: Finding = { severity: 'error', file, line: 1, col: 1, ...m };
    return emptySheet(file, decoded.encoding, [error]);
  }
  const { rows, error } = readRows(decoded.text, file);
  if (error) return emptySheet(file, decoded.encoding, [error]);
  return sheetFromRows(scheme, file, rows, decoded.encoding, opts, true);
}

const emptySheet = (file: string, encoding: string, findings: Finding[]): Sheet => ({
  file,
  encoding,
  level: 0,
  fields: [],
  headerLine: 0,
  rows: [],
  read: 0,
  rejected: 0,
  findings,
});

/**
 * Rows from any reader (text or workbook) → a sheet of typed rows. `own`: the rows
 * are the caller's to give away (a text file's): each is let go once read, so that a
 * national file's cells are not all held beside its typed rows.
 */
export function sheetFromRows(
  scheme: Scheme,
  file: string,
  rows: Row[],
  encoding: string,
  opts: SheetOptions = {},
  own = false,
): Sheet {
  if (rows.length === 0) {
    return emptySheet(file, encoding, [{ severity: 'error', file, line: 1, col: 1, ...message('data/empty', {}) }]);
  }
  const header = findHeader(scheme, rows, opts.headerRow);
  if (!header) return emptySheet(file, encoding, [noHeaderFinding(scheme, file, rows, opts.headerRow)]);
  const findings: Finding[] = [];
  const first = {
    rows: header.rows,
    line: rows[header.end - 1]!.line,
    top: rows[header.index]!.line,
    cells: header.cells,
    header: matchHeader(scheme, header.cells, file, rows[header.end - 1]!.line),
  };
  const misplaced = misplacedRows(scheme, file, rows, header, first, findings);
  headerFindings(file, header, first, findings);
  const dataRows: (Row | undefined)[] = rows.slice(header.end);
  if (own) rows.length = 0;
  const body = new SheetBody(scheme, file, first, findings);
  body.readAll(dataRows, own);
  resolveTotals(scheme, body.rows, findings);
  return {
    file,
    encoding,
    level: first.header.level,
    fields: [...body.fields],
    headerLine: first.line,
    rows: body.rows,
    read: misplaced + dataRows.length,
    rejected: misplaced + body.rejected,
    findings,
  };
}

/** The header as found and matched: its rows, its (last) line, the line it starts on. */
interface FirstHeader {
  rows: 1 | 2;
  line: number;
  top: number;
  cells: string[];
  header: Header;
}

/**
 * Lines above the header (and one between its two rows): titles and units lines are
 * notes; a line with values is a data row in the wrong place, not used. How many those are.
 */
function misplacedRows(
  scheme: Scheme,
  file: string,
  rows: Row[],
  found: FoundHeader,
  first: FirstHeader,
  findings: Finding[],
): number {
  const misplaced = (r: Row, inside: boolean): number => {
    const data = isDataLine(scheme, first.header.columns, first.header.level, r);
    if (!data) {
      const m = message('data/skipped-preamble', { text: preview(r) });
      findings.push({ severity: 'note', file, line: r.line, col: 1, ...m });
      return 0;
    }
    const m = inside
      ? message('data/row-in-header', { top: first.top, header: first.line, text: preview(r) })
      : message('data/row-above-header', { header: first.line, text: preview(r) });
    findings.push({ severity: 'error', file, line: r.line, col: data.col, ...m });
    return 1;
  };
  let n = 0;
  for (const r of rows.slice(0, found.index)) n += misplaced(r, false);
  if (found.between !== undefined) n += misplaced(rows[found.between]!, true);
  return n;
}

/** What is said of the header itself: two rows read as one, its columns' findings, no field columns. */
function headerFindings(file: string, found: FoundHeader, first: FirstHeader, findings: Finding[]): void {
  if (found.rows === 2) {
    findings.push({
      severity: 'note',
      file,
      line: first.top,
      col: 1,
      ...message('data/two-level-header', { top: first.top, header: first.line, example: String(found.example) }),
    });
  }
  for (const f of first.header.findings) findings.push(f);
  if (!first.header.columns.some((c) => c.kind === 'field')) {
    findings.push({ severity: 'warning', file, line: first.line, col: 1, ...message('data/no-fields', {}) });
  }
}
