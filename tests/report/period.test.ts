/**
 * Issue #11 point 2: every report a person reads states its period (`--period`, or
 * the period found in the names) and, only when `--as-of` is given, the reference
 * date; the scheme's version is there too. Without either the heading is as before.
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

async function run(
  args: string[],
  file?: string,
): Promise<{ code: number; out: string; bytes?: string | Uint8Array; err: string }> {
  const io = fakeIo();
  const code = await main(['score', 'fixtures/xiyang', ...args, ...(file ? ['-o', file] : [])], io);
  return { code, out: io.out, bytes: file ? io.written.get(join(ROOT, file)) : undefined, err: io.err };
}

const text = (b: string | Uint8Array | undefined): string => (typeof b === 'string' ? b : new TextDecoder().decode(b));

async function workbook(bytes: Uint8Array) {
  const ExcelJS = ((await import('exceljs')) as any).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes));
  return wb as {
    subject: string;
    keywords: string;
    getWorksheet(n: string): { getCell(a: string): { value: unknown } };
  };
}

describe('the period in every report', () => {
  it('table: the first line has the scheme, its version, the period and (asked for) the reference date', async () => {
    const zh = await run(['--lang', 'zh', '--period', '2026-09', '--as-of', '2026-10-08']);
    expect(zh.out.split('\n')[0]).toBe(
      '计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1  评估期 2026-09  基准日 2026-10-08',
    );
    const en = await run(['--lang', 'en', '--period', '2026h1']);
    expect(en.out.split('\n')[0]).toBe('计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1  period 2026h1');
    // Neither known: the heading as it always was, and no date from the clock anywhere.
    const plain = await run(['--lang', 'en']);
    expect(plain.out.split('\n')[0]).toBe('计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1');
    expect(plain.out).not.toMatch(/\b20\d\d-\d\d-\d\d\b/);
  });

  it('Markdown: the heading', async () => {
    const { out } = await run(['--lang', 'zh', '--period', '2026-09', '--format', 'md']);
    expect(out.split('\n')[0]).toBe('# 计划生育优质服务先进县评估方案（示例，非官方文本） 2008.1 评估期 2026-09');
  });

  it('HTML: the page title and the heading', async () => {
    const { out } = await run(['--lang', 'zh', '--period', '2026-09', '--as-of', '2026-10-08', '--format', 'html']);
    expect(out).toContain(
      '<title>计划生育优质服务先进县评估方案（示例，非官方文本） — 昔阳县 — 评估期 2026-09 — 基准日 2026-10-08</title>',
    );
    expect(out).toContain(
      '<h1>计划生育优质服务先进县评估方案（示例，非官方文本） <span class="stamp">评估期 2026-09 · 基准日 2026-10-08</span></h1>',
    );
    expect(out).toContain('版本 2008.1');
  });

  it('CSV: a first column 期间 on every row when the period is known; the header stays the first line', async () => {
    const { bytes } = await run(['--lang', 'zh', '--period', '2026-09'], 'r.csv');
    const rows = parse(text(bytes).replace(/^\ufeff/, ''));
    expect(rows[0]!.slice(0, 3)).toEqual(['期间', '层级', '单位标识']);
    expect(rows.length).toBeGreaterThan(100);
    expect(rows.slice(1).every((r) => r[0] === '2026-09')).toBe(true);
    // Without a period, the columns are as they were.
    const none = parse(text((await run(['--lang', 'zh'], 'r.csv')).bytes).replace(/^\ufeff/, ''));
    expect(none[0]![0]).toBe('层级');
  });

  it('xlsx: the title row, and the file properties', async () => {
    const { bytes } = await run(['--lang', 'zh', '--period', '2026-09', '--as-of', '2026-10-08'], 'r.xlsx');
    const wb = await workbook(bytes as Uint8Array);
    expect(wb.getWorksheet('汇总').getCell('A1').value).toBe(
      '计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1  评估期 2026-09  基准日 2026-10-08',
    );
    expect(wb.subject).toBe('评估期 2026-09 · 基准日 2026-10-08');
    expect(wb.keywords).toBe('2026-09');
  });

  it('JUnit: the scheme version, the period and the reference date as properties of the verdict suite', async () => {
    const { out } = await run(['--period', '2026-09', '--as-of', '2026-10-08', '--format', 'junit']);
    expect(out).toContain(
      '<property name="schemeVersion" value="2008.1"/>\n      <property name="period" value="2026-09"/>\n      <property name="asOf" value="2026-10-08"/>',
    );
    const none = await run(['--format', 'junit']);
    expect(none.out).not.toContain('name="period"');
    expect(none.out).not.toContain('name="asOf"');
  });

  it('a batch summary states the months it covers (table, Markdown, HTML)', async () => {
    const run = async (args: string[]) => {
      const io = fakeIo();
      await main(['score', 'fixtures/jinzhong', '--lang', 'zh', ...args], io);
      return io.out;
    };
    expect((await run([])).split('\n')[0]).toBe(
      '计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1  评估期 2026-07 – 2026-09',
    );
    expect((await run(['--format', 'md', '--as-of', '2026-10-08'])).split('\n')[0]).toBe(
      '# 计划生育优质服务先进县评估方案（示例，非官方文本） 2008.1 评估期 2026-07 – 2026-09 基准日 2026-10-08',
    );
    expect(await run(['--format', 'html'])).toContain(
      '<title>计划生育优质服务先进县评估方案（示例，非官方文本） — 评估期 2026-07 – 2026-09</title>',
    );
  });

  it('the period found in a folder name is stated as --period would be', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'pinggu-period-')), '2026-09');
    mkdirSync(dir);
    for (const f of ['county.csv', 'townships.csv']) copyFileSync(join(ROOT, 'fixtures/xiyang', f), join(dir, f));
    try {
      const io = fakeIo();
      await main(['score', dir, '--lang', 'zh'], io);
      expect(io.out.split('\n')[0]).toBe('计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1  评估期 2026-09');
    } finally {
      rmSync(dirname(dir), { recursive: true, force: true });
    }
  });
});
