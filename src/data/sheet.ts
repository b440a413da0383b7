/**
 * One data file → typed rows. Finds the header row (the row naming the units that
 * best matches the scheme's labels), reports what it skipped, parses every cell.
 */
import { msg, type Diagnostic } from '../diagnostics';
import type { Scheme } from '../scheme/model';
import { matchHeader, headerScore, type Column } from './columns';
import { decode, type Encoding } from './decode';
import type { FieldValue, Source } from './model';
import { isFooterText, isTotalName } from './normalize';
import { readRows, type Row } from './table';
import { parseCell, showCell } from './values';
import type { Rational } from '../rational';

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
  cells: Map<string, Source & { col: number }>;
  source: Source;
}

export interface Sheet {
  file: string;
  encoding: Encoding;
  level: number;
  /** Fields that have a column in this file. */
  fields: string[];
  headerLine: number;
  rows: SheetRow[];
  /** Data rows below the header, and how many were not used. */
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

export function readSheet(scheme: Scheme, file: string, bytes: Uint8Array, opts: SheetOptions = {}): Sheet {
  const decoded = decode(bytes, opts.encoding);
  const findings: Diagnostic[] = [];
  const empty = (): Sheet => ({ file, encoding: decoded.encoding, level: 0, fields: [], headerLine: 0, rows: [], read: 0, rejected: 0, findings });
  if (decoded.lossy) {
    findings.push({ severity: 'error', code: 'data/encoding', file, line: 1, col: 1, message: msg(`the file is not valid ${decoded.encoding}; try --encoding gb18030 or utf-8, or leave it out to detect`, `文件不是有效的 ${decoded.encoding} 编码；请改用 --encoding gb18030 或 utf-8，或不指定以自动识别`) });
    return empty();
  }
  const { rows, error } = readRows(decoded.text, file);
  if (error) {
    findings.push(error);
    return empty();
  }
  if (rows.length === 0) {
    findings.push({ severity: 'error', code: 'data/empty', file, line: 1, col: 1, message: msg('the file has no rows', '文件没有任何数据行') });
    return empty();
  }
  const headerIndex = findHeader(scheme, rows, opts.headerRow);
  if (headerIndex < 0) {
    const labels = scheme.levels.map((l) => l.name.join('/')).join('; ');
    findings.push({ severity: 'error', code: 'data/no-header', file, line: opts.headerRow ?? rows[0]!.line, col: 1, message: msg(`no header row found: expected a column naming the units (${labels}) in the first ${MAX_HEADER_SEARCH} rows`, `未找到表头行：前 ${MAX_HEADER_SEARCH} 行中应有单位名称列（${labels}）`) });
    return empty();
  }
  for (const r of rows.slice(0, headerIndex)) {
    findings.push({ severity: 'note', code: 'data/skipped-preamble', file, line: r.line, col: 1, message: msg(`skipped line above the header: "${preview(r)}"`, `跳过表头上方的行：“${preview(r)}”`) });
  }
  const headerRow = rows[headerIndex]!;
  const header = matchHeader(scheme, headerRow.cells, file, headerRow.line);
  findings.push(...header.findings);
  const out: SheetRow[] = [];
  let rejected = 0;
  const dataRows = rows.slice(headerIndex + 1);
  for (const r of dataRows) {
    const row = readRow(scheme, header.level, header.columns, headerRow.cells, r, file, findings);
    if (row) out.push(row);
    else rejected++;
  }
  return {
    file,
    encoding: decoded.encoding,
    level: header.level,
    fields: header.columns.flatMap((c) => (c.kind === 'field' ? [c.id] : [])),
    headerLine: headerRow.line,
    rows: out,
    read: dataRows.length,
    rejected,
    findings,
  };
}

function findHeader(scheme: Scheme, rows: Row[], forced?: number): number {
  if (forced !== undefined) {
    const i = rows.findIndex((r) => r.line === forced);
    return i >= 0 && headerScore(scheme, rows[i]!.cells).hasName ? i : -1;
  }
  let best = -1;
  let bestScore = 0;
  rows.slice(0, MAX_HEADER_SEARCH).forEach((r, i) => {
    const s = headerScore(scheme, r.cells);
    if (s.hasName && s.matches > bestScore) {
      best = i;
      bestScore = s.matches;
    }
  });
  return best;
}

const preview = (r: Row): string => {
  const t = r.cells.filter((c) => c.trim()).join(' ').trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};

function readRow(scheme: Scheme, level: number, columns: Column[], headers: string[], r: Row, file: string, findings: Diagnostic[]): SheetRow | undefined {
  const cell = (i: number) => (r.cells[i] ?? '').trim();
  const colOf = (pred: (c: Column) => boolean) => columns.findIndex(pred);
  const nameCol = colOf((c) => c.kind === 'name' && c.level === level);
  const keyCol = colOf((c) => c.kind === 'key' && c.level === level);
  const name = cell(nameCol);
  const code = keyCol >= 0 ? cell(keyCol) || undefined : undefined;
  const fieldCols = columns.flatMap((c, i) => (c.kind === 'field' ? [{ id: c.id, i }] : []));
  const source = { file, line: r.line };
  const hasValues = fieldCols.some(({ i }) => cell(i) !== '');

  if ((!hasValues && !code && !isTotalName(name)) || isFooterText(r.cells[0] ?? '') || isFooterText(name)) {
    findings.push({ ...source, col: 1, severity: 'note', code: 'data/not-a-row', message: msg(`line is not a data row and was skipped: "${preview(r)}"`, `该行不是数据行，已跳过：“${preview(r)}”`) });
    return undefined;
  }
  if (!name && !code) {
    findings.push({ ...source, col: nameCol + 1, severity: 'error', code: 'data/no-name', message: msg(`row has values but no unit name in column "${headers[nameCol]}"; the row is not used`, `该行有数据但“${headers[nameCol]}”列为空；该行未使用`) });
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
  const cells = new Map<string, Source & { col: number }>();
  for (const { id, i } of fieldCols) {
    const field = scheme.fields.get(id)!;
    const at = { ...source, col: i + 1 };
    cells.set(id, at);
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
  const kind = isTotalName(name) ? 'total' : 'unit';
  return { kind, level, name, code, parents, values, invalid, cells, source };
}
