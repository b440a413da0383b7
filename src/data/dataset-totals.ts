/**
 * A total row (合计, 全县) in a dataset: it supplies the values of fields that belong
 * to its parent unit, and its other figures are checked against the sum of the units.
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { SUMMABLE_TYPES, type Scheme } from '../scheme/model';
import type { DataUnit } from './model';
import type { SheetRow } from './sheet';
import { childSum, type Units, type Where } from './units';
import { mergeValues } from './unit-values';

/** Findings that mean a data row was not used (one per row: the errors, and the note at a row whose name is merged down). */
const DROPPING = new Set([
  'data/extra-cells',
  'data/no-name',
  'data/row-above-header',
  'data/row-in-header',
  'data/text-with-values',
  'data/merged-name-row',
]);

/** A total row: supplies values of fields that belong to the parent, and is checked against the sum of units. */
export function applyTotal(scheme: Scheme, units: Units, row: SheetRow, findings: Finding[], where: Where): boolean {
  const parent = parentOfTotal(scheme, units, row, findings);
  if (!parent) return false;
  parent.sources.push(row.source);
  const children = units.at(row.level).filter((u) => u.parent === parent.key);
  for (const [id, d] of row.invalid) {
    if (scheme.fields.get(id)!.level >= row.level + 1)
      mergeValues(scheme, parent, { ...row, values: new Map(), invalid: new Map([[id, d]]) }, findings, where);
  }
  const dropped = droppedRows(row, findings);
  const sums = compareWithSums(scheme, units, parent, row, children.length, dropped, findings, where);
  if (sums.unsummed.length) findings.push(notSummed(scheme, row, sums.unsummed));
  if (sums.compared > 0 && sums.differ === 0 && row.invalid.size === 0) {
    findings.push({
      ...row.source,
      col: 1,
      severity: 'note',
      ...message('data/total-ok', { name: row.name, rows: children.length, fields: sums.compared }),
    });
  }
  return true;
}

/** The unit a total row stands for (named on it, else the only unit one level up); else said, and undefined. */
function parentOfTotal(scheme: Scheme, units: Units, row: SheetRow, findings: Finding[]): DataUnit | undefined {
  const parentLevel = row.level + 1;
  if (parentLevel >= scheme.levels.length) {
    findings.push({
      ...row.source,
      col: 1,
      severity: 'warning',
      ...message('data/total-row', { kind: 'top', name: row.name }),
    });
    return undefined;
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
  }
  return parent;
}

/** Rows of this file that were not used make its total unlike their sum: said once; how many. */
function droppedRows(row: SheetRow, findings: Finding[]): number {
  const dropped = findings.filter((f) => f.file === row.source.file && DROPPING.has(f.code)).length;
  if (dropped) {
    findings.push({
      ...row.source,
      col: 1,
      severity: 'warning',
      ...message('data/total-unchecked', { name: row.name, dropped }),
    });
  }
  return dropped;
}

/**
 * Each value of the total row: the parent's own field given to it; a figure of the
 * units compared with their sum (unless rows were dropped); a rate or yes/no noted
 * as not summed.
 */
function compareWithSums(
  scheme: Scheme,
  units: Units,
  parent: DataUnit,
  row: SheetRow,
  children: number,
  dropped: number,
  findings: Finding[],
  where: Where,
): { compared: number; differ: number; unsummed: string[] } {
  const out = { compared: 0, differ: 0, unsummed: [] as string[] };
  for (const [id, v] of row.values) {
    const field = scheme.fields.get(id)!;
    if (field.level >= row.level + 1) {
      mergeValues(scheme, parent, { ...row, values: new Map([[id, v]]), invalid: new Map() }, findings, where);
      continue;
    }
    if (typeof v === 'boolean' || !SUMMABLE_TYPES.has(field.type)) {
      out.unsummed.push(id);
      continue;
    }
    if (dropped) continue;
    const sum = childSum(units, parent, row.level, id)?.sum;
    if (!sum) continue;
    out.compared++;
    if (sum.eq(v)) continue;
    out.differ++;
    findings.push({
      ...row.cells.get(id)!,
      severity: 'warning',
      ...message('data/total-mismatch', {
        kind: 'row',
        name: row.name,
        label: field.label,
        value: v.toDecimal(),
        count: children,
        sum: sum.toDecimal(),
        diff: v.sub(sum).toDecimal(),
      }),
    });
  }
  return out;
}

/**
 * A rate or a yes/no of the whole county: it cannot be added up from the units, and the engine works from the units.
 * A warning, not a note: a value the user typed is not used, so it is said without --verbose.
 */
function notSummed(scheme: Scheme, row: SheetRow, unsummed: string[]): Finding {
  const labels = unsummed.map((id) => scheme.fields.get(id)!.label);
  const title = scheme.levels[row.level]!.title;
  return {
    ...row.cells.get(unsummed[0]!)!,
    severity: 'warning',
    ...message('data/total-not-summed', { name: row.name, labels, level: title }),
  };
}
