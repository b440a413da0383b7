/**
 * Rows whose name looks like a total but could name a unit (总计镇, 全县, 全镇…):
 * a total when it is the last data row of the file or its values are the sums of
 * the units above; otherwise a unit, with a warning saying why. Names that can only
 * be a total (合计, 小计, 全县合计) are totals wherever they stand (see normalize.ts).
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { Rational } from '../rational';
import { SUMMABLE_TYPES, type Scheme } from '../scheme/model';
import { normalizeLabel } from './normalize';
import type { SheetRow } from './sheet';

export function resolveTotals(scheme: Scheme, rows: SheetRow[], findings: Finding[]): void {
  const last = rows[rows.length - 1];
  for (const row of rows) {
    const pending = row.maybeTotal;
    if (!pending) continue;
    delete row.maybeTotal;
    if (row === last) continue;
    const differs = firstDifference(scheme, rows, row);
    if (!differs) continue;
    row.kind = 'unit';
    if (pending.blank) findings.push(pending.blank);
    const title = scheme.levels[row.level]?.title ?? '';
    findings.push({
      ...row.source,
      col: pending.col,
      severity: 'warning',
      ...message(
        'data/total-name-unit',
        differs === 'nothing'
          ? { kind: 'nothing', name: row.name, level: title }
          : { kind: 'differs', ...differs, name: row.name, level: title },
      ),
    });
  }
}

/** The first summable field where the row is not the sum of the units; undefined when all agree. */
function firstDifference(
  scheme: Scheme,
  rows: SheetRow[],
  row: SheetRow,
): { label: string; value: string; sum: string } | 'nothing' | undefined {
  const parent = row.parents.get(row.level + 1);
  const key = (p?: { name: string; code?: string }) => (p ? (p.code ?? normalizeLabel(p.name)) : '');
  // The units of the same parent (when the row names one) and the same period (a monthly file).
  const units = rows.filter(
    (r) =>
      r !== row &&
      r.kind === 'unit' &&
      !r.maybeTotal &&
      r.level === row.level &&
      r.period === row.period &&
      (!parent || key(r.parents.get(row.level + 1)) === key(parent)),
  );
  let compared = 0;
  for (const [id, v] of row.values) {
    const field = scheme.fields.get(id)!;
    if (field.level !== row.level || !(v instanceof Rational) || !SUMMABLE_TYPES.has(field.type)) continue;
    const parts = units.map((u) => u.values.get(id));
    if (!units.length || parts.some((p) => !(p instanceof Rational))) continue;
    const sum = (parts as Rational[]).reduce((a, b) => a.add(b), Rational.ZERO);
    compared++;
    if (!sum.eq(v)) return { label: field.label, value: v.toDecimal(), sum: sum.toDecimal() };
  }
  return compared ? undefined : 'nothing';
}
