/** `pinggu forecast` on fixtures/jinzhong: months read from folders, the year end projected and scored. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo } from './fake-io';

interface Json {
  months: string[];
  yearEnd: string;
  year: number;
  units: {
    name: string;
    yearEnd: { score: number; low: number; high: number; passed: boolean };
    items: { id: string; risk: unknown; path: { period: string; projected: boolean; value: number }[] }[];
  }[];
}

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  const io = fakeIo();
  const code = await main(['forecast', ...args], io);
  return { code, out: io.out, err: io.err };
}

describe('pinggu forecast', () => {
  it('as of August: September projected at the run rate, the items at risk named with the month they cross', async () => {
    const r = await run('fixtures/jinzhong', '--through', '2026-08', '--format', 'json');
    expect([r.code, r.err]).toEqual([0, '']);
    const f = JSON.parse(r.out) as Json;
    expect([f.year, f.yearEnd, f.months]).toEqual([2026, '2026-09', ['2026-07', '2026-08']]);
    const unit = f.units.find((u) => u.name === '灵石县')!;
    const rh = unit.items.find((i) => i.id === 'yzfw_rh')!;
    // 基本生殖健康服务覆盖率 = rh_served (ytd) / married_women (stock): 77.5% after 11 months of the year,
    // so 77.5% × 12/11 = 84.545% at year end (township rh_served rounded to whole people: within 0.005%).
    expect(rh.path.map((p) => [p.period, p.projected])).toEqual([
      ['2026-07', false],
      ['2026-08', false],
      ['2026-09', true],
    ]);
    expect(rh.path[1]!.value).toBe(0.775);
    expect(rh.path[2]!.value).toBeCloseTo((0.775 * 12) / 11, 4);
    // The band's low end misses 80%: at risk in September, by the band only.
    expect(rh.risk).toEqual({ kind: 'may-fail', from: '2026-09', already: false });
  });

  it('with the last month of the year reported, the year end is the September assessment itself', async () => {
    const r = await run('fixtures/jinzhong', '--format', 'json');
    expect(r.code).toBe(0);
    const f = JSON.parse(r.out) as Json;
    const score = (name: string) => f.units.find((u) => u.name === name)!.yearEnd;
    const shown = (x: number) => Math.round(x * 100) / 100;
    // fixtures/jinzhong/README.md: 2026-09 scores 96.89 (榆次区), 97.68 (介休市), 87.68 (昔阳县).
    expect([score('榆次区').score, score('介休市').score, score('昔阳县').score].map(shown)).toEqual([
      96.89, 97.68, 87.68,
    ]);
    expect(score('昔阳县').low).toBe(score('昔阳县').high);
  });

  it('says its words in the table (zh) and Markdown (en)', async () => {
    const table = await run('fixtures/jinzhong/2026-07', 'fixtures/jinzhong/2026-08', '--lang', 'zh');
    expect(table.out).toContain('年末预测（2026-09）');
    expect(table.out).toContain('区间内自 2026-09 起可能未达目标');
    const md = await run('fixtures/jinzhong/2026-07', 'fixtures/jinzhong/2026-08', '--format', 'md', '--lang', 'en');
    expect(md.out).toMatch(/^# Year-end forecast \(2026-09\)/);
    expect(md.out).toContain('may miss its target from 2026-09 (band)');
  });

  it('refuses what is not a month of one statistical year (exit 2)', async () => {
    const half = await run('fixtures/jinzhong', '--through', '2026h1', '--lang', 'en');
    expect([half.code, half.err]).toEqual([2, expect.stringContaining('"2026h1" is not a month')]);
    const xlsx = await run('fixtures/jinzhong', '--format', 'xlsx');
    expect(xlsx.code).toBe(2);
  });
});
