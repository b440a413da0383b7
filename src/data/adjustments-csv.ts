/** An adjustments file in CSV (UTF-8, BOM, GB18030): a header row naming the values, one adjustment a row. */
import type { CodedDiagnostic, Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { ParsedAdjustments } from './adjustments';
import { check } from './adjustment-check';
import {
  ADJUSTMENT_HEADERS,
  BY_HEADER,
  finding,
  headerList,
  REQUIRED,
  type AdjustmentKey,
  type Entry,
  type Pos,
  type Raw,
} from './adjustment-fields';
import { decode } from './decode';
import { normalizeLabel } from './normalize';
import { readRows, type Row } from './table';

export function parseCsv(bytes: Uint8Array, file: string): ParsedAdjustments {
  const d = decode(bytes);
  if (d.lossy)
    return {
      adjustments: [],
      findings: [finding(file, { line: 1, col: 1 }, message('adjust/encoding', { kind: 'csv' }))],
    };
  const { rows, error } = readRows(d.text, file);
  if (error) return { adjustments: [], findings: [{ ...error, code: 'adjust/csv' } as unknown as CodedDiagnostic] }; // the same words, said for the adjustments
  const findings: Finding[] = [];
  const [head, ...body] = rows;
  if (!head) return { adjustments: [], findings };
  const columns = csvColumns(head, file, findings);
  if (findings.length) return { adjustments: [], findings };
  const entries: Entry[] = body.map((r) => csvEntry(r, columns, file, findings));
  return check(entries, file, findings);
}

/** The value each column holds (undefined: a blank, unknown or repeated header, said); every value needed has one. */
function csvColumns(head: Row, file: string, findings: Finding[]): (AdjustmentKey | undefined)[] {
  const columns: (AdjustmentKey | undefined)[] = [];
  const seen = new Map<AdjustmentKey, number>();
  head.cells.forEach((cell, i) => {
    const text = cell.trim();
    const at = { line: head.line, col: i + 1 };
    if (text === '') {
      columns.push(undefined);
      return;
    }
    const key = BY_HEADER.get(normalizeLabel(text));
    if (!key) {
      findings.push(finding(file, at, message('adjust/unknown-column', { column: text, known: headerList() })));
      columns.push(undefined);
    } else if (seen.has(key)) {
      findings.push(
        finding(file, at, message('adjust/duplicate-column', { column: text, first: seen.get(key)! + 1, key })),
      );
      columns.push(undefined);
    } else {
      seen.set(key, i);
      columns.push(key);
    }
  });
  missingColumns(seen, head.line, file, findings);
  return columns;
}

/** The required values without a column, and deduct when neither deduct nor override has one. */
function missingColumns(seen: Map<AdjustmentKey, number>, line: number, file: string, findings: Finding[]): void {
  const missing = REQUIRED.filter((k) => !seen.has(k));
  if (!seen.has('deduct') && !seen.has('override') && !seen.has('part')) missing.push('deduct');
  for (const k of missing) {
    const names = [...ADJUSTMENT_HEADERS[k]];
    findings.push(
      finding(
        file,
        { line, col: 1 },
        message('adjust/missing-column', k === 'deduct' ? { names, or: [...ADJUSTMENT_HEADERS.override] } : { names }),
      ),
    );
  }
}

/** A data row as an entry; a value under no known column is said. */
function csvEntry(r: Row, columns: (AdjustmentKey | undefined)[], file: string, findings: Finding[]): Entry {
  const values = new Map<AdjustmentKey, { raw: Raw; at: Pos }>();
  r.cells.forEach((cell, i) => {
    const key = columns[i];
    if (key) values.set(key, { raw: cell, at: { line: r.line, col: i + 1 } });
    else if (cell.trim() !== '')
      findings.push(finding(file, { line: r.line, col: i + 1 }, message('adjust/extra-cell', { col: i + 1 })));
  });
  return { line: r.line, col: 1, values };
}
