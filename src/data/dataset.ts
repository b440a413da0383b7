/**
 * Several sheets → one Dataset: units merged by code (else normalised name),
 * parents linked, total rows checked against the sum of their units, the scheme's
 * checks run per unit, every row accounted for.
 */
import { sortDiagnostics, type Finding } from '../diagnostics';
import { message, type Message, type Text } from '../messages/codes';
import { SUMMABLE_TYPES, type Scheme } from '../scheme/model';
import type { DataUnit, Dataset, FieldValue, FileStats } from './model';
import { CellIndex } from './cells';
import { normalizeLabel } from './normalize';
import { readSheet, sheetFromRows, type Sheet, type SheetOptions, type SheetRow } from './sheet';
import type { Row } from './table';
import { showCell } from './values';
import { comparePeriods } from './period';
import { sheetsAlike } from './sheets-alike';
import { childSum, Units, type Where } from './units';
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
  const units = new Units();
  const stats: FileStats[] = sheets.map((s) => ({
    file: s.file,
    encoding: s.encoding,
    read: s.read,
    used: 0,
    rejected: s.rejected,
  }));
  const totals: { row: SheetRow; sheet: number }[] = [];
  const where = new Map() as Where;

  /** Links the chain of parents named on the row (top down); the key of the direct parent. */
  const parentOf = (row: SheetRow): string | undefined => {
    let key: string | undefined;
    for (const lv of [...row.parents.keys()].sort((a, b) => b - a)) {
      const p = row.parents.get(lv)!;
      key = units.get(lv, p.name, p.code, key).key;
    }
    return row.parents.has(row.level + 1) ? key : undefined;
  };

  // Names of the units one level up (from their own rows and from parent columns): a
  // township row named 昔阳县 in 昔阳县's data is its total row, not a 13th township.
  const upper = new Set<string>();
  for (const sh of sheets) {
    for (const row of sh.rows) {
      if (row.kind === 'unit' && row.level > 0) upper.add(`${row.level}:${normalizeLabel(row.name)}`);
      for (const [lv, p] of row.parents) if (p.name) upper.add(`${lv}:${normalizeLabel(p.name)}`);
    }
  }

  sheets.forEach((sheet, si) => {
    const seen = new Set<DataUnit>();
    for (const row of sheet.rows) {
      if (row.kind === 'unit' && row.name && upper.has(`${row.level + 1}:${normalizeLabel(row.name)}`)) {
        findings.push({
          ...row.source,
          col: 1,
          severity: 'note',
          ...message('data/total-by-name', { name: row.name, level: scheme.levels[row.level + 1]?.title ?? '' }),
        });
        row.kind = 'total';
        if (!row.parents.has(row.level + 1)) row.parents.set(row.level + 1, { name: row.name });
      }
      if (row.kind === 'total') {
        totals.push({ row, sheet: si });
        continue;
      }
      const parent = parentOf(row);
      const unit = units.get(row.level, row.name, row.code, parent);
      if (seen.has(unit)) {
        const first = unit.sources.find((s) => s.file === sheet.file)!;
        findings.push({
          ...row.source,
          col: 1,
          severity: 'error',
          ...message('data/duplicate-unit', { name: String(row.name || row.code), first: first.line }),
        });
        stats[si]!.rejected++;
        continue;
      }
      seen.add(unit);
      unit.sources.push(row.source);
      stats[si]!.used++;
      if (!(own && adoptRow(unit, row, where))) mergeValues(scheme, unit, row, findings, where);
    }
  });

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

/** Findings that mean a data row was not used (one per row: the errors, and the note at a row whose name is merged down). */
const DROPPING = new Set([
  'data/extra-cells',
  'data/no-name',
  'data/row-above-header',
  'data/row-in-header',
  'data/text-with-values',
  'data/merged-name-row',
]);

function mergeValues(scheme: Scheme, unit: DataUnit, row: SheetRow, findings: Finding[], where: Where): void {
  const cells = where.get(unit) ?? new CellIndex();
  where.set(unit, cells);
  unit.cells = cells;
  for (const [id, at] of row.cells) {
    if (row.values.has(id) || row.invalid.has(id) || scheme.fields.get(id)!.level !== unit.level) continue;
    unit.blanks ??= new CellIndex();
    if (!unit.blanks.has(id)) unit.blanks.set(id, at);
  }
  for (const [id, d] of row.invalid) {
    unit.invalid.set(id, reasonOf(d));
    cells.set(id, row.cells.get(id)!);
  }
  for (const [id, v] of row.values) {
    const prev = unit.values.get(id);
    const at = row.cells.get(id)!;
    if (prev !== undefined && !sameValue(prev, v)) {
      const first = cells.get(id)!;
      const field = scheme.fields.get(id)!;
      const label = field.label;
      const showValue = (x: FieldValue) => showCell(x, field.type);
      findings.push({
        ...at,
        severity: 'error',
        ...message('data/conflict', {
          unit: unit.name,
          label,
          value: showValue(v),
          other: showValue(prev),
          file: first.file,
          line: first.line,
        }),
      });
      continue;
    }
    unit.values.set(id, v);
    if (!cells.has(id)) cells.set(id, at);
  }
}

/**
 * A unit's first row, every cell of it given or invalid (no blanks): the unit takes
 * the row's values and cells as they are, which is what mergeValues would copy.
 */
function adoptRow(unit: DataUnit, row: SheetRow, where: Where): boolean {
  if (where.has(unit) || unit.values.size || unit.invalid.size) return false;
  for (const id of row.cells.keys()) if (!row.values.has(id) && !row.invalid.has(id)) return false;
  where.set(unit, row.cells);
  unit.cells = row.cells;
  unit.values = row.values;
  for (const [id, d] of row.invalid) unit.invalid.set(id, reasonOf(d));
  return true;
}

/** Why a field is invalid at a unit: the finding's message, worded or coded. */
const reasonOf = (d: Finding): Text => ('message' in d ? d.message : ({ code: d.code, args: d.args } as Message));

const sameValue = (a: FieldValue, b: FieldValue): boolean =>
  typeof a === 'boolean' || typeof b === 'boolean' ? a === b : a.eq(b);

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

/** A total row: supplies values of fields that belong to the parent, and is checked against the sum of units. */
function applyTotal(scheme: Scheme, units: Units, row: SheetRow, findings: Finding[], where: Where): boolean {
  const parentLevel = row.level + 1;
  if (parentLevel >= scheme.levels.length) {
    findings.push({
      ...row.source,
      col: 1,
      severity: 'warning',
      ...message('data/total-row', { kind: 'top', name: row.name }),
    });
    return false;
  }
  const named = row.parents.get(parentLevel);
  const candidates = units.at(parentLevel);
  const parent = named
    ? units.find(parentLevel, named.name, named.code)
    : candidates.length === 1
      ? candidates[0]
      : undefined;
  if (!parent) {
    findings.push({
      ...row.source,
      col: 1,
      severity: 'warning',
      ...message('data/total-row', { kind: 'unmatched', name: row.name, level: scheme.levels[parentLevel]!.title }),
    });
    return false;
  }
  parent.sources.push(row.source);
  const children = units.at(row.level).filter((u) => u.parent === parent.key);
  for (const [id, d] of row.invalid) {
    if (scheme.fields.get(id)!.level >= parentLevel)
      mergeValues(scheme, parent, { ...row, values: new Map(), invalid: new Map([[id, d]]) }, findings, where);
  }
  // Rows of this file that were not used make its total unlike their sum: say that once.
  const dropped = findings.filter((f) => f.file === row.source.file && DROPPING.has(f.code)).length;
  if (dropped) {
    findings.push({
      ...row.source,
      col: 1,
      severity: 'warning',
      ...message('data/total-unchecked', { name: row.name, dropped }),
    });
  }
  let compared = 0;
  let differ = 0;
  const unsummed: string[] = [];
  for (const [id, v] of row.values) {
    const field = scheme.fields.get(id)!;
    const at = row.cells.get(id)!;
    if (field.level >= parentLevel) {
      mergeValues(scheme, parent, { ...row, values: new Map([[id, v]]), invalid: new Map() }, findings, where);
      continue;
    }
    if (typeof v === 'boolean' || !SUMMABLE_TYPES.has(field.type)) {
      unsummed.push(id);
      continue;
    }
    if (dropped) continue;
    const total = childSum(units, parent, row.level, id);
    if (!total) continue;
    const sum = total.sum;
    compared++;
    if (!sum.eq(v)) {
      differ++;
      findings.push({
        ...at,
        severity: 'warning',
        ...message('data/total-mismatch', {
          kind: 'row',
          name: row.name,
          label: field.label,
          value: v.toDecimal(),
          count: children.length,
          sum: sum.toDecimal(),
          diff: v.sub(sum).toDecimal(),
        }),
      });
    }
  }
  if (unsummed.length) {
    // A rate or a yes/no of the whole county: it cannot be added up from the units, and the engine works from the units.
    // A warning, not a note: a value the user typed is not used, so it is said without --verbose.
    const labels = unsummed.map((id) => scheme.fields.get(id)!.label);
    const title = scheme.levels[row.level]!.title;
    findings.push({
      ...row.cells.get(unsummed[0]!)!,
      severity: 'warning',
      ...message('data/total-not-summed', { name: row.name, labels, level: title }),
    });
  }
  if (compared > 0 && differ === 0 && row.invalid.size === 0) {
    findings.push({
      ...row.source,
      col: 1,
      severity: 'note',
      ...message('data/total-ok', { name: row.name, rows: children.length, fields: compared }),
    });
  }
  return true;
}
