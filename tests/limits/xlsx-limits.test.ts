/**
 * Workbook limits, checked before exceljs loads the workbook: rows per sheet, cells
 * per workbook, the bytes it unpacks to, and a sheet's declared dimension. The
 * workbooks are small; the limits are lowered to meet them.
 */
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { readXlsx } from '../../src/data/xlsx';
import { workbookLimitFinding } from '../../src/data/xlsx-limits';
import { DEFAULT_LIMITS, withDefaults } from '../../src/limits';
import { workbook } from './workbook';

/** The workbook with sheet1's XML passed through `edit`, deflated again. */
async function editSheet(bytes: Uint8Array, edit: (xml: string) => string): Promise<Uint8Array> {
  const zip = await JSZip.loadAsync(bytes);
  const name = 'xl/worksheets/sheet1.xml';
  zip.file(name, edit(await zip.file(name)!.async('string')));
  return new Uint8Array(await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE' }));
}

const en = (r: { findings: Parameters<typeof formatDiagnostic>[0][] }) =>
  r.findings.map((d) => formatDiagnostic(d, 'en'));

describe('workbook limits', () => {
  it('a sheet over the rows limit is refused naming the sheet, the limit and the first row too many', async () => {
    const bytes = await workbook(150);
    const r = await readXlsx(bytes, 'w.xlsx', undefined, { rows: 100 });
    expect(r.rows).toEqual([]);
    expect(en(r)).toEqual([
      'w.xlsx:1:1: error: sheet "数据" declares 151 rows (A1:E151), over the limit of 100 rows per sheet; if the file is right, raise the limit with --limit rows=…',
    ]);
    expect(r.findings[0]!.code).toBe('limit/rows');
    expect(formatDiagnostic(r.findings[0]!, 'zh')).toBe(
      'w.xlsx:1:1: 错误: 工作表“数据”声明有 151 行（A1:E151），超过每个工作表 100 行的上限；如文件无误，可用 --limit rows=… 提高上限',
    );
  });

  it('the same workbook under a higher limit is read whole', async () => {
    const r = await readXlsx(await workbook(150), 'w.xlsx', undefined, { rows: 1000 });
    expect(r.findings).toEqual([]);
    expect(r.rows).toHaveLength(151);
    expect(r.rows.at(-1)!.cells).toEqual(['乡149', '1149', '10', '9', '5']);
  });

  it('without a dimension the rows are counted, and the error is at the first row too many', async () => {
    const bytes = await editSheet(await workbook(150), (xml) => xml.replace(/<dimension [^>]*\/>/, ''));
    const r = await readXlsx(bytes, 'w.xlsx', undefined, { rows: 100 });
    expect(en(r)).toEqual([
      'w.xlsx:101:1: error: sheet "数据" has more than 100 rows, the limit of rows per sheet (row 101 is one too many); if the file is right, raise the limit with --limit rows=…',
    ]);
  });

  it('a dimension that understates the rows does not hide them', async () => {
    const bytes = await editSheet(await workbook(150), (xml) =>
      xml.replace(/<dimension [^>]*\/>/, '<dimension ref="A1:E2"/>'),
    );
    const r = await readXlsx(bytes, 'w.xlsx', undefined, { rows: 100 });
    expect(r.findings.map((d) => [d.code, d.line])).toEqual([['limit/rows', 101]]);
  });

  it('counts the cells of every sheet together against the cells limit', async () => {
    const bytes = await workbook(30, 30); // 31 × 5 = 155 cells per sheet
    expect((await readXlsx(bytes, 'w.xlsx', undefined, { cells: 310 })).findings).toEqual([]);
    const r = await readXlsx(bytes, 'w.xlsx', undefined, { cells: 200 });
    expect(en(r)).toEqual([
      'w.xlsx:10:1: error: the workbook has more than 200 cells, the limit of cells per workbook (passed in sheet "第二表" at row 10); if the file is right, raise the limit with --limit cells=…',
    ]);
    expect(r.findings[0]!.code).toBe('limit/cells');
  });

  it('a merged range counts every cell it covers and its bottom row, before exceljs makes an object of each', async () => {
    // A few KB on disk; loaded, exceljs would make 23 × 49,996 cell objects (some 400 MB).
    const merged = (ref: string) =>
      editSheet(workbook3, (xml) =>
        xml.replace('</sheetData>', `</sheetData><mergeCells count="1"><mergeCell ref="${ref}"/></mergeCells>`),
      );
    const workbook3 = await workbook(3);
    const huge = await merged('D5:Z50000');
    expect(huge.length).toBeLessThan(16 * 1024);
    const r = await readXlsx(huge, 'w.xlsx', undefined, { cells: 100_000 });
    expect(r.rows).toEqual([]);
    expect(en(r)).toEqual([
      'w.xlsx:5:4: error: the workbook has more than 100,000 cells, the limit of cells per workbook (passed in sheet "数据" by the merged range D5:Z50000, 1,149,908 cells); if the file is right, raise the limit with --limit cells=…',
    ]);
    expect(r.findings[0]!.code).toBe('limit/cells');
    expect(formatDiagnostic(r.findings[0]!, 'zh')).toBe(
      'w.xlsx:5:4: 错误: 工作簿超过 100,000 个单元格，即每个工作簿的单元格上限（在工作表“数据”由合并区域 D5:Z50000（1,149,908 个单元格）超出）；如文件无误，可用 --limit cells=… 提高上限',
    );
    // Its bottom row is past the rows limit, though the sheet has 4 rows.
    const rows = await readXlsx(huge, 'w.xlsx', undefined, { rows: 10_000 });
    expect(en(rows)).toEqual([
      'w.xlsx:5:4: error: the merged range D5:Z50000 in sheet "数据" reaches row 50,000, over the limit of 10,000 rows per sheet; if the file is right, raise the limit with --limit rows=…',
    ]);
    expect(rows.findings[0]!.code).toBe('limit/rows');
    // The area adds to the cells of the rows: 4 × 5 = 20, plus 2 × 3 = 26.
    const small = await merged('F1:G3');
    expect((await readXlsx(small, 'w.xlsx', undefined, { cells: 25 })).findings.map((d) => d.code)).toEqual([
      'limit/cells',
    ]);
    const read = await readXlsx(small, 'w.xlsx', undefined, { cells: 26 });
    expect(read.findings).toEqual([]);
    expect(read.rows[0]!.merged?.map((m) => m.range)).toEqual(['F1:G3']);
  });

  it('a data validation over the whole sheet is not unfolded: the values are read, nothing refused', async () => {
    // Six bytes of sqref; exceljs made an object of each of its 17 billion cells and never
    // returned (over a gigabyte after a minute). `pinggu template` checks columns to row
    // 10,000, so every filled-in template paid for 260,000 such objects.
    const checked = await editSheet(await workbook(3), (xml) =>
      xml.replace(
        '</sheetData>',
        '</sheetData><dataValidations count="1"><dataValidation type="whole" operator="greaterThanOrEqual" allowBlank="1" sqref="A2:XFD1048576"><formula1>0</formula1></dataValidation></dataValidations>',
      ),
    );
    const r = await readXlsx(checked, 'w.xlsx');
    expect(r.findings).toEqual([]);
    expect(r.rows.map((row) => row.cells)).toEqual([
      ['乡镇', '总人口', '出生人数', '政策内出生数', '出生男婴'],
      ['乡0', '1000', '10', '9', '5'],
      ['乡1', '1001', '10', '9', '5'],
      ['乡2', '1002', '10', '9', '5'],
    ]);
  });

  it('a sheet declaring a huge dimension (a zip-bomb-like sheet) is refused from its first bytes', async () => {
    // The sheet data after the dimension is cut off: had it been read, the zip would be unreadable.
    const bytes = await editSheet(await workbook(3), (xml) =>
      xml.replace(/<dimension [^>]*\/>[\s\S]*/, '<dimension ref="A1:XFD1048576"/><sheetData><row r="1"><c r="A1"'),
    );
    const r = await readXlsx(bytes, 'w.xlsx');
    expect(r.rows).toEqual([]);
    expect(en(r)).toEqual([
      'w.xlsx:1:1: error: sheet "数据" declares 1,048,576 rows (A1:XFD1048576), over the limit of 200,000 rows per sheet; if the file is right, raise the limit with --limit rows=…',
    ]);
  });

  it('a workbook unpacking to more than the file-size limit is refused: declared sizes, and actual ones when they lie', async () => {
    // 2 MB of padding inside a cell compresses to a few KB.
    const padded = await editSheet(await workbook(3), (xml) =>
      xml.replace('<sheetData>', `<sheetData>${' '.repeat(2 * 1024 * 1024)}`),
    );
    expect(padded.length).toBeLessThan(64 * 1024);
    const limits = withDefaults({ fileSize: 1024 * 1024 });
    expect(en({ findings: [(await workbookLimitFinding(padded, 'w.xlsx', limits))!] })[0]).toMatch(
      /^w\.xlsx:1:1: error: the workbook unpacks to 2\.\d MB, over the limit of 1 MB for a data file; if the file is right, raise the limit with --limit file-size=…$/,
    );
    // The central directory now says the sheet is 100 bytes: the stream is measured instead.
    const lying = lieAboutSize(padded, 'xl/worksheets/sheet1.xml', 100);
    const f = await workbookLimitFinding(lying, 'w.xlsx', limits);
    expect(f && formatDiagnostic(f, 'en')).toBe(
      'w.xlsx:1:1: error: the workbook unpacks to more than 1 MB (at xl/worksheets/sheet1.xml), over the limit of 1 MB for a data file; if the file is right, raise the limit with --limit file-size=…',
    );
    expect(f!.code).toBe('limit/file-size');
  });

  it('the defaults leave a national-scale sheet alone', async () => {
    expect(DEFAULT_LIMITS.rows).toBeGreaterThanOrEqual(5 * 40_000);
    expect(DEFAULT_LIMITS.cells).toBeGreaterThanOrEqual(4 * 40_001 * 30);
    expect(await workbookLimitFinding(await workbook(2000), 'w.xlsx', withDefaults())).toBeUndefined();
  });

  it('what is not a zip is left to the workbook reader, which says so', async () => {
    const r = await readXlsx(new TextEncoder().encode('乡镇,总人口\n'), 'w.xlsx', undefined, { rows: 1 });
    expect(r.findings.map((d) => d.code)).toEqual(['data/xlsx']);
  });
});

/** The zip with one entry's uncompressed size in the central directory set to `size`. */
function lieAboutSize(bytes: Uint8Array, name: string, size: number): Uint8Array {
  const out = bytes.slice();
  const v = new DataView(out.buffer);
  const want = new TextEncoder().encode(name);
  for (let i = 0; i + 46 < out.length; i++) {
    if (v.getUint32(i, true) !== 0x02014b50) continue;
    const n = v.getUint16(i + 28, true);
    if (n === want.length && want.every((b, k) => out[i + 46 + k] === b)) {
      v.setUint32(i + 24, size, true);
      return out;
    }
  }
  throw new Error(`no entry ${name}`);
}
