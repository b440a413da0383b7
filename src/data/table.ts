/** Text → rows of cells with their line numbers (csv-parse), delimiter detected. */
import { parse } from 'csv-parse/sync';
import { msg, type Diagnostic } from '../diagnostics';

export interface Row {
  /** 1-based line where the row starts. */
  line: number;
  cells: string[];
}

export function detectDelimiter(text: string): string {
  const sample = text.split(/\r?\n/, 20).join('\n');
  const counts = [',', '\t', ';'].map((d) => [d, sample.split(d).length - 1] as const);
  counts.sort((a, b) => b[1] - a[1]);
  return counts[0]![1] > 0 ? counts[0]![0] : ',';
}

export function readRows(input: string, file: string): { rows: Row[]; error?: Diagnostic } {
  const text = input.replace(/\r\n?/g, '\n');
  const delimiter = detectDelimiter(text);
  try {
    const records = parse(text, {
      delimiter,
      bom: true,
      relax_column_count: true,
      skip_empty_lines: false,
      info: true,
    }) as unknown as { record: string[]; info: { lines: number; raw?: string } }[];
    const rows: Row[] = [];
    let line = 1;
    for (const { record, info } of records) {
      if (record.some((c) => c.trim() !== '')) rows.push({ line, cells: record });
      line = info.lines + 1;
    }
    return { rows };
  } catch (e) {
    const err = e as { message?: string; lines?: number; code?: string };
    const first = String(err.message ?? e).split('\n')[0]!;
    return {
      rows: [],
      error: {
        severity: 'error',
        code: 'data/csv',
        file,
        line: err.lines ?? 1,
        col: 1,
        message: msg(`not a readable CSV table: ${first}`, `无法按 CSV 表格读取：${first}（检查引号是否成对）`),
      },
    };
  }
}
