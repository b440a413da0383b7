/**
 * Property-based tests (fast-check) on the value normaliser and the reader:
 * any input either parses or yields findings, never an uncaught exception, and
 * row accounting always balances (read = used + rejected, per file).
 */
import { valueProblem } from '../../src/messages/data-units';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data/dataset';
import { decode } from '../../src/data/decode';
import { readSheet } from '../../src/data/sheet';
import { readRows } from '../../src/data/table';
import { parseCell, type Parsed } from '../../src/data/values';
import { findingText, type Finding } from '../../src/diagnostics';
import { Rational } from '../../src/rational';
import { loadScheme } from '../../src/scheme/load';
import type { Field, Scheme } from '../../src/scheme/model';

/** 200 runs per property keeps the suite fast; PROP_RUNS=10000 for a deeper search. */
const RUNS = { numRuns: Number(process.env.PROP_RUNS) || 200 };
const SCHEME_FILE = fileURLToPath(new URL('../corpus/scheme.yaml', import.meta.url));

function corpusScheme(): Scheme {
  const r = loadScheme(readFileSync(SCHEME_FILE, 'utf8'), 'tests/corpus/scheme.yaml');
  if (!r.scheme) throw new Error('tests/corpus/scheme.yaml does not load');
  return r.scheme;
}
const scheme = corpusScheme();

const TYPES: Field['type'][] = ['count', 'number', 'money', 'percent', 'boolean', 'text', 'score'];
const ofType = (type: Field['type']): Field => ({
  id: `f_${type}`,
  label: type,
  aliases: [],
  type,
  level: 0,
  required: true,
});

/** The exact value of a successful numeric parse. */
function numberOf(p: Parsed): Rational {
  if ('error' in p) throw new Error(`expected a value, got error: ${valueProblem.en(p.error)}`);
  if (!(p.value instanceof Rational)) throw new Error(`expected a number, got ${String(p.value)}`);
  return p.value;
}
const int = (n: number | bigint) => Rational.int(n);
const hundredth = (n: number | bigint) => Rational.int(n).div(Rational.HUNDRED)!;

/** 1234567 → 1,234,567 (and -1234 → -1,234). */
const grouped = (n: number | bigint): string => {
  const s = (n < 0 ? -BigInt(n) : BigInt(n)).toString();
  return `${n < 0 ? '-' : ''}${s.replace(/\B(?=(\d{3})+$)/g, ',')}`;
};
/** ASCII digits, sign, point, comma and percent to their full-width forms (as typed with a Chinese IME). */
const fullWidth = (s: string): string =>
  s.replace(/[0-9.,%+-]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x21 + 0xff01));

describe('parseCell: any string either gives a value or an error, never throws', () => {
  for (const type of TYPES) {
    it(`${type} column`, () => {
      const f = ofType(type);
      fc.assert(
        fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' })), (raw) => {
          const p = parseCell(raw, f);
          if ('error' in p) {
            expect(valueProblem.en(p.error).length).toBeGreaterThan(0);
            expect(valueProblem.zh(p.error).length).toBeGreaterThan(0);
          } else {
            const v = p.value;
            expect(v === undefined || typeof v === 'boolean' || typeof v === 'string' || v instanceof Rational).toBe(
              true,
            );
          }
        }),
        RUNS,
      );
    });
  }

  it('a number-like string built from digits, signs, points, commas and percent never throws', () => {
    const chars = fc.constantFrom(
      '0',
      '1',
      '9',
      '.',
      ',',
      '-',
      '+',
      '%',
      '‰',
      ' ',
      '０',
      '．',
      '，',
      '％',
      "'",
      'e',
      '=',
    );
    fc.assert(
      fc.property(
        fc.array(chars, { maxLength: 24 }).map((a) => a.join('')),
        fc.constantFrom(...TYPES),
        (raw, type) => {
          expect(() => parseCell(raw, ofType(type))).not.toThrow();
        },
      ),
      RUNS,
    );
  });
});

describe('parseCell: numbers as spreadsheets write them read back exactly', () => {
  const NUMERIC: Field['type'][] = ['number', 'money', 'score'];

  it('plain integers, in every numeric column (count: ≥ 0 only)', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...NUMERIC), (n, type) => {
        expect(numberOf(parseCell(String(n), ofType(type))).eq(int(n))).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(numberOf(parseCell(String(n), ofType('count'))).eq(int(n))).toBe(true);
      }),
      RUNS,
    );
  });

  it('a negative integer in a count column is an error, never a value', () => {
    fc.assert(
      fc.property(fc.integer({ max: -1 }), (n) => {
        const p = parseCell(String(n), ofType('count'));
        expect('error' in p && { en: valueProblem.en(p.error), zh: valueProblem.zh(p.error) }).toEqual({
          en: `"${n}" is not a count (a whole number ≥ 0)`,
          zh: `“${n}”不是人数/个数（应为不小于0的整数）`,
        });
      }),
      RUNS,
    );
  });

  it('thousands separators: 1,234,567', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...NUMERIC), (n, type) => {
        expect(numberOf(parseCell(grouped(n), ofType(type))).eq(int(n))).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(numberOf(parseCell(grouped(n), ofType('count'))).eq(int(n))).toBe(true);
      }),
      RUNS,
    );
  });

  it('big integers (beyond 2^53) keep every digit', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 10n ** 30n - 1n }), (n) => {
        expect(numberOf(parseCell(n.toString(), ofType('count'))).eq(int(n))).toBe(true);
        expect(numberOf(parseCell(grouped(n), ofType('money'))).eq(int(n))).toBe(true);
      }),
      RUNS,
    );
  });

  it('decimals: n / 10^k written with k places', () => {
    fc.assert(
      fc.property(fc.integer(), fc.integer({ min: 1, max: 8 }), fc.constantFrom(...NUMERIC), (n, k, type) => {
        const abs = Math.abs(n)
          .toString()
          .padStart(k + 1, '0');
        const text = `${n < 0 ? '-' : ''}${abs.slice(0, -k)}.${abs.slice(-k)}`;
        const expected = int(n).div(int(10n ** BigInt(k)))!;
        expect(numberOf(parseCell(text, ofType(type))).eq(expected)).toBe(true);
      }),
      RUNS,
    );
  });

  it('percentages: n% and bare n in a percent column are both n/100', () => {
    fc.assert(
      fc.property(fc.integer(), (n) => {
        const f = ofType('percent');
        expect(numberOf(parseCell(`${n}%`, f)).eq(hundredth(n))).toBe(true);
        expect(numberOf(parseCell(`${grouped(n)}%`, f)).eq(hundredth(n))).toBe(true);
        expect(numberOf(parseCell(String(n), f)).eq(hundredth(n))).toBe(true);
        expect(numberOf(parseCell(`${n}‰`, f)).eq(int(n).div(int(1000))!)).toBe(true);
      }),
      RUNS,
    );
  });

  it('a percentage outside a percent column is an error naming the column type', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom<Field['type']>('count', 'number', 'money'), (n, type) => {
        const p = parseCell(`${n}%`, ofType(type));
        expect('error' in p && valueProblem.en(p.error)).toMatch(/is a percentage but the column is a|is not a count/);
      }),
      RUNS,
    );
  });

  it('full-width digits, separators and percent (１，２３４，５６７ / ９２％) read as their ASCII forms', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...NUMERIC), (n, type) => {
        expect(numberOf(parseCell(fullWidth(String(n)), ofType(type))).eq(int(n))).toBe(true);
        expect(numberOf(parseCell(fullWidth(grouped(n)), ofType(type))).eq(int(n))).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.nat(), (n) => {
        expect(numberOf(parseCell(fullWidth(grouped(n)), ofType('count'))).eq(int(n))).toBe(true);
      }),
      RUNS,
    );
    fc.assert(
      fc.property(fc.integer(), (n) => {
        expect(numberOf(parseCell(fullWidth(`${grouped(n)}%`), ofType('percent'))).eq(hundredth(n))).toBe(true);
      }),
      RUNS,
    );
  });

  it("surrounding spaces (ASCII, ideographic, no-break) and Excel's text apostrophe do not change the value", () => {
    const space = fc.constantFrom('', ' ', '  ', '\u3000', '\u00a0', '\t');
    fc.assert(
      fc.property(fc.nat(), space, space, fc.boolean(), (n, a, b, apostrophe) => {
        const text = `${a}${apostrophe ? "'" : ''}${grouped(n)}${b}`;
        expect(numberOf(parseCell(text, ofType('count'))).eq(int(n))).toBe(true);
      }),
      RUNS,
    );
  });
});

/** Pieces of CSV-ish text: labels of the corpus scheme, names, totals, footers, numbers, and the characters that break CSV. */
const PIECES = [
  '乡镇',
  '区划代码',
  '县',
  '总人口',
  '出生人数',
  '政策内出生数',
  '出生男婴',
  '出生女婴',
  '本期出生人数',
  '乐平镇',
  '皋落镇',
  '昔阳县',
  '合计',
  '全县合计',
  '小计',
  '填表人：张三',
  '说明：',
  '101',
  '102',
  '0',
  '12',
  '1,234',
  '"1,234"',
  '92.5%',
  '%',
  '-3',
  '12.3.4',
  'N/A',
  '=SUM(A1:A3)',
  '１２',
  '－',
  ',',
  ',',
  ',',
  ',',
  '"',
  '"',
  '""',
  '\n',
  '\n',
  '\r\n',
  '\r',
  '\t',
  ';',
  ' ',
  '\u3000',
  '\ufeff',
  '\u0000',
  '𠀀',
];
const csvish = fc.array(fc.constantFrom(...PIECES), { maxLength: 80 }).map((a) => a.join(''));
/** A valid header line followed by CSV-ish rows: gets past header detection, so the row reader is exercised. */
const HEADER = '乡镇,区划代码,总人口,出生人数,政策内出生数,出生男婴,出生女婴\n';
const withHeader = csvish.map((t) => HEADER + t);
const utf8 = (t: string) => new TextEncoder().encode(t);

/** Every finding names the file and a position inside it. */
function expectLocated(findings: Finding[], files: string[], text?: string): void {
  const lines = text === undefined ? Infinity : text.split(/\r\n|\r|\n/).length;
  for (const d of findings) {
    expect(files).toContain(d.file);
    expect(d.line).toBeGreaterThanOrEqual(1);
    expect(d.line).toBeLessThanOrEqual(lines);
    expect(d.col).toBeGreaterThanOrEqual(1);
    expect(findingText(d, 'en').length).toBeGreaterThan(0);
  }
}

describe('readSheet: any bytes give a sheet, never an exception; rows add up', () => {
  it('random bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 600 }), (bytes) => {
        const s = readSheet(scheme, 'r.csv', bytes);
        expect(s.read).toBe(s.rows.length + s.rejected);
        expectLocated(s.findings, ['r.csv']);
      }),
      RUNS,
    );
  });

  it('random CSV-ish text (quotes, commas, newlines, CJK, 合计, %)', () => {
    fc.assert(
      fc.property(csvish, (text) => {
        const s = readSheet(scheme, 't.csv', utf8(text));
        expect(s.read).toBe(s.rows.length + s.rejected);
        expectLocated(s.findings, ['t.csv'], text);
      }),
      RUNS,
    );
  });

  it('a valid header over random CSV-ish rows', () => {
    fc.assert(
      fc.property(withHeader, (text) => {
        const s = readSheet(scheme, 't.csv', utf8(text));
        expect(s.read).toBe(s.rows.length + s.rejected);
        expectLocated(s.findings, ['t.csv'], text);
      }),
      RUNS,
    );
  });

  it('CSV-ish text forced through each encoding', () => {
    fc.assert(
      fc.property(
        withHeader,
        fc.constantFrom<'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be'>('utf-8', 'gb18030', 'utf-16le', 'utf-16be'),
        (text, encoding) => {
          const s = readSheet(scheme, 't.csv', utf8(text), { encoding });
          expect(s.read).toBe(s.rows.length + s.rejected);
          expectLocated(s.findings, ['t.csv']);
        },
      ),
      RUNS,
    );
  });
});

describe('readDataset: several random files; per file read = used + rejected', () => {
  const file = fc.oneof(withHeader.map(utf8), csvish.map(utf8), fc.uint8Array({ maxLength: 300 }));

  it('one to three files', () => {
    fc.assert(
      fc.property(fc.array(file, { minLength: 1, maxLength: 3 }), (contents) => {
        const files = contents.map((bytes, i) => ({ name: `f${i}.csv`, bytes }));
        const ds = readDataset(scheme, files);
        expect(ds.files.map((f) => f.file)).toEqual(files.map((f) => f.name));
        for (const f of ds.files) {
          expect(f.read).toBeGreaterThanOrEqual(0);
          expect(f.used).toBeGreaterThanOrEqual(0);
          expect(f.rejected).toBeGreaterThanOrEqual(0);
          expect(f.read).toBe(f.used + f.rejected);
        }
        expectLocated(
          ds.findings,
          files.map((f) => f.name),
        );
      }),
      RUNS,
    );
  });

  it('the same township file twice: every row of the second is used or reported', () => {
    fc.assert(
      fc.property(withHeader, (text) => {
        const bytes = utf8(text);
        const ds = readDataset(scheme, [
          { name: 'a.csv', bytes },
          { name: 'b.csv', bytes },
        ]);
        for (const f of ds.files) expect(f.read).toBe(f.used + f.rejected);
        expect(ds.files[0]!.read).toBe(ds.files[1]!.read);
      }),
      RUNS,
    );
  });
});

describe('no row is lost without a finding', () => {
  /** Lines of the rows below the header, as the table reader splits them. */
  const dataLines = (bytes: Uint8Array, headerLine: number): number[] =>
    readRows(decode(bytes).text, 'x').rows.flatMap((r) => (r.line > headerLine ? [r.line] : []));

  it('readSheet: every row below the header is a sheet row or has a finding on its line', () => {
    fc.assert(
      fc.property(withHeader, (text) => {
        const bytes = utf8(text);
        const s = readSheet(scheme, 't.csv', bytes);
        if (s.headerLine === 0) return;
        const said = new Set([...s.rows.map((r) => r.source.line), ...s.findings.map((d) => d.line)]);
        const lines = dataLines(bytes, s.headerLine);
        expect(lines.length).toBe(s.read);
        for (const line of lines) expect(said, `line ${line} of ${JSON.stringify(text)}`).toContain(line);
      }),
      RUNS,
    );
  });

  it('readSheet: random lines above the header are each a note or an error on their line (issue 9)', () => {
    const aboveHeader = csvish.map((t) => `${t}\n${HEADER}乐平镇,101,62140,628,612,330,298\n`);
    fc.assert(
      fc.property(aboveHeader, (text) => {
        const bytes = utf8(text);
        const s = readSheet(scheme, 't.csv', bytes);
        expect(s.read).toBe(s.rows.length + s.rejected);
        if (s.headerLine === 0) return;
        const said = new Set([...s.rows.map((r) => r.source.line), ...s.findings.map((d) => d.line)]);
        const errorsAbove = s.findings.filter(
          (d) => d.severity === 'error' && (d.code === 'data/row-above-header' || d.code === 'data/row-in-header'),
        ).length;
        expect(s.read).toBe(errorsAbove + dataLines(bytes, s.headerLine).length);
        // The header's own lines (two with a group header row) need no finding.
        const top = s.findings.find((d) => d.code === 'data/two-level-header')?.line ?? s.headerLine;
        for (const r of readRows(decode(bytes).text, 'x').rows) {
          if (r.line >= top && r.line <= s.headerLine) continue;
          expect(said, `line ${r.line} of ${JSON.stringify(text)}`).toContain(r.line);
        }
      }),
      RUNS,
    );
  });

  it('readDataset: every row below the header is a source of a unit or has a finding on its line', () => {
    fc.assert(
      fc.property(withHeader, withHeader, (a, b) => {
        const files = [
          { name: 'a.csv', bytes: utf8(a) },
          { name: 'b.csv', bytes: utf8(b) },
        ];
        const ds = readDataset(scheme, files);
        for (const f of files) {
          const s = readSheet(scheme, f.name, f.bytes);
          if (s.headerLine === 0) continue;
          const said = new Set([
            ...ds.units.flatMap((u) => u.sources.filter((src) => src.file === f.name).map((src) => src.line)),
            ...ds.findings.filter((d) => d.file === f.name).map((d) => d.line),
          ]);
          for (const line of dataLines(f.bytes, s.headerLine)) expect(said, `${f.name}:${line}`).toContain(line);
        }
      }),
      RUNS,
    );
  });
});

describe('round trip: townships written in any accepted dialect read back to the same numbers', () => {
  const NAMES = [
    '乐平镇',
    '皋落镇',
    '东冶头镇',
    '沾尚镇',
    '大寨镇',
    '李家庄乡',
    '界都乡',
    '三都乡',
    '赵壁乡',
    '孔氏乡',
    '闫庄乡',
    '西寨乡',
    'Town A',
    '城关镇',
  ];
  const town = fc.record({
    population: fc.nat({ max: 10_000_000 }),
    births: fc.nat({ max: 100_000 }),
    inPolicy: fc.nat({ max: 100 }),
    boysShare: fc.nat({ max: 100 }),
  });
  const dialect = fc.record({
    delimiter: fc.constantFrom(',', '\t', ';'),
    eol: fc.constantFrom('\n', '\r\n'),
    encoding: fc.constantFrom('utf-8', 'utf-8-bom', 'gb18030', 'utf-16le-bom'),
    grouping: fc.boolean(),
    fullWidth: fc.boolean(),
    quoteAll: fc.boolean(),
    title: fc.boolean(),
    codes: fc.boolean(),
  });

  it('no error or warning, every township used, every value exact', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.constantFrom(...NAMES), { minLength: 1, maxLength: NAMES.length }),
        fc.array(town, { minLength: NAMES.length, maxLength: NAMES.length }),
        dialect,
        (names, towns, d) => {
          const rows = names.map((name, i) => {
            const t = towns[i]!;
            const inPolicy = Math.floor((t.births * t.inPolicy) / 100);
            const boys = Math.floor((t.births * t.boysShare) / 100);
            return {
              name,
              code: String(140724100 + i),
              population: t.population,
              births: t.births,
              births_in_policy: inPolicy,
              boys,
              girls: t.births - boys,
            };
          });
          const num = (n: number) => {
            const s = d.grouping ? grouped(n) : String(n);
            return d.fullWidth ? fullWidth(s) : s;
          };
          const cell = (s: string) => (d.quoteAll || s.includes(d.delimiter) ? `"${s}"` : s);
          const line = (cells: string[]) => cells.map(cell).join(d.delimiter);
          const header = [
            '乡镇',
            ...(d.codes ? ['区划代码'] : []),
            '总人口',
            '出生人数',
            '政策内出生数',
            '出生男婴',
            '出生女婴',
          ];
          const lines = [
            ...(d.title ? [line(['表 1 乡镇人口与出生情况', ...header.slice(1).map(() => '')])] : []),
            line(header),
            ...rows.map((r) =>
              line([
                r.name,
                ...(d.codes ? [r.code] : []),
                num(r.population),
                num(r.births),
                num(r.births_in_policy),
                num(r.boys),
                num(r.girls),
              ]),
            ),
          ];
          const text = lines.join(d.eol) + d.eol;
          const bytes =
            d.encoding === 'utf-8'
              ? utf8(text)
              : d.encoding === 'utf-8-bom'
                ? utf8(`\ufeff${text}`)
                : d.encoding === 'gb18030'
                  ? new Uint8Array(iconv.encode(text, 'gb18030'))
                  : new Uint8Array(iconv.encode(`\ufeff${text}`, 'utf-16le'));

          const ds = readDataset(scheme, [{ name: 't.csv', bytes }]);
          expect(ds.findings.filter((f) => f.severity !== 'note')).toEqual([]);
          expect(ds.files).toEqual([
            {
              file: 't.csv',
              encoding: d.encoding.replace(/-bom$/, ''),
              read: rows.length,
              used: rows.length,
              rejected: 0,
            },
          ]);
          const townships = ds.units.filter((u) => u.level === 0);
          expect(townships.map((u) => u.name)).toEqual(rows.map((r) => r.name));
          for (const [i, u] of townships.entries()) {
            const r = rows[i]!;
            const got = Object.fromEntries([...u.values].map(([k, v]) => [k, String(v)]));
            expect(got).toEqual({
              population: String(r.population),
              births: String(r.births),
              births_in_policy: String(r.births_in_policy),
              boys: String(r.boys),
              girls: String(r.girls),
            });
            if (d.codes) expect(u.code).toBe(r.code);
          }
        },
      ),
      RUNS,
    );
  });
});
