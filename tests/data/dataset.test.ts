import { describe, expect, it } from 'vitest';
import { say } from '../../src/messages/catalog';
import { findingText, worded } from '../../src/diagnostics';
import { readDataset, type InputFile } from '../../src/data/dataset';
import type { DataUnit, Dataset } from '../../src/data/model';
import { loadTestScheme, utf8, where, withCode } from './helpers';

const scheme = loadTestScheme();
const file = (name: string, lines: string[]): InputFile => ({ name, bytes: utf8(`${lines.join('\n')}\n`) });
const read = (...files: InputFile[]): Dataset => readDataset(scheme, files);

/** A county file giving the county-scope fields, so township tests have no missing columns. */
const COUNTY = file('county.csv', ['县,群众满意率,有办公场地', '昔阳县,88.6%,是']);

const unit = (ds: Dataset, level: number, name: string): DataUnit => {
  const found = ds.units.filter((u) => u.level === level && u.name === name);
  if (found.length !== 1) throw new Error(`expected one unit ${level}:${name}, found ${found.length}`);
  return found[0]!;
};
/** A unit's values as plain strings (rationals as n/d, booleans as true/false). */
const values = (u: DataUnit): Record<string, string> =>
  Object.fromEntries([...u.values].map(([k, v]) => [k, String(v)]));
const invalid = (u: DataUnit): Record<string, string> =>
  Object.fromEntries([...u.invalid].map(([k, m]) => [k, say(m, 'en')]));
const problems = (ds: Dataset) => ds.findings.filter((d) => d.severity !== 'note');

describe('readDataset: every row accounted for', () => {
  const towns = file('towns.csv', [
    '乡镇人口统计表,,,,', // 1 title
    '乡镇,区划代码,总人口,出生人数,政策内出生数', // 2 header
    '乐平镇,101,"62,140",628,612', // 3
    '皋落镇,102,"22,630",214,208', // 4
    '乐平镇,101,"62,140",628,612', // 5 duplicate
    '合计,,"84,770",842,820', // 6 total
    '填报人：张三,,,,', // 7 footer
  ]);
  const ds = read(towns, COUNTY);

  it('counts read = used + rejected per file', () => {
    expect(ds.files).toEqual([
      { file: 'towns.csv', encoding: 'utf-8', read: 5, used: 3, rejected: 2 },
      { file: 'county.csv', encoding: 'utf-8', read: 1, used: 1, rejected: 0 },
    ]);
    for (const f of ds.files) expect(f.used + f.rejected).toBe(f.read);
  });

  it('reports a repeated township in one file as an error and does not use the row', () => {
    const dup = withCode(ds.findings, 'data/duplicate-unit');
    expect(dup.map(where)).toEqual([
      { severity: 'error', code: 'data/duplicate-unit', file: 'towns.csv', line: 5, col: 1 },
    ]);
    expect(dup[0]!.message).toEqual({
      en: '"乐平镇" appears again (first at line 3); this row is not used',
      zh: '“乐平镇”重复出现（首次在第 3 行）；该行未使用',
    });
    expect(unit(ds, 0, '乐平镇').sources).toEqual([{ file: 'towns.csv', line: 3 }]);
  });

  it('has exactly the expected findings, sorted by file and line', () => {
    // county.csv sorts before towns.csv but has no findings.
    expect(ds.findings.map(where)).toEqual([
      { severity: 'note', code: 'data/skipped-preamble', file: 'towns.csv', line: 1, col: 1 },
      { severity: 'error', code: 'data/duplicate-unit', file: 'towns.csv', line: 5, col: 1 },
      { severity: 'note', code: 'data/total-ok', file: 'towns.csv', line: 6, col: 1 },
      { severity: 'note', code: 'data/not-a-row', file: 'towns.csv', line: 7, col: 1 },
    ]);
  });

  it('builds the townships and the county from the two files', () => {
    expect(ds.units.map((u) => [u.level, u.name, u.key, u.parent])).toEqual([
      [0, '乐平镇', '101', '昔阳县'],
      [0, '皋落镇', '102', '昔阳县'],
      [1, '昔阳县', '昔阳县', undefined],
    ]);
    expect(values(unit(ds, 0, '皋落镇'))).toEqual({ population: '22630', births: '214', births_in_policy: '208' });
  });

  it('takes county-scope values from the county file', () => {
    const county = unit(ds, 1, '昔阳县');
    expect(values(county)).toEqual({ satisfaction: '443/500', has_office: 'true' });
    expect(county.sources).toEqual([
      { file: 'county.csv', line: 2 },
      { file: 'towns.csv', line: 6 },
    ]);
  });
});

describe('readDataset: total rows', () => {
  const header = '乡镇,出生人数,政策内出生数,总人口';

  it('accepts a total row equal to the township sums, saying so in a note', () => {
    const ds = read(
      file('towns.csv', [header, '乐平镇,628,612,"62,140"', '皋落镇,214,208,"22,630"', '合计,842,820,"84,770"']),
      COUNTY,
    );
    expect(ds.findings.map(where)).toEqual([
      { severity: 'note', code: 'data/total-ok', file: 'towns.csv', line: 4, col: 1 },
    ]);
    expect(findingText(ds.findings[0]!, 'en')).toBe(
      'total row "合计" agrees with the sum of the 2 rows above on all 3 fields',
    );
    expect(ds.files[0]).toEqual({ file: 'towns.csv', encoding: 'utf-8', read: 3, used: 3, rejected: 0 });
  });

  it('warns when the total row differs from the township sums, naming the difference', () => {
    const ds = read(
      file('towns.csv', [header, '乐平镇,628,612,"62,140"', '皋落镇,214,208,"22,630"', '合计,850,820,"84,760"']),
      COUNTY,
    );
    const mismatch = withCode(ds.findings, 'data/total-mismatch');
    expect(mismatch.map(where)).toEqual([
      { severity: 'warning', code: 'data/total-mismatch', file: 'towns.csv', line: 4, col: 2 },
      { severity: 'warning', code: 'data/total-mismatch', file: 'towns.csv', line: 4, col: 4 },
    ]);
    expect(mismatch[0]!.message).toEqual({
      en: 'total row "合计": 出生人数 is 850 but the 2 rows above add up to 842 (difference 8); the sum is used',
      zh: '合计行“合计”：出生人数 为 850，但上方 2 行合计为 842（相差 8）；采用各行之和',
    });
    expect(mismatch[1]!.message.en).toBe(
      'total row "合计": 总人口 is 84760 but the 2 rows above add up to 84770 (difference -10); the sum is used',
    );
    expect(problems(ds).map(worded)).toEqual(mismatch);
    // The townships keep their own values; the county gets no township-scope values from the total.
    expect(values(unit(ds, 0, '乐平镇')).births).toBe('628');
    expect(values(unit(ds, 1, '昔阳县'))).toEqual({ satisfaction: '443/500', has_office: 'true' });
  });

  it('takes county-scope values from the total row of a township file', () => {
    const ds = read(
      file('towns.csv', [
        '乡镇,出生人数,政策内出生数,总人口,群众满意率,有办公场地',
        '乐平镇,628,612,"62,140",,',
        '皋落镇,214,208,"22,630",,',
        '合计,842,820,"84,770",88.6,有',
      ]),
    );
    expect(ds.findings.map((f) => f.code)).toEqual(['data/total-ok']);
    expect(ds.units.map((u) => [u.level, u.name, u.parent])).toEqual([
      [0, '乐平镇', '县'],
      [0, '皋落镇', '县'],
      [1, '县', undefined],
    ]);
    const county = unit(ds, 1, '县');
    expect(values(county)).toEqual({ satisfaction: '443/500', has_office: 'true' });
    expect(county.sources).toEqual([{ file: 'towns.csv', line: 4 }]);
  });

  it('checks each county total against its own townships', () => {
    const ds = read(
      file('towns.csv', [
        '县,乡镇,出生人数,政策内出生数,总人口',
        '甲县,东镇,10,9,1000',
        '甲县,西镇,20,18,2000',
        '甲县,合计,30,27,3000',
        '乙县,南镇,30,27,3000',
        '乙县,合计,31,27,3000',
      ]),
      file('county.csv', ['县,群众满意率,有办公场地', '甲县,90%,是', '乙县,80%,否']),
    );
    const mismatch = withCode(ds.findings, 'data/total-mismatch');
    expect(mismatch.map(where)).toEqual([
      { severity: 'warning', code: 'data/total-mismatch', file: 'towns.csv', line: 6, col: 3 },
    ]);
    expect(mismatch[0]!.message.en).toBe(
      'total row "合计": 出生人数 is 31 but the 1 rows above add up to 30 (difference 1); the sum is used',
    );
    expect(problems(ds).map(worded)).toEqual(mismatch);
    expect(ds.files[0]).toMatchObject({ read: 5, used: 5, rejected: 0 });
  });

  it('does not use a total row in a file of the top level', () => {
    const ds = read(file('county.csv', ['县,群众满意率,有办公场地', '昔阳县,88.6%,是', '合计,88.6%,是']));
    const total = withCode(ds.findings, 'data/total-row');
    expect(total.map(where)).toEqual([
      { severity: 'warning', code: 'data/total-row', file: 'county.csv', line: 3, col: 1 },
    ]);
    expect(total[0]!.message.en).toBe('total row "合计" has no level above it to describe; not used');
    expect(ds.files[0]).toMatchObject({ read: 2, used: 1, rejected: 1 });
  });

  it('does not use a total row that cannot be matched to one county', () => {
    const ds = read(
      file('towns.csv', ['县,乡镇,出生人数,政策内出生数,总人口', '甲县,东镇,10,9,1000', '乙县,南镇,30,27,3000']),
      file('totals.csv', ['乡镇,出生人数', '合计,40']),
      file('county.csv', ['县,群众满意率,有办公场地', '甲县,90%,是', '乙县,80%,否']),
    );
    expect(problems(ds).map(where)).toEqual([
      { severity: 'warning', code: 'data/total-row', file: 'totals.csv', line: 2, col: 1 },
    ]);
    expect(findingText(problems(ds)[0]!, 'en')).toBe('total row "合计" cannot be matched to one 县; not used');
    expect(ds.files.find((f) => f.file === 'totals.csv')).toMatchObject({ read: 1, used: 0, rejected: 1 });
  });
});

describe('readDataset: hierarchy', () => {
  it('places townships under two counties named in a parent column', () => {
    const ds = read(
      file('towns.csv', [
        '县,乡镇,出生人数,政策内出生数,总人口',
        '甲县,东镇,10,9,1000',
        '甲县,西镇,20,18,2000',
        '乙县,南镇,30,27,3000',
      ]),
      file('county.csv', ['县,群众满意率,有办公场地', '甲县,90%,是', '乙县,80%,否']),
    );
    expect(ds.findings).toEqual([]);
    expect(ds.units.map((u) => [u.level, u.name, u.parent])).toEqual([
      [1, '甲县', undefined],
      [0, '东镇', '甲县'],
      [0, '西镇', '甲县'],
      [1, '乙县', undefined],
      [0, '南镇', '乙县'],
    ]);
    expect(values(unit(ds, 1, '乙县'))).toEqual({ satisfaction: '4/5', has_office: 'false' });
    expect(unit(ds, 1, '甲县').sources).toEqual([{ file: 'county.csv', line: 2 }]);
  });

  it('links parents by county code', () => {
    const ds = read(
      file('towns.csv', ['县代码,乡镇,出生人数,政策内出生数,总人口', '140724,东镇,10,9,1000']),
      file('county.csv', ['县,县代码,群众满意率,有办公场地', '昔阳县,140724,90%,是']),
    );
    expect(ds.findings).toEqual([]);
    expect(ds.units.map((u) => [u.level, u.code, u.key, u.parent])).toEqual([
      [1, '140724', '140724', undefined],
      // A unit without a code is keyed by its name under its parent.
      [0, undefined, '140724/东镇', '140724'],
    ]);
    expect(values(ds.units[0]!)).toEqual({ satisfaction: '9/10', has_office: 'true' });
    // First met by its code on the township rows, the county takes its name from its own row.
    expect(ds.units[0]!.name).toBe('昔阳县');
  });

  it('keeps same-named townships of different counties apart', () => {
    const ds = read(
      file('towns.csv', ['县,乡镇,出生人数,政策内出生数,总人口', '甲县,城关镇,10,9,1000', '乙县,城关镇,30,27,3000']),
      file('county.csv', ['县,群众满意率,有办公场地', '甲县,90%,是', '乙县,80%,否']),
    );
    expect(ds.findings).toEqual([]);
    const towns = ds.units.filter((u) => u.level === 0);
    expect(new Set(towns.map((u) => u.key)).size).toBe(2);
    expect(towns.map((u) => [u.name, u.parent, values(u).births])).toEqual([
      ['城关镇', '甲县', '10'],
      ['城关镇', '乙县', '30'],
    ]);
  });

  it('attaches townships without a county column to the only county', () => {
    const ds = read(file('towns.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,628,612,"62,140"']), COUNTY);
    expect(unit(ds, 0, '乐平镇').parent).toBe('昔阳县');
  });

  it('reports a township without a county when there are several counties', () => {
    const ds = read(
      file('a.csv', ['县,乡镇,出生人数,政策内出生数,总人口', '甲县,东镇,10,9,1000', '乙县,南镇,30,27,3000']),
      file('b.csv', ['乡镇,出生人数,政策内出生数,总人口', '北镇,5,5,500']),
      file('county.csv', ['县,群众满意率,有办公场地', '甲县,90%,是', '乙县,80%,否']),
    );
    expect(ds.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/no-parent', file: 'b.csv', line: 2, col: 1 },
    ]);
    expect(worded(ds.findings[0]!).message).toEqual({
      en: '"北镇" names no 县 but the data has 2; add a 县 column',
      zh: '“北镇”未注明所属县，而数据中有 2 个；请增加“县”列',
    });
    expect(unit(ds, 0, '北镇').parent).toBeUndefined();
  });
});

describe('readDataset: checks', () => {
  it('a failing error check marks its fields invalid on the unit and is an error', () => {
    const ds = read(
      file('towns.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,20,30,1000', '皋落镇,214,208,"22,630"']),
      COUNTY,
    );
    expect(ds.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/check', file: 'towns.csv', line: 2, col: 3 },
    ]);
    expect(worded(ds.findings[0]!).message).toEqual({
      en: '乐平镇: check "政策内出生数不超过出生数" fails (政策内出生数=30, 出生人数=20); items using these fields are invalid for this unit',
      zh: '乐平镇：数据检查“政策内出生数不超过出生数”未通过（政策内出生数=30, 出生人数=20）；使用这些字段的指标对该单位记为数据无效',
    });
    const leping = unit(ds, 0, '乐平镇');
    expect(invalid(leping)).toEqual({
      births_in_policy: 'check "政策内出生数不超过出生数" fails',
      births: 'check "政策内出生数不超过出生数" fails',
    });
    expect(say(leping.invalid.get('births')!, 'zh')).toBe('数据检查“政策内出生数不超过出生数”未通过');
    expect(values(leping)).toEqual({ births: '20', births_in_policy: '30', population: '1000' });
    expect(unit(ds, 0, '皋落镇').invalid.size).toBe(0);
  });

  it('a check that holds with equality passes', () => {
    const ds = read(file('towns.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,20,20,1000']), COUNTY);
    expect(ds.findings).toEqual([]);
  });

  it('a failing warning check is a warning only and invalidates nothing', () => {
    const ds = read(
      file('towns.csv', [
        '乡镇,出生人数,政策内出生数,出生男婴,出生女婴,总人口',
        '乐平镇,20,18,10,9,1000',
        '皋落镇,20,18,11,9,1000',
      ]),
      COUNTY,
    );
    expect(ds.findings.map(where)).toEqual([
      { severity: 'warning', code: 'data/check', file: 'towns.csv', line: 2, col: 4 },
    ]);
    expect(findingText(ds.findings[0]!, 'en')).toBe(
      '乐平镇: check "男婴女婴之和等于出生人数" fails (出生男婴=10, 出生女婴=9, 出生人数=20)',
    );
    expect(unit(ds, 0, '乐平镇').invalid.size).toBe(0);
  });

  it('skips a check when one of its fields has no value', () => {
    const ds = read(
      file('towns.csv', ['乡镇,出生人数,政策内出生数,出生男婴,出生女婴,总人口', '乐平镇,20,18,10,,1000']),
      COUNTY,
    );
    expect(ds.findings).toEqual([]);
  });

  it('a bad cell makes the field invalid on the unit, with the cell message', () => {
    const ds = read(file('towns.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,二十,18,1000']), COUNTY);
    expect(ds.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/bad-value', file: 'towns.csv', line: 2, col: 2 },
    ]);
    expect(invalid(unit(ds, 0, '乐平镇'))).toEqual({ births: '出生人数: "二十" is not a number' });
  });
});

describe('readDataset: required columns', () => {
  it('reports a required field with no column in any file, at the first header', () => {
    const ds = read(file('towns.csv', ['统计表', '乡镇,出生人数,政策内出生数', '乐平镇,20,18']), COUNTY);
    const missing = withCode(ds.findings, 'data/missing-column');
    expect(missing.map(where)).toEqual([
      { severity: 'error', code: 'data/missing-column', file: 'towns.csv', line: 2, col: 1 },
    ]);
    expect(missing[0]!.message).toEqual({
      en: 'no column "总人口" (also accepted: 期末总人口) in any file (field population)',
      zh: '所有文件中都没有“总人口”列（也可写作：期末总人口）（字段 population）',
    });
    expect(problems(ds).map(worded)).toEqual(missing);
  });

  it('a column in any one of the files is enough', () => {
    const ds = read(
      file('a.csv', ['乡镇,出生人数,政策内出生数', '乐平镇,20,18']),
      file('b.csv', ['乡镇,总人口', '乐平镇,1000']),
      COUNTY,
    );
    expect(ds.findings).toEqual([]);
  });

  it('does not require optional fields (boys, girls)', () => {
    const ds = read(file('towns.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,20,18,1000']), COUNTY);
    expect(withCode(ds.findings, 'data/missing-column')).toEqual([]);
  });

  it('requires county fields when there are counties but no column gives them', () => {
    const ds = read(file('towns.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,20,18,1000']));
    expect(withCode(ds.findings, 'data/missing-column').map((d) => d.message.en)).toEqual([
      'no column "群众满意率" in any file (field satisfaction)',
      'no column "有办公场地" in any file (field has_office)',
    ]);
  });

  it('with no township rows at all, says so and names the township columns', () => {
    const ds = read(file('county.csv', ['县,群众满意率', '昔阳县,88.6%']));
    expect(withCode(ds.findings, 'data/no-units')[0]!.message.en).toBe(
      'no 乡镇 rows in any file: a sheet with a "乡镇" column and one row per 乡镇 is needed',
    );
    expect(withCode(ds.findings, 'data/missing-column').map((d) => d.message.en)).toEqual([
      'no column "总人口" (also accepted: 期末总人口) in any file (field population)',
      'no column "出生人数" (also accepted: 本期出生人数, 出生数) in any file (field births)',
      'no column "政策内出生数" (also accepted: 其中：计划内) in any file (field births_in_policy)',
      'no column "有办公场地" in any file (field has_office)',
    ]);
  });
});

describe('readDataset: merging files', () => {
  it('merges rows for the same townships by code, whatever the names', () => {
    const ds = read(
      file('a.csv', ['乡镇,区划代码,出生人数,政策内出生数', '乐平镇,101,628,612', '皋落镇,102,214,208']),
      file('b.csv', ['乡镇名称,区划代码,总人口', '乐平,101,"62,140"', '皋落,102,"22,630"']),
      COUNTY,
    );
    expect(ds.findings).toEqual([]);
    const towns = ds.units.filter((u) => u.level === 0);
    expect(towns.map((u) => [u.name, u.code, u.key])).toEqual([
      ['乐平镇', '101', '101'],
      ['皋落镇', '102', '102'],
    ]);
    expect(values(towns[0]!)).toEqual({ births: '628', births_in_policy: '612', population: '62140' });
    expect(towns[1]!.sources).toEqual([
      { file: 'a.csv', line: 3 },
      { file: 'b.csv', line: 3 },
    ]);
    expect(ds.files.map((f) => [f.file, f.read, f.used, f.rejected])).toEqual([
      ['a.csv', 2, 2, 0],
      ['b.csv', 2, 2, 0],
      ['county.csv', 1, 1, 0],
    ]);
  });

  it('merges rows by name, ignoring spaces and full-width forms', () => {
    const ds = read(
      file('a.csv', ['乡镇,出生人数,政策内出生数', '乐平镇,628,612', 'Ａ镇,214,208']),
      file('b.csv', ['乡镇,总人口', '乐 平 镇,"62,140"', 'A镇,"22,630"']),
      COUNTY,
    );
    expect(ds.findings).toEqual([]);
    const towns = ds.units.filter((u) => u.level === 0);
    expect(towns.map((u) => [u.name, u.key, values(u)])).toEqual([
      ['乐平镇', '乐平镇', { births: '628', births_in_policy: '612', population: '62140' }],
      ['Ａ镇', 'a镇', { births: '214', births_in_policy: '208', population: '22630' }],
    ]);
  });

  it('matches a named row to a coded row and keeps the code', () => {
    const ds = read(
      file('a.csv', ['乡镇,出生人数,政策内出生数', '乐平镇,628,612']),
      file('b.csv', ['乡镇,区划代码,总人口', '乐平镇,101,"62,140"']),
      COUNTY,
    );
    expect(ds.findings).toEqual([]);
    const towns = ds.units.filter((u) => u.level === 0);
    expect(towns).toHaveLength(1);
    expect(towns[0]).toMatchObject({ name: '乐平镇', code: '101' });
    expect(values(towns[0]!)).toEqual({ births: '628', births_in_policy: '612', population: '62140' });
  });

  it('reports the same field with different values in two files as a conflict and keeps the first', () => {
    const ds = read(
      file('a.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,628,612,"62,140"']),
      file('b.csv', ['乡镇,出生人数', '乐平镇,630']),
      COUNTY,
    );
    expect(ds.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/conflict', file: 'b.csv', line: 2, col: 2 },
    ]);
    expect(worded(ds.findings[0]!).message).toEqual({
      en: '乐平镇: 出生人数 is 630 here but 628 in a.csv:2; 628 (a.csv:2) is used, not this value',
      zh: '乐平镇：出生人数 此处为 630，而 a.csv:2 为 628；采用 628（a.csv:2），此处的值未使用',
    });
    expect(values(unit(ds, 0, '乐平镇')).births).toBe('628');
  });

  it('the same value written differently in two files is not a conflict', () => {
    const ds = read(
      file('towns.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,628,612,"62,140"']),
      file('c1.csv', ['县,群众满意率,有办公场地', '昔阳县,88.6%,是']),
      file('c2.csv', ['县,群众满意率,有办公场地', '昔阳县,88.6,有']),
      file('b.csv', ['乡镇,总人口', '乐平镇,62140']),
    );
    expect(ds.findings).toEqual([]);
  });

  it('reports a yes/no conflict with 是/否', () => {
    const ds = read(
      file('towns.csv', ['乡镇,出生人数,政策内出生数,总人口', '乐平镇,628,612,"62,140"']),
      file('c1.csv', ['县,群众满意率,有办公场地', '昔阳县,88.6%,是']),
      file('c2.csv', ['县,有办公场地', '昔阳县,否']),
    );
    expect(ds.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/conflict', file: 'c2.csv', line: 2, col: 2 },
    ]);
    expect(findingText(ds.findings[0]!, 'en')).toBe(
      '昔阳县: 有办公场地 is 否 here but 是 in c1.csv:2; 是 (c1.csv:2) is used, not this value',
    );
    expect(unit(ds, 1, '昔阳县').values.get('has_office')).toBe(true);
  });
});
