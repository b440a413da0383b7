/**
 * Orders that do not depend on the machine's locale (issue #9): code points for codes
 * and files, one pinned pinyin collator for names. sortDiagnostics used a bare
 * localeCompare, which sorts `_x.csv`, `A.csv`, `a.csv` and `乡镇.csv` differently under
 * `LC_ALL=C` and `zh_CN.UTF-8`.
 */
import { describe, expect, it } from 'vitest';
import { compareCodePoints, compareNames } from '../src/compare';
import { msg, sortDiagnostics, type Diagnostic } from '../src/diagnostics';

describe('compareCodePoints', () => {
  it('orders as UTF-8 bytes do: upper case, underscore, lower case, Chinese, then beyond U+FFFF', () => {
    const list = [
      '乡镇.csv',
      'b.csv',
      '\ufb01.csv',
      '𠀀.csv',
      'a.csv',
      '_x.csv',
      'A.csv',
      'B.csv',
      'a-b.csv',
      'ab.csv',
    ];
    expect([...list].sort(compareCodePoints)).toEqual([
      'A.csv',
      'B.csv',
      '_x.csv',
      'a-b.csv',
      'a.csv',
      'ab.csv',
      'b.csv',
      '乡镇.csv',
      '\ufb01.csv',
      '𠀀.csv',
    ]);
    const bytes = (s: string) => Buffer.from(s, 'utf8');
    expect([...list].sort(compareCodePoints)).toEqual([...list].sort((x, y) => Buffer.compare(bytes(x), bytes(y))));
  });
  it('is 0 only for equal strings; a prefix comes first', () => {
    expect(compareCodePoints('ab', 'ab')).toBe(0);
    expect(compareCodePoints('a', 'ab')).toBeLessThan(0);
    expect(compareCodePoints('ab', 'a')).toBeGreaterThan(0);
  });
});

describe('compareNames', () => {
  it('pinyin order for Chinese names, whatever the locale of the process', () => {
    expect(['赵壁乡', '李家庄乡', '乐平镇', '皋落镇', '沾尚镇'].sort(compareNames)).toEqual([
      '皋落镇',
      '乐平镇',
      '李家庄乡',
      '沾尚镇',
      '赵壁乡',
    ]);
  });
  it('is a total order: names the collator calls equal are told apart by code points', () => {
    expect(compareNames('a', 'a')).toBe(0);
    expect(compareNames('e\u0301', '\u00e9')).not.toBe(0);
  });
});

describe('sortDiagnostics', () => {
  const d = (file: string, code = 'data/x', line = 1): Diagnostic => ({
    severity: 'warning',
    code,
    file,
    line,
    col: 1,
    message: msg('m', 'm'),
  });
  it("files in code-point order (not the locale's), then line, column and code", () => {
    const ds = [
      d('乡镇.csv'),
      d('b.csv'),
      d('a.csv'),
      d('_x.csv'),
      d('A.csv'),
      d('a.csv', 'data/B'),
      d('a.csv', 'data/_', 0),
    ];
    expect(sortDiagnostics(ds).map((x) => `${x.file} ${x.line} ${x.code}`)).toEqual([
      'A.csv 1 data/x',
      '_x.csv 1 data/x',
      'a.csv 0 data/_',
      'a.csv 1 data/B',
      'a.csv 1 data/x',
      'b.csv 1 data/x',
      '乡镇.csv 1 data/x',
    ]);
  });
  it('the same order whatever order they came in', () => {
    const ds = [d('乡镇.csv'), d('b.csv'), d('a.csv'), d('_x.csv'), d('A.csv')];
    const want = sortDiagnostics(ds).map((x) => x.file);
    for (let k = 0; k < ds.length; k++)
      expect(sortDiagnostics([...ds.slice(k), ...ds.slice(0, k)].reverse()).map((x) => x.file)).toEqual(want);
  });
});
