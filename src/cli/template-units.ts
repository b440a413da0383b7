/**
 * The townships to prefill a template with (`pinggu template --units FILE`): a CSV or
 * a workbook whose header names the township column. Title rows, totals and sign-off
 * lines are skipped as notes; a row without a name, or a name or code listed twice,
 * is an error with its line.
 */
import * as path from 'node:path';
import { formatDiagnostic, type CodedDiagnostic, type Finding, type Lang } from '../diagnostics';
import { message, type MessageArgs } from '../messages/codes';
import { InputError, UsageError } from '../errors';
import { decode } from '../data/decode';
import { isFooterText, normalizeLabel, totalNameKind } from '../data/normalize';
import { readRows, type Row } from '../data/table';
import type { Scheme } from '../scheme/model';
import type { TemplateUnit } from '../report/single/template';
import { fileSizeError, type Limits } from '../limits';
import { textRowsFinding } from '../data/text-limits';
import { shown } from './inputs';
import type { Io } from './io';
import { XLS, xlsKind } from './file-kinds';

/** How far down a units file the header row (the one naming the township column) may be. */
const MAX_HEADER_SEARCH = 30;

type Level = Scheme['levels'][number];
type Units = { units: TemplateUnit[]; notes: Finding[] };

/** The --units file read and checked; its notes said on stderr. */
export async function readUnitsFile(
  io: Io,
  scheme: Scheme,
  given: string,
  limits: Limits,
  lang: Lang,
): Promise<TemplateUnit[]> {
  const file = path.resolve(io.cwd, given);
  if (!io.exists(file) || io.listDir(file))
    throw new UsageError(message('cli/no-such-file', { flag: '--units', file: given }));
  const bytes = readUnitsBytes(io, file);
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
  const read = book ? await readUnitsBook(scheme, name, bytes, limits) : readUnits(scheme, name, bytes);
  for (const d of read.notes) io.stderr(`${formatDiagnostic(d, lang)}\n`);
  return read.units;
}

function readUnitsBytes(io: Io, file: string): Uint8Array {
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    throw new InputError([
      { severity: 'error', file: shown(io, file), line: 1, col: 1, ...message('units/unreadable', { errno: code }) },
    ]);
  }
}

/** A workbook (last month's report): its first visible sheet, as `score` reads it. */
async function readUnitsBook(scheme: Scheme, name: string, bytes: Uint8Array, limits: Limits): Promise<Units> {
  const { readXlsx } = await import('../data/xlsx');
  const r = await readXlsx(bytes, name, undefined, limits);
  const errors = r.findings.filter((d) => d.severity === 'error');
  if (errors.length) throw new InputError(errors);
  return unitsOfRows(scheme, name, r.rows);
}

/**
 * The townships of a units file: a CSV (any encoding the reader detects) whose
 * header names the township column (a label of the lowest level's `name`), and
 * optionally the code column.
 */
export function readUnits(scheme: Scheme, file: string, bytes: Uint8Array): Units {
  const decoded = decode(bytes);
  if (decoded.lossy) throw new InputError([badRow(file, 1, 1, { kind: 'encoding', encoding: decoded.encoding })]);
  const { rows, error } = readRows(decoded.text, file);
  if (error) throw new InputError([error]);
  return unitsOfRows(scheme, file, rows);
}

/** The townships of a units file's rows (a CSV's, or a workbook sheet's). */
export function unitsOfRows(scheme: Scheme, file: string, rows: Row[]): Units {
  const level = scheme.levels[0]!;
  const header = unitsHeader(level, file, rows);
  const notes: Finding[] = rows
    .slice(0, header.index)
    .map((r) => note(file, r.line, { kind: 'preamble', text: preview(r.cells) }));
  const { units, errors } = unitsOfBody(level, file, header, rows.slice(header.index + 1), notes);
  if (!errors.length && !units.length)
    errors.push(badRow(file, header.row.line, 1, { kind: 'empty', level: level.title }));
  if (errors.length) throw new InputError(errors);
  return { units, notes };
}

interface UnitsHeader {
  index: number;
  row: Row;
  nameCol: number;
  /** -1 without a code column. */
  codeCol: number;
}

/** The header row: the first of the top rows with a label of the level's name in it. */
function unitsHeader(level: Level, file: string, rows: Row[]): UnitsHeader {
  const names = new Set(level.name.map(normalizeLabel));
  const keys = new Set((level.key ?? []).map(normalizeLabel));
  const index = rows.slice(0, MAX_HEADER_SEARCH).findIndex((r) => r.cells.some((c) => names.has(normalizeLabel(c))));
  const row = rows[index];
  if (index < 0 || !row) {
    throw new InputError([
      badRow(file, rows[0]?.line ?? 1, 1, {
        kind: 'no-header',
        level: level.title,
        labels: level.name,
        rows: MAX_HEADER_SEARCH,
      }),
    ]);
  }
  const nameCol = row.cells.findIndex((c) => names.has(normalizeLabel(c)));
  const codeCol = row.cells.findIndex((c, j) => j !== nameCol && keys.has(normalizeLabel(c)));
  return { index, row, nameCol, codeCol };
}

/** The rows below the header: units, skipped rows (as notes) and errors. */
function unitsOfBody(
  level: Level,
  file: string,
  { row: header, nameCol, codeCol }: UnitsHeader,
  body: Row[],
  notes: Finding[],
): { units: TemplateUnit[]; errors: Finding[] } {
  const errors: Finding[] = [];
  const units: TemplateUnit[] = [];
  const byName = new Map<string, number>();
  const byCode = new Map<string, number>();
  let lastNamed = body.length - 1;
  while (lastNamed >= 0 && (body[lastNamed]!.cells[nameCol] ?? '').trim() === '') lastNamed--;
  for (const [i, r] of body.entries()) {
    const name = (r.cells[nameCol] ?? '').trim();
    const code = codeCol >= 0 ? (r.cells[codeCol] ?? '').trim() || undefined : undefined;
    if (notAUnit(r, name, i === lastNamed)) {
      notes.push(note(file, r.line, { kind: 'not-a-unit', level: level.title, text: preview(r.cells) }));
      continue;
    }
    if (!name) {
      errors.push(
        badRow(file, r.line, nameCol + 1, { kind: 'no-name', level: level.title, header: header.cells[nameCol]! }),
      );
      continue;
    }
    const k = normalizeLabel(name);
    const again = byName.get(k) ?? (code !== undefined ? byCode.get(code) : undefined);
    if (again !== undefined) {
      const what = byName.has(k) ? name : code!;
      const col = byName.has(k) ? nameCol + 1 : codeCol + 1;
      errors.push(badRow(file, r.line, col, { kind: 'twice', name: what, first: again }));
      continue;
    }
    byName.set(k, r.line);
    if (code !== undefined) byCode.set(code, r.line);
    units.push(code === undefined ? { name } : { name, code });
  }
  return { units, errors };
}

/**
 * A total or a sign-off line. A name that can only be a total (合计) is skipped
 * anywhere; one that could name a unit (总计镇, 全县) only when it ends the list.
 */
function notAUnit(r: Row, name: string, last: boolean): boolean {
  const total = totalNameKind(name);
  return total === 'sure' || (total === 'maybe' && last) || isFooterText(r.cells[0] ?? '') || isFooterText(name);
}

const badRow = (file: string, line: number, col: number, args: MessageArgs['units/bad-row']): CodedDiagnostic => ({
  severity: 'error',
  file,
  line,
  col,
  ...message('units/bad-row', args),
});

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
