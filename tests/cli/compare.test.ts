import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { memIo, reports } from '../trend/support';

const T = 'tests/fixtures/trend';

async function run(args: string[], env?: Record<string, string>) {
  const { sample, worse } = await reports();
  const io = memIo({ 'before.json': sample, 'after.json': worse }, env);
  const code = await main(['compare', ...args], io);
  // Never a stack trace, never [object Object] or undefined.
  expect(io.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  expect(io.out + io.err).not.toMatch(/\[object Object\]|undefined|NaN|Infinity/);
  return { code, out: io.out, err: io.err };
}

describe('pinggu compare', () => {
  it('two runs of the sample, one township number changed: the item and the points lost; no gate, exit 0', async () => {
    const r = await run(['before.json', 'after.json']);
    expect(r.code).toBe(0);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/^Trend: 计划生育优质服务先进县评估方案.* 2008\.1\nCompared: baseline → current\n/);
    expect(r.out).toMatch(/│ 昔阳县 +│ 87\.18 +│ 86\.4 +│ −0\.78 +│/);
    expect(r.out).toMatch(
      /│ 综合避孕率 +│ 6 → 5\.22 +│ −0\.78 +│ 85\.33% → 84\.22% \(−1\.1%\) +│ met → partial +│\n│ +│ +│ +│ +│ newly failing +│/,
    );
    expect(r.out).toMatch(/^Newly failing \(1\):\n {2}- 综合避孕率 \(yzfw_contraception\) −0\.78$/m);
    expect(r.out).toMatch(/^Newly failing below 昔阳县:\n {2}- 乐平镇: 综合避孕率 −3\.44$/m);
    expect(r.out).not.toMatch(/Gates/);
  });

  it('--fail-on-regression 0: any drop fails, naming the unit, the drop and the item', async () => {
    const r = await run(['before.json', 'after.json', '--fail-on-regression', '0']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^Gates: FAILED\n {2}昔阳县: the score dropped by 0\.78 \(from 87\.18 to 86\.4\), more than 0; lost on: 综合避孕率 −0\.78$/m,
    );
  });

  it('--fail-on-regression 1: a drop of 0.78 passes', async () => {
    const r = await run(['before.json', 'after.json', '--fail-on-regression', '1']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^Gates: passed$/m);
  });

  it('--fail-on-new-failure: the newly failing item fails the gate', async () => {
    const r = await run(['before.json', 'after.json', '--fail-on-new-failure']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(
      /^ {2}昔阳县: 综合避孕率 \(yzfw_contraception\) newly fails \(met → partial; points −0\.78\)$/m,
    );
    // The other way round the item is newly met, and nothing fails.
    const back = await run(['after.json', 'before.json', '--fail-on-new-failure', '--fail-on-regression', '0']);
    expect(back.code).toBe(0);
    expect(back.out).toMatch(/^Newly met \(1\):\n {2}- 综合避孕率 \(yzfw_contraception\) \+0\.78$/m);
  });

  it('in Chinese', async () => {
    const r = await run(['before.json', 'after.json', '--lang', 'zh', '--fail-on-new-failure']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^趋势对比：/);
    expect(r.out).toMatch(/对比：基期 → 本期/);
    expect(r.out).toMatch(/新失分指标（1 项）：\n {2}- 综合避孕率/);
    expect(r.out).toMatch(
      /门槛：未通过\n {2}昔阳县：综合避孕率 \(yzfw_contraception\) 新失分（达标 → 部分失分，−0\.78 分）/,
    );
    expect(r.out).not.toMatch(/Unit|Before|Newly|Gates|Compared|items that/);
  });

  it('--format json: the trend object with exact differences', async () => {
    const r = await run(['before.json', 'after.json', '--format', 'json', '--fail-on-regression', '0.5']);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(Object.keys(doc)).toEqual(['schemaVersion', 'kind', 'before', 'after', 'trend']);
    expect(doc).toMatchObject({ schemaVersion: 1, kind: 'trend', before: ['before.json'], after: 'after.json' });
    expect(Object.keys(doc.trend)).toEqual(['columns', 'gate', 'schemes', 'units']);
    const county = doc.trend.units[0];
    expect(county).toMatchObject({
      name: '昔阳县',
      side: 'compared',
      diff: { scaled: -0.77763, measure: -0.77763, rank: 0, newlyFailing: ['yzfw_contraception'], newlyMet: [] },
    });
    expect(county.diff.items.map((i: { id: string }) => i.id)).toEqual(['yzfw_contraception', 'bonus_contraception']);
    expect(county.diff.items[0]).toMatchObject({
      points: -0.777631,
      value: -0.01103,
      change: 'newly-failing',
      schemeChanged: false,
      before: { points: 6, status: 'met' },
      after: { points: 5.222369, status: 'partial' },
    });
    expect(doc.trend.gate).toEqual({
      exitCode: 1,
      reasons: [
        {
          kind: 'regression',
          unit: '昔阳县',
          key: '140724',
          path: ['140724'],
          from: 87.180468,
          to: 86.402838,
          drop: 0.77763,
          threshold: 0.5,
          schemeChanged: false,
          items: [{ item: 'yzfw_contraception', title: '综合避孕率', points: -0.777631 }],
        },
      ],
    });
  });

  it('--format md', async () => {
    const r = await run(['before.json', 'after.json', '--format', 'md']);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^# 计划生育优质服务先进县评估方案/);
    expect(r.out).toMatch(/^\| 昔阳县 \| 87\.18 \| 86\.4 \| −0\.78 \|$/m);
    expect(r.out).toMatch(/^- 综合避孕率 \(`yzfw_contraception`\): 6 → 5\.22 \(−0\.78\)$/m);
  });

  it('a batch of three periods after a June report: Sep against Aug', async () => {
    const io = memIo({});
    const code = await main(['compare', `${T}/june.json`, `${T}/batch-q3.json`, '--fail-on-regression', '3'], io);
    expect(code).toBe(1);
    expect(io.out).toMatch(/^Compared: 2026-08 → 2026-09$/m);
    expect(io.out).toMatch(/│ 甲县 +│ 100 +│ 100 +│ 97\.5 +│ 94 +│/);
    expect(io.out).toMatch(/甲县: the score dropped by 3\.5 \(from 97\.5 to 94\), more than 3; lost on: 经费到位率 −6/);
  });

  it('the same bytes on a second run, in every format', async () => {
    for (const f of ['table', 'json', 'md']) {
      const a = await run(['before.json', 'after.json', '--format', f, '--fail-on-new-failure']);
      const b = await run(['before.json', 'after.json', '--format', f, '--fail-on-new-failure']);
      expect(b.out).toBe(a.out);
    }
  });

  const BAD: [string[], RegExp][] = [
    [['nope.json', 'after.json'], /^nope\.json: error: cannot read the report: no such file\n$/],
    [
      [`${T}/broken.json`, 'after.json'],
      /^tests\/fixtures\/trend\/broken\.json:5:3: error: not a pinggu report: invalid JSON \(Expected ',' or '\}' after property value\)\n$/,
    ],
    [['package.json', 'after.json'], /^package\.json: error: not a pinggu report: no "schemaVersion" key\n$/],
    [
      ['before.json', 'fixtures/xiyang/townships.csv'],
      /^fixtures\/xiyang\/townships\.csv:1:1: error: not a pinggu report: invalid JSON \(Unexpected token '乡'\)\n$/,
    ],
    [
      ['before.json', 'tests/corpus/gb18030.csv'],
      /^tests\/corpus\/gb18030\.csv: error: not a pinggu report: not UTF-8 text\n$/,
    ],
    [['before.json', 'fixtures'], /^fixtures: error: cannot read the report: it is a folder, not a report\n$/],
    [
      ['before.json', 'after.json', '--fail-on-regression', 'lots'],
      /^pinggu: --fail-on-regression lots: a number of points \(0 or more\) expected/,
    ],
    [['before.json', 'after.json', '--format', 'html'], /argument 'html' is invalid/],
    [['before.json'], /missing required argument 'after'/],
  ];
  for (const [args, err] of BAD) {
    it(`pinggu compare ${args.join(' ')} → 2, one line`, async () => {
      const r = await run(args);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toMatch(err);
    });
  }

  it('both files wrong: one line each, in the chosen language', async () => {
    const r = await run(['nope.json', `${T}/broken.json`, '--lang', 'zh']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      "nope.json: 错误: 无法读取报告：文件不存在\ntests/fixtures/trend/broken.json:5:3: 错误: 不是 pinggu 报告：JSON 格式错误（Expected ',' or '}' after property value）\n",
    );
  });

  it('help in both languages, with the exit codes', async () => {
    const en = await run(['--help']);
    expect(en.code).toBe(0);
    expect(en.out).toMatch(/--fail-on-regression <points>/);
    expect(en.out).toMatch(/--fail-on-new-failure/);
    expect(en.out).toMatch(/1 {2}compared; a gate fails/);
    const zh = await run(['--help', '--lang', 'zh']);
    expect(zh.out).toMatch(/单位得分下降超过 POINTS 分时以 1 退出/);
    expect(zh.out).toMatch(/退出码：/);
    const top = await run([]);
    expect(top.code).toBe(2);
  });
});
