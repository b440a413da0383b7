/**
 * `pinggu score` and `pinggu explain` in-process on fixtures/real-rules/county.yaml (the
 * rules of issue #14 in one scheme) with its case rows. The arithmetic of every number
 * is in tests/engine/real-rules.test.ts; here: the exit code, what stderr says, the JSON
 * as written, and explain naming the peers of a relative item.
 */
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo } from './fake-io';

const SCHEME = 'fixtures/real-rules/county.yaml';
const DATA = 'fixtures/real-rules/county-data';
const CASES = 'fixtures/real-rules/county-cases.csv';

async function run(...args: string[]) {
  const io = fakeIo();
  const code = await main([...args, '--scheme', SCHEME, '--adjustments', CASES, '--as-of', '2026-07-31'], io);
  return { code, out: io.out, err: io.err };
}

interface JUnit {
  name: string;
  scaled: number;
  passed: boolean;
  unitType?: string;
  lines: { id: string; score: number; weighted: number }[];
  items: { id: string; points: number; status: string; peers?: Record<string, unknown>[] }[];
  children: JUnit[];
}

describe('pinggu score on the combined real-rules scheme', () => {
  it('exit 1 (the county fails), stderr has only the warning that the county has no peers', async () => {
    const { code, err } = await run('score', DATA, '--format', 'json');
    expect(code).toBe(1);
    expect(err).toBe(
      'warning: 符合政策生育率, 综合避孕率（水平与进步） are scored relative to the top-level 县 units of the run, but the run has only this one (1 with a value): not relative to anything, so 0 as missing data; score the 县 units together in one run (one file or folder with all of them)\n',
    );
  });

  it('the JSON: each unit’s total, the lines of 东关镇, the peers of its relative item', async () => {
    const { out } = await run('score', DATA, '--format', 'json');
    const county = (JSON.parse(out) as { units: JUnit[] }).units[0]!;
    // −3.6; 92.16; 12923/180 = 71.794444…; 146/3 = 48.666667; 68.08; 6136/75 = 81.813333
    expect([county, ...county.children].map((u) => [u.name, u.scaled, u.passed])).toEqual([
      ['示范县', -3.6, false],
      ['城关镇', 92.16, true],
      ['东关镇', 71.794444, true],
      ['西河乡', 48.666667, false],
      ['南山乡', 68.08, true],
      ['红旗农场', 81.813333, true],
    ]);
    const d = county.children.find((u) => u.name === '东关镇')!;
    expect(d.unitType).toBe('二类');
    // 0.6 × 80 = 48; 4283/72 = 59.486111, × 0.4 = 23.794444
    expect(d.lines.map((l) => [l.id, l.score, l.weighted])).toEqual([
      ['leadership', 80, 48],
      ['grassroots', 59.486111, 23.794444],
    ]);
    expect(d.items.find((i) => i.id === 'contraception')!.peers).toEqual([
      { item: 'contraception', parent: '示范县', units: 5, count: 5, mean: 0.84, best: 0.9, worst: 0.8, rank: 2 },
    ]);
  });
});

describe('pinggu explain of a relative item names its peers', () => {
  it('contraception at 东关镇: the formula with the peer values put in, and the 乡镇 units of 示范县', async () => {
    const { code, out } = await run('explain', 'contraception', DATA, '--unit', '东关镇');
    expect(code).toBe(0);
    expect(out).toContain(
      'if(0.85 >= 0.84, 7, 3) * 0.85 / 0.9 + if(0.85 >= 0.84, 3, 7) * min(1, max(0, (0.85 - last_year(840 / 1000)) / 2%))',
    );
    expect(out).toContain(
      'the 乡镇 units of 示范县: 5 of 5 with a value, mean 0.84, best 0.9, worst 0.8; this unit ranks 2 of 5',
    );
    // 73/9 = 8.11
    expect(out).toContain('Points: 8.11 / 10 (1.89 lost)  partial');
  });
});

describe('the adjustments summary counts the case rows', () => {
  it('three case rows counted beside the (no) adjustment lines, in both languages', async () => {
    const zh = await run('score', DATA, '--lang', 'zh');
    expect(zh.out).toContain('0 项已采用，0 项未采用，3 条案例记录已计入（基准日 2026-07-31）');
    const en = await run('score', DATA, '--lang', 'en', '--format', 'md');
    expect(en.out).toContain('0 applied, 0 not applied, 3 case rows counted (reference date 2026-07-31)');
  });
});
