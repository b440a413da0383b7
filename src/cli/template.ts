/**
 * `pinggu template`: writes the blank data-collection sheet for a scheme (CSV in
 * GB18030 or UTF-8 with BOM, or .xlsx), optionally prefilled with the townships
 * listed in a units file. The sheets come from the pure builder in
 * src/report/template.ts; this file resolves options, encodes and writes.
 */
import * as path from 'node:path';
import { formatDiagnostic, type Lang } from '../diagnostics';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { visibleLine } from '../visible';
import { normalizeEncodingName } from '../data/decode';
import type { Scheme } from '../scheme/model';
import { csvText, templateSheets, type TemplateSheet } from '../report/single/template';
import { chooseLang, EXIT, writeOrFail } from './commands';
import { resolveScheme, shown } from './inputs';
import { limitsOf } from './limits';
import type { Io } from './io';
import { xlsxBytes } from './template-xlsx';
import { readUnitsFile } from './template-units';

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

export async function runTemplate(io: Io, o: TemplateOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const format = formatOf(o);
  const encoding = encodingOf(o, lang, format);
  const limits = limitsOf(o.limit);
  const { scheme, warnings } = await resolveScheme(io, o.scheme, limits);
  for (const d of warnings) if (d.severity !== 'note') io.stderr(`${formatDiagnostic(d, lang)}\n`);

  const units = o.units === undefined ? undefined : await readUnitsFile(io, scheme, o.units, limits, lang);
  const files = templateFiles(io, templateSheets(scheme, units), scheme, format, o);
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

/**
 * The files to write: one workbook, or one CSV per level (the township's at --output,
 * the others beside it). A filled-in sheet is hours of work: never replace one without
 * being told to (--force).
 */
function templateFiles(
  io: Io,
  sheets: TemplateSheet[],
  scheme: Scheme,
  format: TemplateFormat,
  o: TemplateOptions,
): { file: string; sheets: TemplateSheet[] }[] {
  if (sheets.length === 0) throw new UsageError(message('cli/template-no-fields', { scheme: scheme.id }));
  const main = path.resolve(io.cwd, o.output ?? `template.${format}`);
  const files: { file: string; sheets: TemplateSheet[] }[] =
    format === 'xlsx'
      ? [{ file: main, sheets }]
      : sheets.map((s, i) => ({ file: i === 0 ? main : besides(main, s.level), sheets: [s] }));
  const existing = files.find((f) => io.exists(f.file));
  if (existing && !o.force) {
    const f = shown(io, existing.file);
    throw new UsageError(message('cli/template-exists', { file: f }));
  }
  return files;
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
