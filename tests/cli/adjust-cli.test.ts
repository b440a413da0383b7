/** `pinggu score --adjustments FILE [--as-of DATE]` in-process: exit codes, the self and adjusted scores in JSON and in the table. */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo } from './fake-io';

const SAMPLE = 'fixtures/xiyang';
const EXAMPLE = 'fixtures/adjustments/xiyang-2026.csv';

async function run(...args: string[]) {
  const io = fakeIo();
  const code = await main(['score', SAMPLE, ...args], io);
  return { code, out: io.out, err: io.err };
}

interface JItem {
  id: string;
  points: number;
  lost: number;
  status: string;
  explanation: string;
  adjustment?: Record<string, unknown>;
}
interface JUnit {
  name: string;
  scaled: number;
  passed: boolean;
  grade: string;
  rank: number;
  self?: { score: number; scaled: number; passed: boolean; grade: string };
  items: JItem[];
  children: JUnit[];
}

describe('score --adjustments', () => {
  it('the example file: exit 1 (the county still fails), the expired line warned on stderr with its position', async () => {
    const { code, err } = await run('--adjustments', EXAMPLE, '--as-of', '2026-07-31');
    expect(code).toBe(1);
    expect(err).toBe(
      'fixtures/adjustments/xiyang-2026.csv:4:9: warning: adjustment of 东冶头镇 / 流动人口信息通报反馈率 expired on 2026-06-30 (reference date 2026-07-31): not applied\n',
    );
  });

  it('JSON: self on the unit, adjustment on the item, and the adjustments list with the one not applied and why', async () => {
    const { out } = await run('--adjustments', EXAMPLE, '--as-of', '2026-07-31', '--format', 'json');
    const doc = JSON.parse(out) as { units: JUnit[]; adjustments: Record<string, unknown>[] };
    const county = doc.units[0]!;
    expect(county.self).toEqual({ score: 87.180468, scaled: 87.180468, passed: false, grade: '接近达标' });
    expect(county.scaled).toBe(85.680468);
    const stat = county.items.find((i) => i.id === 'rkkz_stat')!;
    expect(stat).toMatchObject({ points: 1.5, lost: 1.5, status: 'partial' });
    expect(stat.adjustment).toEqual({
      kind: 'deduct',
      amount: 1.5,
      selfPoints: 3,
      reason: '入户抽查发现漏报出生3例',
      authority: '省卫健委评估组',
      document: '晋卫评〔2026〕3号',
      date: '2026-07-20',
      expires: null,
    });
    expect(stat.explanation).toMatch(
      /met: full 3 points; inspector adjustment: 1\.5 deducted \(self-assessed 3 → 1\.5\), reason: 入户抽查发现漏报出生3例/,
    );
    // 皋落镇 passed on its own figures and fails after the override.
    const gaoluo = county.children.find((c) => c.name === '皋落镇')!;
    expect(gaoluo.self).toMatchObject({ passed: true, scaled: 94.845809 });
    expect(gaoluo).toMatchObject({ passed: false, scaled: 88.288432 });
    // Items without adjustments carry no adjustment key; units without, no self.
    expect(county.items.find((i) => i.id === 'rkkz_policy')).not.toHaveProperty('adjustment');
    expect(county.children.find((c) => c.name === '乐平镇')).not.toHaveProperty('self');
    expect(doc.adjustments.map((r) => [r.unit, r.item, r.status, r.applied])).toEqual([
      ['昔阳县', 'rkkz_stat', 'applied', true],
      ['皋落镇', 'lyd_reward', 'applied', true],
      ['东冶头镇', 'ldrk_info', 'expired', false],
    ]);
    expect(doc.adjustments[2]).toMatchObject({
      why: 'not applied: expired on 2026-06-30 (reference date 2026-07-31)',
      asOf: '2026-07-31',
      points: null,
      line: 4,
      file: EXAMPLE,
    });
    expect(doc.adjustments[1]).toMatchObject({
      selfPoints: 4,
      points: 0,
      kind: 'override',
      amount: 0,
      code: '140724101',
    });
  });

  it('the table shows self-assessed → adjusted in the header, marks the adjusted item, and lists every line', async () => {
    const zh = await run('--adjustments', EXAMPLE, '--as-of', '2026-07-31', '--lang', 'zh');
    expect(zh.out).toMatch(
      /^昔阳县 {2}得分 85\.68 \/ 100（加分 \+2） {2}及格线 90 {2}未通过 {2}等级 接近达标\n抽查核定：自评 87\.18 → 核定 85\.68$/m,
    );
    expect(zh.out).toMatch(/│ 出生统计求实率 \* +│ 96\.6% +│ ≥ 95% +│ +│ 1\.5 +│ 1\.5 +│ 部分失分 +│/);
    expect(zh.out).toMatch(/^ {2}皋落镇：自评 94\.85 通过 → 核定 88\.29 未通过$/m);
    expect(zh.out).toMatch(
      /^ {2}• 昔阳县 — 出生统计求实率：扣 1\.5 分（3 → 1\.5）；理由：入户抽查发现漏报出生3例；省卫健委评估组 晋卫评〔2026〕3号 2026-07-20$/m,
    );
    expect(zh.out).toMatch(
      /^ {2}✗ 东冶头镇 — 流动人口信息通报反馈率：核定为 3 分；.*；未采用：已于 2026-06-30 失效（基准日 2026-07-31）$/m,
    );
    const en = await run('--adjustments', EXAMPLE, '--as-of', '2026-07-31');
    expect(en.out).toMatch(/^Inspector adjustments: self-assessed 87\.18 → adjusted 85\.68$/m);
    expect(en.out).toMatch(
      /^Inspector adjustments \(marked \*\): 2 applied, 1 not applied \(reference date 2026-07-31\)$/m,
    );
  });

  it('the YAML example gives the same JSON as the CSV one, but for the file and line of each record', async () => {
    const strip = (s: string) => s.replace(/"file": ".*?",\n\s*"line": \d+/g, '');
    const a = await run('--adjustments', EXAMPLE, '--as-of', '2026-07-31', '--format', 'json');
    const b = await run(
      '--adjustments',
      'fixtures/adjustments/xiyang-2026.yaml',
      '--as-of',
      '2026-07-31',
      '--format',
      'json',
    );
    expect(b.code).toBe(1);
    expect(strip(b.out)).toBe(strip(a.out));
  });

  it('adjustments can flip the exit code: the county lifted over the pass line exits 0', async () => {
    expect((await run()).code).toBe(1);
    const { code, out } = await run('--adjustments', 'tests/fixtures/adjustments/pass.csv', '--as-of', '2026-07-31');
    expect(code).toBe(0);
    expect(out).toMatch(/Score 93\.18 \/ 100 \(bonus \+2\) {2}pass line 90 {2}PASS/);
    expect(out).toMatch(/^Inspector adjustments: self-assessed 87\.18 FAIL → adjusted 93\.18 PASS$/m);
  });

  it('an adjustment not yet in force on the reference date is not applied (exit 1, warned)', async () => {
    const { code, err } = await run('--adjustments', 'tests/fixtures/adjustments/pass.csv', '--as-of', '2026-07-01');
    expect(code).toBe(1);
    expect(err).toMatch(
      /^tests\/fixtures\/adjustments\/pass\.csv:2:7: warning: adjustment of 昔阳县 \/ 奖励扶助金兑现率 is dated 2026-07-25, after the reference date 2026-07-01: not yet in force, not applied$/m,
    );
  });

  it('without --as-of the reference date is today: the run still works', async () => {
    const { code, out } = await run('--adjustments', EXAMPLE, '--format', 'json');
    expect(code).toBe(1);
    expect((JSON.parse(out) as { adjustments: { asOf: string }[] }).adjustments[0]!.asOf).toMatch(
      /^\d{4}-\d{2}-\d{2}$/,
    );
  });

  it('explain takes the same option: the adjusted points, the adjustment in the scoring line', async () => {
    const io = fakeIo();
    const code = await main(
      ['explain', 'lyd_reward', SAMPLE, '--unit', '皋落镇', '--adjustments', EXAMPLE, '--as-of', '2026-07-31'],
      io,
    );
    expect(code).toBe(0);
    expect(io.out).toMatch(
      /^Scoring: .*met: full 4 points; inspector adjustment: set to 0 \(self-assessed 4 → 0\), reason: 抽查12户/m,
    );
    expect(io.out).toMatch(/^Points: 0 \/ 4 \(4 lost\) {2}failed$/m);
  });

  const errors: [string, string[], RegExp[]][] = [
    [
      'an unknown unit and an unknown item',
      ['--adjustments', 'tests/fixtures/adjustments/unknown-unit.csv'],
      [
        /^tests\/fixtures\/adjustments\/unknown-unit\.csv:3:1: error: unit "火星镇": no unit of that name or code in the data$/m,
        /^tests\/fixtures\/adjustments\/unknown-unit\.csv:4:2: error: item "no_such_item": no item of that id or title in the scheme$/m,
      ],
    ],
    [
      'an unknown column',
      ['--adjustments', 'tests/fixtures/adjustments/unknown-column.csv'],
      [/^tests\/fixtures\/adjustments\/unknown-column\.csv:1:8: error: unknown column "colour"/m],
    ],
    [
      'a negative deduction',
      ['--adjustments', 'tests/fixtures/adjustments/negative.csv', '--lang', 'zh'],
      [/^tests\/fixtures\/adjustments\/negative\.csv:2:3: 错误: 扣分：-1 为负数/m],
    ],
    ['a missing file', ['--adjustments', 'no/such.csv'], [/^pinggu: --adjustments no\/such\.csv: no such file$/m]],
    [
      'a folder',
      ['--adjustments', 'fixtures/adjustments'],
      [/^pinggu: --adjustments fixtures\/adjustments: is a folder; give the CSV or YAML file$/m],
    ],
    [
      'a bad --as-of',
      ['--adjustments', EXAMPLE, '--as-of', '31.07.2026'],
      [/^pinggu: --as-of 31\.07\.2026: a date written YYYY-MM-DD expected/m],
    ],
  ];
  for (const [what, args, err] of errors) {
    it(`${what}: exit 2, one line each, no report`, async () => {
      const r = await run(...args);
      expect(r.code).toBe(2);
      for (const re of err) expect(r.err).toMatch(re);
      expect(r.out).toBe('');
      expect(r.err).not.toMatch(/\n\s+at .+:\d+:\d+|\[object Object\]|undefined/);
    });
  }
});
