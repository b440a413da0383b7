/**
 * The sample county: `pinggu plan fixtures/xiyang` lifts 昔阳县 over the pass line 90,
 * checked by scoring the changed data again; the default effort; the CLI's formats and exit codes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Workbook } from 'exceljs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { readDataset } from '../../src/data/dataset';
import { evaluate } from '../../src/engine/evaluate';
import { applyChanges } from '../../src/plan/apply';
import { effortOf } from '../../src/plan/effort';
import { makePlan } from '../../src/plan/plan';
import { Rational } from '../../src/rational';
import { loadScheme } from '../../src/scheme/load';
import { fakeIo, ROOT } from '../cli/fake-io';

const s = loadScheme(readFileSync(join(ROOT, 'criteria/jsyzfw-2008.yaml'), 'utf8'), 'jsyzfw-2008.yaml').scheme!;
const d = readDataset(
  s,
  ['county.csv', 'townships.csv'].map((n) => ({ name: n, bytes: readFileSync(join(ROOT, 'fixtures/xiyang', n)) })),
);

describe('昔阳县 (fixtures/xiyang)', () => {
  it('scores 87.18 now; the plan pays 2 more 奖励扶助 recipients in 大寨镇: 0 → 4 points, 91.18, passes', () => {
    const p = makePlan(s, d, { goal: { kind: 'pass' } })!;
    expect(p.before.scaled.toDecimal(2)).toBe('87.18');
    expect(p.before.passed).toBe(false);
    expect(p.found).toBe(true);
    expect(p.steps.map((x) => [x.item, x.change.toDecimal()])).toEqual([['lyd_reward', '2']]);
    expect(p.steps[0]!.units.map((u) => [u.name, u.from.toDecimal(), u.to.toDecimal()])).toEqual([
      ['大寨镇', '132', '134'],
    ]);
    // Default effort: 2 of 1,767 paid now = 2 × 100 ÷ 1767 ≈ 0.11.
    expect(p.effort.eq(Rational.of(200n, 1767n))).toBe(true);
    // Scored again here: the county gains exactly the item's 4 points (87.18 + 4 = 91.18 ≥ 90).
    const county = d.units.find((u) => u.name === '大寨镇')!;
    const again = evaluate(
      s,
      applyChanges(d, [{ level: county.level, key: county.key, field: 'reward_paid', to: Rational.int(134) }]),
    ).units[0]!;
    expect(again.scaled.eq(p.before.scaled.add(Rational.int(4)))).toBe(true);
    expect(again.scaled.ge(Rational.int(90))).toBe(true);
    expect(again.passed).toBe(true);
    expect(p.after!.scaled.eq(again.scaled)).toBe(true);
  });

  it('the default effort is the change in percent of the current value; a percent lever counts percentage points', () => {
    const item = s.items.find((i) => i.id === 'lyd_reward')!;
    const field = s.fields.get('reward_paid')!;
    // 2 of 200 → 1% → effort 1.
    expect(effortOf(item, field, Rational.int(200), Rational.int(2)).eq(Rational.ONE)).toBe(true);
    // With effort: 3 per recipient: 2 × 3 = 6.
    expect(
      effortOf({ ...item, effort: Rational.int(3) }, field, Rational.int(200), Rational.int(2)).eq(Rational.int(6)),
    ).toBe(true);
    const pct = { ...field, type: 'percent' as const };
    // 1.4 pp with effort 2 per percentage point = 2.8.
    const e = effortOf({ ...item, effort: Rational.int(2) }, pct, Rational.parse('0.886')!, Rational.parse('0.014')!);
    expect(e.eq(Rational.parse('2.8')!)).toBe(true);
  });
});

describe('pinggu plan (CLI)', () => {
  it('writes the plan as JSON and exits 0', async () => {
    const io = fakeIo();
    const code = await main(['plan', 'fixtures/xiyang', '--format', 'json', '--lang', 'en'], io);
    expect(code).toBe(0);
    const doc = JSON.parse(io.out) as {
      status: string;
      after: { scaled: number; passed: boolean };
      steps: { units: { name: string }[] }[];
    };
    expect(doc.status).toBe('found');
    expect(doc.after.passed).toBe(true);
    expect(doc.after.scaled).toBeGreaterThanOrEqual(90);
    expect(doc.steps[0]!.units[0]!.name).toBe('大寨镇');
  });

  it('exits 1 when no plan reaches the goal (score 120 of 100), naming the best reachable score', async () => {
    const io = fakeIo();
    const code = await main(['plan', 'fixtures/xiyang', '--goal', 'score:120', '--lang', 'en'], io);
    expect(code).toBe(1);
    expect(io.out).toContain('No plan reaches the goal.');
    expect(io.out).toMatch(/every remedy together reaches [\d.]+, short of the 120 needed/);
    // 出生人口性别比 has no lever in jsyzfw-2008 and loses 2.5 points (111.28 is 4.28 beyond 107: 5 points begun × 0.5).
    expect(io.out).toContain('"出生人口性别比" loses 2.5 points and has no lever in the scheme');
  });

  it('a bad --goal is a usage error (exit 2)', async () => {
    const io = fakeIo();
    const code = await main(['plan', 'fixtures/xiyang', '--goal', 'top3', '--lang', 'en'], io);
    expect(code).toBe(2);
    expect(io.err).toContain('--goal "top3": expected pass, score:N');
  });

  it('writes a 整改计划 sheet, markdown and HTML', async () => {
    const io = fakeIo();
    const files = ['plan.xlsx', 'plan.md', 'plan.html'].map((f) => join(ROOT, 'tmp-plan', f));
    const code = await main(['plan', 'fixtures/xiyang', '--lang', 'zh', ...files.flatMap((f) => ['-o', f])], io);
    expect(code).toBe(0);
    expect(String(io.written.get(files[1]!))).toContain(
      '| 奖励扶助金兑现率 | 大寨镇 | +2 奖励扶助已兑现人数 | 132 → 134 | 2 |',
    );
    expect(String(io.written.get(files[2]!))).toContain('<td>大寨镇</td>');
    const ExcelJS = ((await import('exceljs')) as unknown as { default: typeof import('exceljs') }).default;
    const wb: Workbook = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(io.written.get(files[0]!) as Uint8Array) as never);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['整改计划']);
    const rows = wb
      .getWorksheet('整改计划')!
      .getSheetValues()
      .filter(Boolean)
      .map((r) => (r as unknown[]).slice(1));
    expect(rows).toContainEqual(['单位', '指标', '整改杠杆', '变动', '现值 → 目标值', '工作量', '责任人']);
    expect(rows).toContainEqual(['大寨镇', '奖励扶助金兑现率', '奖励扶助已兑现人数', '+2', '132 → 134', 0.113186]);
  });
});
