/**
 * Several sheets → one Dataset: units merged by code (else normalised name),
 * parents linked, total rows checked against the sum of their units, the scheme's
 * checks run per unit, every row accounted for.
 */
import { msg, sortDiagnostics, type Diagnostic } from '../diagnostics';
import { Rational } from '../rational';
import { evaluate, type Value } from '../scheme/formula';
import type { Scheme } from '../scheme/model';
import type { DataUnit, Dataset, FieldValue, FileStats } from './model';
import { normalizeLabel } from './normalize';
import { readSheet, sheetFromRows, type Sheet, type SheetOptions, type SheetRow } from './sheet';
import type { Row } from './table';
import { showCell } from './values';

export interface InputFile {
  name: string;
  bytes: Uint8Array;
  /** Rows already read from a workbook (.xlsx); text files leave this out. */
  workbook?: { rows: Row[]; findings: Diagnostic[] };
}

export function readDataset(scheme: Scheme, files: InputFile[], opts: SheetOptions = {}): Dataset {
  const sheets = files.map((f) => {
    if (!f.workbook) return readSheet(scheme, f.name, f.bytes, opts);
    const sheet = sheetFromRows(scheme, f.name, f.workbook.rows, 'xlsx', opts);
    return { ...sheet, findings: [...f.workbook.findings, ...sheet.findings] };
  });
  return buildDataset(scheme, sheets);
}


class Units {
  readonly list: DataUnit[] = [];
  private readonly byCode = new Map<string, DataUnit>();
  private readonly byName = new Map<string, DataUnit[]>();

  find(level: number, name: string, code?: string, parent?: string): DataUnit | undefined {
    if (code) {
      const u = this.byCode.get(`${level}:${code}`);
      if (u) return u;
    }
    const candidates = (this.byName.get(`${level}:${normalizeLabel(name)}`) ?? []).filter(
      (u) => parent === undefined || u.parent === undefined || u.parent === parent,
    );
    return candidates.find((u) => !code || !u.code) ?? undefined;
  }

  get(level: number, name: string, code?: string, parent?: string): DataUnit {
    const found = this.find(level, name, code, parent);
    if (found) {
      if (code && !found.code) {
        found.code = code;
        this.byCode.set(`${level}:${code}`, found);
      }
      // A unit first met by its code alone takes its name when a row gives one.
      if (name && (!found.name || found.name === found.code)) {
        found.name = name;
        this.index(found);
      }
      if (parent && !found.parent) found.parent = parent;
      return found;
    }
    // Keys are unique: the code, else the name under its parent (two 城关镇 in two counties differ).
    const key = code ?? (parent !== undefined ? `${parent}/${normalizeLabel(name)}` : normalizeLabel(name));
    const u: DataUnit = { level, key, code, name: name || code || '', parent, values: new Map(), invalid: new Map(), sources: [] };
    this.list.push(u);
    if (code) this.byCode.set(`${level}:${code}`, u);
    this.index(u);
    return u;
  }

  private index(u: DataUnit): void {
    if (!u.name || u.name === u.code) return;
    const k = `${u.level}:${normalizeLabel(u.name)}`;
    const list = this.byName.get(k) ?? [];
    if (!list.includes(u)) this.byName.set(k, [...list, u]);
  }

  at(level: number): DataUnit[] {
    return this.list.filter((u) => u.level === level);
  }
}

export function buildDataset(scheme: Scheme, sheets: Sheet[]): Dataset {
  const findings: Diagnostic[] = sheets.flatMap((s) => s.findings);
  const units = new Units();
  const stats: FileStats[] = sheets.map((s) => ({ file: s.file, encoding: s.encoding, read: s.read, used: 0, rejected: s.rejected }));
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

  sheets.forEach((sheet, si) => {
    const seen = new Set<DataUnit>();
    for (const row of sheet.rows) {
      if (row.kind === 'total') {
        totals.push({ row, sheet: si });
        continue;
      }
      const parent = parentOf(row);
      const unit = units.get(row.level, row.name, row.code, parent);
      if (seen.has(unit)) {
        const first = unit.sources.find((s) => s.file === sheet.file)!;
        findings.push({ ...row.source, col: 1, severity: 'error', code: 'data/duplicate-unit', message: msg(`"${row.name || row.code}" appears again (first at line ${first.line}); this row is not used`, `“${row.name || row.code}”重复出现（首次在第 ${first.line} 行）；该行未使用`) });
        stats[si]!.rejected++;
        continue;
      }
      seen.add(unit);
      unit.sources.push(row.source);
      stats[si]!.used++;
      mergeValues(scheme, unit, row, findings, where);
    }
  });

  attachOrphans(scheme, units, findings);
  for (const { row, sheet } of totals) {
    if (applyTotal(scheme, units, row, findings, where)) stats[sheet]!.used++;
    else stats[sheet]!.rejected++;
  }
  runChecks(scheme, units.list, findings, where);
  requireFields(scheme, sheets, units, findings);
  return { units: units.list, files: stats, findings: sortDiagnostics(findings) };
}

type Where = Map<DataUnit, Map<string, { file: string; line: number; col: number }>>;

function mergeValues(scheme: Scheme, unit: DataUnit, row: SheetRow, findings: Diagnostic[], where: Where): void {
  const cells = where.get(unit) ?? new Map();
  where.set(unit, cells);
  for (const [id, d] of row.invalid) {
    unit.invalid.set(id, d.message);
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
      findings.push({ ...at, severity: 'error', code: 'data/conflict', message: msg(`${unit.name}: ${label} is ${showValue(v)} here but ${showValue(prev)} in ${first.file}:${first.line}; the first is used`, `${unit.name}：${label} 此处为 ${showValue(v)}，而 ${first.file}:${first.line} 为 ${showValue(prev)}；采用前者`) });
      continue;
    }
    unit.values.set(id, v);
    if (!cells.has(id)) cells.set(id, at);
  }
}

const sameValue = (a: FieldValue, b: FieldValue): boolean =>
  typeof a === 'boolean' || typeof b === 'boolean' ? a === b : a.eq(b);

/** Rows that name no parent belong to the only unit one level up, or to an implicit one. */
function attachOrphans(scheme: Scheme, units: Units, findings: Diagnostic[]): void {
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
        findings.push({ file: s?.file, line: s?.line, col: 1, severity: 'error', code: 'data/no-parent', message: msg(`"${u.name}" names no ${scheme.levels[level + 1]!.title} but the data has ${parents.length}; add a ${scheme.levels[level + 1]!.name[0]} column`, `“${u.name}”未注明所属${scheme.levels[level + 1]!.title}，而数据中有 ${parents.length} 个；请增加“${scheme.levels[level + 1]!.name[0]}”列`) });
      }
    }
  }
}

/** A total row: supplies values of fields that belong to the parent, and is checked against the sum of units. */
function applyTotal(scheme: Scheme, units: Units, row: SheetRow, findings: Diagnostic[], where: Where): boolean {
  const parentLevel = row.level + 1;
  if (parentLevel >= scheme.levels.length) {
    findings.push({ ...row.source, col: 1, severity: 'warning', code: 'data/total-row', message: msg(`total row "${row.name}" has no level above it to describe; not used`, `合计行“${row.name}”没有上级单位可对应；未使用`) });
    return false;
  }
  const named = row.parents.get(parentLevel);
  const candidates = units.at(parentLevel);
  const parent = named ? units.find(parentLevel, named.name, named.code) : candidates.length === 1 ? candidates[0] : undefined;
  if (!parent) {
    findings.push({ ...row.source, col: 1, severity: 'warning', code: 'data/total-row', message: msg(`total row "${row.name}" cannot be matched to one ${scheme.levels[parentLevel]!.title}; not used`, `合计行“${row.name}”无法对应到某个${scheme.levels[parentLevel]!.title}；未使用`) });
    return false;
  }
  parent.sources.push(row.source);
  const children = units.at(row.level).filter((u) => u.parent === parent.key);
  let compared = 0;
  let differ = 0;
  for (const [id, v] of row.values) {
    const field = scheme.fields.get(id)!;
    const at = row.cells.get(id)!;
    if (field.level >= parentLevel) {
      mergeValues(scheme, parent, { ...row, values: new Map([[id, v]]), invalid: new Map() }, findings, where);
      continue;
    }
    if (typeof v === 'boolean' || !['count', 'number', 'money'].includes(field.type)) continue;
    const parts = children.map((c) => c.values.get(id));
    if (parts.some((p) => p === undefined || typeof p === 'boolean')) continue;
    const sum = (parts as Rational[]).reduce((a, b) => a.add(b), Rational.ZERO);
    compared++;
    if (!sum.eq(v)) {
      differ++;
      findings.push({ ...at, severity: 'warning', code: 'data/total-mismatch', message: msg(`total row "${row.name}": ${field.label} is ${v.toDecimal()} but the ${children.length} rows above add up to ${sum.toDecimal()} (difference ${v.sub(sum).toDecimal()}); the sum is used`, `合计行“${row.name}”：${field.label} 为 ${v.toDecimal()}，但上方 ${children.length} 行合计为 ${sum.toDecimal()}（相差 ${v.sub(sum).toDecimal()}）；采用各行之和`) });
    }
  }
  if (compared > 0 && differ === 0) {
    findings.push({ ...row.source, col: 1, severity: 'note', code: 'data/total-ok', message: msg(`total row "${row.name}" agrees with the sum of the ${children.length} rows above on all ${compared} fields`, `合计行“${row.name}”的 ${compared} 个字段均与上方 ${children.length} 行之和一致`) });
  }
  return true;
}

function runChecks(scheme: Scheme, list: DataUnit[], findings: Diagnostic[], where: Where): void {
  for (const check of scheme.checks) {
    for (const unit of list) {
      if (!check.fields.every((f) => unit.values.has(f))) continue;
      const ok: Value = evaluate(check.assert.ast, (n) => unit.values.get(n) ?? scheme.params.get(n));
      if (ok !== false) continue;
      const cells = where.get(unit);
      const at = cells?.get(check.fields[0]!) ?? { ...unit.sources[0], col: 1 };
      const shown = check.fields.map((f) => `${scheme.fields.get(f)!.label}=${showCell(unit.values.get(f)!, scheme.fields.get(f)!.type)}`).join(', ');
      const error = check.severity === 'error';
      findings.push({ ...at, severity: check.severity, code: 'data/check', message: msg(`${unit.name}: check "${check.title}" fails (${shown})${error ? '; items using these fields are invalid for this unit' : ''}`, `${unit.name}：数据检查“${check.title}”未通过（${shown}）${error ? '；使用这些字段的指标对该单位记为数据无效' : ''}`) });
      if (error) for (const f of check.fields) unit.invalid.set(f, msg(`check "${check.title}" fails`, `数据检查“${check.title}”未通过`));
    }
  }
}

function requireFields(scheme: Scheme, sheets: Sheet[], units: Units, findings: Diagnostic[]): void {
  const given = new Set(sheets.flatMap((s) => s.fields));
  const first = sheets.find((s) => s.headerLine > 0);
  if (!first) return;
  for (const f of scheme.fields.values()) {
    if (!f.required || given.has(f.id)) continue;
    if (units.at(f.level).length === 0) continue;
    const labels = [f.label, ...f.aliases].join(' / ');
    findings.push({ file: first.file, line: first.headerLine, col: 1, severity: 'error', code: 'data/missing-column', message: msg(`no column for field ${f.id} (header ${labels}) in any file`, `所有文件中都没有字段 ${f.id} 的列（表头应为 ${labels}）`) });
  }
}
