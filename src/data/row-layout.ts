/** What every data row under one header shares (its columns by role), found once per header rather than per row. */
import type { Rational } from '../rational';
import type { Field, Scheme } from '../scheme/model';
import type { Column } from './columns';
import { slotsOf, type Slots } from './row-values';

export interface Layout {
  columns: Column[];
  headers: string[];
  level: number;
  nameCol: number;
  keyCol: number;
  periodCol: number;
  /** One past the last header column with a name. */
  width: number;
  fieldCols: { id: string; i: number; field: Field }[];
  /** Name and key columns of the levels above the row's. */
  parentCols: { i: number; level: number; name: boolean }[];
  /** Each field column's 1-based column, by field id (every row's cells, shared). */
  positions: Map<string, number>;
  /** Where each field's value is in a row's values (shared). */
  slots: Slots;
  /** The whole numbers read under this header, each one Rational shared by the rows (plainCell). */
  ints: Map<number, Rational>;
}

let last: Layout | undefined;

/** The layout of the rows under this header: the last one made when the header is the same. */
export function layoutOf(scheme: Scheme, level: number, columns: Column[], headers: string[]): Layout {
  if (last && last.columns === columns && last.headers === headers && last.level === level) return last;
  const colOf = (pred: (c: Column) => boolean) => columns.findIndex(pred);
  const fieldCols = columns.flatMap((c, i) =>
    c.kind === 'field' ? [{ id: c.id, i, field: scheme.fields.get(c.id)! }] : [],
  );
  last = {
    columns,
    headers,
    level,
    nameCol: colOf((c) => c.kind === 'name' && c.level === level),
    keyCol: colOf((c) => c.kind === 'key' && c.level === level),
    periodCol: colOf((c) => c.kind === 'period'),
    width: headers.reduce((w, h, i) => (h.trim() ? i + 1 : w), 0),
    fieldCols,
    parentCols: columns.flatMap((c, i) =>
      (c.kind === 'name' || c.kind === 'key') && c.level > level
        ? [{ i, level: c.level, name: c.kind === 'name' }]
        : [],
    ),
    positions: new Map(fieldCols.map(({ id, i }) => [id, i + 1])),
    slots: slotsOf(fieldCols.map(({ id }) => id)),
    ints: new Map(),
  };
  return last;
}
