/** Findings about a dataset as a whole, once its rows are merged into units (dataset.ts): rows against sums, names and codes, fields no file gives, the scheme's checks. */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { Rational } from '../rational';
import { evaluate, type Value } from '../scheme/formula';
import { SUMMABLE_TYPES, type Scheme } from '../scheme/model';
import type { DataUnit } from './model';
import { normalizeLabel } from './normalize';
import type { Sheet } from './sheet';
import { showCell } from './values';
import { childSum, type Units, type Where } from './units';

/** A county row that also gives township-scope fields: those are compared with the townships' sum. */
export function compareUnitRows(scheme: Scheme, units: Units, findings: Finding[], where: Where): void {
  for (const unit of units.list) {
    if (unit.level === 0) continue;
    for (const [id, v] of unit.values) {
      const field = scheme.fields.get(id)!;
      if (field.level >= unit.level || !(v instanceof Rational) || !SUMMABLE_TYPES.has(field.type)) continue;
      const total = childSum(units, unit, unit.level - 1, id);
      const at = where.get(unit)?.get(id);
      if (!total || total.sum.eq(v) || !at) continue;
      findings.push({
        ...at,
        severity: 'warning',
        ...message('data/total-mismatch', {
          kind: 'unit',
          name: unit.name,
          label: field.label,
          value: v.toDecimal(),
          count: total.n,
          sum: total.sum.toDecimal(),
          diff: v.sub(total.sum).toDecimal(),
        }),
      });
    }
  }
}

/** The same name under one parent with two different codes: probably one unit written twice. */
export function sameNameTwoCodes(units: Units, findings: Finding[]): void {
  const byName = new Map<string, DataUnit[]>();
  for (const u of units.list) {
    if (!u.code || !u.name || u.name === u.code) continue;
    const k = `${u.level}:${u.parent ?? ''}:${normalizeLabel(u.name)}`;
    byName.set(k, [...(byName.get(k) ?? []), u]);
  }
  for (const list of byName.values()) {
    if (list.length < 2) continue;
    const [a, b] = list as [DataUnit, DataUnit];
    const at = b.sources[0];
    findings.push({
      file: at?.file,
      line: at?.line,
      col: 1,
      severity: 'warning',
      ...message('data/same-name', { name: b.name, code: String(a.code), other: String(b.code) }),
    });
  }
}

/** With several files for one level, a unit absent from one of them is named. */
export function missingFromFiles(sheets: Sheet[], units: Units, findings: Finding[]): void {
  for (const sheet of sheets) {
    const mine = new Set(sheet.rows.filter((r) => r.kind === 'unit').map((r) => r.level));
    for (const level of mine) {
      // Only files about the same units (sharing at least one): files of different
      // counties hold different townships by design.
      const names = (sh: Sheet) =>
        new Set(
          sh.rows.filter((r) => r.kind === 'unit' && r.level === level).map((r) => r.code ?? normalizeLabel(r.name)),
        );
      const own = names(sheet);
      const others = sheets.filter((o) => o !== sheet && [...names(o)].some((k) => own.has(k)));
      if (!others.length) continue;
      const covered = new Set(others.flatMap((o) => o.rows.filter((r) => r.kind === 'unit').map((r) => r.source.file)));
      for (const u of units.at(level)) {
        if (!u.sources.some((s) => covered.has(s.file)) || u.sources.some((s) => s.file === sheet.file)) continue;
        const elsewhere = u.sources[0]!;
        findings.push({
          file: sheet.file,
          line: sheet.headerLine,
          col: 1,
          severity: 'warning',
          ...message('data/missing-unit', { name: u.name, file: elsewhere.file, line: elsewhere.line }),
        });
      }
    }
  }
}

/**
 * A county named by township rows (a 县 column) but with no row of its own, when the
 * data has county rows for others: its county-level fields are missing, said once.
 */
export function unitsWithoutRows(scheme: Scheme, sheets: Sheet[], units: Units, findings: Finding[]): void {
  for (let level = 1; level < scheme.levels.length; level++) {
    const files = [
      ...new Set(
        sheets.filter((sh) => sh.rows.some((r) => r.kind === 'unit' && r.level === level)).map((sh) => sh.file),
      ),
    ];
    if (!files.length) continue;
    const title = scheme.levels[level]!.title;
    for (const u of units.at(level)) {
      if (u.sources.length) continue;
      const child = units.list.find((c) => c.level === level - 1 && c.parent === u.key && c.sources.length);
      const at = child?.sources[0];
      findings.push({
        file: at?.file,
        line: at?.line,
        col: 1,
        severity: 'warning',
        ...message('data/unit-without-row', { level: title, name: u.name, files }),
      });
    }
  }
}

export function runChecks(scheme: Scheme, list: DataUnit[], findings: Finding[], where: Where): void {
  for (const check of scheme.checks) {
    for (const unit of list) {
      if (!check.fields.every((f) => unit.values.has(f))) continue;
      const ok: Value = evaluate(check.assert.ast, (n) => unit.values.get(n) ?? scheme.params.get(n));
      if (ok !== false) continue;
      const cells = where.get(unit);
      const at = cells?.get(check.fields[0]!) ?? { ...unit.sources[0], col: 1 };
      const values = check.fields.map(
        (f) => `${scheme.fields.get(f)!.label}=${showCell(unit.values.get(f)!, scheme.fields.get(f)!.type)}`,
      );
      const error = check.severity === 'error';
      findings.push({
        ...at,
        severity: check.severity,
        ...message('data/check', { kind: error ? 'error' : 'warning', unit: unit.name, check: check.title, values }),
      });
      if (error)
        for (const f of check.fields) unit.invalid.set(f, message('reason/check-fails', { check: check.title }));
    }
  }
}

export function requireFields(scheme: Scheme, sheets: Sheet[], units: Units, findings: Finding[]): void {
  const given = new Set(sheets.flatMap((s) => s.fields));
  const first = sheets.find((s) => s.headerLine > 0);
  if (!first) return;
  if (units.at(0).length === 0) {
    const lv = scheme.levels[0]!;
    // At the file that should have held them: a township sheet with no rows, if there is one.
    const at = sheets.find((s) => s.headerLine > 0 && s.level === 0) ?? first;
    findings.push({
      file: at.file,
      line: at.headerLine,
      col: 1,
      severity: 'error',
      ...message('data/no-units', { level: lv.title, column: String(lv.name[0]) }),
    });
  }
  scheme.levels.forEach((lv, level) => {
    const missing = [...scheme.fields.values()].filter((f) => f.level === level && f.required && !given.has(f.id));
    if (!missing.length) return;
    const sheet = sheets.find((s) => s.headerLine > 0 && s.level === level) ?? first;
    const at = { file: sheet.file, line: sheet.headerLine, col: 1, severity: 'error' as const };
    const all = [...scheme.fields.values()].filter((f) => f.level === level && f.required);
    if (missing.length === all.length && missing.length > 3) {
      findings.push({
        ...at,
        ...message('data/missing-column', {
          kind: 'level',
          level: lv.title,
          count: missing.length,
          labels: missing.slice(0, 3).map((f) => f.label),
        }),
      });
      return;
    }
    for (const f of missing) {
      findings.push({
        ...at,
        ...message('data/missing-column', { kind: 'field', label: f.label, aliases: [...f.aliases], field: f.id }),
      });
    }
  });
}
