import ExcelJS from 'exceljs';
import { findingText, worded } from '../../src/diagnostics';
import { describe, expect, it } from 'vitest';
import { sheetFromRows, readSheet, type Sheet } from '../../src/data/sheet';
import { parseCell } from '../../src/data/values';
import { plainDecimal, readXlsx, shiftDecimal } from '../../src/data/xlsx';
import { field, loadTestScheme, TEST_SCHEME_YAML, utf8, where } from './helpers';

type Ws = ExcelJS.Worksheet;

async function workbook(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

async function oneSheet(build: (ws: Ws) => void): Promise<Uint8Array> {
  return workbook((wb) => build(wb.addWorksheet('数据')));
}

/** Cells of a one-row sheet whose row 1 holds `values` (with optional formats) from column A. */
async function cellsOf(values: { v: ExcelJS.CellValue; fmt?: string }[]): Promise<string[]> {
  const bytes = await oneSheet((ws) =>
    values.forEach(({ v, fmt }, i) => {
      const c = ws.getCell(1, i + 1);
      c.value = v;
      if (fmt) c.numFmt = fmt;
    }),
  );
  const r = await readXlsx(bytes, 'a.xlsx');
  expect(r.findings).toEqual([]);
  return r.rows[0]!.cells;
}

describe('readXlsx: cell values as text', () => {
  it('gives numbers as plain decimals without float artefacts or exponents', async () => {
    expect(
      await cellsOf([
        { v: 62140 },
        { v: 0.1 },
        { v: { formula: '0.1+0.2', result: 0.1 + 0.2 } },
        { v: 1e-7 },
        { v: 1e21 },
        { v: -12.5 },
        { v: 62140, fmt: '#,##0' },
        { v: 140724100, fmt: '0' },
      ]),
    ).toEqual(['62140', '0.1', '0.3', '0.0000001', '1000000000000000000000', '-12.5', '62140', '140724100']);
  });

  it('gives percent-formatted numbers as exact percentages', async () => {
    expect(
      await cellsOf([
        { v: 0.925, fmt: '0.0%' },
        { v: 1, fmt: '0%' },
        { v: 0.07, fmt: '0.00%' },
        { v: -0.005, fmt: '0.0%' },
        { v: 0.123456, fmt: '0.00%' },
        { v: 0, fmt: '0.0%' },
        { v: 0.5, fmt: '"rate "0%' },
        { v: 0.5, fmt: '0.0"%"' },
      ]),
    ).toEqual(['92.5%', '100%', '7%', '-0.5%', '12.3456%', '0%', '50%', '0.5']);
  });

  it('shows a per-mille format as Excel does: the stored number with a literal ‰', async () => {
    expect(await cellsOf([{ v: 6.5, fmt: '0.0‰' }])).toEqual(['6.5‰']);
  });

  it('gives dates as YYYY-MM-DD, also for numbers in a date format exceljs does not know', async () => {
    expect(
      await cellsOf([
        { v: new Date(Date.UTC(2008, 3, 8)) },
        { v: new Date(Date.UTC(2008, 3, 8)), fmt: 'yyyy"年"m"月"d"日"' },
        { v: 39546, fmt: 'DD/YYYY' },
        { v: new Date(Date.UTC(2008, 3, 8, 9, 30)) },
      ]),
    ).toEqual(['2008-04-08', '2008-04-08', '2008-04-08', '2008-04-08 09:30:00']);
  });

  it('gives formulas their cached result, booleans, errors, rich text and hyperlinks as text', async () => {
    expect(
      await cellsOf([
        { v: { formula: 'B2+C2', result: 5 } },
        { v: { formula: 'B2/C2', result: 0.925 }, fmt: '0.0%' },
        { v: { formula: 'B2/0', result: { error: '#DIV/0!' } } },
        { v: { error: '#N/A' } },
        { v: { formula: 'B2+C2' } },
        { v: true },
        { v: false },
        { v: { richText: [{ text: '乐平' }, { font: { bold: true }, text: '镇' }] } },
        { v: { text: '皋落镇', hyperlink: 'https://example.org/' } },
        { v: '  东冶头镇 ' },
        { v: { formula: 'A1&""', result: '沾尚镇' } },
      ]),
    ).toEqual([
      '5',
      '92.5%',
      '#DIV/0!',
      '#N/A',
      '=B2+C2',
      'TRUE',
      'FALSE',
      '乐平镇',
      '皋落镇',
      '  东冶头镇 ',
      '沾尚镇',
    ]);
  });

  it('gives text the value parser reads to the intended values', async () => {
    const s = loadTestScheme();
    const [pct, count, err] = await cellsOf([
      { v: 0.925, fmt: '0.0%' },
      { v: 62140, fmt: '#,##0' },
      { v: { error: '#DIV/0!' } },
    ]);
    expect(parseCell(pct!, field(s, 'satisfaction'))).toEqual(parseCell('92.5%', field(s, 'satisfaction')));
    expect(parseCell(count!, field(s, 'population'))).toEqual(parseCell('62,140', field(s, 'population')));
    expect(parseCell(err!, field(s, 'births'))).toHaveProperty('error');
  });
});

describe('readXlsx: rows', () => {
  it('numbers rows by sheet row, leaves out empty rows and pads every row to the last used column', async () => {
    const bytes = await oneSheet((ws) => {
      ws.getCell('A1').value = '标题';
      ws.getCell('A3').value = '乡镇';
      ws.getCell('B3').value = '总人口';
      ws.getCell('D3').value = '出生人数';
      ws.getCell('A4').value = '乐平镇';
      ws.getCell('B4').value = 62140;
      ws.getCell('D4').value = 294;
      ws.getCell('A5').value = '   ';
      ws.getCell('B6').numFmt = '0.0%'; // styled but empty: not a row
      ws.getCell('A7').value = '填表人：张丽';
    });
    const r = await readXlsx(bytes, 'a.xlsx');
    expect(r).toEqual({
      rows: [
        { line: 1, cells: ['标题', '', '', ''] },
        { line: 3, cells: ['乡镇', '总人口', '', '出生人数'] },
        { line: 4, cells: ['乐平镇', '62140', '', '294'] },
        { line: 7, cells: ['填表人：张丽', '', '', ''] },
      ],
      findings: [],
      sheetName: '数据',
      others: [],
    });
  });

  it('repeats a merged cell over its whole range, across and down', async () => {
    const bytes = await oneSheet((ws) => {
      ws.getCell('A1').value = '乡镇';
      ws.mergeCells('A1:A2');
      ws.getCell('B1').value = '出生人数';
      ws.mergeCells('B1:D1');
      ws.getCell('B2').value = '合计';
      ws.getCell('C2').value = '男';
      ws.getCell('D2').value = '女';
      ws.getCell('E1').value = 0.925;
      ws.getCell('E1').numFmt = '0.0%';
      ws.mergeCells('E1:F2');
    });
    const r = await readXlsx(bytes, 'a.xlsx');
    // Each row also lists the ranges over it, for the sheet reader to judge (merges over data are errors).
    const A = { range: 'A1:A2', top: 1, left: 1, bottom: 2, right: 1 };
    const B = { range: 'B1:D1', top: 1, left: 2, bottom: 1, right: 4 };
    const E = { range: 'E1:F2', top: 1, left: 5, bottom: 2, right: 6 };
    expect(r.rows).toEqual([
      { line: 1, cells: ['乡镇', '出生人数', '出生人数', '出生人数', '92.5%', '92.5%'], merged: [A, B, E] },
      { line: 2, cells: ['乡镇', '合计', '男', '女', '92.5%', '92.5%'], merged: [A, E] },
    ]);
  });

  it('gives an empty sheet as no rows and no findings (the sheet reader reports it)', async () => {
    const r = await readXlsx(await oneSheet(() => {}), 'a.xlsx');
    expect(r).toEqual({ rows: [], findings: [], sheetName: '数据', others: [] });
  });
});

describe('readXlsx: sheets', () => {
  const twoSheets = () =>
    workbook((wb) => {
      wb.addWorksheet('乡镇').getCell('A1').value = '第一张';
      wb.addWorksheet('县级').getCell('A1').value = '第二张';
    });

  it('reads the first sheet by default and a named sheet when asked', async () => {
    const bytes = await twoSheets();
    // Without a name: the first visible sheet, and the other visible sheets beside it.
    expect(await readXlsx(bytes, 'a.xlsx')).toEqual({
      rows: [{ line: 1, cells: ['第一张'] }],
      findings: [],
      sheetName: '乡镇',
      others: [{ name: '县级', rows: [{ line: 1, cells: ['第二张'] }] }],
    });
    expect(await readXlsx(bytes, 'a.xlsx', '县级')).toEqual({
      rows: [{ line: 1, cells: ['第二张'] }],
      findings: [],
      sheetName: '县级',
      others: [],
    });
  });

  it('skips a hidden first sheet by default but reads it by name', async () => {
    const bytes = await workbook((wb) => {
      const hidden = wb.addWorksheet('lists', { state: 'hidden' });
      hidden.getCell('A1').value = 'lookup';
      wb.addWorksheet('data').getCell('A1').value = 'data';
    });
    expect((await readXlsx(bytes, 'a.xlsx')).sheetName).toBe('data');
    expect((await readXlsx(bytes, 'a.xlsx', 'lists')).rows).toEqual([{ line: 1, cells: ['lookup'] }]);
  });

  it('reports a sheet name that is not in the workbook, listing the sheets', async () => {
    const r = await readXlsx(await twoSheets(), 'a.xlsx', '财务');
    expect(r.rows).toEqual([]);
    expect(r.sheetName).toBeUndefined();
    expect(r.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/no-sheet', file: 'a.xlsx', line: 1, col: 1 },
    ]);
    expect(worded(r.findings[0]!).message).toEqual({
      en: 'the workbook has no sheet named "财务"; its sheets are "乡镇", "县级"',
      zh: '工作簿中没有名为“财务”的工作表；现有工作表：“乡镇”、“县级”',
    });
  });
});

describe('readXlsx: files that are not workbooks', () => {
  const emptyZip = Uint8Array.from([0x50, 0x4b, 0x05, 0x06, ...new Array(18).fill(0)]);
  const cases: [string, Uint8Array][] = [
    ['an empty file', new Uint8Array(0)],
    ['a CSV named .xlsx', utf8('乡镇,总人口\n乐平镇,62140\n')],
    ['random bytes', Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919 + 13) % 256)],
    [
      'an old .xls (OLE2) file',
      Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]),
    ],
    ['a zip with no workbook in it', emptyZip],
  ];
  for (const [name, bytes] of cases) {
    it(`gives one data/xlsx error for ${name}, in both languages, without throwing`, async () => {
      const r = await readXlsx(bytes, 'bad.xlsx');
      expect(r.rows).toEqual([]);
      expect(r.findings.map(where)).toEqual([
        { severity: 'error', code: 'data/xlsx', file: 'bad.xlsx', line: 1, col: 1 },
      ]);
      expect(findingText(r.findings[0]!, 'en')).toMatch(/\.xlsx/);
      expect(findingText(r.findings[0]!, 'zh')).toMatch(/工作簿/);
    });
  }

  it('says what an OLE2 file probably is', async () => {
    const r = await readXlsx(cases[3]![1], 'old.xlsx');
    expect(findingText(r.findings[0]!, 'en')).toContain('Excel 97–2003 (.xls)');
  });
});

describe('readXlsx: the same numbers as the CSV export', () => {
  // The test scheme, with aliases for the combined names of a two-level header.
  const scheme = loadTestScheme(
    TEST_SCHEME_YAML.replace('aliases: [本期出生人数, 出生数]', 'aliases: [本期出生人数, 出生数, 出生人数/合计]')
      .replace('label: 出生男婴\n', 'label: 出生男婴\n    aliases: [出生人数/男]\n')
      .replace('label: 出生女婴\n', 'label: 出生女婴\n    aliases: [出生人数/女]\n'),
  );

  const CSV = [
    '昔阳县人口计生统计表,,,,,,,', // 1 title (merged A1:H1 in the workbook)
    '单位：人,,,,,,,', // 2 unit line
    '乡镇,区划代码,总人口,出生人数,,,政策内出生数,', // 3 group header
    ',,,合计,男,女,,', // 4 sub-headers
    '乐平镇,140724100,"62,140",294,160,134,293,', // 5
    '皋落镇,140724101,"21,030",102,55,47,99,', // 6
    '', // 7 blank
    '东冶头镇,140724102,"19,870",99,54,45,91,', // 8
    '合计,,"103,040",495,269,226,483,', // 9 total
    '填表人：张丽,,,,,,,', // 10 footer (merged A10:G10 in the workbook)
  ].join('\n');

  const xlsx = () =>
    oneSheet((ws) => {
      ws.getCell('A1').value = '昔阳县人口计生统计表';
      ws.mergeCells('A1:G1');
      ws.getCell('A2').value = '单位：人';
      for (const [addr, label, range] of [
        ['A3', '乡镇', 'A3:A4'],
        ['B3', '区划代码', 'B3:B4'],
        ['C3', '总人口', 'C3:C4'],
        ['D3', '出生人数', 'D3:F3'],
        ['G3', '政策内出生数', 'G3:G4'],
      ] as const) {
        ws.getCell(addr).value = label;
        ws.mergeCells(range);
      }
      ws.getCell('D4').value = '合计';
      ws.getCell('E4').value = '男';
      ws.getCell('F4').value = '女';
      const data: [number, string, string, number, number, number, number][] = [
        [5, '乐平镇', '140724100', 62140, 160, 134, 293],
        [6, '皋落镇', '140724101', 21030, 55, 47, 99],
        [8, '东冶头镇', '140724102', 19870, 54, 45, 91],
      ];
      for (const [r, name, code, pop, boys, girls, inPolicy] of data) {
        ws.getCell(r, 1).value = name;
        ws.getCell(r, 2).value = code;
        ws.getCell(r, 3).value = pop;
        ws.getCell(r, 3).numFmt = '#,##0';
        ws.getCell(r, 4).value = { formula: `E${r}+F${r}`, result: boys + girls };
        ws.getCell(r, 5).value = boys;
        ws.getCell(r, 6).value = girls;
        ws.getCell(r, 7).value = inPolicy;
      }
      ws.getCell('A9').value = '合计';
      ws.getCell('C9').value = { formula: 'SUM(C5:C8)', result: 103040 };
      ws.getCell('C9').numFmt = '#,##0';
      ws.getCell('D9').value = { formula: 'SUM(D5:D8)', result: 495 };
      ws.getCell('E9').value = 269;
      ws.getCell('F9').value = 226;
      ws.getCell('G9').value = 483;
      ws.getCell('A10').value = '填表人：张丽';
      ws.mergeCells('A10:G10');
    });

  /** What the rest of the pipeline sees of a sheet: everything but message wording. */
  const typed = (s: Sheet) => ({
    level: s.level,
    fields: s.fields,
    headerLine: s.headerLine,
    read: s.read,
    rejected: s.rejected,
    findings: s.findings.map(where),
    rows: s.rows.map((r) => ({
      kind: r.kind,
      name: r.name,
      code: r.code,
      line: r.source.line,
      values: Object.fromEntries([...r.values].map(([k, v]) => [k, v.toString()])),
      invalid: [...r.invalid.keys()],
    })),
  });

  it('reads the workbook and its CSV export to identical typed rows', async () => {
    const book = await readXlsx(await xlsx(), 'towns.xlsx');
    expect(book.findings).toEqual([]);
    const fromCsv = readSheet(scheme, 'towns.xlsx', utf8(CSV));
    const fromXlsx = sheetFromRows(scheme, 'towns.xlsx', book.rows, 'xlsx');
    expect(typed(fromXlsx)).toEqual(typed(fromCsv));
    // And they are the numbers intended, with the two-level header understood.
    expect(fromXlsx.headerLine).toBe(4);
    expect(fromXlsx.fields).toEqual(['population', 'births', 'boys', 'girls', 'births_in_policy']);
    expect(typed(fromXlsx).rows.map((r) => [r.kind, r.name, r.line, r.values])).toEqual([
      ['unit', '乐平镇', 5, { population: '62140', births: '294', boys: '160', girls: '134', births_in_policy: '293' }],
      ['unit', '皋落镇', 6, { population: '21030', births: '102', boys: '55', girls: '47', births_in_policy: '99' }],
      ['unit', '东冶头镇', 8, { population: '19870', births: '99', boys: '54', girls: '45', births_in_policy: '91' }],
      ['total', '合计', 9, { population: '103040', births: '495', boys: '269', girls: '226', births_in_policy: '483' }],
    ]);
    expect(fromXlsx.findings.filter((d) => d.severity !== 'note')).toEqual([]);
  });

  it('reads percent and yes/no county cells to the same values as their CSV text', async () => {
    const bytes = await oneSheet((ws) => {
      ws.addRow(['县', '群众满意率', '有办公场地']);
      ws.addRow(['昔阳县', 0.925, true]);
      ws.getCell('B2').numFmt = '0.0%';
    });
    const book = await readXlsx(bytes, 'county.xlsx');
    const fromXlsx = sheetFromRows(scheme, 'county.xlsx', book.rows, 'xlsx');
    const fromCsv = readSheet(scheme, 'county.xlsx', utf8('县,群众满意率,有办公场地\n昔阳县,92.5%,是\n'));
    expect(typed(fromXlsx)).toEqual(typed(fromCsv));
    expect(typed(fromXlsx).rows[0]!.values).toEqual({ satisfaction: '37/40', has_office: 'true' });
  });
});

describe('decimal helpers', () => {
  it('shifts the decimal point exactly', () => {
    expect(shiftDecimal('0.925', 2)).toBe('92.5');
    expect(shiftDecimal('1', 2)).toBe('100');
    expect(shiftDecimal('-0.005', 2)).toBe('-0.5');
    expect(shiftDecimal('1.5', -7)).toBe('0.00000015');
    expect(shiftDecimal('0', 2)).toBe('0');
    expect(shiftDecimal('-0.0', 2)).toBe('0');
  });
  it('writes no exponents and no float noise', () => {
    expect(plainDecimal(1.5e-7)).toBe('0.00000015');
    expect(plainDecimal(-0)).toBe('0');
    expect(plainDecimal(0.925 * 100)).toBe('92.5');
    expect(plainDecimal(123456789012345)).toBe('123456789012345');
  });
});
