/**
 * One half-year report as analysts have it (title and unit rows, thousands
 * separators, a 合计 row, a sign-off footer: tests/fixtures/report/report-utf8.csv,
 * copied from the project's sample), read as UTF-8 CSV, as GB18030 CSV (what
 * Chinese Windows saves) and as a workbook: the same township numbers from all three,
 * with the skipped lines reported.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDataset, type InputFile } from '../../src/data/dataset';
import type { Dataset } from '../../src/data/model';
import { readRows } from '../../src/data/table';
import { readXlsx } from '../../src/data/xlsx';
import { loadScheme } from '../../src/scheme/load';

const ROOT = join(__dirname, '..', '..');
const scheme = loadScheme(readFileSync(join(ROOT, 'criteria/jsyzfw-2008.yaml'), 'utf8'), 'jsyzfw-2008.yaml').scheme!;
const utf8 = readFileSync(join(ROOT, 'tests/fixtures/report/report-utf8.csv'));
const text = new TextDecoder().decode(utf8);

async function asGb18030(): Promise<Uint8Array> {
  const iconv = ((await import('iconv-lite')) as any).default ?? (await import('iconv-lite'));
  return new Uint8Array(iconv.encode(text.replace(/\r?\n/g, '\r\n'), 'gb18030'));
}

/** The same sheet as a workbook: numbers as numbers, the title merged across the table. */
async function asXlsx(): Promise<Uint8Array> {
  const ExcelJS = ((await import('exceljs')) as any).default ?? (await import('exceljs'));
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('report');
  const rows = readRows(text, 'x').rows;
  for (const r of rows) {
    ws.getRow(r.line).values = r.cells.map((c) =>
      /^[\d,]+$/.test(c) && !/^\d{9}$/.test(c) ? Number(c.replace(/,/g, '')) : c,
    );
  }
  ws.mergeCells(1, 1, 1, 13);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const township = (ds: Dataset) =>
  ds.units
    .filter((u) => u.level === 0)
    .map((u) => [u.name, u.code, Object.fromEntries([...u.values].map(([k, v]) => [k, String(v)]))]);
const notes = (ds: Dataset) => ds.findings.filter((f) => f.severity === 'note').map((f) => [f.code, f.line]);

describe('the sample half-year report in three forms', () => {
  it('reads the same townships and values from UTF-8 CSV, GB18030 CSV and .xlsx, skipping title, unit and footer lines', async () => {
    const csv = readDataset(scheme, [{ name: 'r.csv', bytes: utf8 }]);
    const gb = readDataset(scheme, [{ name: 'r.csv', bytes: await asGb18030() }]);
    const x = await readXlsx(await asXlsx(), 'r.csv');
    const file: InputFile = {
      name: 'r.csv',
      bytes: new Uint8Array(),
      workbook: { rows: x.rows, findings: x.findings },
    };
    const wb = readDataset(scheme, [file]);

    expect(township(csv)).toHaveLength(12);
    expect(township(csv)[0]).toEqual([
      '乐平镇',
      '140724100',
      expect.objectContaining({ population: '62140', births: '294', policy_births: '293' }),
    ]);
    expect(township(gb)).toEqual(township(csv));
    expect(township(wb)).toEqual(township(csv));
    expect(gb.files[0]!.encoding).toBe('gb18030');
    // Title and unit rows above the header, the total row checked, the footer skipped.
    for (const ds of [csv, gb, wb]) {
      expect(notes(ds)).toEqual([
        ['data/skipped-preamble', 1],
        ['data/skipped-preamble', 2],
        ['data/total-ok', 16],
        ['data/not-a-row', 17],
      ]);
      expect(ds.files[0]).toMatchObject({ read: 14, used: 13, rejected: 1 });
    }
  });
});
