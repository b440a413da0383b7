/**
 * Limits through the command line: one line naming file:line:col, exit 2, in both
 * languages; `--limit name=value` raises or lowers each; a bad `--limit` is a usage error.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { limitsOf } from '../../src/cli/limits';
import { textRowsFinding } from '../../src/data/text-limits';
import { DEFAULT_LIMITS } from '../../src/limits';
import { fakeIo, ROOT } from '../cli/fake-io';
import { workbook } from './workbook';

const tmp = fs.mkdtempSync(join(os.tmpdir(), 'pinggu-limits-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const SCHEME = fs.readFileSync(join(ROOT, 'criteria', 'jsyzfw-2008.yaml'), 'utf8');
const CORPUS_SCHEME = join(ROOT, 'tests', 'corpus', 'scheme.yaml');

async function run(...args: string[]) {
  const io = fakeIo();
  const code = await main(args, io);
  return { code, err: io.err, out: io.out };
}

describe('limits on the command line', () => {
  it('a scheme with a 200 KB string: one line at its line:col, exit 2', async () => {
    const file = join(tmp, 'long.yaml');
    fs.writeFileSync(file, SCHEME.replace(/^title: .*$/m, `title: "${'长'.repeat(200_000)}"`));
    const line = SCHEME.split('\n').findIndex((l) => l.startsWith('title:')) + 1;
    const r = await run('check', '--scheme', file);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${file}:${line}:8: error: a text of 200,000 characters, over the limit of 65,536 characters for one key or value in a scheme; if the file is right, raise the limit with --limit scheme-string=…\n`,
    );
    const zh = await run('check', '--scheme', file, '--lang', 'zh');
    expect(zh.err).toMatch(
      new RegExp(`^${file}:${line}:8: 错误: 一段文字长 200,000 个字符，.*--limit scheme-string=… 提高上限\\n$`),
    );
    expect(await run('check', '--scheme', file, '--limit', 'scheme-string=300000', '--format', 'json')).toMatchObject({
      code: 0,
      err: '',
    });
  });

  it('a scheme file over the size limit is refused before parsing; --limit scheme-size raises it', async () => {
    const file = join(tmp, 'padded.yaml');
    fs.writeFileSync(file, `${SCHEME}\n# ${'x'.repeat(6 * 1024 * 1024)}\n`);
    const r = await run('score', 'fixtures/xiyang', '--scheme', file);
    expect(r.code).toBe(2);
    expect(r.out).toBe('');
    expect(r.err).toBe(
      `${file}:1:1: error: the scheme file is 6.0 MB, over the limit of 5 MB for a scheme file; if the file is right, raise the limit with --limit scheme-size=…\n`,
    );
    expect((await run('score', 'fixtures/xiyang', '--scheme', file, '--limit', 'scheme-size=8MB')).code).toBe(1); // scored: the sample fails
    expect((await run('template', '--scheme', file, '-o', join(tmp, 't.csv'))).code).toBe(2);
  });

  it('a CSV over the rows limit names its first line too many', async () => {
    const r = await run('score', 'fixtures/xiyang', '--limit', 'rows=5');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'fixtures/xiyang/townships.csv:6:1: error: the file has more than 5 lines, the limit of rows per file (line 6 is one too many); if the file is right, raise the limit with --limit rows=…\n',
    );
    expect((await run('score', 'fixtures/xiyang', '--limit', 'rows=100,file-size=1MB')).code).toBe(1);
  });

  it('a data file over the size limit', async () => {
    const r = await run('check', 'fixtures/xiyang', '--limit', 'file-size=1KB', '--lang', 'zh');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /^fixtures\/xiyang\/\S+\.csv:1:1: 错误: 数据文件大小为 \d+(\.\d)? KB，超过数据文件的上限 1 KB；如文件无误，可用 --limit file-size=… 提高上限\n$/,
    );
  });

  it('a file over the size limit is refused before it is read (a sparse file of 300 MB: its size, not its bytes)', async () => {
    const big = join(tmp, 'big.csv');
    const scheme = join(tmp, 'big.yaml');
    fs.writeFileSync(big, '乡镇,总人口\n');
    fs.truncateSync(big, 300 * 1024 * 1024);
    fs.writeFileSync(scheme, SCHEME);
    fs.truncateSync(scheme, 6 * 1024 * 1024);
    const io = fakeIo();
    const read: string[] = [];
    const readFile = io.readFile.bind(io);
    io.readFile = (p) => {
      read.push(p);
      return readFile(p);
    };
    expect(await main(['check', big], io)).toBe(2);
    expect(io.err).toBe(
      `${big}:1:1: error: the data file is 300 MB, over the limit of 256 MB for a data file; if the file is right, raise the limit with --limit file-size=…\n`,
    );
    expect(read).not.toContain(big);
    io.err = '';
    expect(await main(['check', '--scheme', scheme], io)).toBe(2);
    expect(io.err).toBe(
      `${scheme}:1:1: error: the scheme file is 6 MB, over the limit of 5 MB for a scheme file; if the file is right, raise the limit with --limit scheme-size=…\n`,
    );
    expect(read).not.toContain(scheme);
  });

  it('a workbook over a lowered rows limit is refused naming the sheet; a higher limit reads it', async () => {
    const file = join(tmp, 'w.xlsx');
    fs.writeFileSync(file, await workbook(150));
    const r = await run('check', file, '--scheme', CORPUS_SCHEME, '--limit', 'rows=100');
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      `${file}:1:1: error: sheet "数据" declares 151 rows (A1:E151), over the limit of 100 rows per sheet; if the file is right, raise the limit with --limit rows=…\n`,
    );
    const ok = await run('check', file, '--scheme', CORPUS_SCHEME, '--limit', 'rows=1000', '--format', 'json');
    expect(ok.err).not.toMatch(/limit/);
    expect(JSON.parse(ok.out).files[0].read).toBe(150);
  });

  it('a bad --limit is a usage error, in both languages', async () => {
    expect(await run('score', 'fixtures/xiyang', '--limit', 'rows=lots')).toEqual({
      code: 2,
      out: '',
      err: 'pinggu: --limit rows=lots: expected a whole number such as 2000000, or off\n',
    });
    expect(await run('score', 'fixtures/xiyang', '--limit', 'size=5')).toMatchObject({
      code: 2,
      err: 'pinggu: --limit size=5: expected name=value, the name one of scheme-size, scheme-string, file-size, rows, cells (e.g. --limit rows=2000000)\n',
    });
    expect((await run('check', '--limit', 'file-size=-1', '--lang', 'zh')).err).toBe(
      'pinggu: --limit file-size=-1：应为大小，如 500MB、2GB 或 1048576（字节），或 off\n',
    );
  });
});

describe('--limit values', () => {
  it('reads sizes with units, counts as whole numbers, off as no limit, and keeps the other defaults', () => {
    expect(limitsOf(['file-size=1GB', 'rows=2_000_000,cells=off', 'scheme-size=512kb'])).toEqual({
      ...DEFAULT_LIMITS,
      fileSize: 1024 ** 3,
      rows: 2_000_000,
      cells: Infinity,
      schemeSize: 512 * 1024,
    });
    expect(limitsOf(undefined)).toEqual(DEFAULT_LIMITS);
    expect(() => limitsOf(['rows=10k'])).toThrow(/whole number/);
    expect(() => limitsOf(['rows=0'])).toThrow(/whole number/);
  });
});

describe('rows of a text file, counted on its bytes', () => {
  const enc = (s: string) => new TextEncoder().encode(s);
  const line = (bytes: Uint8Array, max: number) => textRowsFinding(bytes, 'a.csv', max)?.line;
  it('allows exactly the limit, with or without a final line end, and names the line after it', () => {
    expect(line(enc('a\nb\nc\n'), 3)).toBeUndefined();
    expect(line(enc('a\nb\nc'), 3)).toBeUndefined();
    expect(line(enc('a\nb\nc\nd'), 3)).toBe(4);
    expect(line(enc('a\r\nb\r\nc\r\nd\r\n'), 3)).toBe(4);
    expect(line(enc('a\rb\rc\rd'), 3)).toBe(4);
  });
  it('counts UTF-16 by code unit (a 0x0A byte inside a character is no line end)', () => {
    const utf16le = (s: string) => new Uint8Array([0xff, 0xfe, ...Buffer.from(s, 'utf16le')]);
    expect(line(utf16le('\u0a0a\u0a0a\u0a0a\u0a0a\n'), 2)).toBeUndefined();
    expect(line(utf16le('a\nb\nc'), 2)).toBe(3);
  });
});
