import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from './fake-io';

interface Case {
  args: string[];
  code: number;
  out?: RegExp[];
  err?: RegExp[];
  noOut?: boolean;
  env?: Record<string, string>;
}

const SAMPLE = 'fixtures/xiyang';
const CASES: Case[] = [
  {
    args: ['score', SAMPLE],
    code: 1,
    out: [
      /昔阳县 {2}Score 87\.18 \/ 100 \(bonus \+2\) {2}pass line 90 {2}FAIL {2}grade 接近达标/,
      /Vetoes: none triggered \(all 5 checked\)/,
      /What it takes:/,
      /Ranking: 乡镇/,
      /Data: 14 rows read, 14 used, 0 not used; 0 errors, 0 warnings \(1 note: --verbose shows it\)/,
    ],
  },
  {
    args: ['score', SAMPLE, '--lang', 'zh'],
    code: 1,
    out: [/得分 87\.18 \/ 100/, /未通过/, /整改所需/, /数据：读入 14 行/],
  },
  { args: ['score', SAMPLE], env: { LANG: 'zh_CN.UTF-8' }, code: 1, out: [/未通过/] },
  { args: ['score', SAMPLE, '--fail-on', 'never'], code: 0 },
  { args: ['score', SAMPLE, '--fail-on', 'veto'], code: 0 },
  {
    args: ['score', SAMPLE, '--fail-on', 'sometimes'],
    code: 2,
    err: [/--fail-on sometimes: expected one of veto, fail, never/],
  },
  { args: ['score', SAMPLE, '--format', 'json'], code: 1, out: [/^\{\n {2}"schemaVersion": 1,/] },
  { args: ['score', SAMPLE, '--format', 'xml'], code: 2, err: [/argument 'xml' is invalid/] },
  { args: ['score', SAMPLE, '--sort', 'scheme'], code: 1 },
  { args: ['score', SAMPLE, '--param', 'funds_per_capita_target=12'], code: 1, out: [/人均计划生育事业经费 .* ≥ 12 /] },
  { args: ['score', SAMPLE, '--param', 'nope=1'], code: 2, err: [/--param nope: the scheme has no such param/] },
  { args: ['score', SAMPLE, '--param', 'x'], code: 2, err: [/--param x: expected id=number/] },
  { args: ['score'], code: 2, err: [/no data given/], noOut: true },
  { args: ['score', 'no/such/dir'], code: 2, err: [/no\/such\/dir: no such file or folder/] },
  {
    args: ['score', SAMPLE, '--scheme', 'nope'],
    code: 2,
    err: [/--scheme nope: no such file, and no bundled scheme of that id \(bundled: jsyzfw-2008\)/],
  },
  {
    args: ['score', SAMPLE, '--scheme', 'tests/fixtures/schemes/bad.yaml'],
    code: 2,
    err: [/^tests\/fixtures\/schemes\/bad\.yaml:21:13: error: /m, /bad\.yaml:27:9: error: unknown key "taget"/],
    noOut: true,
  },
  {
    args: ['score', SAMPLE, '--scheme', 'tests/fixtures/schemes/bad.yaml', '--lang', 'zh'],
    code: 2,
    err: [/bad\.yaml:27:9: 错误: 未知的键“taget”；是否应为“target”？/],
  },
  {
    args: ['score', 'tests/fixtures/cli/bad-value'],
    code: 2,
    out: [/tests\/fixtures\/cli\/bad-value\/townships\.csv:4:6: error: 本期出生人数: "12\.3\.4" is not a number/],
  },
  {
    args: ['score', 'tests/fixtures/cli/bad-value', '--format', 'json'],
    code: 2,
    err: [/^tests\/fixtures\/cli\/bad-value\/townships\.csv:4:6: error: 本期出生人数: "12\.3\.4" is not a number$/m],
  },
  { args: ['score', SAMPLE, '--encoding', 'latin1'], code: 2, err: [/--encoding latin1: use utf-8, gb18030/] },
  {
    args: ['score', SAMPLE, '--format', 'csv', '--csv-encoding', 'utf-16le'],
    code: 2,
    err: [/--csv-encoding utf-16le: use utf-8 \(with BOM, the default\) or gb18030/],
  },
  { args: ['score', SAMPLE, '--format', 'md'], code: 1, out: [/^# 计划生育优质服务先进县评估方案/, /\*\*FAIL\*\*/] },
  {
    args: ['score', SAMPLE, '--format', 'junit'],
    code: 1,
    out: [/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<testsuites/],
  },
  { args: ['score', SAMPLE, '--nope'], code: 2, err: [/unknown option '--nope'/] },
  {
    args: ['score', SAMPLE, '--nope', '--lang', 'zh'],
    code: 2,
    err: [/错误：未知选项 '--nope'/, /运行 pinggu --help 查看用法/],
  },
  {
    args: ['score', SAMPLE, '--format', 'xml', '--lang', 'zh'],
    code: 2,
    err: [/错误：选项 '-f, --format <format>' 的取值 'xml' 无效，可选：table, json/],
  },
  { args: ['score', SAMPLE, '--output', 'out.weird'], code: 2, err: [/cannot tell the format from the extension/] },
  {
    args: ['check', SAMPLE],
    code: 0,
    out: [
      /scheme OK/,
      /fixtures\/xiyang\/townships\.csv \(utf-8\): 13 rows read, 13 used, 0 not used\n {2}1 note \(--verbose shows them\)/,
      /Total: 0 errors, 0 warnings, 1 note$/m,
    ],
  },
  {
    args: ['check', SAMPLE, '--verbose'],
    code: 0,
    out: [
      / {4}fixtures\/xiyang\/townships\.csv:14:1: note: total row "合计" agrees with the sum of the 12 rows above on all \d+ fields/,
    ],
  },
  {
    args: ['check', SAMPLE, '--format', 'json'],
    code: 0,
    out: [/"counts": \{\n {4}"error": 0,\n {4}"warning": 0,\n {4}"note": 1\n {2}\}/],
  },
  {
    args: ['check', SAMPLE, '--lang', 'zh'],
    code: 0,
    out: [/读入 13 行，使用 13 行，未使用 0 行/, /合计：错误 0 个，警告 0 个，提示 1 个/],
  },
  { args: ['check'], code: 0, out: [/criteria\/jsyzfw-2008\.yaml: scheme OK: .*\(8 sections, 28 items, 5 vetoes\)/] },
  {
    args: ['check', 'tests/fixtures/cli/bad-value'],
    code: 2,
    out: [
      / {2}1 error\n {4}tests\/fixtures\/cli\/bad-value\/townships\.csv:4:6: error: 本期出生人数: "12\.3\.4" is not a number/,
      /Total: 1 error, 0 warnings/,
    ],
  },
  { args: ['schemes'], code: 0, out: [/^jsyzfw-2008\t2008\.1\t/] },
  {
    args: ['explain', 'jfbz_per_capita', SAMPLE],
    code: 0,
    out: [
      /^人均计划生育事业经费 \(jfbz_per_capita\) — 昔阳县$/m,
      /^Data \(summed over 12 乡镇\): 计生事业经费投入（元） = 2,848,600; 期末总人口 = 229,730$/m,
      /^Value: 2,848,600 \/ 229,730 = 12\.4$/m,
      /^Target: >= 13\.04$/m,
      /^Points: 2\.6 \/ 4 \(1\.4 lost\) {2}partial$/m,
      /^What it takes: 计生事业经费投入（元）: 147,080 more, recovers 1\.4 points$/m,
    ],
  },
  {
    args: ['explain', '综合避孕率', SAMPLE, '--lang', 'zh'],
    code: 0,
    out: [/^ {2}三都乡 {2}81\.06% {2}2\.06 \/ 6 {2}部分失分 {2}落实避孕措施人数增加 104，可挽回 3\.94 分$/m],
  },
  {
    args: ['explain', 'yzfw_contraception', SAMPLE, '--unit', '沾尚镇'],
    code: 0,
    out: [/— 沾尚镇$/m, /^Data: 落实避孕措施人数 = /m],
  },
  { args: ['explain', 'nope', SAMPLE], code: 2, err: [/no item "nope" in the scheme/] },
  {
    args: ['explain', 'policy_rate', 'tests/corpus/header-only.csv', '--scheme', 'tests/corpus/scheme.yaml'],
    code: 2,
    err: [/header-only\.csv:1:1: error: no 乡镇 rows in any file/],
    noOut: true,
  },
  {
    args: ['explain', 'jfbz_per_capita', SAMPLE, '--unit', '沾尚镇'],
    code: 2,
    err: [/item jfbz_per_capita is not scored at 沾尚镇/],
  },
  {
    args: ['explain', 'jfbz_per_capita', SAMPLE, '--unit', '火星'],
    code: 2,
    err: [/--unit 火星: no unit of that name or code/],
  },
  { args: ['--help'], code: 0, out: [/Exit codes:/, /2 {2}could not assess/] },
  { args: ['score', '--help'], code: 0, out: [/--fail-on <when>/, /Exit codes:/] },
  { args: ['--help', '--lang', 'zh'], code: 0, out: [/退出码：/] },
  { args: [], code: 2, err: [/Usage: pinggu/] },
];

describe('command line (in-process)', () => {
  for (const c of CASES) {
    it(`pinggu ${c.args.join(' ')}${c.env ? ` (${JSON.stringify(c.env)})` : ''} → ${c.code}`, async () => {
      const io = fakeIo(c.env);
      const code = await main(c.args, io);
      expect({ code, err: io.err }).toMatchObject({ code: c.code });
      for (const re of c.out ?? []) expect(io.out).toMatch(re);
      for (const re of c.err ?? []) expect(io.err).toMatch(re);
      if (c.noOut) expect(io.out).toBe('');
      // Never a stack trace without --verbose, never [object Object].
      expect(io.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
      expect(io.out + io.err).not.toMatch(/\[object Object\]|undefined|NaN|Infinity/);
    });
  }

  it('--output writes the report to files, format from the extension, nothing on stdout', async () => {
    const io = fakeIo();
    const code = await main(['score', SAMPLE, '-o', 'out/report.json', '-o', 'out/report.txt'], io);
    expect(code).toBe(1);
    expect(io.out).toBe('');
    const json = JSON.parse(String(io.written.get(join(ROOT, 'out/report.json'))));
    expect(json.units[0].name).toBe('昔阳县');
    expect(String(io.written.get(join(ROOT, 'out/report.txt')))).toMatch(/^计划生育优质服务先进县评估方案/);
  });

  it('colour only on a terminal, and never with --no-color or NO_COLOR', async () => {
    // eslint-disable-next-line no-control-regex -- the escape character ESC is what is looked for
    const esc = /\u001b\[/;
    const tty = Object.assign(fakeIo(), { isTTY: true });
    await main(['score', SAMPLE], tty);
    expect(tty.out).toMatch(esc);
    const off = Object.assign(fakeIo(), { isTTY: true });
    await main(['score', SAMPLE, '--no-color'], off);
    expect(off.out).not.toMatch(esc);
    const env = Object.assign(fakeIo({ LANG: 'C', NO_COLOR: '1' }), { isTTY: true });
    await main(['score', SAMPLE], env);
    expect(env.out).not.toMatch(esc);
    const pipe = fakeIo();
    await main(['score', SAMPLE], pipe);
    expect(pipe.out).not.toMatch(esc);
  });

  it('the table fits in 100 columns', async () => {
    const io = fakeIo();
    await main(['score', SAMPLE], io);
    const width = (s: string) =>
      [...s].reduce(
        (w, ch) =>
          w +
          (/[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch)
            ? 2
            : 1),
        0,
      );
    const lines = io.out.split('\n').filter((l) => /^[│┌└├]/.test(l));
    expect(lines.length).toBeGreaterThan(20);
    expect(Math.max(...lines.map(width))).toBeLessThanOrEqual(100);
  });
});

describe('command line (the real bin)', () => {
  it('loads the workbook and GB18030 modules on demand inside the bundle', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinggu-bin-'));
    const run = (...args: string[]) =>
      spawnSync(process.execPath, [join(ROOT, 'bin/pinggu.js'), ...args], {
        cwd: ROOT,
        encoding: 'utf8',
        env: { ...process.env, LANG: 'C' },
      });
    const xlsx = run('template', '-o', join(dir, 't.xlsx'));
    expect([xlsx.status, xlsx.stderr]).toEqual([0, '']);
    const gb = run('template', '--lang', 'zh', '-o', join(dir, 't.csv'));
    expect([gb.status, gb.stderr]).toEqual([0, '']);
    expect(new TextDecoder('gb18030').decode(readFileSync(join(dir, 't.csv'))).split('\r\n')[0]).toMatch(
      /^乡镇,区划代码,/,
    );
    const check = run('check', join(dir, 't.xlsx'));
    expect(check.stdout).toMatch(/t\.xlsx \(xlsx\): 0 rows read/);
    expect(check.stdout).not.toMatch(/did not load|internal error/);
  });

  it('runs the bundled build: exit code and report', () => {
    const r = spawnSync(process.execPath, [join(ROOT, 'bin/pinggu.js'), 'score', SAMPLE, '--format', 'json'], {
      cwd: ROOT,
      encoding: 'utf8',
      env: { ...process.env, LANG: 'C' },
    });
    expect(r.status).toBe(1);
    const json = JSON.parse(r.stdout);
    expect(json.units[0].passed).toBe(false);
    expect(r.stderr).toBe('');
  });
  it('exit 2 and one line per error for a bad scheme, no stack trace', () => {
    const r = spawnSync(
      process.execPath,
      [join(ROOT, 'bin/pinggu.js'), 'check', '--scheme', 'tests/fixtures/schemes/bad.yaml'],
      { cwd: ROOT, encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
    );
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(7);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
