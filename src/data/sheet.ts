/**
 * One data file → typed rows. Finds the header row (the row naming the units that
 * best matches the scheme's labels; two rows when a group header stands over
 * sub-headers), reports what it skipped, parses every cell.
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import { matchHeader, headerScore, type Header } from './columns';
import { decode, type Encoding } from './decode';
import type { FieldValue, Source } from './model';
import { isDataLine, isHeaderAgain, looksNumeric } from './lines';
import { normalizeLabel } from './normalize';
import { resolveTotals } from './total-rows';
import { readRows, type Row } from './table';
import { quoteCell } from './values';
import { CellIndex } from './cells';
import { CONTROL, preview, readRow } from './sheet-row';

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

const MAX_HEADER_SEARCH = 30;

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
  const findings: Finding[] = [];
  const empty = (): Sheet => emptySheet(file, encoding, findings);
  if (rows.length === 0) {
    findings.push({ severity: 'error', file, line: 1, col: 1, ...message('data/empty', {}) });
    return empty();
  }
  const header = findHeader(scheme, rows, opts.headerRow);
  if (!header) {
    const labels = scheme.levels.map((l) => l.name.join('/'));
    const m =
      opts.headerRow !== undefined
        ? message('data/no-header', { kind: 'given', line: opts.headerRow, labels })
        : message('data/no-header', { kind: 'searched', rows: MAX_HEADER_SEARCH, labels });
    findings.push({
      severity: 'error',
      file,
      line: Math.min(opts.headerRow ?? rows[0]!.line, rows[rows.length - 1]!.line),
      col: 1,
      ...m,
    });
    return empty();
  }
  const headerIndex = header.index;
  const top = rows[headerIndex]!;
  const headerRow = { line: rows[header.end - 1]!.line, cells: header.cells };
  const matched = matchHeader(scheme, headerRow.cells, file, headerRow.line);
  // Lines above the header: titles and units lines are notes; a line with values is a data row in the wrong place.
  let read = 0;
  let rejected = 0;
  const misplaced = (r: Row, inside: boolean): void => {
    const data = isDataLine(scheme, matched.columns, matched.level, r);
    if (!data) {
      findings.push({
        severity: 'note',
        file,
        line: r.line,
        col: 1,
        ...message('data/skipped-preamble', { text: preview(r) }),
      });
      return;
    }
    read++;
    rejected++;
    const m = inside
      ? message('data/row-in-header', { top: top.line, header: headerRow.line, text: preview(r) })
      : message('data/row-above-header', { header: headerRow.line, text: preview(r) });
    findings.push({ severity: 'error', file, line: r.line, col: data.col, ...m });
  };
  for (const r of rows.slice(0, headerIndex)) misplaced(r, false);
  if (header.between !== undefined) misplaced(rows[header.between]!, true);
  if (header.rows === 2) {
    findings.push({
      severity: 'note',
      file,
      line: top.line,
      col: 1,
      ...message('data/two-level-header', { top: top.line, header: headerRow.line, example: String(header.example) }),
    });
  }
  for (const f of matched.findings) findings.push(f);
  if (!matched.columns.some((c) => c.kind === 'field')) {
    findings.push({ severity: 'warning', file, line: headerRow.line, col: 1, ...message('data/no-fields', {}) });
  }
  const out: SheetRow[] = [];
  const dataRows: (Row | undefined)[] = rows.slice(header.end);
  if (own) rows.length = 0;
  read += dataRows.length;
  const show = (cells: string[]) => cells.map((h) => quoteCell(h.replace(CONTROL, '\ufffd')));
  let current: { header: Header; shown: string[]; cells: string[] } = {
    header: matched,
    shown: show(headerRow.cells),
    cells: headerRow.cells,
  };
  const fields = new Set(matched.columns.flatMap((c) => (c.kind === 'field' ? [c.id] : [])));
  const merges = new Map<string, Finding>();
  /** A header of another level inside the data: rows below it are not this table's. */
  let foreign: { at: { file: string; line: number; col: number }; rows: number; title: string } | undefined;
  const endForeign = (): void => {
    if (!foreign) return;
    const { at, rows: n, title } = foreign;
    findings.push({ severity: 'error', ...at, ...message('data/second-table', { title, rows: n }) });
    foreign = undefined;
  };
  for (let k = 0; k < dataRows.length; k++) {
    const r = dataRows[k]!;
    if (own) dataRows[k] = undefined;
    const anyHeader = (): boolean => {
      const h = headerScore(scheme, r.cells);
      return h.hasName && h.matches >= 2;
    };
    if (isHeaderAgain(scheme, current.header.columns, current.header.level, r) || (foreign && anyHeader())) {
      // A header again (an Excel sort, a second block pasted below): said, and the rows below it are read.
      const next = dataRows[k + 1];
      const pair =
        header.rows === 2 && next && next.line === r.line + 1 ? combineHeaderRows(r.cells, next.cells) : undefined;
      const useTwo = pair && headerScore(scheme, pair).matches > headerScore(scheme, r.cells).matches;
      const cells = useTwo ? pair : r.cells;
      const lines = useTwo ? 2 : 1;
      rejected += lines;
      k += lines - 1;
      endForeign();
      const again = matchHeader(scheme, cells, file, r.line + lines - 1);
      if (again.level !== matched.level) {
        const title = scheme.levels[again.level]?.title ?? '';
        foreign = { at: { file, line: r.line, col: 1 }, rows: 0, title };
        continue;
      }
      const same = cells.map(normalizeLabel).join('\t') === current.cells.map(normalizeLabel).join('\t');
      if (!same) {
        for (const f of again.findings) findings.push(f);
        for (const c of again.columns) if (c.kind === 'field') fields.add(c.id);
        current = { header: again, shown: show(cells), cells };
      }
      findings.push({
        severity: 'warning',
        file,
        line: r.line,
        col: 1,
        ...message('data/repeated-header', { kind: same ? 'same' : 'other', first: headerRow.line }),
      });
      continue;
    }
    if (foreign) {
      foreign.rows++;
      rejected++;
      findings.push({
        severity: 'note',
        file,
        line: r.line,
        col: 1,
        ...message('data/second-table-row', { header: foreign.at.line }),
      });
      continue;
    }
    const row = readRow(scheme, current.header.level, current.header.columns, current.shown, r, file, findings, merges);
    if (row) out.push(row);
    else rejected++;
  }
  endForeign();
  resolveTotals(scheme, out, findings);
  return {
    file,
    encoding,
    level: matched.level,
    fields: [...fields],
    headerLine: headerRow.line,
    rows: out,
    read,
    rejected,
    findings,
  };
}

interface FoundHeader {
  index: number;
  /** 1, or 2 for a group header row over a sub-header row. */
  rows: 1 | 2;
  /** Index of the first row after the header. */
  end: number;
  /** A row between the two header rows (a data row pasted into the header). */
  between?: number;
  /** The header cells (combined names such as 出生人数/男 for two rows). */
  cells: string[];
  example?: string;
}

/**
 * Two header rows as one: a group header (出生人数, merged or followed by blanks)
 * over sub-headers (男 | 女) gives 出生人数/男, 出生人数/女; a cell with nothing
 * below it (乡镇 spanning both rows) keeps its own name.
 */
export function combineHeaderRows(top: string[], sub: string[]): string[] {
  const out: string[] = [];
  let group = '';
  for (let j = 0; j < Math.max(top.length, sub.length); j++) {
    const t = (top[j] ?? '').trim();
    const s = (sub[j] ?? '').trim();
    if (t) group = t;
    const over = t || group;
    out.push(s && over && s !== over ? `${over}/${s}` : t || s);
  }
  return out;
}

function findHeader(scheme: Scheme, rows: Row[], forced?: number): FoundHeader | undefined {
  const candidates =
    forced !== undefined
      ? rows.flatMap((r, i) => (r.line === forced ? [i] : []))
      : rows.slice(0, MAX_HEADER_SEARCH).map((_, i) => i);
  let best: FoundHeader | undefined;
  let bestScore = 0;
  for (const i of candidates) {
    const one = rows[i]!.cells;
    const s1 = headerScore(scheme, one);
    if (s1.hasName && s1.matches > bestScore) {
      best = { index: i, rows: 1, end: i + 1, cells: one };
      bestScore = s1.matches;
    }
    // The sub-header is the next line, or the one after a data row pasted between the two.
    const subs = [i + 1];
    const pasted = rows[i + 1];
    if (pasted && pasted.line === rows[i]!.line + 1 && pasted.cells.filter(looksNumeric).length >= 2) subs.push(i + 2);
    for (const j of subs) {
      const next = rows[j];
      if (!next || next.line !== rows[i]!.line + (j - i)) continue;
      const two = combineHeaderRows(one, next.cells);
      const s2 = headerScore(scheme, two);
      // The pair must match more than either row alone.
      if (
        s2.hasName &&
        s2.matches > bestScore &&
        s2.matches > Math.max(s1.matches, headerScore(scheme, next.cells).matches)
      ) {
        best = {
          index: i,
          rows: 2,
          end: j + 1,
          cells: two,
          example: two.find((c, n) => c.includes('/') && c !== one[n]),
          ...(j > i + 1 ? { between: i + 1 } : {}),
        };
        bestScore = s2.matches;
      }
    }
  }
  return best;
}
