/**
 * Several sheets → one Dataset: units merged by code (else normalised name),
 * parents linked, total rows checked against the sum of their units, the scheme's
 * checks run per unit, every row accounted for.
 */
import { sortDiagnostics, type Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import type { DataUnit, Dataset, FileStats } from './model';
import { normalizeLabel } from './normalize';
import { readSheet, sheetFromRows, type Sheet, type SheetOptions, type SheetRow } from './sheet';
import type { Row } from './table';
import { comparePeriods } from './period';
import { sheetsAlike } from './sheets-alike';
import { Units, type Where } from './units';
import { adoptRow, mergeValues } from './unit-values';
import { applyTotal } from './dataset-totals';
import {
  compareUnitRows,
  missingFromFiles,
  requireFields,
  runChecks,
  sameNameTwoCodes,
  unitsWithoutRows,
} from './dataset-checks';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** Rows already read from a workbook (.xlsx); text files leave this out. */
  workbook?: { rows: Row[]; findings: Finding[]; optional?: boolean; sheet?: string; book?: string };
}

export function readDataset(scheme: Scheme, files: InputFile[], opts: SheetOptions = {}): Dataset {
  return buildDataset(scheme, readSheets(scheme, files, opts), true);
}

/**
 * As readDataset, one dataset per period when a file has a period column (期间,
 * 月份…): its rows go to their period; files without one are read into every period
 * (a roster). Without a period column: one dataset, period null. A sheet's findings
 * that belong to no row of a period (header, rejected rows) are said in the first.
 */
export function readDatasets(
  scheme: Scheme,
  files: InputFile[],
  opts: SheetOptions = {},
): { period: string | null; dataset: Dataset }[] {
  const sheets = readSheets(scheme, files, opts);
  const periods = [...new Set(sheets.flatMap((sh) => sh.rows.flatMap((r) => (r.period ? [r.period] : []))))].sort(
    comparePeriods,
  );
  if (periods.length === 0) return [{ period: null, dataset: buildDataset(scheme, sheets, true) }];
  return periods.map((p, n) => {
    const part = sheets.map((sh) => {
      if (!sh.rows.some((r) => r.period)) return sh;
      const rows = sh.rows.filter((r) => r.period === p);
      const lines = new Set(rows.map((r) => r.source.line));
      const others = new Set(sh.rows.filter((r) => r.period !== p).map((r) => r.source.line));
      const findings = sh.findings.filter(
        (f) =>
          (f.line !== undefined && lines.has(f.line)) || (n === 0 && !(f.line !== undefined && others.has(f.line))),
      );
      return {
        ...sh,
        rows,
        read: rows.length + (n === 0 ? sh.rejected : 0),
        rejected: n === 0 ? sh.rejected : 0,
        findings,
      };
    });
    return { period: p, dataset: buildDataset(scheme, part) };
  });
}

function readSheets(scheme: Scheme, files: InputFile[], opts: SheetOptions): Sheet[] {
  return sheetsAlike(scheme, files, readEach(scheme, files, opts));
}

function readEach(scheme: Scheme, files: InputFile[], opts: SheetOptions): Sheet[] {
  return files.map((f) => {
    if (!f.workbook) return readSheet(scheme, f.name, f.bytes, opts);
    const sheet = sheetFromRows(scheme, f.name, f.workbook.rows, 'xlsx', opts);
    if (f.workbook.optional && sheet.headerLine === 0) {
      // A further sheet of a workbook (notes, a lookup table): said, not an error.
      const note: Finding = { severity: 'note', file: f.name, line: 1, col: 1, ...message('data/sheet-skipped', {}) };
      return { ...sheet, read: 0, rejected: 0, findings: [note] };
    }
    return { ...sheet, findings: [...f.workbook.findings, ...sheet.findings] };
  });
}

/**
 * `own`: the sheets are this dataset's alone (not shared with another period's), so a
 * unit read from one row takes the row's maps instead of copies.
 */
export function buildDataset(scheme: Scheme, sheets: Sheet[], own = false): Dataset {
  const findings: Finding[] = [];
  for (const sh of sheets) for (const f of sh.findings) findings.push(f);
  const into: Into = { units: new Units(), findings, stats: fileStats(sheets), where: new Map() as Where, own };
  const { units, stats, where } = into;
  const totals = placeRows(scheme, sheets, into);
  attachOrphans(scheme, units, findings);
  for (const { row, sheet } of totals) {
    if (applyTotal(scheme, units, row, findings, where)) stats[sheet]!.used++;
    else stats[sheet]!.rejected++;
  }
  compareUnitRows(scheme, units, findings, where);
  sameNameTwoCodes(units, findings);
  missingFromFiles(sheets, units, findings);
  unitsWithoutRows(scheme, sheets, units, findings);
  runChecks(scheme, units.list, findings, where);
  requireFields(scheme, sheets, units, findings);
  return { units: units.list, files: stats, findings: sortDiagnostics(findings) };
}

/** What the rows are placed into: the units, the findings, each file's counts, where each value is. */
interface Into {
  units: Units;
  findings: Finding[];
  stats: FileStats[];
  where: Where;
  /** The rows' maps may be taken by their unit (buildDataset). */
  own: boolean;
}

const fileStats = (sheets: Sheet[]): FileStats[] =>
  sheets.map((s) => ({ file: s.file, encoding: s.encoding, read: s.read, used: 0, rejected: s.rejected }));

/** Every unit row into its unit (merged by code, else normalised name); the total rows, for after. */
function placeRows(scheme: Scheme, sheets: Sheet[], into: Into): { row: SheetRow; sheet: number }[] {
  const upper = upperNames(sheets);
  const totals: { row: SheetRow; sheet: number }[] = [];
  sheets.forEach((sheet, si) => {
    const seen = new Set<DataUnit>();
    for (const row of sheet.rows) {
      totalByName(scheme, row, upper, into.findings);
      if (row.kind === 'total') totals.push({ row, sheet: si });
      else placeUnitRow(scheme, sheet, si, row, seen, into);
    }
  });
  return totals;
}

/**
 * Names of the units one level up (from their own rows and from parent columns), as
 * `level:name`: a township row named 昔阳县 in 昔阳县's data is its total row, not a 13th township.
 */
function upperNames(sheets: Sheet[]): Set<string> {
  const upper = new Set<string>();
  for (const sh of sheets) {
    for (const row of sh.rows) {
      if (row.kind === 'unit' && row.level > 0) upper.add(`${row.level}:${normalizeLabel(row.name)}`);
      for (const [lv, p] of row.parents) if (p.name) upper.add(`${lv}:${normalizeLabel(p.name)}`);
    }
  }
  return upper;
}

/** A unit row named as a unit one level up becomes that unit's total row (said). */
function totalByName(scheme: Scheme, row: SheetRow, upper: Set<string>, findings: Finding[]): void {
  if (row.kind !== 'unit' || !row.name || !upper.has(`${row.level + 1}:${normalizeLabel(row.name)}`)) return;
  findings.push({
    ...row.source,
    col: 1,
    severity: 'note',
    ...message('data/total-by-name', { name: row.name, level: scheme.levels[row.level + 1]?.title ?? '' }),
  });
  row.kind = 'total';
  if (!row.parents.has(row.level + 1)) row.parents.set(row.level + 1, { name: row.name });
}

/** A unit row: its values to its unit, or an error when the unit already has a row in this file. */
function placeUnitRow(scheme: Scheme, sheet: Sheet, si: number, row: SheetRow, seen: Set<DataUnit>, into: Into): void {
  const { units, findings, stats, where } = into;
  const unit = units.get(row.level, row.name, row.code, linkParents(units, row));
  if (seen.has(unit)) {
    const first = unit.sources.find((s) => s.file === sheet.file)!;
    findings.push({
      ...row.source,
      col: 1,
      severity: 'error',
      ...message('data/duplicate-unit', { name: String(row.name || row.code), first: first.line }),
    });
    stats[si]!.rejected++;
    return;
  }
  seen.add(unit);
  unit.sources.push(row.source);
  stats[si]!.used++;
  if (!(into.own && adoptRow(unit, row, where))) mergeValues(scheme, unit, row, findings, where);
}

/** Links the chain of parents named on the row (top down); the key of the direct parent. */
function linkParents(units: Units, row: SheetRow): string | undefined {
  let key: string | undefined;
  for (const lv of [...row.parents.keys()].sort((a, b) => b - a)) {
    const p = row.parents.get(lv)!;
    key = units.get(lv, p.name, p.code, key).key;
  }
  return row.parents.has(row.level + 1) ? key : undefined;
}

/** Rows that name no parent belong to the only unit one level up, or to an implicit one. */
function attachOrphans(scheme: Scheme, units: Units, findings: Finding[]): void {
  for (let level = 0; level < scheme.levels.length - 1; level++) {
    const orphans = units.at(level).filter((u) => u.parent === undefined);
    if (!orphans.length) continue;
    const parents = units.at(level + 1);
    if (parents.length === 0) {
      const implicit = units.get(level + 1, scheme.levels[level + 1]!.title);
      for (const u of orphans) u.parent = implicit.key;
    } else if (parents.length === 1) {
      for (const u of orphans) u.parent = parents[0]!.key;
    } else {
      for (const u of orphans) {
        const s = u.sources[0];
        findings.push({
          file: s?.file,
          line: s?.line,
          col: 1,
          severity: 'error',
          ...message('data/no-parent', {
            name: u.name,
            level: scheme.levels[level + 1]!.title,
            count: parents.length,
            column: String(scheme.levels[level + 1]!.name[0]),
          }),
        });
      }
    }
  }
}
