import { readFileSync } from 'node:fs';
import { findingText } from '../../src/diagnostics';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { readSheet } from '../../src/data/sheet';
import { loadTestScheme, utf8, where, withCode } from './helpers';

const scheme = loadTestScheme();
const read = (text: string, file = 'towns.csv', opts = {}) => readSheet(scheme, file, utf8(text), opts);

/** A township sheet as offices send it: title, unit line, header, rows, total, footer. */
const FORM = [
  '昔阳县2008年人口计生统计表,,,,,,', // 1 title
  '单位：人,,,,,,', // 2 unit line
  '乡镇,区划代码,总人口,出生人数,政策内出生数,出生男婴,出生女婴', // 3 header
  '乐平镇,140724100,"62,140",628,612,330,298', // 4
  '皋落镇,140724101,"22,630",214,208,113,101', // 5
  '合计,,"84,770",842,820,443,399', // 6 total
  '填报单位：昔阳县卫健局,,,,,,', // 7 footer
  '',
].join('\n');

describe('readSheet: header detection', () => {
  const sheet = read(FORM);

  it('finds the header below a title row and a unit row', () => {
    expect(sheet.headerLine).toBe(3);
    expect(sheet.level).toBe(0);
    expect(sheet.encoding).toBe('utf-8');
    expect(sheet.fields).toEqual(['population', 'births', 'births_in_policy', 'boys', 'girls']);
  });

  it('reports the title and unit rows as notes with their lines', () => {
    const notes = withCode(sheet.findings, 'data/skipped-preamble');
    expect(notes.map(where)).toEqual([
      { severity: 'note', code: 'data/skipped-preamble', file: 'towns.csv', line: 1, col: 1 },
      { severity: 'note', code: 'data/skipped-preamble', file: 'towns.csv', line: 2, col: 1 },
    ]);
    expect(notes[0]!.message.en).toBe('skipped line above the header: "昔阳县2008年人口计生统计表"');
    expect(notes[1]!.message.zh).toBe('跳过表头上方的行：“单位：人”');
  });

  it('reports the footer line as a note and counts it as rejected', () => {
    const footer = withCode(sheet.findings, 'data/not-a-row');
    expect(footer.map(where)).toEqual([
      { severity: 'note', code: 'data/not-a-row', file: 'towns.csv', line: 7, col: 1 },
    ]);
    expect(footer[0]!.message.en).toBe('line is not a data row and was skipped: "填报单位：昔阳县卫健局"');
    expect(sheet.read).toBe(4);
    expect(sheet.rejected).toBe(1);
    expect(sheet.rows).toHaveLength(3);
  });

  it('has no warnings or errors for a clean form', () => {
    expect(sheet.findings.filter((d) => d.severity !== 'note')).toEqual([]);
  });

  it('reads unit rows with name, code, values and cell positions', () => {
    const [leping] = sheet.rows;
    expect(leping).toMatchObject({
      kind: 'unit',
      level: 0,
      name: '乐平镇',
      code: '140724100',
      source: { file: 'towns.csv', line: 4 },
    });
    expect(Object.fromEntries([...leping!.values].map(([k, v]) => [k, v.toString()]))).toEqual({
      population: '62140',
      births: '628',
      births_in_policy: '612',
      boys: '330',
      girls: '298',
    });
    expect(leping!.cells.get('births')).toEqual({ file: 'towns.csv', line: 4, col: 4 });
    expect(leping!.cells.get('girls')).toEqual({ file: 'towns.csv', line: 4, col: 7 });
    expect(leping!.invalid.size).toBe(0);
    expect(leping!.parents.size).toBe(0);
  });

  it('recognises the 合计 row as a total row', () => {
    const total = sheet.rows[2]!;
    expect(total).toMatchObject({
      kind: 'total',
      level: 0,
      name: '合计',
      code: undefined,
      source: { file: 'towns.csv', line: 6 },
    });
    expect(total.values.get('births')!.toString()).toBe('842');
  });

  it.each(['合 计', '总计', '合计：', '（合计）', '全县', 'Total'])('recognises %j as a total row', (name) => {
    const s = read(`乡镇,出生人数\n乐平镇,5\n${name},5\n`);
    expect(s.rows.map((r) => r.kind)).toEqual(['unit', 'total']);
  });

  it('uses the forced header row', () => {
    const s = read(FORM, 'towns.csv', { headerRow: 3 });
    expect(s.headerLine).toBe(3);
    expect(s.rows).toHaveLength(3);
  });

  it('reports a forced header row that names no units', () => {
    const s = read(FORM, 'towns.csv', { headerRow: 2 });
    expect(s.rows).toEqual([]);
    expect(s.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/no-header', file: 'towns.csv', line: 2, col: 1 },
    ]);
  });

  it('prefers the row matching more labels when two rows name units', () => {
    // Line 1 names the unit column only; line 2 is the real header.
    const s = read('乡镇\n乡镇,出生人数,政策内出生数\n乐平镇,5,4\n');
    expect(s.headerLine).toBe(2);
    expect(s.rows.map((r) => r.name)).toEqual(['乐平镇']);
  });

  it('matches headers by alias, ignoring full-width forms and spaces', () => {
    const s = read('乡 镇 ,本期出生人数,其中:计划内,期末总人口\n乐平镇,628,612,"62,140"\n');
    expect(s.fields).toEqual(['births', 'births_in_policy', 'population']);
    expect(s.findings).toEqual([]);
  });
});

describe('readSheet: bad cells', () => {
  const s = read('乡镇,总人口,出生人数,政策内出生数\n乐平镇,"62,140",abc,612\n皋落镇,"22,630",214,1.5\n');

  it('reports a bad cell with file, line, spreadsheet column and header text', () => {
    const bad = withCode(s.findings, 'data/bad-value');
    expect(bad.map(where)).toEqual([
      { severity: 'error', code: 'data/bad-value', file: 'towns.csv', line: 2, col: 3 },
      { severity: 'error', code: 'data/bad-value', file: 'towns.csv', line: 3, col: 4 },
    ]);
    expect(bad[0]!.message).toEqual({ en: '出生人数: "abc" is not a number', zh: '出生人数：“abc”不是数字' });
    expect(bad[1]!.message.en).toBe('政策内出生数: "1.5" is not a count (a whole number ≥ 0)');
  });

  it('marks the field invalid for that row and keeps the other values', () => {
    const [leping, gaoluo] = s.rows;
    expect([...leping!.invalid.keys()]).toEqual(['births']);
    expect(leping!.invalid.get('births')).toBe(s.findings.find((d) => d.code === 'data/bad-value'));
    expect(leping!.values.has('births')).toBe(false);
    expect(leping!.values.get('births_in_policy')!.toString()).toBe('612');
    expect(leping!.cells.get('births')).toEqual({ file: 'towns.csv', line: 2, col: 3 });
    expect([...gaoluo!.invalid.keys()]).toEqual(['births_in_policy']);
    expect(gaoluo!.values.get('births')!.toString()).toBe('214');
  });

  it('keeps rows with bad cells as used rows', () => {
    expect(s.read).toBe(2);
    expect(s.rejected).toBe(0);
    expect(s.rows).toHaveLength(2);
  });

  it('counts spreadsheet columns, not characters, after quoted cells', () => {
    const t = read('乡镇,总人口,出生人数\n"乐平镇, 城关","62,140",x\n');
    expect(withCode(t.findings, 'data/bad-value').map(where)).toEqual([
      { severity: 'error', code: 'data/bad-value', file: 'towns.csv', line: 2, col: 3 },
    ]);
  });

  it('reports a value outside the field bounds and marks it invalid', () => {
    const t = read('县,群众满意率,有办公场地\n昔阳县,101,是\n', 'county.csv');
    expect(t.level).toBe(1);
    expect(withCode(t.findings, 'data/bad-value').map(where)).toEqual([
      { severity: 'error', code: 'data/bad-value', file: 'county.csv', line: 2, col: 2 },
    ]);
    expect([...t.rows[0]!.invalid.keys()]).toEqual(['satisfaction']);
    expect(t.rows[0]!.values.get('has_office')).toBe(true);
  });

  it('reports a row with values but no unit name as an error and rejects it', () => {
    const t = read('乡镇,出生人数\n乐平镇,5\n,7\n');
    expect(t.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/no-name', file: 'towns.csv', line: 3, col: 1 },
    ]);
    expect(findingText(t.findings[0]!, 'en')).toBe(
      'row has values but no unit name in column "乡镇"; the row is not used',
    );
    expect(t.read).toBe(2);
    expect(t.rejected).toBe(1);
    expect(t.rows.map((r) => r.name)).toEqual(['乐平镇']);
  });

  it('keeps a row with a code but no name', () => {
    const t = read('乡镇,区划代码,出生人数\n,140724100,5\n');
    expect(t.rows).toHaveLength(1);
    expect(t.rows[0]).toMatchObject({ kind: 'unit', name: '', code: '140724100' });
  });

  it('treats missing-value marks as no value, not as errors, with one warning per row', () => {
    const t = read('乡镇,出生人数,政策内出生数,总人口\n乐平镇,-,—,/\n皋落镇,5,,\n');
    expect(t.findings.map(where)).toEqual([
      { severity: 'warning', code: 'data/blank', file: 'towns.csv', line: 2, col: 2 },
      { severity: 'warning', code: 'data/blank', file: 'towns.csv', line: 3, col: 3 },
    ]);
    expect(findingText(t.findings[1]!, 'en')).toBe(
      '皋落镇: no value for 政策内出生数, 总人口; items using them score 0 as missing data',
    );
    expect(findingText(t.findings[1]!, 'zh')).toBe(
      '皋落镇：政策内出生数、总人口 无数值；使用这些字段的指标按缺数据记 0 分',
    );
    expect(t.rows[0]!.values.size).toBe(0);
    expect(t.rows[0]!.invalid.size).toBe(0);
  });
});

describe('readSheet: headers', () => {
  it('warns about a header that matches no field', () => {
    const s = read('乡镇,出生人数,备注\n乐平镇,5,无\n');
    expect(s.findings.map(where)).toEqual([
      { severity: 'warning', code: 'data/unknown-header', file: 'towns.csv', line: 1, col: 3 },
    ]);
    expect(findingText(s.findings[0]!, 'en')).toBe('column "备注" matches no field of the scheme and is not used');
    expect(s.fields).toEqual(['births']);
    expect(s.rows[0]!.values.size).toBe(1);
  });

  it('reports a repeated field as an error and uses the first column', () => {
    const s = read('乡镇,出生人数,本期出生人数\n乐平镇,5,6\n');
    expect(s.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/duplicate-header', file: 'towns.csv', line: 1, col: 3 },
    ]);
    expect(findingText(s.findings[0]!, 'en')).toBe(
      'column "本期出生人数" repeats field births (already column 2); this column is not used',
    );
    expect(s.fields).toEqual(['births']);
    expect(s.rows[0]!.values.get('births')!.toString()).toBe('5');
  });

  it('ignores columns with an empty header', () => {
    const s = read('乡镇,,出生人数\n乐平镇,x,5\n');
    expect(s.findings).toEqual([]);
    expect(s.rows[0]!.values.get('births')!.toString()).toBe('5');
  });

  it('reads parent-level name columns as parents of the row', () => {
    const s = read('县,县代码,乡镇,出生人数\n昔阳县,140724,乐平镇,5\n');
    expect(s.level).toBe(0);
    expect(s.rows[0]!.name).toBe('乐平镇');
    expect(s.rows[0]!.parents).toEqual(new Map([[1, { name: '昔阳县', code: '140724' }]]));
    expect(s.rows[0]!.cells.get('births')).toEqual({ file: 'towns.csv', line: 2, col: 4 });
  });

  it('reads a county file at the county level', () => {
    const s = read('县,群众满意率,有办公场地\n昔阳县,88.6%,是\n', 'county.csv');
    expect(s.level).toBe(1);
    expect(s.fields).toEqual(['satisfaction', 'has_office']);
    expect(s.rows[0]!.values.get('satisfaction')!.toString()).toBe('443/500');
    expect(s.rows[0]!.values.get('has_office')).toBe(true);
  });
});

describe('readSheet: encodings', () => {
  it('reads a GB18030 file (Excel on Chinese Windows) without being told', () => {
    const gb = new Uint8Array(readFileSync(fileURLToPath(new URL('../fixtures/data/gb.csv', import.meta.url))));
    const s = readSheet(scheme, 'gb.csv', gb);
    expect(s.encoding).toBe('gb18030');
    expect(s.findings).toEqual([]);
    expect(s.rows.map((r) => [r.name, r.values.get('births')!.toString()])).toEqual([['乐平镇', '294']]);
  });

  it('reads a UTF-8 file with a BOM; the BOM does not spoil the first header', () => {
    const bytes = Uint8Array.from([0xef, 0xbb, 0xbf, ...utf8('乡镇,出生人数\n乐平镇,294\n')]);
    const s = readSheet(scheme, 'bom.csv', bytes);
    expect(s.encoding).toBe('utf-8');
    expect(s.headerLine).toBe(1);
    expect(s.rows.map((r) => r.name)).toEqual(['乐平镇']);
  });
});

describe('readSheet: unreadable files', () => {
  it('reports an empty file', () => {
    const s = read('\n\n', 'empty.csv');
    expect(s).toMatchObject({ rows: [], read: 0, rejected: 0, headerLine: 0 });
    expect(s.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/empty', file: 'empty.csv', line: 1, col: 1 },
    ]);
  });

  it('reports a file with no header row naming units', () => {
    const s = read('\n姓名,年龄\n张三,30\n', 'people.csv');
    expect(s.rows).toEqual([]);
    expect(s.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/no-header', file: 'people.csv', line: 2, col: 1 },
    ]);
    expect(findingText(s.findings[0]!, 'en')).toBe(
      'no header row found: expected a column naming the units (乡镇/乡镇名称; 县/县区) in the first 30 rows',
    );
  });

  it('reports an unclosed quote with the CSV error', () => {
    const s = read('乡镇,出生人数\n乐平镇,"5\n', 'bad.csv');
    expect(s.rows).toEqual([]);
    expect(s.findings.map(where)).toEqual([{ severity: 'error', code: 'data/csv', file: 'bad.csv', line: 2, col: 1 }]);
  });

  it('reports bytes that are not the forced encoding, reading nothing', () => {
    const gbk = Uint8Array.from([0xc0, 0xd6, 0xc6, 0xbd, 0xd5, 0xf2]); // 乐平镇 in GB18030
    const s = readSheet(scheme, 'gb.csv', gbk, { encoding: 'utf-8' });
    expect(s.encoding).toBe('utf-8');
    expect(s.rows).toEqual([]);
    expect(s.findings.map(where)).toEqual([
      { severity: 'error', code: 'data/encoding', file: 'gb.csv', line: 1, col: 1 },
    ]);
  });
});
