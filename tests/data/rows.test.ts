/**
 * Issue 9, data rows: every line of a data file is used or reported, and nothing is
 * forged: a row with values is a data row wherever it stands, total-looking names
 * are totals only when they are, merged workbook cells over data give no value.
 */
import { say } from '../../src/messages/catalog';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readDataset, type InputFile } from '../../src/data/dataset';
import type { Dataset } from '../../src/data/model';
import { readSheet, sheetFromRows } from '../../src/data/sheet';
import { readXlsx } from '../../src/data/xlsx';
import { loadTestScheme, TEST_SCHEME_YAML, utf8, where, withCode } from './helpers';

const scheme = loadTestScheme();
const HEADER = '乡镇,区划代码,总人口,出生人数,政策内出生数';
const read = (...lines: string[]) => readSheet(scheme, 't.csv', utf8(lines.join('\n')));
const dataset = (...lines: string[]) => readDataset(scheme, [{ name: 't.csv', bytes: utf8(lines.join('\n')) }]);
/** Errors and warnings, but not the county columns these township-only files lack. */
const problems = (ds: { findings: Dataset['findings'] }) =>
  ds.findings.filter((f) => f.severity !== 'note' && f.code !== 'data/missing-column').map(where);
const balanced = (ds: Dataset) => ds.files.every((f) => f.read === f.used + f.rejected);
const at = (code: string, severity: 'error' | 'warning' | 'note', line: number, col = 1) => ({
  severity,
  code,
  file: 't.csv',
  line,
  col,
});

describe('lines above the header', () => {
  it('a township row above the header is an error at its line, counted as read and not used', () => {
    const ds = dataset(
      '2026年昔阳县人口计生统计表',
      '单位：人',
      '乐平镇,101,62140,628,612',
      HEADER,
      '皋落镇,102,22630,214,208',
    );
    expect(problems(ds)).toEqual([at('data/row-above-header', 'error', 3)]);
    expect(withCode(ds.findings, 'data/skipped-preamble').map((f) => f.line)).toEqual([1, 2]);
    expect(ds.files[0]).toMatchObject({ read: 2, used: 1, rejected: 1 });
    expect(ds.units.filter((u) => u.level === 0).map((u) => u.name)).toEqual(['皋落镇']);
    const f = withCode(ds.findings, 'data/row-above-header')[0]!;
    expect(f.message.zh).toBe(
      '数据行在表头（第 4 行）之上：“乐平镇 101 62140 628 612”；该行未使用，请把它移到表头之下',
    );
  });

  it('a row of values without a name above the header is an error at its first value', () => {
    const s = read(',,62140,628,612', HEADER, '皋落镇,102,22630,214,208');
    expect(withCode(s.findings, 'data/row-above-header').map(where)).toEqual([
      at('data/row-above-header', 'error', 1, 3),
    ]);
  });

  it('title, units line, a year in the title row and a lone county name stay notes', () => {
    const s = read('昔阳县,,,,', '统计年度：2026,,,,', '单位：人,,,,万元', HEADER, '皋落镇,102,22630,214,208');
    expect(s.findings.filter((f) => f.severity !== 'note')).toEqual([]);
    expect(withCode(s.findings, 'data/skipped-preamble')).toHaveLength(3);
    expect(s).toMatchObject({ read: 1, rejected: 0 });
  });

  it('a data row between the two rows of a two-row header is an error, and the header is still found', () => {
    const two = loadTestScheme(
      TEST_SCHEME_YAML.replace('label: 出生男婴', 'label: 出生人数/男').replace(
        'label: 出生女婴',
        'label: 出生人数/女',
      ),
    );
    const s = readSheet(
      two,
      't.csv',
      utf8(['乡镇,总人口,出生人数,', '乐平镇,62140,330,298', ',,男,女', '皋落镇,22630,113,101'].join('\n')),
    );
    expect(s.headerLine).toBe(3);
    expect(s.fields).toEqual(['population', 'boys', 'girls']);
    expect(problems(s)).toEqual([at('data/row-in-header', 'error', 2)]);
    expect(s.rows.map((r) => r.name)).toEqual(['皋落镇']);
    expect(s).toMatchObject({ read: 2, rejected: 1 });
  });
});

describe('the header again inside the data', () => {
  it('a repeated header is a warning; the rows below it are read', () => {
    const ds = dataset(HEADER, '乐平镇,101,62140,628,612', HEADER, '皋落镇,102,22630,214,208');
    expect(problems(ds)).toEqual([at('data/repeated-header', 'warning', 3)]);
    expect(ds.units.filter((u) => u.level === 0).map((u) => u.name)).toEqual(['乐平镇', '皋落镇']);
    expect(ds.files[0]).toMatchObject({ read: 3, used: 2, rejected: 1 });
  });

  it('a two-row header repeated is one warning for both lines', () => {
    const two = loadTestScheme(
      TEST_SCHEME_YAML.replace('label: 出生男婴', 'label: 出生人数/男').replace(
        'label: 出生女婴',
        'label: 出生人数/女',
      ),
    );
    const head = ['乡镇,总人口,出生人数,', ',,男,女'];
    const s = readSheet(
      two,
      't.csv',
      utf8([...head, '乐平镇,62140,330,298', ...head, '皋落镇,22630,113,101'].join('\n')),
    );
    expect(problems(s)).toEqual([at('data/repeated-header', 'warning', 4)]);
    expect(s.rows.map((r) => r.name)).toEqual(['乐平镇', '皋落镇']);
    expect(s).toMatchObject({ read: 4, rejected: 2 });
  });

  it('a second header with other columns: the rows below are read with it', () => {
    const ds = dataset(HEADER, '乐平镇,101,62140,628,612', '乡镇,出生人数,总人口,政策内出生数', '皋落镇,214,22630,208');
    const gaoluo = ds.units.find((u) => u.name === '皋落镇')!;
    expect(Object.fromEntries([...gaoluo.values].map(([k, v]) => [k, String(v)]))).toEqual({
      births: '214',
      population: '22630',
      births_in_policy: '208',
    });
    expect(withCode(ds.findings, 'data/repeated-header')[0]!.message.en).toBe(
      'a second header (the first is at line 1) with other columns: the rows below it are read with this one',
    );
    expect(balanced(ds)).toBe(true);
  });

  it('a county table pasted under the townships: one error, its rows counted as not used', () => {
    const ds = dataset(HEADER, '乐平镇,101,62140,628,612', '县,群众满意率,有办公场地', '昔阳县,88.6%,是');
    expect(problems(ds)).toEqual([at('data/second-table', 'error', 3)]);
    expect(withCode(ds.findings, 'data/second-table')[0]!.message.en).toBe(
      'a header of another table (县) inside the data: the 1 row below it is not used; put that table in a file or sheet of its own',
    );
    expect(ds.files[0]).toMatchObject({ read: 3, used: 1, rejected: 2 });
  });
});

describe('text lines below the table', () => {
  it('a sign-off with values is an error; sign-offs with names only are notes', () => {
    const s = read(
      HEADER,
      '乐平镇,101,62140,628,612',
      '审核人：李四,1,2',
      '单位负责人：王五,,统计负责人：李四,填表人：张三',
    );
    expect(problems(s)).toEqual([at('data/text-with-values', 'error', 3)]);
    expect(withCode(s.findings, 'data/not-a-row').map((f) => f.line)).toEqual([4]);
    expect(s).toMatchObject({ read: 3, rejected: 2 });
  });
  it('a sentence with values beside it is the same error, not a unit named by the sentence', () => {
    const s = read(HEADER, '乐平镇,101,62140,628,612', '数据来源：县统计局,,100,10,9');
    expect(problems(s)).toEqual([at('data/text-with-values', 'error', 3)]);
    expect(s.rows.map((r) => r.name)).toEqual(['乐平镇']);
  });
});

describe('total-looking names', () => {
  const towns = ['乐平镇,101,100,10,9', '皋落镇,102,200,20,18'];
  const kinds = (ds: Dataset) => ds.units.filter((u) => u.level === 0).map((u) => u.name);

  it('全县 equal to the sums is the total, in the middle of the file too', () => {
    const ds = dataset(HEADER, ...towns, '全县,,300,30,27', '填表人：张三');
    expect(kinds(ds)).toEqual(['乐平镇', '皋落镇']);
    expect(withCode(ds.findings, 'data/total-ok')).toHaveLength(1);
    expect(problems(ds)).toEqual([]);
  });

  it('全县 as the last row is the total even when it is not the sum (the mismatch is said)', () => {
    const ds = dataset(HEADER, ...towns, '全县,,301,30,27');
    expect(kinds(ds)).toEqual(['乐平镇', '皋落镇']);
    expect(problems(ds)).toEqual([at('data/total-mismatch', 'warning', 4, 3)]);
  });

  it('总计镇 in the middle, not the sum, is a township with a warning', () => {
    const ds = dataset(HEADER, towns[0]!, '总计镇,103,50,5,5', towns[1]!);
    expect(kinds(ds)).toEqual(['乐平镇', '总计镇', '皋落镇']);
    expect(problems(ds)).toEqual([at('data/total-name-unit', 'warning', 3)]);
    expect(withCode(ds.findings, 'data/total-name-unit')[0]!.message.zh).toBe(
      '“总计镇”看似合计行，但其数值不是其他各行之和（总人口 为 50，其他各行之和为 300）：按乡镇读取',
    );
  });

  it('in a file of several months, 全县 is compared with the townships of its own month', () => {
    const s = read(
      `期间,${HEADER}`,
      '2026-08,乐平镇,101,100,10,9',
      '2026-08,全县,,100,10,9',
      '2026-09,乐平镇,101,110,11,10',
      '2026-09,全县,,110,11,10',
    );
    expect(s.rows.map((r) => `${r.period} ${r.name} ${r.kind}`)).toEqual([
      '2026-08 乐平镇 unit',
      '2026-08 全县 total',
      '2026-09 乐平镇 unit',
      '2026-09 全县 total',
    ]);
    expect(problems(s)).toEqual([]);
  });

  it('a township read so still gets its blank-cell warning', () => {
    const ds = dataset(HEADER, towns[0]!, '全镇,103,,5,5', towns[1]!);
    expect(problems(ds)).toEqual([at('data/total-name-unit', 'warning', 3), at('data/blank', 'warning', 3, 3)]);
  });

  it('合计 and 小计 are totals wherever they stand (no township has such a name)', () => {
    const ds = dataset(HEADER, towns[0]!, '小计,,100,10,9', towns[1]!, '合计,,300,30,27');
    expect(kinds(ds)).toEqual(['乐平镇', '皋落镇']);
    expect(withCode(ds.findings, 'data/total-name-unit')).toEqual([]);
  });

  it('a 合计 value of a field that cannot be summed is a warning (shown without --verbose), not silently ignored', () => {
    const rate = loadTestScheme(
      TEST_SCHEME_YAML.replace(
        '  - id: satisfaction\n',
        '  - id: contraception\n    label: 避孕率\n    type: percent\n  - id: satisfaction\n',
      ),
    );
    const ds = readDataset(rate, [
      {
        name: 't.csv',
        bytes: utf8(
          [
            '乡镇,总人口,出生人数,政策内出生数,避孕率',
            '乐平镇,100,10,9,85%',
            '皋落镇,200,20,18,90%',
            '合计,300,30,27,88.3%',
          ].join('\n'),
        ),
      },
    ]);
    const notes = withCode(ds.findings, 'data/total-not-summed');
    expect(notes.map(where)).toEqual([at('data/total-not-summed', 'warning', 4, 5)]);
    expect(notes[0]!.message.en).toBe(
      'total row "合计": 避孕率 cannot be added up over the 乡镇 rows, so it is neither checked nor used (only the 乡镇 rows\' own values are)',
    );
    expect(withCode(ds.findings, 'data/total-ok')).toHaveLength(1);
  });
});

describe('merged workbook cells over data rows', () => {
  /** A township sheet: header on row 1, 乐平镇 / 皋落镇 / 东冶头镇 on rows 2–4, with `merge` applied. */
  async function sheet(
    merge: (ws: ExcelJS.Worksheet) => void,
    header = ['县', '乡镇', '区划代码', '总人口', '出生人数', '政策内出生数'],
  ) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('乡镇');
    ws.addRow(header);
    ws.addRow(['昔阳县', '乐平镇', '101', 62140, 628, 612]);
    ws.addRow(['昔阳县', '皋落镇', '102', 22630, 214, 208]);
    ws.addRow(['昔阳县', '东冶头镇', '103', 21360, 207, 189]);
    merge(ws);
    const x = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 't.xlsx');
    const file: InputFile = {
      name: 't.xlsx',
      bytes: new Uint8Array(),
      workbook: { rows: x.rows, findings: x.findings },
    };
    return readDataset(scheme, [file]);
  }
  const value = (ds: Dataset, name: string, id: string) =>
    ds.units
      .find((u) => u.name === name)
      ?.values.get(id)
      ?.toString();

  it('出生人数 merged over two townships: an error at the range, no township gets the value', async () => {
    const ds = await sheet((ws) => ws.mergeCells('E2:E3'));
    const errors = withCode(ds.findings, 'data/merged-cells');
    expect(errors.map(where)).toEqual([
      { severity: 'error', code: 'data/merged-cells', file: 't.xlsx', line: 2, col: 5 },
    ]);
    expect(errors[0]!.message.en).toBe(
      'cells E2:E3 (出生人数) are merged over 2 rows: one value cannot stand for several cells, so none of them is used; unmerge the cells and fill in each one',
    );
    expect(value(ds, '乐平镇', 'births')).toBeUndefined();
    expect(value(ds, '皋落镇', 'births')).toBeUndefined();
    expect(say(ds.units.find((u) => u.name === '皋落镇')!.invalid.get('births')!, 'en')).toBe(errors[0]!.message.en);
    expect(value(ds, '东冶头镇', 'births')).toBe('207');
    expect(value(ds, '皋落镇', 'population')).toBe('22630');
    expect(ds.files[0]).toMatchObject({ read: 3, used: 3, rejected: 0 });
  });

  it('a unit name merged down: the error, and the covered row is not used (it has no name of its own)', async () => {
    const ds = await sheet((ws) => ws.mergeCells('B2:B3'));
    expect(problems(ds).map((f) => [f.code, f.line, f.col])).toEqual([['data/merged-cells', 2, 2]]);
    expect(withCode(ds.findings, 'data/merged-cells')[0]!.message.en).toMatch(
      /; the rows below line 2 have no name of their own and are not used$/,
    );
    expect(ds.files[0]).toMatchObject({ read: 3, used: 2, rejected: 1 });
    expect(ds.units.filter((u) => u.level === 0).map((u) => u.name)).toEqual(['乐平镇', '东冶头镇']);
    expect(balanced(ds)).toBe(true);
  });

  it('a row not used because its name is merged down stops the 合计 comparison, as other rows not used do', async () => {
    const ds = await sheet((ws) => {
      ws.addRow(['昔阳县', '合计', '', 106130, 1049, 1009]);
      ws.mergeCells('B2:B3');
    });
    // 皋落镇 (line 3) is not used, so the 合计 row cannot add up: not compared, and not "the sum is used".
    expect(withCode(ds.findings, 'data/total-mismatch')).toEqual([]);
    expect(problems(ds).map((f) => [f.code, f.line, f.col])).toEqual([
      ['data/merged-cells', 2, 2],
      ['data/total-unchecked', 5, 1],
    ]);
    expect(withCode(ds.findings, 'data/total-unchecked')[0]!.message.en).toBe(
      'total row "合计" is not compared with the rows above: 1 row was not used (see the errors)',
    );
    // The row itself is said at its line (a note, with --verbose).
    expect(withCode(ds.findings, 'data/merged-name-row').map((d) => [d.severity, d.line, d.col, d.message.en])).toEqual(
      [['note', 3, 2, 'not used: its name is a copy of the merged cell B2:B3 (line 2), not a name of its own']],
    );
    expect(ds.files[0]).toMatchObject({ read: 4, used: 3, rejected: 1 });
    expect(balanced(ds)).toBe(true);
  });

  it('values merged across two field columns of one row are an error too', async () => {
    const ds = await sheet((ws) => ws.mergeCells('E3:F3'));
    expect(problems(ds).map((f) => [f.code, f.line, f.col])).toEqual([['data/merged-cells', 3, 5]]);
    expect(withCode(ds.findings, 'data/merged-cells')[0]!.message.en).toContain('merged across 2 columns of one row');
    expect(value(ds, '皋落镇', 'births_in_policy')).toBeUndefined();
  });

  it('the county merged down its townships and group headers are fine', async () => {
    const ds = await sheet((ws) => ws.mergeCells('A2:A4'));
    expect(problems(ds)).toEqual([]);
    expect(ds.units.filter((u) => u.level === 0).map((u) => u.parent)).toEqual(['昔阳县', '昔阳县', '昔阳县']);
  });

  it('a title merged across the table above the header stays a note', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('乡镇');
    ws.addRow(['2026年昔阳县人口计生统计表']);
    ws.mergeCells('A1:E1');
    ws.addRow(['乡镇', '区划代码', '总人口', '出生人数', '政策内出生数']);
    ws.addRow(['乐平镇', '101', 62140, 628, 612]);
    const x = await readXlsx(new Uint8Array(await wb.xlsx.writeBuffer()), 't.xlsx');
    const s = sheetFromRows(scheme, 't.xlsx', x.rows, 'xlsx');
    expect(s.findings.filter((f) => f.severity !== 'note')).toEqual([]);
    expect(s.rows.map((r) => r.name)).toEqual(['乐平镇']);
  });
});
