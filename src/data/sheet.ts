/**
 * One data file → typed rows. Finds the header row (the row naming the units that
 * best matches the scheme's labels; two rows when a group header stands over
 * sub-headers), reports what it skipped, parses every cell.
 */
import { msg, type Diagnostic } from '../diagnostics';
import type { Scheme } from '../scheme/model';
import { matchHeader, headerScore, type Column, type Header } from './columns';
import { decode, type Encoding } from './decode';
import type { FieldValue, Source } from './model';
import { isDataLine, isHeaderAgain, looksLikeText, looksNumeric, valueColumns } from './lines';
import { mergeEffect } from './merges';
import { isFooterText, isTotalName, normalizeLabel, totalNameKind } from './normalize';
import { resolveTotals } from './total-rows';
import { readRows, type Row } from './table';
import { parseCell, quoteCell, showCell } from './values';
import { Rational } from '../rational';
import { parsePeriod } from './period';
import { CellIndex } from './cells';

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
  return sheetFromRows(scheme, file, rows, decoded.encoding, opts);
}

const emptySheet = (file: string, encoding: string, findings: Diagnostic[]): Sheet => ({ file, encoding, level: 0, fields: [], headerLine: 0, rows: [], read: 0, rejected: 0, findings });

/** Rows from any reader (text or workbook) → a sheet of typed rows. */
export function sheetFromRows(scheme: Scheme, file: string, rows: Row[], encoding: string, opts: SheetOptions = {}): Sheet {
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
  const dataRows = rows.slice(header.end);
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

const preview = (r: Row): string => {
  // A merged title repeats its text in every cell of the merge: show it once.
  const cells = r.cells.map((c) => c.trim()).filter((c, i, all) => c && c !== all[i - 1]);
  const t = cells.join(' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};

/** Control characters (escape sequences, bells) in names would reach terminals and reports: shown as �. */
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

function readRow(scheme: Scheme, level: number, columns: Column[], headers: string[], row: Row, file: string, findings: Diagnostic[], merges: Map<string, Diagnostic>): SheetRow | undefined {
  // The copies a workbook reader makes of a merged cell are not this row's values (merges.ts).
  const merged = mergeEffect(row, columns, level, headers, file, merges);
  const r = merged.blank.size ? { ...row, cells: row.cells.map((c, i) => (merged.blank.has(i) ? '' : c)) } : row;
  const cell = (i: number) => (r.cells[i] ?? '').replace(CONTROL, '\ufffd').trim();
  const colOf = (pred: (c: Column) => boolean) => columns.findIndex(pred);
  const nameCol = colOf((c) => c.kind === 'name' && c.level === level);
  const keyCol = colOf((c) => c.kind === 'key' && c.level === level);
  const name = cell(nameCol);
  const code = keyCol >= 0 ? cell(keyCol) || undefined : undefined;
  const fieldCols = columns.flatMap((c, i) => (c.kind === 'field' ? [{ id: c.id, i }] : []));
  const source = { file, line: r.line };
  const hasValues = fieldCols.some(({ i }) => cell(i) !== '');

  // Text under the table (notes, sign-offs) is skipped; a named row without values is a unit with blanks.
  const footer = isFooterText(r.cells[0] ?? '') || isFooterText(name);
  // A sentence with values beside it (数据来源：统计局,1,2) is no more a unit than a sign-off is.
  const signed = footer || (/[：。；]/.test(name) && !isTotalName(name)) ? valueColumns(scheme, columns, r) : [];
  if (signed.length) {
    // 审核人：李四,1,2: values under a sign-off are a data row whose name was overwritten or never written.
    const shown = signed.map((i) => headers[i]).join(', ');
    findings.push({ ...source, col: 1, severity: 'error', code: 'data/text-with-values', message: msg(`"${preview(r)}" starts like a note or sign-off but has values (${shown}); the row is not used: put the unit's name in column "${headers[nameCol]}", or remove the values`, `“${preview(r)}”像备注或签名行，却有数值（${signed.map((i) => headers[i]).join('、')}）；该行未使用：请在“${headers[nameCol]}”列填写单位名称，或删去数值`) });
    return undefined;
  }
  if (footer || (!hasValues && !code && (!name || looksLikeText(name)) && !isTotalName(name))) {
    findings.push({ ...source, col: 1, severity: 'note', code: 'data/not-a-row', message: msg(`line is not a data row and was skipped: "${preview(r)}"`, `该行不是数据行，已跳过：“${preview(r)}”`) });
    return undefined;
  }
  for (const d of merged.findings) if (!findings.includes(d)) findings.push(d);
  if (merged.reject) {
    findings.push(merged.reject);
    return undefined;
  }
  if (!name && !code) {
    findings.push({ ...source, col: nameCol + 1, severity: 'error', code: 'data/no-name', message: msg(`row has values but no unit name in column "${headers[nameCol]}"; the row is not used`, `该行有数据但“${headers[nameCol]}”列为空；该行未使用`) });
    return undefined;
  }
  // Values beyond the last header column: usually 22,630 written without quotes.
  const width = headers.reduce((w, h, i) => (h.trim() ? i + 1 : w), 0);
  const extra = r.cells.findIndex((c, i) => i >= width && c.trim() !== '');
  if (extra >= 0) {
    findings.push({ ...source, col: extra + 1, severity: 'error', code: 'data/extra-cells', message: msg(`row has ${r.cells.length} cells but the header has ${width}: values are shifted (a number such as 22,630 written without quotes?); the row is not used`, `该行有 ${r.cells.length} 个单元格，而表头只有 ${width} 列：数值错位（如 22,630 未加引号？）；该行未使用`) });
    return undefined;
  }
  const periodCol = colOf((c) => c.kind === 'period');
  const period = periodCol >= 0 ? parsePeriod(cell(periodCol)) : undefined;
  if (periodCol >= 0 && !period) {
    const shownCell = quoteCell(cell(periodCol));
    findings.push({ ...source, col: periodCol + 1, severity: 'error', code: 'data/bad-period', message: msg(`${headers[periodCol]}: "${shownCell}" is not a period (YYYY-MM such as 2026-09, or YYYYhN such as 2026h1); the row is not used`, `${headers[periodCol]}：“${shownCell}”不是期间（应为 YYYY-MM，如 2026-09；或 YYYYhN，如 2026h1）；该行未使用`) });
    return undefined;
  }
  const parents = new Map<number, { name: string; code?: string }>();
  columns.forEach((c, i) => {
    if ((c.kind === 'name' || c.kind === 'key') && c.level > level && cell(i)) {
      const p = parents.get(c.level) ?? { name: '' };
      if (c.kind === 'name') p.name = cell(i);
      else p.code = cell(i);
      parents.set(c.level, p);
    }
  });
  const values = new Map<string, FieldValue>();
  const invalid = new Map<string, Diagnostic>();
  const cells = new CellIndex();
  for (const { id, i } of fieldCols) {
    const field = scheme.fields.get(id)!;
    const at = { ...source, col: i + 1 };
    cells.set(id, at);
    const mergedOver = merged.invalid.get(i);
    if (mergedOver) {
      invalid.set(id, mergedOver);
      continue;
    }
    const parsed = parseCell(r.cells[i] ?? '', field);
    const bad = (en: string, zh: string): void => {
      const d: Diagnostic = { ...at, severity: 'error', code: 'data/bad-value', message: msg(`${headers[i]}: ${en}`, `${headers[i]}：${zh}`) };
      findings.push(d);
      invalid.set(id, d);
    };
    if ('error' in parsed) {
      bad(parsed.error.en, parsed.error.zh);
      continue;
    }
    const v = parsed.value;
    if (v === undefined || typeof v === 'string') continue;
    // 0.925 in a percent column reads as 0.925%: probably a fraction meant as 92.5%.
    const raw = (r.cells[i] ?? '').normalize('NFKC');
    if (field.type === 'percent' && typeof v !== 'boolean' && !/[%‰]/.test(raw) && v.sign() > 0 && v.le(Rational.of(1n, 100n))) {
      findings.push({ ...at, severity: 'warning', code: 'data/percent-fraction', message: msg(`${headers[i]}: "${quoteCell(raw)}" is read as ${quoteCell(raw)}%; if it means ${v.mul(Rational.of(10000n)).toDecimal(2)}%, write that (with or without %)`, `${headers[i]}：“${quoteCell(raw)}”按 ${quoteCell(raw)}% 读取；如果实际是 ${v.mul(Rational.of(10000n)).toDecimal(2)}%，请照此填写（带不带 % 均可）`) });
    }
    if (typeof v !== 'boolean') {
      const show = (x: Rational) => showCell(x, field.type);
      if (field.min && v.lt(field.min)) {
        bad(`${show(v)} is below the lowest valid value ${show(field.min)}`, `${show(v)} 低于最小允许值 ${show(field.min)}`);
        continue;
      }
      if (field.max && v.gt(field.max)) {
        bad(`${show(v)} is above the highest valid value ${show(field.max)}`, `${show(v)} 高于最大允许值 ${show(field.max)}`);
        continue;
      }
    }
    values.set(id, v);
  }
  const totalName = totalNameKind(name);
  const kind = totalName ? 'total' : 'unit';
  const blank = fieldCols.filter(({ id }) => {
    const f = scheme.fields.get(id)!;
    return f.required && f.level === level && !values.has(id) && !invalid.has(id);
  });
  let blankFinding: Diagnostic | undefined;
  if (blank.length) {
    const labels = blank.map(({ i }) => headers[i]).join('、');
    const short = r.cells.length < width ? { en: ` (the row ends after ${r.cells.length} of ${width} cells)`, zh: `（该行只有 ${r.cells.length} 个单元格，表头有 ${width} 列）` } : { en: '', zh: '' };
    blankFinding = { ...source, col: blank[0]!.i + 1, severity: 'warning', code: 'data/blank', message: msg(`${name || code}: no value for ${blank.map(({ i }) => headers[i]).join(', ')}${short.en}; items using ${blank.length === 1 ? 'it' : 'them'} score 0 as missing data`, `${name || code}：${labels} 无数值${short.zh}；使用这些字段的指标按缺数据记 0 分`) };
    if (kind === 'unit') findings.push(blankFinding);
  }
  const maybeTotal = totalName === 'maybe' ? { maybeTotal: { col: nameCol + 1, ...(blankFinding ? { blank: blankFinding } : {}) } } : {};
  return { kind, level, name, code, parents, values, invalid, cells, source, ...(period ? { period } : {}), ...maybeTotal };
}
