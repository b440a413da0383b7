/**
 * Where a unit's cells are (file:line:col), kept small: one entry per field holding a
 * number (which of the unit's rows, and the column), the rows listed once per unit,
 * and no object per cell until one is asked for (a warning naming the cell).
 */
import type { Source } from './model';

export type Cell = Source & { col: number };

/**
 * Columns per row the packing leaves room for: 2^30, more than any line can hold (a
 * V8 string is shorter), so row × COLS + col stays a safe integer up to 2^23 rows a unit.
 */
const COLS = 2 ** 30;

export class CellIndex {
  private at = new Map<string, number>();
  private readonly rows: Source[] = [];
  /** `at` is another's (every row of a sheet has its cells in the same columns): copied before a change. */
  private shared = false;

  /** The cells of one row: `cols`, each field's 1-based column, is shared, not copied. */
  static ofRow(row: Source, cols: Map<string, number>): CellIndex {
    const c = new CellIndex();
    c.rows.push({ file: row.file, line: row.line });
    c.at = cols;
    c.shared = true;
    return c;
  }

  get size(): number {
    return this.at.size;
  }

  has(id: string): boolean {
    return this.at.has(id);
  }

  get(id: string): Cell | undefined {
    const p = this.at.get(id);
    if (p === undefined) return undefined;
    const row = this.rows[Math.floor(p / COLS)]!;
    return { file: row.file, line: row.line, col: p % COLS };
  }

  set(id: string, cell: Cell): this {
    if (this.shared) {
      this.at = new Map(this.at);
      this.shared = false;
    }
    let r = this.rows.length - 1;
    const last = this.rows[r];
    if (!last || last.file !== cell.file || last.line !== cell.line) {
      r = this.rows.findIndex((x) => x.file === cell.file && x.line === cell.line);
      if (r < 0) r = this.rows.push({ file: cell.file, line: cell.line }) - 1;
    }
    this.at.set(id, r * COLS + cell.col);
    return this;
  }

  keys(): IterableIterator<string> {
    return this.at.keys();
  }

  *[Symbol.iterator](): IterableIterator<[string, Cell]> {
    for (const id of this.at.keys()) yield [id, this.get(id)!];
  }
}
