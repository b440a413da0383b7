/**
 * What a line of a data file is, once the header's columns are known: a line that
 * carries values (a data row, wherever it stands), a header again, or text (a title,
 * a units line, a note).
 */
import type { Scheme } from '../scheme/model';
import { headerScore, type Column } from './columns';
import type { Row } from './table';
import { parseCell } from './values';

/** Names longer than a unit's, or with sentence punctuation, are text (notes, sign-offs). */
export const looksLikeText = (name: string): boolean => name.length > 20 || /[:：。；;]/.test(name);

/** A unit code: digits, perhaps with dashes (140724100). */
export const isCodeLike = (code: string): boolean => /^\d[\d-]*$/.test(code.normalize('NFKC').trim());

/** Indexes of the field columns whose cell reads as a value (a number, 是/否), not text or blank. */
export function valueColumns(scheme: Scheme, columns: Column[], r: Row): number[] {
  return columns.flatMap((c, i) => {
    if (c.kind !== 'field') return [];
    const raw = r.cells[i] ?? '';
    if (raw.trim() === '') return [];
    const p = parseCell(raw, scheme.fields.get(c.id)!);
    return 'error' in p || p.value === undefined || typeof p.value === 'string' ? [] : [i];
  });
}

const cellAt = (r: Row, i: number): string => (i >= 0 ? (r.cells[i] ?? '').trim() : '');

/** The unit name and code cells of the data level. */
export function unitCells(
  columns: Column[],
  level: number,
  r: Row,
): { name: string; code: string; nameCol: number; keyCol: number } {
  const nameCol = columns.findIndex((c) => c.kind === 'name' && c.level === level);
  const keyCol = columns.findIndex((c) => c.kind === 'key' && c.level === level);
  return { name: cellAt(r, nameCol), code: cellAt(r, keyCol), nameCol, keyCol };
}

/**
 * A line above (or inside) the header that is really a data row: two values in field
 * columns, or one beside a unit name or code, or a unit name with its code. A title
 * (`2026年昔阳县…统计表`), a units line (`单位：人`) or a merged title repeated
 * over the columns carries none of these.
 */
export function isDataLine(scheme: Scheme, columns: Column[], level: number, r: Row): { col: number } | undefined {
  const values = valueColumns(scheme, columns, r);
  const { name, code, nameCol, keyCol } = unitCells(columns, level, r);
  const named = name !== '' && !looksLikeText(name);
  const coded = isCodeLike(code);
  if (values.length >= 2 || (values.length >= 1 && (named || coded)) || (named && coded)) {
    const col = named ? nameCol : coded ? keyCol : values[0]!;
    return { col: col + 1 };
  }
  return undefined;
}

/**
 * A row below the header that repeats a header: a unit-name label (乡镇) in the name
 * column and at least one more column of the scheme, no values.
 */
export function isHeaderAgain(scheme: Scheme, columns: Column[], level: number, r: Row): boolean {
  const { name } = unitCells(columns, level, r);
  if (!name || !headerScore(scheme, [name]).hasName || headerScore(scheme, r.cells).matches < 2) return false;
  return valueColumns(scheme, columns, r).length === 0;
}

/** A cell that looks like a number (for spotting a data row before the columns are known). */
export const looksNumeric = (cell: string): boolean => /^[-+]?[\d,，.]+%?$/.test(cell.normalize('NFKC').trim());
