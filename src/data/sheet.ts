/**
 * One data file → typed rows. Finds the header row (the row naming the units that
 * best matches the scheme's labels; two rows when a group header stands over
 * sub-headers), reports what it skipped, parses every cell.
 */
import { msg, type Diagnostic } from '../diagnostics';
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
  invalid: Map<string, Diagnostic>;
  /** Where each field's cell is. */
  cells: CellIndex;
  source: Source;
  /** From the file's period column, when it has one (`2026-09`). */
  period?: string;
  /** While the sheet is read: a name such as 总计镇 or 全县, a total only if its values are the sums (total-rows.ts). */
  maybeTotal?: { col: number; blank?: Diagnostic };
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
  findings: Diagnostic[];
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
    const message = opts.encoding
      ? msg(`the file is not valid ${decoded.encoding} text; leave out --encoding to detect it, or try ${decoded.encoding === 'gb18030' ? 'utf-8' : 'gb18030'}`, `文件不是有效的 ${decoded.encoding} 文本；请去掉 --encoding 让程序自动识别，或改用 ${decoded.encoding === 'gb18030' ? 'utf-8' : 'gb18030'}`)
      : msg('the file is not text in UTF-8 or GB18030: is it a workbook or another binary file? Save it as CSV, or give a workbook an .xlsx name', '文件不是 UTF-8 或 GB18030 文本：是否是工作簿或其他二进制文件？请另存为 CSV；工作簿请用 .xlsx 扩展名');
    const error: Diagnostic = { severity: 'error', code: 'data/encoding', file, line: 1, col: 1, message };
    return emptySheet(file, decoded.encoding, [error]);
  }
  const { rows, error } = readRows(decoded.text, file);
  if (error) return emptySheet(file, decoded.encoding, [error]);
  return sheetFromRows(scheme, file, rows, decoded.encoding, opts, true);
}

const emptySheet = (file: string, encoding: string, findings: Diagnostic[]): Sheet => ({ file, encoding, level: 0, fields: [], headerLine: 0, rows: [], read: 0, rejected: 0, findings });

/**
 * Rows from any reader (text or workbook) → a sheet of typed rows. `own`: the rows
 * are the caller's to give away (a text file's): each is let go once read, so that a
 * national file's cells are not all held beside its typed rows.
 */
export function sheetFromRows(scheme: Scheme, file: string, rows: Row[], encoding: string, opts: SheetOptions = {}, own = false): Sheet {
  const findings: Diagnostic[] = [];
  const empty = (): Sheet => emptySheet(file, encoding, findings);
  if (rows.length === 0) {
    findings.push({ severity: 'error', code: 'data/empty', file, line: 1, col: 1, message: msg('the file has no rows', '文件没有任何数据行') });
    return empty();
  }
  const header = findHeader(scheme, rows, opts.headerRow);
  if (!header) {
    const labels = scheme.levels.map((l) => l.name.join('/')).join('; ');
    const message =
      opts.headerRow !== undefined
        ? msg(`--header-row ${opts.headerRow}: that line is not a header row with a column naming the units (${labels})`, `--header-row ${opts.headerRow}：该行不是带单位名称列（${labels}）的表头行`)
        : msg(`no header row found: expected a column naming the units (${labels}) in the first ${MAX_HEADER_SEARCH} rows`, `未找到表头行：前 ${MAX_HEADER_SEARCH} 行中应有单位名称列（${labels}）`);
    findings.push({ severity: 'error', code: 'data/no-header', file, line: Math.min(opts.headerRow ?? rows[0]!.line, rows[rows.length - 1]!.line), col: 1, message });
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
      findings.push({ severity: 'note', code: 'data/skipped-preamble', file, line: r.line, col: 1, message: msg(`skipped line above the header: "${preview(r)}"`, `跳过表头上方的行：“${preview(r)}”`) });
      return;
    }
    read++;
    rejected++;
    const message = inside
      ? msg(`a data row between the two header rows (lines ${top.line} and ${headerRow.line}): "${preview(r)}"; it is not used: move it below the header`, `数据行夹在两行表头（第 ${top.line}、${headerRow.line} 行）之间：“${preview(r)}”；该行未使用，请把它移到表头之下`)
      : msg(`a data row above the header (line ${headerRow.line}): "${preview(r)}"; it is not used: move it below the header`, `数据行在表头（第 ${headerRow.line} 行）之上：“${preview(r)}”；该行未使用，请把它移到表头之下`);
    findings.push({ severity: 'error', code: inside ? 'data/row-in-header' : 'data/row-above-header', file, line: r.line, col: data.col, message });
  };
  for (const r of rows.slice(0, headerIndex)) misplaced(r, false);
  if (header.between !== undefined) misplaced(rows[header.between]!, true);
  if (header.rows === 2) {
    findings.push({ severity: 'note', code: 'data/two-level-header', file, line: top.line, col: 1, message: msg(`two header rows (lines ${top.line}–${headerRow.line}) read as combined names such as "${header.example}"`, `两行表头（第 ${top.line}–${headerRow.line} 行）按组合列名读取，例如“${header.example}”`) });
  }
  for (const f of matched.findings) findings.push(f);
  if (!matched.columns.some((c) => c.kind === 'field')) {
    findings.push({ severity: 'warning', code: 'data/no-fields', file, line: headerRow.line, col: 1, message: msg('no column of this file matches a field of the scheme: only unit names are read from it', '本文件没有任何列对应方案中的字段：只读取了单位名称') });
  }
  const out: SheetRow[] = [];
  const dataRows: (Row | undefined)[] = rows.slice(header.end);
  if (own) rows.length = 0;
  read += dataRows.length;
  const show = (cells: string[]) => cells.map((h) => quoteCell(h.replace(CONTROL, '\ufffd')));
  let current: { header: Header; shown: string[]; cells: string[] } = { header: matched, shown: show(headerRow.cells), cells: headerRow.cells };
  const fields = new Set(matched.columns.flatMap((c) => (c.kind === 'field' ? [c.id] : [])));
  const merges = new Map<string, Diagnostic>();
  /** A header of another level inside the data: rows below it are not this table's. */
  let foreign: { at: Diagnostic; rows: number; title: string } | undefined;
  const endForeign = (): void => {
    if (!foreign) return;
    const { at, rows: n, title } = foreign;
    at.message = msg(`a header of another table (${title}) inside the data: the ${n} row${n === 1 ? '' : 's'} below it ${n === 1 ? 'is' : 'are'} not used; put that table in a file or sheet of its own`, `数据中出现另一张表（${title}）的表头：其下 ${n} 行未使用；请把那张表放在单独的文件或工作表中`);
    findings.push(at);
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
      const pair = header.rows === 2 && next && next.line === r.line + 1 ? combineHeaderRows(r.cells, next.cells) : undefined;
      const useTwo = pair && headerScore(scheme, pair).matches > headerScore(scheme, r.cells).matches;
      const cells = useTwo ? pair : r.cells;
      const lines = useTwo ? 2 : 1;
      rejected += lines;
      k += lines - 1;
      endForeign();
      const again = matchHeader(scheme, cells, file, r.line + lines - 1);
      if (again.level !== matched.level) {
        const title = scheme.levels[again.level]?.title ?? '';
        foreign = { at: { severity: 'error', code: 'data/second-table', file, line: r.line, col: 1, message: msg('', '') }, rows: 0, title };
        continue;
      }
      const same = cells.map(normalizeLabel).join('\t') === current.cells.map(normalizeLabel).join('\t');
      if (!same) {
        for (const f of again.findings) findings.push(f);
        for (const c of again.columns) if (c.kind === 'field') fields.add(c.id);
        current = { header: again, shown: show(cells), cells };
      }
      const message = same
        ? msg(`the header is repeated here (first at line ${headerRow.line}): an Excel sort or a second block pasted below? This line is skipped; the rows below it are read`, `表头在此重复出现（首次在第 ${headerRow.line} 行）：是否经过 Excel 排序，或在下方粘贴了第二块数据？本行已跳过，其下各行照常读取`)
        : msg(`a second header (the first is at line ${headerRow.line}) with other columns: the rows below it are read with this one`, `出现第二个表头（第一个在第 ${headerRow.line} 行），列不相同：其下各行按这个表头读取`);
      findings.push({ severity: 'warning', code: 'data/repeated-header', file, line: r.line, col: 1, message });
      continue;
    }
    if (foreign) {
      foreign.rows++;
      rejected++;
      findings.push({ severity: 'note', code: 'data/second-table-row', file, line: r.line, col: 1, message: msg(`not used: a row of the other table (header at line ${foreign.at.line})`, `未使用：属于另一张表（表头在第 ${foreign.at.line} 行）`) });
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
  const candidates = forced !== undefined ? rows.flatMap((r, i) => (r.line === forced ? [i] : [])) : rows.slice(0, MAX_HEADER_SEARCH).map((_, i) => i);
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
      if (s2.hasName && s2.matches > bestScore && s2.matches > Math.max(s1.matches, headerScore(scheme, next.cells).matches)) {
        best = { index: i, rows: 2, end: j + 1, cells: two, example: two.find((c, n) => c.includes('/') && c !== one[n]), ...(j > i + 1 ? { between: i + 1 } : {}) };
        bestScore = s2.matches;
      }
    }
  }
  return best;
}
