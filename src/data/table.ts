/** Text → rows of cells with their line numbers (csv-parse), delimiter detected. */
import { parse } from 'csv-parse/sync';
import type { Finding } from '../diagnostics';
import type { CsvProblem } from '../messages/adjust-file';
import { message } from '../messages/codes';

export interface Row {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
  /** Merged cell ranges of a workbook that cover this row (a CSV has none). */
  merged?: MergedRange[];
}

/** A merged range of a worksheet, 1-based and inclusive: `C5:C6` is top 5, left 3, bottom 6, right 3. */
export interface MergedRange {
  range: string;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

/** Occurrences of `d` outside double quotes on one line. */
function countOutsideQuotes(line: string, d: string): number {
  let n = 0;
  if (!line.includes('"')) {
    for (let i = line.indexOf(d); i >= 0; i = line.indexOf(d, i + 1)) n++;
    return n;
  }
  let quoted = false;
  for (const ch of line) {
    if (ch === '"') quoted = !quoted;
    else if (ch === d && !quoted) n++;
  }
  return n;
}

/**
 * The delimiter that splits the most of the first lines, counted outside quotes
 * (so `"2,848,600"` in a tab-separated file does not vote for the comma); ties go
 * to the comma.
 */
export function detectDelimiter(text: string): string {
  const lines = text.split('\n', 20).filter((l) => l.trim() !== '');
  let best = ',';
  let bestScore = [0, 0];
  for (const d of [',', '\t', ';']) {
    const counts = lines.map((l) => countOutsideQuotes(l, d));
    const score = [counts.filter((c) => c > 0).length, Math.max(0, ...counts)];
    if (score[0]! > bestScore[0]! || (score[0] === bestScore[0] && score[1]! > bestScore[1]!)) {
      best = d;
      bestScore = score;
    }
  }
  return best;
}

export function readRows(input: string, file: string): { rows: Row[]; error?: Finding } {
  const text = input.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  const plain = plainRows(text, delimiter);
  return plain ? { rows: plain } : csvRows(text, delimiter, file);
}

/** Keeps a row unless every cell is empty or spaces. */
const hasContent = (cells: string[]): boolean => cells.some((c) => c.trim() !== '');

/**
 * Text read the way csv-parse reads it (a leading BOM dropped, one record per line,
 * cells split at the delimiter, a cell in quotes taken whole with `""` as one quote)
 * without csv-parse, when every record is on one line and every quote is where
 * csv-parse expects it: the common case, which a short run should not pay a general
 * parser for. Undefined otherwise (a cell over several lines, a stray quote): then
 * csv-parse reads the text, and says what is wrong.
 */
export function plainRows(text: string, delimiter: string): Row[] | undefined {
  const lines = (text.charCodeAt(0) === 0xfeff ? text.slice(1) : text).split('\n');
  const rows: Row[] = [];
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const cells = line.includes('"') ? quotedCells(line, delimiter) : line.split(delimiter);
    if (!cells) return undefined;
    if (hasContent(cells)) rows.push({ line: i + 1, cells });
  }
  return rows;
}

/** The cells of one line with quotes in it; undefined when a quote is not around a whole cell, or is left open. */
function quotedCells(line: string, d: string): string[] | undefined {
  const cells: string[] = [];
  let i = 0;
  for (;;) {
    let end: number;
    if (line.charCodeAt(i) === 34) {
      let cell = '';
      for (let from = i + 1; ;) {
        const q = line.indexOf('"', from);
        if (q < 0) return undefined;
        cell += line.slice(from, q);
        if (line.charCodeAt(q + 1) !== 34) {
          end = q + 1;
          break;
        }
        cell += '"';
        from = q + 2;
      }
      cells.push(cell);
      if (end === line.length) return cells;
      if (!line.startsWith(d, end)) return undefined;
    } else {
      end = line.indexOf(d, i);
      const cell = end < 0 ? line.slice(i) : line.slice(i, end);
      if (cell.includes('"')) return undefined;
      cells.push(cell);
      if (end < 0) return cells;
    }
    i = end + d.length;
  }
}

/** Any text read by csv-parse: quoted cells, cells over several lines, and the errors. */
export function csvRows(text: string, delimiter: string, file: string): { rows: Row[]; error?: Finding } {
  // Where the last complete record ended: a quote left open starts right after it.
  let lastGood = 0;
  try {
    const records = parse(text, {
      delimiter,
      // Line ends are already \n: saying so spares csv-parse guessing on long lines.
      record_delimiter: '\n',
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
      // With `info`, each record arrives as { record, info }.
      on_record: ((rec: { info: { lines: number } }) => {
        lastGood = rec.info.lines;
        return rec;
      }) as never,
    }) as unknown as { record: string[]; info: { lines: number; raw?: string } }[];
    const rows: Row[] = [];
    let line = 1;
    for (const { record, info } of records) {
      if (hasContent(record)) rows.push({ line, cells: record });
      line = info.lines + 1;
    }
    return { rows };
  } catch (e) {
    const err = e as { message?: string; lines?: number; code?: string; index?: number };
    const quote = err.code === 'CSV_QUOTE_NOT_CLOSED';
    const line = quote ? lastGood + 1 : (err.lines ?? 1);
    // csv-parse counts fields from 0: index 3 is the fourth column.
    const col = typeof err.index === 'number' ? err.index + 1 : 1;
    const stray =
      err.code === 'INVALID_OPENING_QUOTE' ||
      err.code === 'CSV_INVALID_CLOSING_QUOTE' ||
      /Quote/.test(String(err.code));
    const problem: CsvProblem = quote
      ? { kind: 'quote', line }
      : stray
        ? { kind: 'stray', col }
        : { kind: 'other', text: String(err.message ?? e).split('\n')[0]! };
    return {
      rows: [],
      error: {
        severity: 'error',
        file,
        line,
        col: quote ? 1 : col,
        ...message('data/csv', problem),
      },
    };
  }
}
