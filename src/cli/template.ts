/**
 * `pinggu template`: writes the blank data-collection sheet for a scheme (CSV in
 * GB18030 or UTF-8 with BOM, or .xlsx), optionally prefilled with the townships
 * listed in a units file. The sheets come from the pure builder in
 * src/report/template.ts; this file resolves options, encodes and writes.
 */
import * as path from 'node:path';
import { formatDiagnostic, type CodedDiagnostic, type Finding, type Lang } from '../diagnostics';
import type { MessageArgs } from '../messages/codes';
import { message } from '../messages/codes';
import { InputError, UsageError } from '../errors';
import { visibleLine } from '../visible';
import { decode, normalizeEncodingName } from '../data/decode';
import { isFooterText, normalizeLabel, totalNameKind } from '../data/normalize';
import { readRows } from '../data/table';
import type { Scheme } from '../scheme/model';
import { csvText, templateSheets, type TemplateSheet, type TemplateUnit } from '../report/single/template';
import { chooseLang, EXIT, writeOrFail } from './commands';
import { resolveScheme, shown } from './inputs';
import { limitsOf } from './limits';
import { fileSizeError } from '../limits';
import { textRowsFinding } from '../data/text-limits';
import type { Io } from './io';
import { XLS, xlsKind } from './file-kinds';
import { xlsxBytes } from './template-xlsx';
import type { Row } from '../data/table';

export interface TemplateOptions {
  scheme?: string;
  units?: string;
  encoding?: string;
  format?: string;
  output?: string;
  lang?: string;
  force?: boolean;
  limit?: string[];
}

type TemplateFormat = 'csv' | 'xlsx';
type CsvEncoding = 'gb18030' | 'utf-8';

/** How far down a units file the header row (the one naming the township column) may be. */
const MAX_HEADER_SEARCH = 30;

export async function runTemplate(io: Io, o: TemplateOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const format = formatOf(o);
  const encoding = encodingOf(o, lang, format);
  const limits = limitsOf(o.limit);
  const { scheme, warnings } = await resolveScheme(io, o.scheme, limits);
  for (const d of warnings) if (d.severity !== 'note') io.stderr(`${formatDiagnostic(d, lang)}\n`);

  let units: TemplateUnit[] | undefined;
  if (o.units !== undefined) {
    const file = path.resolve(io.cwd, o.units);
    if (!io.exists(file) || io.listDir(file))
      throw new UsageError(message('cli/no-such-file', { flag: '--units', file: o.units }));
    let bytes: Uint8Array;
    try {
      bytes = io.readFile(file);
    } catch (e) {
      const code = (e as { code?: string }).code ?? String(e);
      throw new InputError([
        { severity: 'error', file: shown(io, file), line: 1, col: 1, ...message('units/unreadable', { errno: code }) },
      ]);
    }
    const name = shown(io, file);
    const at = { severity: 'error' as const, file: name, line: 1, col: 1 };
    if (XLS.test(file)) throw new InputError([{ ...at, ...message('data/xls', { kind: xlsKind(bytes) }) }]);
    const book = /\.xlsx$/i.test(file);
    const over =
      bytes.length > limits.fileSize
        ? fileSizeError('fileSize', name, bytes.length, limits.fileSize)
        : book
          ? undefined
          : textRowsFinding(bytes, name, limits.rows);
    if (over) throw new InputError([over]);
    let read: ReturnType<typeof readUnits>;
    if (book) {
      // A workbook (last month's report): its first visible sheet, as `score` reads it.
      const { readXlsx } = await import('../data/xlsx');
      const r = await readXlsx(bytes, name, undefined, limits);
      const errors = r.findings.filter((d) => d.severity === 'error');
      if (errors.length) throw new InputError(errors);
      read = unitsOfRows(scheme, name, r.rows);
    } else read = readUnits(scheme, name, bytes);
    for (const d of read.notes) io.stderr(`${formatDiagnostic(d, lang)}\n`);
    units = read.units;
  }

  const sheets = templateSheets(scheme, units);
  if (sheets.length === 0) throw new UsageError(message('cli/template-no-fields', { scheme: scheme.id }));
  const main = path.resolve(io.cwd, o.output ?? `template.${format}`);
  const files: { file: string; sheets: TemplateSheet[] }[] =
    format === 'xlsx'
      ? [{ file: main, sheets }]
      : sheets.map((s, i) => ({ file: i === 0 ? main : besides(main, s.level), sheets: [s] }));

  // A filled-in sheet is hours of work: never replace one without being told to.
  const existing = files.find((f) => io.exists(f.file));
  if (existing && !o.force) {
    const f = shown(io, existing.file);
    throw new UsageError(message('cli/template-exists', { file: f }));
  }

  for (const f of files) {
    const bytes =
      format === 'xlsx'
        ? await xlsxBytes(f.sheets, lang)
        : await csvBytes(csvText(f.sheets[0]!.header, f.sheets[0]!.rows), encoding);
    writeOrFail(io, f.file, bytes);
    io.stdout(wroteLine(lang, visibleLine(shown(io, f.file)), f.sheets, format === 'csv' ? encoding : undefined));
  }
  return EXIT.ok;
}

function formatOf(o: TemplateOptions): TemplateFormat {
  const ext = o.output === undefined ? '' : path.extname(o.output).toLowerCase();
  const fromExt: TemplateFormat | undefined = ext === '.xlsx' ? 'xlsx' : ext === '.csv' ? 'csv' : undefined;
  if (o.format !== undefined) {
    if (o.format !== 'csv' && o.format !== 'xlsx')
      throw new UsageError(message('cli/one-of', { flag: '--format', value: o.format, allowed: ['csv', 'xlsx'] }));
    if (fromExt && fromExt !== o.format)
      throw new UsageError(message('cli/template-format-ext', { output: o.output!, format: o.format }));
    return o.format;
  }
  if (o.output !== undefined && !fromExt) throw new UsageError(message('cli/template-no-format', { output: o.output }));
  return fromExt ?? 'csv';
}

/** GB18030 when the tool speaks Chinese (what Excel on Chinese Windows opens), else UTF-8 with BOM. */
function encodingOf(o: TemplateOptions, lang: Lang, format: TemplateFormat): CsvEncoding {
  if (o.encoding === undefined) return lang === 'zh' ? 'gb18030' : 'utf-8';
  const e = normalizeEncodingName(o.encoding);
  if (e !== 'gb18030' && e !== 'utf-8')
    throw new UsageError(message('cli/template-encoding', { encoding: o.encoding }));
  if (format === 'xlsx') throw new UsageError(message('cli/template-encoding-xlsx', {}));
  return e;
}

/** `out/t.csv` + `county` → `out/t-county.csv`. */
function besides(file: string, level: string): string {
  const ext = path.extname(file);
  return path.join(path.dirname(file), `${path.basename(file, ext)}-${level}${ext}`);
}

function wroteLine(lang: Lang, file: string, sheets: TemplateSheet[], encoding: CsvEncoding | undefined): string {
  const zh = lang === 'zh';
  const parts = sheets.map((s) => {
    const fields = s.header.length - s.idColumns;
    const rows = s.rows.length ? (zh ? `，${s.rows.length} 行` : `, ${s.rows.length} rows`) : '';
    const title = visibleLine(s.title);
    return zh
      ? `${title}：${s.idColumns} + ${fields} 列${rows}`
      : `${title}: ${s.idColumns} + ${fields} columns${rows}`;
  });
  const enc = encoding === undefined ? '' : encoding === 'gb18030' ? 'GB18030' : zh ? 'UTF-8 带 BOM' : 'UTF-8 with BOM';
  if (enc) parts.push(enc);
  return zh ? `已写入 ${file}（${parts.join('；')}）\n` : `wrote ${file} (${parts.join('; ')})\n`;
}

async function csvBytes(text: string, encoding: CsvEncoding): Promise<Uint8Array> {
  if (encoding === 'utf-8') {
    const body = new TextEncoder().encode(text);
    const out = new Uint8Array(body.length + 3);
    out.set([0xef, 0xbb, 0xbf]);
    out.set(body, 3);
    return out;
  }
  const m = (await import('iconv-lite')) as unknown as {
    encode?: (s: string, e: string) => Uint8Array;
    default?: { encode: (s: string, e: string) => Uint8Array };
  };
  const encode = m.encode ?? m.default!.encode;
  return new Uint8Array(encode(text, 'gb18030'));
}

/**
 * The townships of a units file: a CSV (any encoding the reader detects) whose
 * header names the township column (a label of the lowest level's `name`), and
 * optionally the code column. Title rows above the header, total rows (合计) and
 * sign-off lines are skipped and reported as notes; a row without a name, or a
 * name or code listed twice, is an error with its line.
 */
export function readUnits(
  scheme: Scheme,
  file: string,
  bytes: Uint8Array,
): { units: TemplateUnit[]; notes: Finding[] } {
  const level = scheme.levels[0]!;
  const err = (line: number, col: number, args: MessageArgs['units/bad-row']): CodedDiagnostic => ({
    severity: 'error',
    file,
    line,
    col,
    ...message('units/bad-row', args),
  });
  const decoded = decode(bytes);
  if (decoded.lossy) throw new InputError([err(1, 1, { kind: 'encoding', encoding: decoded.encoding })]);
  const { rows, error } = readRows(decoded.text, file);
  if (error) throw new InputError([error]);
  return unitsOfRows(scheme, file, rows);
}

/** The townships of a units file's rows (a CSV's, or a workbook sheet's). */
export function unitsOfRows(scheme: Scheme, file: string, rows: Row[]): { units: TemplateUnit[]; notes: Finding[] } {
  const level = scheme.levels[0]!;
  const err = (line: number, col: number, args: MessageArgs['units/bad-row']): CodedDiagnostic => ({
    severity: 'error',
    file,
    line,
    col,
    ...message('units/bad-row', args),
  });
  const names = new Set(level.name.map(normalizeLabel));
  const keys = new Set((level.key ?? []).map(normalizeLabel));
  const headerIndex = rows
    .slice(0, MAX_HEADER_SEARCH)
    .findIndex((r) => r.cells.some((c) => names.has(normalizeLabel(c))));
  if (headerIndex < 0) {
    throw new InputError([
      err(rows[0]?.line ?? 1, 1, {
        kind: 'no-header',
        level: level.title,
        labels: level.name,
        rows: MAX_HEADER_SEARCH,
      }),
    ]);
  }
  const header = rows[headerIndex]!;
  const nameCol = header.cells.findIndex((c) => names.has(normalizeLabel(c)));
  const codeCol = header.cells.findIndex((c, j) => j !== nameCol && keys.has(normalizeLabel(c)));
  const notes: Finding[] = rows
    .slice(0, headerIndex)
    .map((r) => note(file, r.line, { kind: 'preamble', text: preview(r.cells) }));
  const errors: Finding[] = [];
  const units: TemplateUnit[] = [];
  const byName = new Map<string, number>();
  const byCode = new Map<string, number>();
  const body = rows.slice(headerIndex + 1);
  // A name that can only be a total (合计) is skipped anywhere; one that could name a unit (总计镇, 全县) only when it ends the list.
  let lastNamed = body.length - 1;
  while (lastNamed >= 0 && (body[lastNamed]!.cells[nameCol] ?? '').trim() === '') lastNamed--;
  for (const [i, r] of body.entries()) {
    const name = (r.cells[nameCol] ?? '').trim();
    const code = codeCol >= 0 ? (r.cells[codeCol] ?? '').trim() || undefined : undefined;
    const total = totalNameKind(name);
    if (
      total === 'sure' ||
      (total === 'maybe' && i === lastNamed) ||
      isFooterText(r.cells[0] ?? '') ||
      isFooterText(name)
    ) {
      notes.push(note(file, r.line, { kind: 'not-a-unit', level: level.title, text: preview(r.cells) }));
      continue;
    }
    if (!name) {
      errors.push(err(r.line, nameCol + 1, { kind: 'no-name', level: level.title, header: header.cells[nameCol]! }));
      continue;
    }
    const k = normalizeLabel(name);
    const again = byName.get(k) ?? (code !== undefined ? byCode.get(code) : undefined);
    if (again !== undefined) {
      const what = byName.has(k) ? name : code!;
      errors.push(err(r.line, byName.has(k) ? nameCol + 1 : codeCol + 1, { kind: 'twice', name: what, first: again }));
      continue;
    }
    byName.set(k, r.line);
    if (code !== undefined) byCode.set(code, r.line);
    units.push(code === undefined ? { name } : { name, code });
  }
  if (!errors.length && !units.length) errors.push(err(header.line, 1, { kind: 'empty', level: level.title }));
  if (errors.length) throw new InputError(errors);
  return { units, notes };
}

const note = (file: string, line: number, args: MessageArgs['units/skipped']): CodedDiagnostic => ({
  severity: 'note',
  file,
  line,
  col: 1,
  ...message('units/skipped', args),
});

const preview = (cells: string[]): string => {
  const t = cells
    .filter((c) => c.trim())
    .join(' ')
    .trim();
  return t.length > 40 ? `${t.slice(0, 40)}…` : t;
};
