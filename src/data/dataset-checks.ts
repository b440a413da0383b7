/** Findings about a dataset as a whole, once its rows are merged into units (dataset.ts): rows against sums, names and codes, fields no file gives, the scheme's checks. */
import { msg, type Finding } from '../diagnostics';
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
      findings.push({ ...at, severity: 'warning', code: 'data/total-mismatch', message: msg(`${unit.name}: ${field.label} is ${v.toDecimal()} on its own row but its ${total.n} units add up to ${total.sum.toDecimal()} (difference ${v.sub(total.sum).toDecimal()}); the sum is used`, `${unit.name}：${field.label} 本行为 ${v.toDecimal()}，但下属 ${total.n} 个单位合计为 ${total.sum.toDecimal()}（相差 ${v.sub(total.sum).toDecimal()}）；采用合计`) });
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
    findings.push({ file: at?.file, line: at?.line, col: 1, severity: 'warning', code: 'data/same-name', message: msg(`"${b.name}" appears with two codes, ${a.code} and ${b.code}; they are read as two units — is one code mistyped?`, `“${b.name}”出现两个代码 ${a.code} 和 ${b.code}，按两个单位读取；是否有一个代码填错？`) });
  }
}

/** With several files for one level, a unit absent from one of them is named. */
export function missingFromFiles(sheets: Sheet[], units: Units, findings: Finding[]): void {
  for (const sheet of sheets) {
    const mine = new Set(sheet.rows.filter((r) => r.kind === 'unit').map((r) => r.level));
    for (const level of mine) {
      // Only files about the same units (sharing at least one): files of different
      // counties hold different townships by design.
      const names = (sh: Sheet) => new Set(sh.rows.filter((r) => r.kind === 'unit' && r.level === level).map((r) => r.code ?? normalizeLabel(r.name)));
      const own = names(sheet);
      const others = sheets.filter((o) => o !== sheet && [...names(o)].some((k) => own.has(k)));
      if (!others.length) continue;
      const covered = new Set(others.flatMap((o) => o.rows.filter((r) => r.kind === 'unit').map((r) => r.source.file)));
      for (const u of units.at(level)) {
        if (!u.sources.some((s) => covered.has(s.file)) || u.sources.some((s) => s.file === sheet.file)) continue;
        const elsewhere = u.sources[0]!;
        findings.push({ file: sheet.file, line: sheet.headerLine, col: 1, severity: 'warning', code: 'data/missing-unit', message: msg(`"${u.name}" is in ${elsewhere.file}:${elsewhere.line} but not in this file; its fields from here are missing`, `“${u.name}”在 ${elsewhere.file}:${elsewhere.line} 中有，本文件中却没有；本文件的字段对它缺数据`) });
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
    const files = [...new Set(sheets.filter((sh) => sh.rows.some((r) => r.kind === 'unit' && r.level === level)).map((sh) => sh.file))];
    if (!files.length) continue;
    const title = scheme.levels[level]!.title;
    for (const u of units.at(level)) {
      if (u.sources.length) continue;
      const child = units.list.find((c) => c.level === level - 1 && c.parent === u.key && c.sources.length);
      const at = child?.sources[0];
      findings.push({ file: at?.file, line: at?.line, col: 1, severity: 'warning', code: 'data/unit-without-row', message: msg(`${title} "${u.name}" is named here but has no row of its own in ${files.join(', ')}: its ${title} fields are missing`, `${title}“${u.name}”在此被提及，但 ${files.join('、')} 中没有它自己的行：其${title}级字段缺数据`) });
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
      const shown = check.fields.map((f) => `${scheme.fields.get(f)!.label}=${showCell(unit.values.get(f)!, scheme.fields.get(f)!.type)}`).join(', ');
      const error = check.severity === 'error';
      findings.push({ ...at, severity: check.severity, code: 'data/check', message: msg(`${unit.name}: check "${check.title}" fails (${shown})${error ? '; items using these fields are invalid for this unit' : ''}`, `${unit.name}：数据检查“${check.title}”未通过（${shown}）${error ? '；使用这些字段的指标对该单位记为数据无效' : ''}`) });
      if (error) for (const f of check.fields) unit.invalid.set(f, msg(`check "${check.title}" fails`, `数据检查“${check.title}”未通过`));
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
    findings.push({ file: at.file, line: at.headerLine, col: 1, severity: 'error', code: 'data/no-units', message: msg(`no ${lv.title} rows in any file: a sheet with a "${lv.name[0]}" column and one row per ${lv.title} is needed`, `所有文件中都没有${lv.title}数据行：需要一张带“${lv.name[0]}”列、每个${lv.title}一行的表`) });
  }
  scheme.levels.forEach((lv, level) => {
    const missing = [...scheme.fields.values()].filter((f) => f.level === level && f.required && !given.has(f.id));
    if (!missing.length) return;
    const sheet = sheets.find((s) => s.headerLine > 0 && s.level === level) ?? first;
    const at = { file: sheet.file, line: sheet.headerLine, col: 1, severity: 'error' as const, code: 'data/missing-column' };
    const all = [...scheme.fields.values()].filter((f) => f.level === level && f.required);
    if (missing.length === all.length && missing.length > 3) {
      findings.push({ ...at, message: msg(`none of the ${missing.length} ${lv.title} fields has a column (${missing.slice(0, 3).map((f) => f.label).join(', ')}, …): is the ${lv.title} sheet missing? (pinggu template writes one)`, `${missing.length} 个${lv.title}级字段都没有对应的列（${missing.slice(0, 3).map((f) => f.label).join('、')}……）：是否缺少${lv.title}级数据表？（可用 pinggu template 生成）`) });
      return;
    }
    for (const f of missing) {
      const also = f.aliases.length ? { en: ` (also accepted: ${f.aliases.join(', ')})`, zh: `（也可写作：${f.aliases.join('、')}）` } : { en: '', zh: '' };
      findings.push({ ...at, message: msg(`no column "${f.label}"${also.en} in any file (field ${f.id})`, `所有文件中都没有“${f.label}”列${also.zh}（字段 ${f.id}）`) });
    }
  });
}
