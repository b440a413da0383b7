/**
 * A unit row's values into its unit: the first row taken whole when it leaves no
 * blanks (adoptRow), else merged cell by cell (mergeValues), a value that differs
 * from one already given said as a conflict.
 */
import type { Finding } from '../diagnostics';
import { message, type Message, type Text } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import { CellIndex } from './cells';
import type { DataUnit, FieldValue } from './model';
import type { SheetRow } from './sheet';
import type { Where } from './units';
import { showCell } from './values';

export function mergeValues(scheme: Scheme, unit: DataUnit, row: SheetRow, findings: Finding[], where: Where): void {
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
export function adoptRow(unit: DataUnit, row: SheetRow, where: Where): boolean {
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
