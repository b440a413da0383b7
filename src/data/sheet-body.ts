/**
 * The rows below a sheet's header, one by one: data rows read (sheet-row.ts), a
 * header again (an Excel sort, a second block pasted below) said and followed, and
 * the rows under a header of another level (a second table) said and left out.
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import { headerScore, matchHeader, type Header } from './columns';
import { isHeaderAgain } from './lines';
import { normalizeLabel } from './normalize';
import type { SheetRow } from './sheet';
import { combineHeaderRows } from './sheet-header';
import { CONTROL, readRow } from './sheet-row';
import type { Row } from './table';
import { quoteCell } from './values';

/** The header the rows are read under: as matched, as shown in findings, as written. */
interface Current {
  header: Header;
  shown: string[];
  cells: string[];
}

/** A header of another level inside the data: rows below it are not this table's. */
interface Foreign {
  at: { file: string; line: number; col: number };
  rows: number;
  title: string;
}

const shownCells = (cells: string[]): string[] => cells.map((h) => quoteCell(h.replace(CONTROL, '\ufffd')));

/** Any unit level's header: a name column and at least two more labels. */
const anyHeader = (scheme: Scheme, cells: string[]): boolean => {
  const h = headerScore(scheme, cells);
  return h.hasName && h.matches >= 2;
};

export class SheetBody {
  /** The rows read. */
  readonly rows: SheetRow[] = [];
  /** Rows not used: rejected data rows, headers again, a second table's rows. */
  rejected = 0;
  /** Fields that have a column under any of the sheet's headers. */
  readonly fields: Set<string>;
  private current: Current;
  private foreign: Foreign | undefined;
  /** Merged ranges already said (merges.ts). */
  private readonly merges = new Map<string, Finding>();

  constructor(
    private readonly scheme: Scheme,
    private readonly file: string,
    /** The first header: how many rows it takes, its line, as matched and as written. */
    private readonly first: { rows: 1 | 2; line: number; header: Header; cells: string[] },
    private readonly findings: Finding[],
  ) {
    this.current = { header: first.header, shown: shownCells(first.cells), cells: first.cells };
    this.fields = new Set(first.header.columns.flatMap((c) => (c.kind === 'field' ? [c.id] : [])));
  }

  /** Reads the rows; `own`: each is let go once read (the caller's rows to give away). */
  readAll(rows: (Row | undefined)[], own: boolean): void {
    for (let k = 0; k < rows.length; k++) {
      const r = rows[k]!;
      if (own) rows[k] = undefined;
      if (this.isHeader(r)) k += this.headerAgain(r, rows[k + 1]) - 1;
      else if (this.foreign) this.foreignRow(this.foreign, r);
      else this.dataRow(r);
    }
    this.endForeign();
  }

  private isHeader(r: Row): boolean {
    const { header } = this.current;
    return (
      isHeaderAgain(this.scheme, header.columns, header.level, r) ||
      (this.foreign !== undefined && anyHeader(this.scheme, r.cells))
    );
  }

  private dataRow(r: Row): void {
    const { header, shown } = this.current;
    const row = readRow(this.scheme, header.level, header.columns, shown, r, this.file, this.findings, this.merges);
    if (row) this.rows.push(row);
    else this.rejected++;
  }

  private foreignRow(foreign: Foreign, r: Row): void {
    foreign.rows++;
    this.rejected++;
    this.findings.push({
      severity: 'note',
      file: this.file,
      line: r.line,
      col: 1,
      ...message('data/second-table-row', { header: foreign.at.line }),
    });
  }

  /** A header again at r (with `next`, two rows when the first header took two): said; the lines it takes. */
  private headerAgain(r: Row, next: Row | undefined): number {
    const { scheme } = this;
    const pair =
      this.first.rows === 2 && next && next.line === r.line + 1 ? combineHeaderRows(r.cells, next.cells) : undefined;
    const useTwo = pair && headerScore(scheme, pair).matches > headerScore(scheme, r.cells).matches;
    const cells = useTwo ? pair : r.cells;
    const lines = useTwo ? 2 : 1;
    this.rejected += lines;
    this.endForeign();
    const again = matchHeader(scheme, cells, this.file, r.line + lines - 1);
    if (again.level !== this.first.header.level) {
      const title = scheme.levels[again.level]?.title ?? '';
      this.foreign = { at: { file: this.file, line: r.line, col: 1 }, rows: 0, title };
    } else this.sameLevelAgain(again, cells, r.line);
    return lines;
  }

  /** The same level's header again: the rows below are read under it (its own columns when it differs). */
  private sameLevelAgain(again: Header, cells: string[], line: number): void {
    const same = cells.map(normalizeLabel).join('\t') === this.current.cells.map(normalizeLabel).join('\t');
    if (!same) {
      for (const f of again.findings) this.findings.push(f);
      for (const c of again.columns) if (c.kind === 'field') this.fields.add(c.id);
      this.current = { header: again, shown: shownCells(cells), cells };
    }
    this.findings.push({
      severity: 'warning',
      file: this.file,
      line,
      col: 1,
      ...message('data/repeated-header', { kind: same ? 'same' : 'other', first: this.first.line }),
    });
  }

  /** The second table ends (a header again, or the end of the sheet): said once, with its rows. */
  private endForeign(): void {
    if (!this.foreign) return;
    const { at, rows, title } = this.foreign;
    this.findings.push({ severity: 'error', ...at, ...message('data/second-table', { title, rows }) });
    this.foreign = undefined;
  }
}
