/**
 * The bad-input corpus (issue 3, "Bad input"): malformed files under tests/corpus/
 * and a few generated ones, each run through the real reader (readDataset) and,
 * for most, through the CLI (`pinggu check`, in-process), with the exact finding
 * expected: code, severity, file, line, column and the English message. For every
 * file the rows add up: read = used + rejected. Cases marked `bug` describe the
 * correct behaviour and run as `it.fails` until the reader is fixed.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { readDataset } from '../../src/data/dataset';
import type { Encoding } from '../../src/data/decode';
import type { Dataset } from '../../src/data/model';
import { findingText, type Diagnostic, type Finding as AnyFinding } from '../../src/diagnostics';
import { loadScheme } from '../../src/scheme/load';
import type { Scheme } from '../../src/scheme/model';
import { fakeIo, ROOT } from '../cli/fake-io';
import { visibleLine } from '../../src/visible';

/** Characters that act on a terminal instead of showing (tab and line feed allowed). */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

const SCHEME = 'tests/corpus/scheme.yaml';
const scheme: Scheme = (() => {
  const r = loadScheme(readFileSync(join(ROOT, SCHEME), 'utf8'), SCHEME);
  if (!r.scheme || r.diagnostics.length) throw new Error(`${SCHEME} does not load`);
  return r.scheme;
})();

/** The header every corpus file uses (7 columns). */
const HEADER = '乡镇,区划代码,总人口,出生人数,政策内出生数,出生男婴,出生女婴';
const MB = 1024 * 1024;
const utf8 = (text: string) => new TextEncoder().encode(text);
/** `unit` repeated to at least `size` bytes, built without a 10 MB intermediate string. */
function repeatBytes(unit: string, size: number): Uint8Array {
  const b = utf8(unit);
  const n = Math.ceil(size / b.length);
  const out = new Uint8Array(n * b.length);
  for (let i = 0; i < n; i++) out.set(b, i * b.length);
  return out;
}
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
};

/** An expected finding (errors and warnings; notes are not listed). */
interface Finding {
  severity: Diagnostic['severity'];
  code: string | RegExp;
  line: number;
  col: number;
  /** The English message, exactly (or a pattern for generated content). */
  message: string | RegExp;
}

interface Case {
  name: string;
  /** Repository path of the file; for generated cases a path that exists only in the test. */
  file: string;
  generate?: () => Uint8Array;
  encoding?: Encoding;
  /** Every error and warning, in report order (file, line, column). */
  findings: Finding[];
  /** Optional: these notes must be among the findings too. */
  notes?: Finding[];
  /** Rows read / used / not used; left out where a fix may change them (the balance is still checked). */
  read?: number;
  used?: number;
  rejected?: number;
  /** Detected or forced encoding as reported per file. */
  encodingShown?: string;
  /** Also run through the CLI: each command and its exit code. */
  cli?: { command: 'check' | 'score'; code: 0 | 1 | 2 }[];
  /** When set: the reader does not do this yet; the test states the correct behaviour and runs as it.fails. */
  bug?: string;
  /** Extra checks on the dataset. */
  also?: (ds: Dataset) => void;
  /** Only the first findings are listed (the rest are not asserted). */
  prefix?: boolean;
  timeout?: number;
}

const BIG = 60_000;
/** CORPUS_SHOW_BUGS=1 runs the bug cases as ordinary tests, to see how they fail today. */
const bugTest = (c: { bug?: string }) => (c.bug && !process.env.CORPUS_SHOW_BUGS ? it.fails : it);

const CASES: Case[] = [
  {
    name: 'empty file',
    file: 'tests/corpus/empty.csv',
    findings: [{ severity: 'error', code: 'data/empty', line: 1, col: 1, message: 'the file has no rows' }],
    read: 0,
    used: 0,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'header only',
    file: 'tests/corpus/header-only.csv',
    findings: [{ severity: 'error', code: /^data\//, line: 1, col: 1, message: /row/ }],
    read: 0,
    used: 0,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'binary garbage (512 fixed pseudo-random bytes)',
    file: 'tests/corpus/binary-garbage.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/encoding',
        line: 1,
        col: 1,
        message:
          'the file is not text in UTF-8 or GB18030: is it a workbook or another binary file? Open it in Excel or WPS and save it as CSV or .xlsx (renaming it is not enough)',
      },
    ],
    read: 0,
    used: 0,
    rejected: 0,
    encodingShown: 'gb18030',
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'GB18030 file, detected (control for the next case)',
    file: 'tests/corpus/gb18030.csv',
    findings: [],
    read: 2,
    used: 2,
    rejected: 0,
    encodingShown: 'gb18030',
    cli: [{ command: 'check', code: 0 }],
  },
  {
    name: 'GB18030 file forced as UTF-8 (--encoding utf-8)',
    file: 'tests/corpus/gb18030.csv',
    encoding: 'utf-8',
    findings: [
      {
        severity: 'error',
        code: 'data/encoding',
        line: 1,
        col: 1,
        message: 'the file is not valid utf-8 text; leave out --encoding to detect it, or try gb18030',
      },
    ],
    read: 0,
    used: 0,
    rejected: 0,
    encodingShown: 'utf-8',
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'ragged rows: one short, one with values beyond the header',
    file: 'tests/corpus/ragged.csv',
    findings: [
      {
        severity: 'warning',
        code: 'data/blank',
        line: 3,
        col: 5,
        message:
          '皋落镇: no value for 政策内出生数 (the row ends after 4 of 7 cells); items using it score 0 as missing data',
      },
      {
        severity: 'error',
        code: 'data/extra-cells',
        line: 4,
        col: 8,
        message:
          'row has 9 cells but the header has 7: values are shifted (a number such as 22,630 written without quotes?); the row is not used',
      },
    ],
    read: 3,
    used: 2,
    rejected: 1,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'unclosed quote',
    file: 'tests/corpus/unclosed-quote.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/csv',
        line: 3,
        col: 1,
        message: 'not a readable CSV table: a quote opened on line 3 is never closed',
      },
    ],
    read: 0,
    used: 0,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'a quote in the middle of a cell: 6"28',
    file: 'tests/corpus/stray-quote.csv',
    findings: [{ severity: 'error', code: /^data\//, line: 2, col: 4, message: /quote|"/ }],
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'line breaks inside a header cell and a value cell (Alt+Enter in Excel)',
    file: 'tests/corpus/line-break-in-cell.csv',
    findings: [
      { severity: 'error', code: 'data/bad-value', line: 3, col: 4, message: /^出生.?人数: "6.?28" is not a number$/ },
    ],
    read: 2,
    used: 2,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'duplicate headers',
    file: 'tests/corpus/duplicate-header.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/duplicate-header',
        line: 1,
        col: 6,
        message: 'column "出生人数" repeats field births (already column 4); this column is not used',
      },
    ],
    read: 1,
    used: 1,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'duplicate townships',
    file: 'tests/corpus/duplicate-township.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/duplicate-unit',
        line: 4,
        col: 1,
        message: '"乐平镇" appears again (first at line 2); this row is not used',
      },
    ],
    read: 3,
    used: 2,
    rejected: 1,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'negative count',
    file: 'tests/corpus/negative-count.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/bad-value',
        line: 2,
        col: 4,
        message: '出生人数: "-3" is not a count (a whole number ≥ 0)',
      },
    ],
    read: 1,
    used: 1,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'numerator above its denominator (error-level check)',
    file: 'tests/corpus/numerator-above-denominator.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/check',
        line: 3,
        col: 5,
        message:
          '皋落镇: check "政策内出生数不超过出生数" fails (政策内出生数=230, 出生人数=214); items using these fields are invalid for this unit',
      },
    ],
    read: 2,
    used: 2,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: '12.3.4',
    file: 'tests/corpus/not-a-number.csv',
    findings: [
      { severity: 'error', code: 'data/bad-value', line: 2, col: 4, message: '出生人数: "12.3.4" is not a number' },
    ],
    read: 1,
    used: 1,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'N/A',
    file: 'tests/corpus/n-a.csv',
    findings: [
      { severity: 'error', code: 'data/bad-value', line: 2, col: 5, message: '政策内出生数: "N/A" is not a number' },
    ],
    read: 1,
    used: 1,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'formula-looking cell =SUM(A1:A3)',
    file: 'tests/corpus/formula.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/bad-value',
        line: 2,
        col: 6,
        message: '出生男婴: "=SUM(A1:A3)" is a spreadsheet formula, not a value: paste values only',
      },
    ],
    read: 1,
    used: 1,
    rejected: 0,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'terminal escapes: OSC 52 in a header, ESC [2J in a count, CSI (U+009B) in an unused column, an RLO in a name',
    file: 'tests/corpus/escape-sequences.csv',
    findings: [
      {
        severity: 'warning',
        code: 'data/unknown-header',
        line: 1,
        col: 8,
        message: 'column "备注\u001b]52;c;SGVsbG8=\u0007" matches no field of the scheme and is not used',
      },
      {
        severity: 'error',
        code: 'data/bad-value',
        line: 2,
        col: 4,
        message: '出生人数: "6\u001b[2J28" is not a number',
      },
    ],
    read: 2,
    used: 2,
    rejected: 0,
    also: (ds) => expect(ds.units.map((u) => u.name)).toContain('皋落\u202e镇'),
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'warning-level check fails: a warning, and still a score',
    file: 'tests/corpus/warning-check.csv',
    findings: [
      {
        severity: 'warning',
        code: 'data/check',
        line: 3,
        col: 6,
        message: '皋落镇: check "男婴女婴之和等于出生人数" fails (出生男婴=113, 出生女婴=100, 出生人数=214)',
      },
    ],
    read: 2,
    used: 2,
    rejected: 0,
    cli: [
      { command: 'check', code: 0 },
      { command: 'score', code: 0 },
    ],
  },
  {
    name: 'township rows above the header (an Excel sort that left the header mid-file)',
    file: 'tests/corpus/row-above-header.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/row-above-header',
        line: 2,
        col: 1,
        message:
          'a data row above the header (line 4): "东冶头镇 103 21360 207 189 109 98"; it is not used: move it below the header',
      },
      {
        severity: 'error',
        code: 'data/row-above-header',
        line: 3,
        col: 1,
        message:
          'a data row above the header (line 4): "乐平镇 101 62140 628 612 330 298"; it is not used: move it below the header',
      },
    ],
    notes: [
      {
        severity: 'note',
        code: 'data/skipped-preamble',
        line: 1,
        col: 1,
        message: 'skipped line above the header: "2026年昔阳县人口计生统计表"',
      },
    ],
    read: 4,
    used: 2,
    rejected: 2,
    cli: [
      { command: 'check', code: 2 },
      { command: 'score', code: 2 },
    ],
  },
  {
    name: 'the header repeated in the middle of the data (a second block pasted below)',
    file: 'tests/corpus/header-mid-file.csv',
    findings: [
      {
        severity: 'warning',
        code: 'data/repeated-header',
        line: 4,
        col: 1,
        message:
          'the header is repeated here (first at line 1): an Excel sort or a second block pasted below? This line is skipped; the rows below it are read',
      },
    ],
    read: 5,
    used: 4,
    rejected: 1,
    also: (ds) =>
      expect(ds.units.filter((u) => u.level === 0).map((u) => u.name)).toEqual([
        '乐平镇',
        '皋落镇',
        '东冶头镇',
        '沾尚镇',
      ]),
    cli: [{ command: 'check', code: 0 }],
  },
  {
    name: 'a sign-off followed by values (审核人：李四,1,2) is a rejected data row; a plain sign-off stays a note',
    file: 'tests/corpus/signoff-with-values.csv',
    findings: [
      {
        severity: 'error',
        code: 'data/text-with-values',
        line: 4,
        col: 1,
        message:
          '"审核人：李四 1 2" starts like a note or sign-off but has values (总人口); the row is not used: put the unit\'s name in column "乡镇", or remove the values',
      },
    ],
    notes: [
      {
        severity: 'note',
        code: 'data/not-a-row',
        line: 5,
        col: 1,
        message: 'line is not a data row and was skipped: "填表人：张三"',
      },
    ],
    read: 4,
    used: 2,
    rejected: 2,
    cli: [{ command: 'check', code: 2 }],
  },
  {
    name: 'total-looking township names (总计镇, 全县) that are not the sums are townships; 合计 at the end is the total',
    file: 'tests/corpus/total-named-township.csv',
    findings: [
      {
        severity: 'warning',
        code: 'data/total-name-unit',
        line: 3,
        col: 1,
        message:
          '"总计镇" looks like a total row, but its values are not the sums of the other rows (总人口 22630; the other rows add up to 72290): it is read as a 乡镇',
      },
      {
        severity: 'warning',
        code: 'data/total-name-unit',
        line: 4,
        col: 1,
        message:
          '"全县" looks like a total row, but its values are not the sums of the other rows (总人口 21360; the other rows add up to 94920): it is read as a 乡镇',
      },
    ],
    notes: [
      {
        severity: 'note',
        code: 'data/total-ok',
        line: 6,
        col: 1,
        message: 'total row "合计" agrees with the sum of the 4 rows above on all 5 fields',
      },
    ],
    read: 5,
    used: 5,
    rejected: 0,
    also: (ds) =>
      expect(ds.units.filter((u) => u.level === 0).map((u) => u.name)).toEqual(['乐平镇', '总计镇', '全县', '沾尚镇']),
    cli: [{ command: 'check', code: 0 }],
  },
  {
    name: '10 MB single line (township rows run together, no line break)',
    file: 'tests/corpus/generated/ten-mb-line.csv',
    generate: () => repeatBytes('乐平镇,101,62140,628,612,330,298,', 10 * MB),
    findings: [
      {
        severity: 'error',
        code: 'data/no-header',
        line: 1,
        col: 1,
        message: 'no header row found: expected a column naming the units (乡镇/乡镇名称; 县) in the first 30 rows',
      },
    ],
    read: 0,
    used: 0,
    rejected: 0,
    timeout: BIG,
  },
  {
    name: '10 MB of text in one count cell',
    file: 'tests/corpus/generated/ten-mb-cell.csv',
    generate: () => concat(utf8(`${HEADER}\n乐平镇,101,`), repeatBytes('y', 10 * MB), utf8(',628,612,330,298\n')),
    findings: [
      { severity: 'error', code: 'data/bad-value', line: 2, col: 3, message: /^总人口: "y{1,100}…?" is not a number$/ },
    ],
    read: 1,
    used: 1,
    rejected: 0,
    timeout: BIG,
  },
  {
    name: 'a count of ten million digits',
    file: 'tests/corpus/generated/ten-mb-number.csv',
    generate: () => concat(utf8(`${HEADER}\n乐平镇,101,`), repeatBytes('1', 10 * MB), utf8(',628,612,330,298\n')),
    findings: [{ severity: 'error', code: 'data/bad-value', line: 2, col: 3, message: /^总人口: / }],
    read: 1,
    used: 1,
    rejected: 0,
    timeout: BIG,
  },
  {
    name: 'a header line of 200,000 columns',
    file: 'tests/corpus/generated/wide-header.csv',
    generate: () =>
      concat(utf8(`${HEADER},`), repeatBytes('备注,', 200_000 * 7), utf8('\n乐平镇,101,62140,628,612,330,298\n')),
    findings: [
      {
        severity: 'warning',
        code: 'data/unknown-header',
        line: 1,
        col: 8,
        message: 'column "备注" matches no field of the scheme and is not used',
      },
    ],
    prefix: true,
    read: 1,
    used: 1,
    rejected: 0,
    cli: [{ command: 'check', code: 0 }],
    timeout: BIG,
  },
  {
    name: '100,000 rows, one bad value in the middle and a duplicate at the end',
    file: 'tests/corpus/generated/hundred-thousand-rows.csv',
    generate: () => {
      const lines = [HEADER];
      for (let i = 0; i < 100_000; i++) {
        const births = i === 49_999 ? '12.3.4' : '10';
        lines.push(i === 99_999 ? '乡0,1000000,1000,10,9,5,5' : `乡${i},${1_000_000 + i},1000,${births},9,5,5`);
      }
      return utf8(`${lines.join('\n')}\n`);
    },
    findings: [
      {
        severity: 'error',
        code: 'data/bad-value',
        line: 50_001,
        col: 4,
        message: '出生人数: "12.3.4" is not a number',
      },
      {
        severity: 'error',
        code: 'data/duplicate-unit',
        line: 100_001,
        col: 1,
        message: '"乡0" appears again (first at line 2); this row is not used',
      },
    ],
    read: 100_000,
    used: 99_999,
    rejected: 1,
    also: (ds) => {
      const townships = ds.units.filter((u) => u.level === 0);
      expect(townships).toHaveLength(99_999);
      expect(townships[12_345]!.values.get('population')?.toString()).toBe('1000');
      expect(townships.at(-1)!.sources).toEqual([
        { file: 'tests/corpus/generated/hundred-thousand-rows.csv', line: 100_000 },
      ]);
    },
    timeout: BIG,
  },
];

/** Bytes of a case, generated once per case. */
const cache = new Map<Case, Uint8Array>();
function bytesOf(c: Case): Uint8Array {
  let b = cache.get(c);
  if (!b) {
    b = c.generate ? c.generate() : new Uint8Array(readFileSync(join(ROOT, c.file)));
    cache.set(c, b);
  }
  return b;
}

const matcher = (f: Finding, file: string) => ({
  severity: f.severity,
  code: typeof f.code === 'string' ? f.code : expect.stringMatching(f.code),
  file,
  line: f.line,
  col: f.col,
  message: typeof f.message === 'string' ? f.message : expect.stringMatching(f.message),
});
const shape = (d: AnyFinding) => ({
  severity: d.severity,
  code: d.code,
  file: d.file,
  line: d.line,
  col: d.col,
  message: findingText(d, 'en'),
});

/** The in-process CLI over the real files, with generated files served from memory. */
function corpusIo(c: Case) {
  const io = fakeIo();
  if (c.generate) {
    const path = join(ROOT, c.file);
    const readFile = io.readFile.bind(io);
    const exists = io.exists.bind(io);
    io.readFile = (p) => (p === path ? bytesOf(c) : readFile(p));
    io.exists = (p) => p === path || exists(p);
  }
  return io;
}

describe('bad-input corpus: the reader', () => {
  for (const c of CASES) {
    bugTest(c)(
      `${c.name}${c.bug ? ` (BUG: ${c.bug})` : ''}`,
      () => {
        let ds: Dataset | undefined;
        expect(() => {
          ds = readDataset(scheme, [{ name: c.file, bytes: bytesOf(c) }], { encoding: c.encoding });
        }).not.toThrow();
        const got = ds!.findings.filter((d) => d.severity !== 'note').map(shape);
        const want = c.findings.map((f) => matcher(f, c.file));
        expect(c.prefix ? got.slice(0, want.length) : got).toEqual(want);
        for (const n of c.notes ?? []) expect(ds!.findings.map(shape)).toContainEqual(matcher(n, c.file));
        expect(ds!.files).toEqual([
          {
            file: c.file,
            encoding: c.encodingShown ?? 'utf-8',
            read: c.read ?? expect.any(Number),
            used: c.used ?? expect.any(Number),
            rejected: c.rejected ?? expect.any(Number),
          },
        ]);
        for (const f of ds!.files) expect(f.read).toBe(f.used + f.rejected);
        c.also?.(ds!);
      },
      c.timeout,
    );
  }
});

/** Whether `line` is how finding `f` prints: `file:line:col: severity: message`, on one line. */
function printedAs(line: string, file: string, f: Finding): boolean {
  const head = `${file}:${f.line}:${f.col}: ${f.severity}: `;
  if (!line.startsWith(head)) return false;
  const message = line.slice(head.length);
  return typeof f.message === 'string' ? message === f.message : f.message.test(message);
}

describe('bad-input corpus: the command line', () => {
  for (const c of CASES) {
    for (const { command, code } of c.cli ?? []) {
      const args = [
        command,
        c.file,
        '--scheme',
        SCHEME,
        ...(c.encoding ? ['--encoding', c.encoding] : []),
        ...(command === 'score' ? ['--format', 'json'] : []),
      ];
      bugTest(c)(
        `pinggu ${args.join(' ')} → exit ${code}${c.bug ? ` (BUG: ${c.bug})` : ''}`,
        async () => {
          const io = corpusIo(c);
          const exit = await main(args, io);
          expect({ exit, err: io.err }).toEqual({ exit: code, err: command === 'score' ? expect.any(String) : '' });
          expect(io.err).not.toMatch(/internal error|内部错误|\n\s+at .+:\d+:\d+/);
          // check prints the findings on stdout (indented under their file); score --format json on stderr.
          const printed = (command === 'check' ? io.out : io.err).split('\n').map((l) => l.trim());
          // Text from the file never reaches the terminal raw: control characters and bidi overrides are shown as escapes.
          expect(io.out + io.err).not.toMatch(ACTIVE);
          for (const f of c.findings) {
            if (typeof f.message === 'string')
              expect(printed).toContain(`${c.file}:${f.line}:${f.col}: ${f.severity}: ${visibleLine(f.message)}`);
            else
              expect(
                printed.some((l) => printedAs(l, c.file, f)),
                `${c.file}:${f.line}:${f.col}: ${f.severity}: ${f.message}`,
              ).toBe(true);
          }
          if (command === 'check') {
            if (c.read !== undefined) {
              expect(printed).toContain(
                `${c.file} (${c.encodingShown ?? 'utf-8'}): ${c.read} row${c.read === 1 ? '' : 's'} read, ${c.used} used, ${c.rejected} not used`,
              );
            }
            const errors = c.findings.filter((f) => f.severity === 'error').length;
            const warnings = c.findings.filter((f) => f.severity === 'warning').length;
            if (!c.prefix)
              expect(io.out).toMatch(new RegExp(`^Total: ${errors} errors?, ${warnings} warnings?, \\d+ notes?$`, 'm'));
          } else {
            // A warning still gives a score: the JSON report on stdout, only the warnings on stderr.
            expect(io.err.trim().split('\n')).toHaveLength(c.findings.length);
            const report = JSON.parse(io.out) as {
              units: { name: string; score: number; max: number; passed: boolean }[];
            };
            expect(report.units[0]).toMatchObject({ name: '县', score: 10, max: 10, passed: true });
          }
        },
        c.timeout,
      );
    }
  }
});
