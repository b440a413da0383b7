/**
 * Files an analyst's folder really holds (issue 11, points 1 and 4): .xls workbooks,
 * lock files of Excel/WPS/LibreOffice, a workbook with two sheets of townships.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from './fake-io';

/** `pinggu <args>` run in-process in `cwd` (what these tests check is the message, not the process). */
async function run(cwd: string, ...args: string[]): Promise<{ status: number; stdout: string; stderr: string }> {
  const io = fakeIo();
  io.cwd = cwd;
  const status = await main(args, io);
  return { status, stdout: io.out, stderr: io.err };
}
const said = (r: Awaited<ReturnType<typeof run>>) => r.stdout + r.stderr;

const OLE2 = Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]);
const csvRows = (file: string) =>
  readFileSync(join(ROOT, 'fixtures/xiyang', file), 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.match(/("[^"]*"|[^,]+)/g)!.map((c) => c.replace(/"/g, '')));

/** A county folder: the county's CSV, and the townships as given. */
function county(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-desk-'));
  copyFileSync(join(ROOT, 'fixtures/xiyang/county.csv'), join(dir, 'county.csv'));
  return dir;
}

async function workbook(sheets: Record<string, string[][]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of Object.entries(sheets)) wb.addWorksheet(name).addRows(rows);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

describe('.xls files', () => {
  it('names an Excel 97–2003 workbook in a folder, with how to re-save it, instead of skipping it', async () => {
    const dir = county();
    copyFileSync(join(ROOT, 'fixtures/xiyang/townships.csv'), join(dir, 'towns.csv'));
    writeFileSync(join(dir, '报表.xls'), OLE2);
    const r = await run(dir, 'score', '.', '--lang', 'zh');
    expect(r.status).toBe(2);
    expect(said(r)).toMatch(
      /报表\.xls:1:1: 错误: 这是 Excel 97–2003 工作簿（\.xls），本程序不读取；请用 Excel 或 WPS 打开，另存为 \.xlsx 或 CSV.*WPS：文件 → 另存为 → \.xlsx/,
    );
    expect(said(r)).not.toMatch(/请用 \.xlsx 扩展名/);
  });

  it('says what an .xls name really holds when named directly', async () => {
    const dir = county();
    writeFileSync(join(dir, 'a.xls'), OLE2);
    writeFileSync(join(dir, 'b.xls'), await workbook({ 乡镇: csvRows('townships.csv') }));
    writeFileSync(join(dir, 'c.xls'), '<html><body><table><tr><td>乡镇</td></tr></table></body></html>');
    copyFileSync(join(ROOT, 'fixtures/xiyang/townships.csv'), join(dir, 'd.xls'));
    expect(said(await run(dir, 'score', 'a.xls', 'county.csv'))).toMatch(
      /a\.xls:1:1: error: an Excel 97–2003 workbook \(\.xls\), which pinggu does not read; open it in Excel or WPS and save it as \.xlsx or CSV/,
    );
    expect(said(await run(dir, 'score', 'b.xls', 'county.csv'))).toMatch(
      /b\.xls:1:1: error: named \.xls, but it is an \.xlsx workbook; rename it to \.xlsx/,
    );
    expect(said(await run(dir, 'check', 'c.xls', '--lang', 'zh'))).toMatch(
      /c\.xls:1:1: 错误: 扩展名是 \.xls，内容却是网页/,
    );
    const text = await run(dir, 'score', 'd.xls', 'county.csv');
    expect([text.status, said(text)]).toEqual([
      2,
      expect.stringMatching(/d\.xls:1:1: error: named \.xls, but it is a text \(CSV\) file; rename it to \.csv/),
    ]);
  });

  it('reads the .xlsx re-saved beside an .xls of the same name, and says the .xls was not read', async () => {
    const dir = county();
    copyFileSync(join(ROOT, 'fixtures/xiyang/townships.csv'), join(dir, '报表.csv'));
    writeFileSync(join(dir, '报表.xls'), OLE2);
    const r = await run(dir, 'score', '.', '--verbose');
    expect(r.status).toBe(1);
    expect(said(r)).toMatch(
      /报表\.xls: note: not read: an Excel 97–2003 workbook \(\.xls\); 报表\.csv beside it is read instead/,
    );
  });
});

describe('lock files', () => {
  it('skips ~$ and .~lock. files in a pattern and a folder with a note, never reading them', async () => {
    const dir = county();
    mkdirSync(join(dir, 'lk'));
    writeFileSync(join(dir, 'lk/报表.xlsx'), await workbook({ 乡镇: csvRows('townships.csv') }));
    writeFileSync(join(dir, 'lk/~$报表.xlsx'), Buffer.from('\u0006Office user'));
    writeFileSync(join(dir, 'lk/.~lock.报表.xlsx#'), 'user,host,2026\n');
    const glob = await run(dir, 'score', 'lk/*.xlsx', 'county.csv', '--verbose');
    expect(glob.status).toBe(1);
    expect(said(glob)).toMatch(
      /lk\/~\$报表\.xlsx: note: skipped: a lock file that Excel, WPS or LibreOffice keeps while a workbook is open, not data/,
    );
    expect(said(glob)).not.toMatch(/zip|central directory|jszip/i);
    copyFileSync(join(dir, 'county.csv'), join(dir, 'lk/county.csv'));
    const folder = await run(dir, 'score', 'lk', '--verbose');
    expect(folder.status).toBe(1);
    expect(said(folder)).toMatch(/lk\/\.~lock\.报表\.xlsx#: note: skipped: a lock file/);
    const check = await run(dir, 'check', 'lk', '--verbose');
    expect([check.status, said(check)]).toEqual([
      0,
      expect.stringMatching(/lk\/~\$报表\.xlsx: note: skipped: a lock file/),
    ]);
    const named = await run(dir, 'score', 'lk/~$报表.xlsx', 'county.csv', '--lang', 'zh');
    expect([named.status, said(named)]).toEqual([
      2,
      expect.stringMatching(
        /~\$报表\.xlsx:1:1: 错误: 这是 Excel、WPS 或 LibreOffice 打开工作簿时生成的锁定文件，不是数据/,
      ),
    ]);
  });
});

describe('a workbook with two sheets of townships', () => {
  it('is one error naming the sheets and --sheet, and reads the one chosen', async () => {
    const dir = county();
    const towns = csvRows('townships.csv');
    const last = towns.map((r, i) => (i === 0 ? r : r.map((c, j) => (j === 5 ? String(Number(c) + 1) : c))));
    writeFileSync(join(dir, '报表.xlsx'), await workbook({ 乡镇: towns, 上月乡镇: last }));
    const r = await run(dir, 'score', '报表.xlsx', 'county.csv', '--lang', 'zh');
    expect(r.status).toBe(2);
    expect(said(r)).toMatch(
      /报表\.xlsx:1:1: 错误: 本工作簿有 2 个工作表带乡镇表头（“乡镇”、“上月乡镇”），均未读取；请用 --sheet 指定要评分的工作表（例如 --sheet 乡镇）/,
    );
    expect(said(r).match(/错误:/g)!.length).toBeLessThan(5);
    expect((await run(dir, 'score', '报表.xlsx', 'county.csv', '--sheet', '乡镇')).status).toBe(1);
  });

  it('sheets of different townships (one table split in sheets) are all read, no error', async () => {
    const dir = county();
    const [head, ...rows] = csvRows('townships.csv');
    const units = rows.filter((r) => !/合计/.test(r[0]!));
    const half = Math.ceil(units.length / 2);
    writeFileSync(
      join(dir, '报表.xlsx'),
      await workbook({ 东片: [head!, ...units.slice(0, half)], 西片: [head!, ...units.slice(half)] }),
    );
    const r = await run(dir, 'score', '报表.xlsx', 'county.csv', '--lang', 'zh', '--format', 'json');
    expect(said(r)).not.toMatch(/均未读取/);
    expect(r.status).toBe(1);
    expect(JSON.parse(r.stdout).units[0].children).toHaveLength(units.length);
  });
});

describe('a folder whose data is in month subfolders', () => {
  it('check names the month folders and how to check one, where score would search below', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinggu-months-'));
    for (const m of ['2026-07', '2026-08', '2026-09', '2026-10']) {
      mkdirSync(join(dir, 'data', m), { recursive: true });
      for (const f of ['townships.csv', 'county.csv'])
        copyFileSync(join(ROOT, 'fixtures/xiyang', f), join(dir, 'data', m, f));
    }
    mkdirSync(join(dir, 'data', 'notes'));
    const zh = await run(dir, 'check', 'data', '--lang', 'zh');
    expect(zh.status).toBe(2);
    expect(said(zh)).toContain(
      'data：数据文件在它的子文件夹里（2026-07、2026-08、…、2026-10）；请指定其中一个，例如 data/2026-10，或用 pinggu score data 一起评分',
    );
    const en = await run(dir, 'check', 'data', '--lang', 'en');
    expect(said(en)).toContain('data: the data files are in its subfolders (2026-07, 2026-08, …, 2026-10); name one');
    // A folder with nothing to read anywhere names every kind it reads.
    mkdirSync(join(dir, 'empty', 'sub'), { recursive: true });
    const none = await run(dir, 'check', 'empty', '--lang', 'en');
    expect(said(none)).toContain('empty: the folder has no .csv, .tsv or .xlsx files');
    expect((await run(dir, 'check', 'data/2026-09', '--lang', 'en')).status).not.toBe(2);
  });
});
