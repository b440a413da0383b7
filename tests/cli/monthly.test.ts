/**
 * The monthly job of issue 5, end to end: 晋中市's 11 counties × 3 months in one
 * command, a township's number changed in the third month, and the gates. Works on a
 * copy of fixtures/jinzhong in a temporary folder (the 08 → 09 months of the fixture
 * lose no points anywhere, so whatever the gates find comes from the change).
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from './fake-io';

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-monthly-'));
  fs.cpSync(path.join(ROOT, 'fixtures/jinzhong'), path.join(dir, 'jinzhong'), { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** Sets one cell of 2026-09/townships.csv (UTF-8 in the fixture). */
function setCell(county: string, township: string, header: string, value: string): void {
  const file = path.join(dir, 'jinzhong/2026-09/townships.csv');
  const rows = parseCsv(fs.readFileSync(file, 'utf8'), { bom: true });
  const col = rows[0]!.indexOf(header);
  const row = rows.find((r) => r[0] === county && r[1] === township);
  expect(col).toBeGreaterThan(0);
  expect(row).toBeDefined();
  row![col] = value;
  const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
  fs.writeFileSync(file, `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`);
}

/** `pinggu score <data> --lang en …` in the temporary folder (data: the whole fixture unless given). */
async function score(...args: string[]) {
  const io = fakeIo();
  io.cwd = dir;
  // Written to the temporary folder, so that a later run reads them as its history.
  io.writeFile = (p, d) => {
    fs.mkdirSync(path.dirname(p), { recursive: true });
    fs.writeFileSync(p, d);
  };
  const data = args[0]?.startsWith('jinzhong') ? [] : ['jinzhong'];
  const code = await main(['score', ...data, '--lang', 'en', ...args], io);
  return { code, out: io.out, err: io.err };
}

interface Reason {
  kind: string;
  unit: string;
  item?: string;
  points?: number;
  drop?: number;
  items?: { item: string; points: number }[];
}

describe('the monthly job on 晋中市 (11 counties × 3 months)', () => {
  it('one command: 33 assessments, the counties ranked in each month', async () => {
    const r = await score('--format', 'json', '--fail-on', 'never');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.assessments).toHaveLength(33);
    expect(doc.periods).toEqual(['2026-07', '2026-08', '2026-09']);
    for (const p of doc.rankings)
      expect(p.units.map((u: { rank: number }) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  it('unchanged data passes both gates', async () => {
    const r = await score(
      '--format',
      'json',
      '--fail-on',
      'never',
      '--fail-on-regression',
      '0',
      '--fail-on-new-failure',
    );
    expect(r.code).toBe(0);
    expect(JSON.parse(r.out).trend.gate).toEqual({ exitCode: 0, reasons: [] });
  });

  it('one township number changed in month 3: the item newly fails with its points, and the gate exits 1', async () => {
    setCell('介休市', '义安镇', '手术并发症例数', '1');
    const r = await score('--format', 'json', '--fail-on', 'never', '--fail-on-new-failure');
    expect(r.code).toBe(1);
    const reasons = JSON.parse(r.out).trend.gate.reasons as Reason[];
    expect(reasons).toEqual([
      expect.objectContaining({ kind: 'new-failure', unit: '介休市', item: 'yzfw_complication', points: -1 }),
    ]);
    // Said on stderr too, for the log of an unattended job.
    expect(r.err).toMatch(/介休市.*计划生育手术并发症/);
  });

  it('a change that lowers a county score is a regression naming the item and points lost', async () => {
    // Two more out-of-policy multiple births in one township (each case costs points).
    setCell('榆社县', '箕城镇', '政策外多孩出生数', '3');
    const r = await score('--format', 'json', '--fail-on', 'never', '--fail-on-regression', '0.5');
    expect(r.code).toBe(1);
    const reasons = JSON.parse(r.out).trend.gate.reasons as Reason[];
    expect(reasons).toHaveLength(1);
    expect(reasons[0]).toMatchObject({ kind: 'regression', unit: '榆社县' });
    expect(reasons[0]!.drop).toBeGreaterThan(0.5);
    expect(reasons[0]!.items).toContainEqual(expect.objectContaining({ item: 'rkkz_multi' }));
    const lost = reasons[0]!.items!.find((i) => i.item === 'rkkz_multi')!;
    expect(lost.points).toBeLessThan(0);
  });

  it('the table shows the trend and the failed gate', async () => {
    setCell('介休市', '义安镇', '手术并发症例数', '1');
    const r = await score('--fail-on', 'never', '--fail-on-new-failure');
    expect(r.code).toBe(1);
    expect(r.out).toContain('Compared: 2026-08 → 2026-09');
    expect(r.out).toMatch(/Gates: FAILED/);
    expect(r.out).toMatch(/计划生育手术并发症 \(yzfw_complication\) −1/);
  });

  it("--baseline: last month's report against this month's run", async () => {
    const prev = await score('jinzhong/2026-08', '--format', 'json', '--fail-on', 'never');
    fs.writeFileSync(path.join(dir, 'prev.json'), prev.out);
    setCell('介休市', '义安镇', '手术并发症例数', '1');
    const r = await score(
      'jinzhong/2026-09',
      '--format',
      'json',
      '--fail-on',
      'never',
      '--baseline',
      'prev.json',
      '--fail-on-new-failure',
    );
    expect(r.code).toBe(1);
    const reasons = JSON.parse(r.out).trend.gate.reasons as Reason[];
    expect(reasons.map((x) => [x.unit, x.item])).toEqual([['介休市', 'yzfw_complication']]);
  });

  it('the command of docs/monthly-jobs.md, two months running: reports, JUnit, history', async () => {
    fs.mkdirSync(path.join(dir, 'data'));
    for (const m of ['2026-07', '2026-08', '2026-09'])
      fs.cpSync(path.join(dir, 'jinzhong', m), path.join(dir, 'data', m), { recursive: true });
    const job = (month: string, data: string[]) =>
      score(
        ...data,
        '--quiet',
        '--output-dir',
        `reports/${month}`,
        '-o',
        `reports/${month}/junit.xml`,
        '--history',
        'reports/',
        '--fail-on',
        'never',
        '--fail-on-regression',
        '1',
        '--fail-on-new-failure',
      );
    fs.mkdirSync(path.join(dir, 'reports'));
    const aug = await job('2026-08', ['jinzhong/2026-08']); // nothing before it: no gate can fail
    expect(aug.code).toBe(0);
    // The first run has no history: the gates cannot fail, and the job is told so.
    expect(aug.err).toMatch(/^pinggu: warning: the gates have nothing earlier to compare with/);
    setCell('介休市', '义安镇', '手术并发症例数', '1');
    const sep = await job('2026-09', ['jinzhong']);
    expect(sep.code).toBe(1);
    expect(sep.out).toBe('');
    expect(sep.err).toMatch(/介休市/); // why the gate failed, even with --quiet
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'reports/2026-09/summary.json'), 'utf8'));
    expect(summary.assessments).toHaveLength(33);
    expect(summary.trend.gate.reasons.map((r: Reason) => r.item)).toEqual(['yzfw_complication']);
    for (const f of ['summary.html', 'junit.xml', '2026-09/介休市.html', '2026-09/介休市.json'])
      expect(fs.existsSync(path.join(dir, 'reports/2026-09', f))).toBe(true);
    // CI sees the gates first in the JUnit report, the failed one with its reason.
    const junit = fs.readFileSync(path.join(dir, 'reports/2026-09/junit.xml'), 'utf8');
    expect(junit).toMatch(/<testsuite name="Gates"[^>]* tests="2" failures="1"/);
    expect(junit).toMatch(
      /<testcase classname="pinggu.gates" name="--fail-on-new-failure" time="0">\n\s*<failure message="介休市: 计划生育手术并发症 \(yzfw_complication\) newly fails/,
    );
    expect(junit).toMatch(/<testcase classname="pinggu.gates" name="--fail-on-regression 1" time="0"\/>/);
    // … and the summary page says it before the rankings.
    const html = fs.readFileSync(path.join(dir, 'reports/2026-09/summary.html'), 'utf8');
    expect(html.indexOf('data-part="gates"')).toBeGreaterThan(0);
    expect(html.indexOf('data-part="gates"')).toBeLessThan(html.indexOf('data-part="batch-ranking"'));
  });

  it('an inspector adjustment is applied to the months it is in force, reported as expired and not applied after', async () => {
    fs.writeFileSync(
      path.join(dir, 'adj.csv'),
      '单位,指标,扣分,核定得分,理由,核查单位,文号,日期,有效期至\n介休市,出生统计求实率,2,,入户抽查发现漏报出生,省卫健委评估组,晋卫评〔2026〕3号,2026-07-20,2026-08-15\n',
    );
    const r = await score('--format', 'json', '--fail-on', 'never', '--adjustments', 'adj.csv');
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    const jx = doc.assessments.filter((e: { units: { name: string }[] }) => e.units[0]!.name === '介休市');
    const status = jx.map((e: { period: string; adjustments: { status: string }[] }) => [
      e.period,
      e.adjustments.map((x) => x.status),
    ]);
    expect(status).toEqual([
      ['2026-07', ['applied']],
      ['2026-08', ['expired']],
      ['2026-09', ['expired']],
    ]);
    // July: 2 points off (97.66 → 95.66), so 榆次区 (95.87) moves ahead; the self-assessed score is kept.
    expect(jx[0].units[0]).toMatchObject({ scaled: 95.663061, self: { scaled: 97.663061 }, rank: 2 });
    expect(jx[1].units[0].self).toBeUndefined();
    expect(r.err).toMatch(/adj\.csv:2:9: warning: .*expired on 2026-08-15 \(reference date 2026-09-30\): not applied/); // said once, against the newest month
    expect(r.err.match(/expired on/g)).toHaveLength(1);
    // The summary shows both scores where they differ.
    const table = await score('jinzhong/2026-07', '--fail-on', 'never', '--adjustments', 'adj.csv');
    expect(table.out).toMatch(/Self → adjusted/);
    expect(table.out).toMatch(/介休市\s+│ 97\.66 → 95\.66/);
  });

  it('an adjustment naming a county that is in no month is an error (exit 2)', async () => {
    fs.writeFileSync(
      path.join(dir, 'adj.csv'),
      '单位,指标,扣分,理由,核查单位,日期\n大同县,出生统计求实率,2,x,y,2026-07-20\n',
    );
    const r = await score('--format', 'json', '--adjustments', 'adj.csv');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/adj\.csv:2:1: error: unit "大同县"/);
  });
});
