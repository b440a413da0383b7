/** Reader cases that once went wrong, each with the behaviour it must keep. */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data/dataset';
import { readSheet } from '../../src/data/sheet';
import { detectDelimiter, readRows } from '../../src/data/table';
import { loadTestScheme, utf8, withCode } from './helpers';

const scheme = loadTestScheme();

describe('reader regressions', () => {
  it('a tab-separated file with thousands separators is split on tabs', () => {
    expect(detectDelimiter('a\tb\tc\n县\t2,848,600\t1,061,400\n')).toBe('\t');
    expect(detectDelimiter('乡镇,总人口\n乐平镇,"62,140"\n')).toBe(',');
    expect(readRows('a\tb\n县\t"2,848,600"\n', 'f.tsv').rows[1]!.cells).toEqual(['县', '2,848,600']);
  });

  it('全县合计, 县合计 and 小计 rows are totals, not townships', () => {
    for (const total of ['全县合计', '县合计', '全县总计', '小计', '合计：']) {
      const s = readSheet(
        scheme,
        't.csv',
        utf8(`乡镇,出生人数,政策内出生数,总人口\n乐平镇,10,9,100\n皋落镇,20,18,200\n${total},30,27,300\n`),
      );
      expect(s.rows.map((r) => r.kind)).toEqual(['unit', 'unit', 'total']);
    }
  });

  it('a sign-off line spread over the value columns is a skipped note, not a township', () => {
    const s = readSheet(
      scheme,
      't.csv',
      utf8('乡镇,出生人数,政策内出生数,总人口\n乐平镇,10,9,100\n单位负责人：王五,,统计负责人：李四,填表人：张三\n'),
    );
    expect(s.rows.map((r) => r.name)).toEqual(['乐平镇']);
    expect(withCode(s.findings, 'data/not-a-row')).toMatchObject([{ severity: 'note', line: 3 }]);
    expect(withCode(s.findings, 'data/bad-value')).toEqual([]);
    expect(s.read).toBe(2);
    expect(s.rejected).toBe(1);
  });

  it('bounds of a percent field are reported as percentages', () => {
    const s = readSheet(scheme, 'c.csv', utf8('县,群众满意率,有办公场地\n昔阳县,101%,是\n'));
    expect(withCode(s.findings, 'data/bad-value')[0]!.message.en).toBe(
      '群众满意率: 101% is above the highest valid value 100%',
    );
  });

  it('three levels: districts of the same name in two cities stay apart, each with its own streets', () => {
    const three = loadTestScheme(`
id: three
title: T
version: 1
total: 10
pass: 6
units:
  - { id: township, title: 街道, name: [乡镇] }
  - { id: county, title: 县区, name: [县] }
  - { id: city, title: 市, name: [市] }
fields:
  - { id: births, label: 出生人数, type: count }
  - { id: births_in_policy, label: 政策内出生数, type: count }
  - { id: population, label: 总人口, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: rate, title: 率, points: 10, formula: births_in_policy / births, target: ">= 95%", rule: { type: all } }
`);
    const ds = readDataset(three, [
      {
        name: 't.csv',
        bytes: utf8(
          '市,县,乡镇,出生人数,政策内出生数,总人口\n南京市,鼓楼区,甲街道,10,9,100\n徐州市,鼓楼区,乙街道,20,18,200\n',
        ),
      },
    ]);
    const districts = ds.units.filter((u) => u.level === 1);
    expect(districts).toHaveLength(2);
    expect(new Set(districts.map((d) => d.key)).size).toBe(2);
    const streets = ds.units.filter((u) => u.level === 0);
    expect(streets.map((s) => districts.findIndex((d) => d.key === s.parent))).toEqual([0, 1]);
  });
});

describe('two-level headers', () => {
  const two = loadTestScheme(`
id: two
title: T
version: 1
total: 10
pass: 6
units:
  - { id: township, title: 乡镇, name: [乡镇] }
fields:
  - { id: births, label: 出生人数/合计, aliases: [出生人数] , type: count }
  - { id: boys, label: 出生人数/男, type: count }
  - { id: girls, label: 出生人数/女, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: ratio, title: 性别比, points: 10, formula: boys / girls * 100, target: "<= 107", rule: { type: all } }
`);
  it('a group header over sub-headers reads as combined names (CSV: the group followed by blanks)', () => {
    const s = readSheet(two, 't.csv', utf8('表 1 出生情况\n乡镇,出生人数,,\n,合计,男,女\n乐平镇,628,330,298\n'));
    expect(s.fields).toEqual(['births', 'boys', 'girls']);
    expect(s.headerLine).toBe(3);
    expect(s.rows.map((r) => r.name)).toEqual(['乐平镇']);
    expect(withCode(s.findings, 'data/two-level-header')).toMatchObject([{ severity: 'note', line: 2 }]);
    expect(withCode(s.findings, 'data/skipped-preamble')).toMatchObject([{ line: 1 }]);
    expect(s.read).toBe(1);
  });
  it('merged group cells (the group name repeated, as a workbook reader fills them) read the same', () => {
    const s = readSheet(two, 't.csv', utf8('乡镇,出生人数,出生人数,出生人数\n乡镇,合计,男,女\n乐平镇,628,330,298\n'));
    expect(s.fields).toEqual(['births', 'boys', 'girls']);
  });
  it('a single header row stays a single row', () => {
    const s = readSheet(two, 't.csv', utf8('乡镇,出生人数,出生人数/男,出生人数/女\n乐平镇,628,330,298\n'));
    expect(s.fields).toEqual(['births', 'boys', 'girls']);
    expect(s.headerLine).toBe(1);
    expect(s.rows).toHaveLength(1);
  });
});

describe('rows the analyst must hear about', () => {
  it('a township with a blank cell gets a warning at that cell; a short row says so', () => {
    const s = readSheet(scheme, 't.csv', utf8('乡镇,出生人数,政策内出生数,总人口\n乐平镇,,9,100\n皋落镇,20\n'));
    expect(withCode(s.findings, 'data/blank').map((f) => [f.line, f.col, f.severity])).toEqual([
      [2, 2, 'warning'],
      [3, 3, 'warning'],
    ]);
    expect(withCode(s.findings, 'data/blank')[1]!.message.en).toBe(
      '皋落镇: no value for 政策内出生数, 总人口 (the row ends after 2 of 4 cells); items using them score 0 as missing data',
    );
  });
  it('a named row with no values is a township with blanks, not a skipped line', () => {
    const s = readSheet(scheme, 't.csv', utf8('乡镇,出生人数,政策内出生数,总人口\n乐平镇,10,9,100\n皋落镇,,,\n'));
    expect(s.rows.map((r) => r.name)).toEqual(['乐平镇', '皋落镇']);
    expect(withCode(s.findings, 'data/blank')).toHaveLength(1);
  });
  it('values beyond the last header column (22,630 without quotes) reject the row with an error', () => {
    const s = readSheet(scheme, 't.csv', utf8('乡镇,出生人数,政策内出生数,总人口\n乐平镇,10,9,22,630\n'));
    expect(s.rows).toEqual([]);
    expect(withCode(s.findings, 'data/extra-cells')).toMatchObject([{ severity: 'error', line: 2, col: 5 }]);
    expect(s.read).toBe(1);
    expect(s.rejected).toBe(1);
  });
});

describe('dataset: what the newcomer and the reviewer caught', () => {
  const towns = (...rows: string[]) => ({
    name: 't.csv',
    bytes: utf8(['乡镇,区划代码,出生人数,政策内出生数,总人口', ...rows].join('\n')),
  });
  const county = (row = '昔阳县,88.6%,是') => ({ name: 'c.csv', bytes: utf8(`县,群众满意率,有办公场地\n${row}\n`) });

  it('a row named after the county is its total row, not another township', () => {
    const ds = readDataset(scheme, [towns('乐平镇,1,10,9,100', '皋落镇,2,20,18,200', '昔阳县,,30,27,300'), county()]);
    expect(ds.units.filter((u) => u.level === 0).map((u) => u.name)).toEqual(['乐平镇', '皋落镇']);
    expect(withCode(ds.findings, 'data/total-by-name')).toMatchObject([{ severity: 'note', line: 4 }]);
    expect(withCode(ds.findings, 'data/total-ok')).toHaveLength(1);
  });
  it('one name with two codes is a warning', () => {
    const ds = readDataset(scheme, [towns('皋落镇,101,10,9,100', '皋落镇,199,20,18,200'), county()]);
    expect(withCode(ds.findings, 'data/same-name')[0]!.message.en).toBe(
      '"皋落镇" appears with two codes, 101 and 199; they are read as two units — is one code mistyped?',
    );
  });
  it("a county row giving a township field that differs from the townships' sum is a warning", () => {
    const ds = readDataset(scheme, [
      towns('乐平镇,1,10,9,100'),
      { name: 'c.csv', bytes: utf8('县,群众满意率,有办公场地,出生人数\n昔阳县,88.6%,是,12\n') },
    ]);
    expect(withCode(ds.findings, 'data/total-mismatch')[0]!.message.en).toBe(
      '昔阳县: 出生人数 is 12 on its own row but its 1 units add up to 10 (difference 2); the sum is used',
    );
  });
  it('a township in one topic file and missing from another is named', () => {
    const a = { name: 'a.csv', bytes: utf8('乡镇,出生人数,政策内出生数\n乐平镇,10,9\n皋落镇,20,18\n') };
    const b = { name: 'b.csv', bytes: utf8('乡镇,总人口\n乐平镇,100\n') };
    const ds = readDataset(scheme, [a, b, county()]);
    expect(withCode(ds.findings, 'data/missing-unit').map((f) => [f.file, f.message.en])).toEqual([
      ['b.csv', '"皋落镇" is in a.csv:3 but not in this file; its fields from here are missing'],
    ]);
    // Files of different counties hold different townships: no such finding.
    const other = { name: 'o.csv', bytes: utf8('乡镇,总人口\n东镇,100\n') };
    expect(withCode(readDataset(scheme, [a, other, county()]).findings, 'data/missing-unit')).toEqual([]);
  });
  it('a bad county value in a total row makes the county field invalid, not missing', () => {
    const ds = readDataset(scheme, [
      {
        name: 't.csv',
        bytes: utf8(
          '乡镇,出生人数,政策内出生数,总人口,群众满意率,有办公场地\n乐平镇,10,9,100,,\n合计,10,9,100,abc,是\n',
        ),
      },
    ]);
    const c = ds.units.find((u) => u.level === 1)!;
    expect(c.invalid.has('satisfaction')).toBe(true);
    expect(withCode(ds.findings, 'data/total-ok')).toEqual([]);
  });
});

describe('percent columns', () => {
  it('a bare fraction such as 0.925 gets a warning that it reads as 0.925%', () => {
    const s = readSheet(scheme, 'c.csv', utf8('县,群众满意率,有办公场地\n昔阳县,0.925,是\n'));
    expect(withCode(s.findings, 'data/percent-fraction').map((f) => [f.line, f.col, f.message.en])).toEqual([
      [2, 2, '群众满意率: "0.925" is read as 0.925%; if it means 92.5%, write that (with or without %)'],
    ]);
    const fine = readSheet(scheme, 'c.csv', utf8('县,群众满意率,有办公场地\n昔阳县,92.5,是\n'));
    expect(withCode(fine.findings, 'data/percent-fraction')).toEqual([]);
  });
});

describe('a file that matches no field', () => {
  it('is a warning at its header', () => {
    const s = readSheet(scheme, 'x.csv', utf8('乡镇,备注\n乐平镇,无\n'));
    expect(withCode(s.findings, 'data/no-fields')).toMatchObject([{ severity: 'warning', line: 1, col: 1 }]);
  });
});

describe('a total row after a dropped row', () => {
  it('is not compared field by field (one warning instead of a mismatch per column)', () => {
    const ds = readDataset(scheme, [
      {
        name: 't.csv',
        bytes: utf8('乡镇,出生人数,政策内出生数,总人口\n乐平镇,10,9,100\n皋落镇,20,18,22,630\n合计,30,27,22730\n'),
      },
      { name: 'c.csv', bytes: utf8('县,群众满意率,有办公场地\n昔阳县,90%,是\n') },
    ]);
    expect(withCode(ds.findings, 'data/total-mismatch')).toEqual([]);
    expect(withCode(ds.findings, 'data/total-unchecked').map((f) => f.message.en)).toEqual([
      'total row "合计" is not compared with the rows above: 1 row was not used (see the errors)',
    ]);
  });
});

describe('control characters in names', () => {
  it('an escape sequence in a township name is shown as �, never passed to a terminal', () => {
    const s = readSheet(
      scheme,
      't.csv',
      utf8('乡镇,出生人数,政策内出生数,总人口\n"\u001b[2J\u001b]0;pwn\u0007x",10,9,100\n'),
    );
    expect(s.rows[0]!.name).toBe('\ufffd[2J\ufffd]0;pwn\ufffdx');
  });
});
