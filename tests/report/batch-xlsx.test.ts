/**
 * Issue #11 point 7: `--format xlsx` for a batch writes one city workbook (it was
 * refused): a summary, a ranking, the items × counties league table and one sheet per
 * county and period, with Excel-safe unique sheet names; LibreOffice opens it when
 * installed (headless conversion of the summary sheet to CSV).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { uniqueSheetNames } from '../../src/report/shared/xlsx-cells';
import { fakeIo, ROOT } from '../cli/fake-io';

interface Ws {
  name: string;
  getRow(r: number): { values: unknown[] };
  getCell(a: string): { value: unknown; numFmt?: string; fill?: { fgColor?: { argb?: string } } };
  rowCount: number;
}

async function city(args: string[] = []): Promise<{ code: number; bytes: Uint8Array; err: string }> {
  const io = fakeIo();
  const code = await main(['score', 'fixtures/jinzhong', '--lang', 'zh', ...args, '-o', 'out/city.xlsx'], io);
  return { code, bytes: io.written.get(join(ROOT, 'out/city.xlsx')) as Uint8Array, err: io.err };
}

async function load(bytes: Uint8Array): Promise<{ worksheets: Ws[]; subject: string; getWorksheet(n: string): Ws }> {
  const ExcelJS = ((await import('exceljs')) as any).default;
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes));
  return wb;
}

const values = (ws: Ws, r: number): unknown[] => ws.getRow(r).values.slice(1);

describe('the city workbook of a batch', () => {
  // The city is scored once for the tests below (a batch of 33 assessments takes seconds);
  // "two runs" scores it once more and compares the bytes with this run's.
  let first: Awaited<ReturnType<typeof city>>;
  beforeAll(async () => {
    first = await city();
  }, 60_000);

  it('has a summary, a ranking, the league table and one sheet per county and period, newest first', async () => {
    const { code, bytes, err } = first;
    expect(code, err).toBe(1); // some counties fail
    expect(bytes).toBeInstanceOf(Uint8Array);
    const wb = await load(bytes);
    const names = wb.worksheets.map((w) => w.name);
    expect(names.slice(0, 4)).toEqual(['汇总', '排名', '单项指标对比表', '2026-09 介休市']);
    expect(names.length).toBe(3 + 11 * 3);
    expect(names).toContain('2026-07 昔阳县');
    expect(wb.subject).toBe('评估期 2026-07 – 2026-09');

    const summary = wb.getWorksheet('汇总');
    expect(summary.getCell('A1').value).toBe(
      '计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1  评估期 2026-07 – 2026-09',
    );
    expect(values(summary, 2)).toEqual([
      '单位',
      '代码',
      '折算分',
      '排名',
      '参评数',
      '结论',
      '等级',
      '一票否决',
      '折算分 2026-07',
      '折算分 2026-08',
    ]);
    expect(values(summary, 3)).toEqual([
      '介休市',
      '140781',
      97.680993,
      1,
      11,
      '通过',
      '优秀',
      '未触发',
      97.663061,
      93.663563,
    ]);

    const ranking = wb.getWorksheet('排名');
    expect(values(ranking, 2).slice(0, 5)).toEqual(['2026-09', 1, '介休市', '140781', 97.680993]);
    // Every period, newest first: 11 counties × 3 months.
    expect(ranking.rowCount).toBe(1 + 33);

    const league = wb.getWorksheet('单项指标对比表');
    expect(values(league, 2).slice(0, 4)).toEqual(['指标编号', '指标', '目标', '介休市']);
    expect(values(league, 2).length).toBe(3 + 11);
    const policy = values(league, 5);
    expect(policy.slice(0, 3)).toEqual(['rkkz_policy', '符合政策生育率', '≥ 95%']);
    expect(league.getCell('D5').numFmt).toBe('0.00%');
    expect(league.getCell('D5').value).toBe(0.964757);

    const xiyang = wb.getWorksheet('2026-09 昔阳县');
    expect(xiyang.getCell('A1').value).toBe(
      '计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1  评估期 2026-09',
    );
    const rows = Array.from({ length: xiyang.rowCount }, (_, k) => values(xiyang, k + 1));
    const reward = rows.find((r) => r[0] === 'lyd_reward')!;
    // The same number as the batch JSON has for that county and month.
    const io = fakeIo();
    await main(['score', 'fixtures/jinzhong', '--format', 'json', '--detail', 'full'], io);
    const doc = JSON.parse(io.out) as {
      assessments: { period: string; units: { name: string; items: { id: string; value: number }[] }[] }[];
    };
    const json = doc.assessments
      .find((x) => x.period === '2026-09' && x.units[0]!.name === '昔阳县')!
      .units[0]!.items.find((i) => i.id === 'lyd_reward')!;
    expect(reward.slice(1, 5)).toEqual(['奖励扶助金兑现率', json.value, '≥ 100%', '未达标']);
  });

  it('gives identical bytes on two runs', async () => {
    const b = await city();
    expect(Buffer.from(first.bytes).equals(Buffer.from(b.bytes))).toBe(true);
  });

  it('sheet names are Excel-safe: at most 31 characters, none of []:*?/\\, unique ignoring case', () => {
    const names = uniqueSheetNames([
      'a/b',
      'A_B',
      '[x]:*?',
      'Sheet',
      'sheet',
      '很长的名字'.repeat(10),
      '很长的名字'.repeat(10),
      "'q'",
      '   ',
    ]);
    expect(names[0]).toBe('a_b');
    expect(names[1]).toBe('A_B (2)');
    expect(names[2]).toBe('_x____');
    expect(names[4]).toBe('sheet (2)');
    expect([...names[5]!].length).toBeLessThanOrEqual(31);
    expect([...names[6]!].length).toBeLessThanOrEqual(31);
    expect(names[6]!.endsWith(' (2)')).toBe(true);
    expect(names[7]).toBe('q');
    expect(names[8]).toBe('Sheet (3)');
    for (const n of names) expect(n).not.toMatch(/[[\]:*?/\\]/);
    expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
  });

  const soffice = spawnSync('soffice', ['--version'], { encoding: 'utf8' }).status === 0;
  it.skipIf(!soffice)(
    'opens in LibreOffice (headless): every sheet converts to CSV, the summary with the counties',
    () => {
      const dir = mkdtempSync(join(tmpdir(), 'pinggu-city-'));
      try {
        writeFileSync(join(dir, 'city.xlsx'), first.bytes);
        // One conversion (LibreOffice starts once, seconds): every sheet to its own CSV
        // (sheet option -1 names each `city-<sheet>.csv`), cells as shown.
        execFileSync(
          'soffice',
          [
            '--headless',
            `-env:UserInstallation=file://${dir}/profile`,
            '--convert-to',
            'csv:Text - txt - csv (StarCalc):44,34,76,1,,0,true,true,true,false,false,-1',
            '--outdir',
            dir,
            join(dir, 'city.xlsx'),
          ],
          { stdio: 'ignore', timeout: 120_000 },
        );
        const sheets = readdirSync(dir).filter((f) => f.endsWith('.csv'));
        expect(sheets.length).toBe(3 + 11 * 3);
        const csv = readFileSync(join(dir, 'city-汇总.csv'), 'utf8');
        expect(csv).toContain('评估期 2026-07 – 2026-09');
        expect(csv).toContain('"介休市","140781",97.68,1,11,"通过","优秀","未触发",97.66,93.66');
        const league = readFileSync(join(dir, 'city-单项指标对比表.csv'), 'utf8');
        // As shown: the rate cells carry their percent format (96.4757% stored, 0.00%).
        expect(league).toContain('"rkkz_policy","符合政策生育率","≥ 95%",96.48%,');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
    180_000,
  );
});
