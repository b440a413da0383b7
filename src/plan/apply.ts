/** The plan's changes applied to a copy of the dataset (the original is left as it is), to be scored again. */
import type { Dataset, DataUnit } from '../data/model';
import type { Rational } from '../rational';

/** One field set to a new value in one unit (by level index and key). */
export interface FieldChange {
  level: number;
  key: string;
  field: string;
  to: Rational;
}

/** A copy of the dataset with the changes made; only the changed units are copied. */
export function applyChanges(data: Dataset, changes: readonly FieldChange[]): Dataset {
  const byUnit = new Map<string, FieldChange[]>();
  for (const c of changes) {
    const k = `${c.level}:${c.key}`;
    byUnit.set(k, [...(byUnit.get(k) ?? []), c]);
  }
  const units = data.units.map((u): DataUnit => {
    const mine = byUnit.get(`${u.level}:${u.key}`);
    if (!mine) return u;
    const values = new Map(u.values);
    for (const c of mine) values.set(c.field, c.to);
    return { ...u, values };
  });
  return { ...data, units };
}
