import fc from 'fast-check';
import { findingText } from '../../src/diagnostics';
import { describe, expect, it } from 'vitest';
import { csvRows, detectDelimiter, plainRows, readRows } from '../../src/data/table';

describe('readRows: lines', () => {
  it('numbers rows from 1', () => {
    expect(readRows('乡镇,出生人数\n乐平镇,628\n皋落镇,214\n', 'a.csv')).toEqual({
      rows: [
        { line: 1, cells: ['乡镇', '出生人数'] },
        { line: 2, cells: ['乐平镇', '628'] },
        { line: 3, cells: ['皋落镇', '214'] },
      ],
    });
  });

  it('skips blank lines but counts them in line numbers', () => {
    const { rows } = readRows('乡镇,出生人数\n\n乐平镇,628\n\n\n皋落镇,214', 'a.csv');
    expect(rows.map((r) => r.line)).toEqual([1, 3, 6]);
    expect(rows[2]!.cells).toEqual(['皋落镇', '214']);
  });

  it('skips lines whose cells are all empty or spaces (a row of commas)', () => {
    const { rows } = readRows('乡镇,出生人数\n,\n , \n乐平镇,628\n', 'a.csv');
    expect(rows).toEqual([
      { line: 1, cells: ['乡镇', '出生人数'] },
      { line: 4, cells: ['乐平镇', '628'] },
    ]);
  });

  it('gives a multi-line quoted cell the line it starts on and counts its lines', () => {
    const { rows } = readRows('乡镇,备注\n乐平镇,"第一行\n第二行\n第三行"\n皋落镇,无\n', 'a.csv');
    expect(rows).toEqual([
      { line: 1, cells: ['乡镇', '备注'] },
      { line: 2, cells: ['乐平镇', '第一行\n第二行\n第三行'] },
      { line: 5, cells: ['皋落镇', '无'] },
    ]);
  });

  it('reads CRLF line ends without leaving \\r in cells', () => {
    expect(readRows('乡镇,出生人数\r\n乐平镇,628\r\n\r\n皋落镇,214\r\n', 'a.csv').rows).toEqual([
      { line: 1, cells: ['乡镇', '出生人数'] },
      { line: 2, cells: ['乐平镇', '628'] },
      { line: 4, cells: ['皋落镇', '214'] },
    ]);
  });

  it('reads a CRLF inside a quoted cell as \\n and keeps line numbers', () => {
    const { rows } = readRows('a,b\r\n"x\r\ny",1\r\nz,2\r\n', 'a.csv');
    expect(rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['x\ny', '1'] },
      { line: 4, cells: ['z', '2'] },
    ]);
  });

  it('reads old Mac CR line ends', () => {
    expect(readRows('a,b\r1,2\r', 'a.csv').rows).toEqual([
      { line: 1, cells: ['a', 'b'] },
      { line: 2, cells: ['1', '2'] },
    ]);
  });

  it('keeps quoted thousands separators inside one cell', () => {
    expect(readRows('乡镇,总人口\n乐平镇,"62,140"\n', 'a.csv').rows[1]!.cells).toEqual(['乐平镇', '62,140']);
  });

  it('keeps rows with fewer or more cells than the header', () => {
    expect(readRows('a,b,c\n1\n1,2,3,4\n', 'a.csv').rows.map((r) => r.cells)).toEqual([
      ['a', 'b', 'c'],
      ['1'],
      ['1', '2', '3', '4'],
    ]);
  });

  it('drops a UTF-8 BOM left in the text', () => {
    expect(readRows('\ufeff乡镇,出生人数\n', 'a.csv').rows[0]!.cells).toEqual(['乡镇', '出生人数']);
  });

  it('returns no rows and no error for empty text', () => {
    expect(readRows('', 'a.csv')).toEqual({ rows: [] });
    expect(readRows('\n\n', 'a.csv')).toEqual({ rows: [] });
  });
});

describe('readRows: delimiters', () => {
  it('detects tabs (Excel "Unicode text" export)', () => {
    expect(readRows('乡镇\t出生人数\t总人口\n乐平镇\t628\t62,140\n', 'a.txt').rows).toEqual([
      { line: 1, cells: ['乡镇', '出生人数', '总人口'] },
      { line: 2, cells: ['乐平镇', '628', '62,140'] },
    ]);
  });

  it('detects semicolons (European Excel export), keeping commas inside cells', () => {
    expect(readRows('乡镇;出生人数;满意率\n乐平镇;628;92,5\n', 'a.csv').rows).toEqual([
      { line: 1, cells: ['乡镇', '出生人数', '满意率'] },
      { line: 2, cells: ['乐平镇', '628', '92,5'] },
    ]);
  });

  it('detectDelimiter picks the most frequent of comma, tab and semicolon', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a\tb\tc\n1\t2\t3')).toBe('\t');
    expect(detectDelimiter('a;b;c\n1;2;3')).toBe(';');
  });

  it('detectDelimiter falls back to a comma for a single column', () => {
    expect(detectDelimiter('乡镇\n乐平镇\n')).toBe(',');
    expect(detectDelimiter('')).toBe(',');
  });
});

describe('readRows: errors', () => {
  it('reports an unclosed quote as an error with its line', () => {
    const r = readRows('乡镇,出生人数\n乐平镇,628\n皋落镇,"214\n', 'a.csv');
    expect(r.rows).toEqual([]);
    expect(r.error).toMatchObject({ severity: 'error', code: 'data/csv', file: 'a.csv', line: 3, col: 1 });
    expect(findingText(r.error!, 'en')).toBe('not a readable CSV table: a quote opened on line 3 is never closed');
    expect(findingText(r.error!, 'zh')).toBe('无法按 CSV 表格读取：第 3 行的引号没有闭合（检查引号是否成对）');
  });

  it('points at the line where the unclosed quote opens, not where the file ends', () => {
    const tail = Array.from({ length: 20 }, (_, i) => `r${i},${i}`).join('\n');
    const r = readRows(`a,b\n"x,1\n${tail}\n`, 'f.csv');
    expect(r.error).toMatchObject({ line: 2 });
  });

  it('reports text after a closing quote as an error on that line', () => {
    const r = readRows('a,b\n1,"2"x\n3,4\n', 'b.csv');
    expect(r.rows).toEqual([]);
    expect(r.error).toMatchObject({ severity: 'error', code: 'data/csv', file: 'b.csv', line: 2, col: 2 });
    expect(findingText(r.error!, 'en')).toMatch(/^not a readable CSV table: a stray quote in column 2/);
  });
});

describe('readRows: one-line records are split without csv-parse, to the same rows', () => {
  // Cells, delimiters, quotes (whole cells, doubled, stray, open), blank and space-only lines, a BOM anywhere, full-width text.
  const plain = [
    'a',
    '1',
    '62.5',
    ' ',
    '',
    ',',
    '\t',
    ';',
    '\n',
    '\n\n',
    '乡镇',
    '乐平镇',
    '\ufeff',
    '\u3000',
    "'",
    '\\',
  ];
  const text = (extra: string[]) =>
    fc.array(fc.constantFrom(...plain, ...extra), { maxLength: 60 }).map((xs) => xs.join(''));
  const delimiter = fc.constantFrom(',', '\t', ';');
  const runs = { numRuns: Number(process.env.PROP_RUNS) || 500 };

  it('reads any text without quotes itself, to exactly the rows csv-parse gives', () => {
    fc.assert(
      fc.property(text([]), delimiter, (t, d) => {
        const viaCsvParse = csvRows(t, d, 'a.csv');
        expect(viaCsvParse.error).toBeUndefined();
        expect(plainRows(t, d)).toEqual(viaCsvParse.rows);
      }),
      runs,
    );
  });

  it('with quotes, gives either exactly what csv-parse gives or nothing (csv-parse then reads it)', () => {
    const quoted = fc
      .array(fc.constantFrom('x', '6,2', '1\t2', '', '""', 'a;b', ' '), { maxLength: 3 })
      .map((xs) => `"${xs.join('')}"`);
    const mixed = fc
      .array(fc.oneof(fc.constantFrom(...plain, '"'), quoted), { maxLength: 40 })
      .map((xs) => xs.join(''));
    let fast = 0;
    fc.assert(
      fc.property(mixed, delimiter, (t, d) => {
        const rows = plainRows(t, d);
        if (rows === undefined) return;
        fast++;
        const viaCsvParse = csvRows(t, d, 'a.csv');
        expect(viaCsvParse.error).toBeUndefined();
        expect(rows).toEqual(viaCsvParse.rows);
      }),
      runs,
    );
    expect(fast).toBeGreaterThan(0);
  });

  it('reads quoted thousands itself and leaves a cell over two lines or a stray quote to csv-parse', () => {
    expect(plainRows('乡镇,总人口\n乐平镇,"62,140"\n', ',')).toEqual([
      { line: 1, cells: ['乡镇', '总人口'] },
      { line: 2, cells: ['乐平镇', '62,140'] },
    ]);
    expect(plainRows('a,"6""28"\n', ',')).toEqual([{ line: 1, cells: ['a', '6"28'] }]);
    expect(plainRows('a,"x\ny"\n', ',')).toBeUndefined();
    expect(plainRows('a,1,"2"x\n', ',')).toBeUndefined();
    expect(plainRows('a,6"28\n', ',')).toBeUndefined();
    expect(readRows('a,b\n1,"2"x\n', 'b.csv').error).toMatchObject({ code: 'data/csv', line: 2, col: 2 });
  });

  it('detectDelimiter counts the same with and without a quote elsewhere in the text', () => {
    expect(detectDelimiter('a;b;c\n1,2;3;4\n')).toBe(';');
    expect(detectDelimiter('a;b;c\n"1,2";3;4\n"x"\n')).toBe(';');
    expect(detectDelimiter('a,b\tc\n1,2\t3\n1,2\n')).toBe(',');
  });
});
