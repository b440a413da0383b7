/**
 * Relative scoring (docs/scheme.md#relative-scoring) on fixtures/real-rules: the four
 * real rules, scored over the five townships of 昔阳县, with the arithmetic by hand.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/rational';
import { explainItem } from '../../src/report/single/explain';
import { assess, child, item, scheme } from '../support';

const root = join(__dirname, '..', '..', 'fixtures', 'real-rules');
const s = scheme(readFileSync(join(root, 'relative.yaml'), 'utf8'));
const a = assess(s, ['relative.csv', readFileSync(join(root, 'relative.csv'), 'utf8')]);
const county = a.units[0]!;
const town = (name: string) => child(county, name);
const q = (n: number, d = 1) => Rational.int(n).div(Rational.int(d))!;

describe('按其与最优指标之差的比例扣分: proportional to the best (target >= peer_best())', () => {
  // Rates: 乐平 98/100, 皋落 49/50 = 0.98 (a tie for best), 东冶头 76/80 = 0.95, 沾尚 36/40 = 0.9, 大寨 19/20 = 0.95.
  it('both units tied for best get full points; the others 10 × value ÷ 0.98', () => {
    expect(item(town('乐平镇'), 'policy_rate').points).toEqual(q(10));
    expect(item(town('皋落镇'), 'policy_rate').points).toEqual(q(10));
    expect(item(town('乐平镇'), 'policy_rate').status).toBe('met');
    // 10 × 0.95 / 0.98 = 475/49; 10 × 0.9 / 0.98 = 450/49
    expect(item(town('东冶头镇'), 'policy_rate').points).toEqual(q(475, 49));
    expect(item(town('沾尚镇'), 'policy_rate').points).toEqual(q(450, 49));
  });
  it('carries the peers: mean (0.98+0.98+0.95+0.9+0.95)/5 = 0.952, best 0.98, worst 0.9, ranks 1, 1, 3, 3, 5', () => {
    const p = item(town('东冶头镇'), 'policy_rate').peers![0]!;
    expect(p).toMatchObject({ item: 'policy_rate', parent: '昔阳县', units: 5, count: 5, rank: 3 });
    expect(p.mean).toEqual(q(952, 1000));
    expect(p.best).toEqual(q(98, 100));
    expect(p.worst).toEqual(q(9, 10));
    const ranks = ['乐平镇', '皋落镇', '东冶头镇', '大寨镇', '沾尚镇'].map(
      (n) => item(town(n), 'policy_rate').peers![0]!.rank,
    );
    expect(ranks).toEqual([1, 1, 3, 3, 5]);
  });
  it('the remedy says the target is relative, and counts this unit among its peers', () => {
    // 沾尚镇 36/40: 39/40 = 0.975 < 0.98, 40/40 = 1 ≥ max(0.98, 1): 4 more; gain 10 − 450/49 = 40/49.
    const r = item(town('沾尚镇'), 'policy_rate').remedy!;
    expect(r).toMatchObject({ lever: 'policy_births', reachable: true, relative: true });
    expect(r.change).toEqual(q(4));
    expect(r.gain).toEqual(q(40, 49));
  });
});

describe('按办证率高低打分: bands on the rank (peer_rank())', () => {
  // 乐平 90/100 = 0.9, 皋落 45/50 = 0.9, 东冶头 0.85, 沾尚 0.8; 大寨 0/0 is n/a and not a peer.
  it('a tie for first: both rank 1 (10 points); then rank 3 (8) and 4 (6)', () => {
    expect(['乐平镇', '皋落镇', '东冶头镇', '沾尚镇'].map((n) => item(town(n), 'cert_rate').points)).toEqual([
      q(10),
      q(10),
      q(8),
      q(6),
    ]);
    expect(item(town('东冶头镇'), 'cert_rate').peers![0]).toMatchObject({ units: 5, count: 4, rank: 3 });
    expect(item(town('大寨镇'), 'cert_rate').status).toBe('na');
  });
});

describe('在平均水平之上的按7:3，之下的按3:7: rule formula over value(), peer_mean(), peer_best(), last_year()', () => {
  // Rates 0.90, 0.86, 0.85, 0.82, 0.85: mean 4.28 / 5 = 0.856, best 0.9. Progress: the rise over last year ÷ 2 points.
  it('above the mean: 7 × level + 3 × progress', () => {
    // 乐平: 7 × 0.9/0.9 + 3 × min(1, 2%/2%) = 10
    expect(item(town('乐平镇'), 'contraception').points).toEqual(q(10));
    expect(item(town('乐平镇'), 'contraception').status).toBe('met');
    // 皋落: 7 × 0.86/0.9 + 3 × (1%/2%) = 301/45 + 3/2 = 737/90
    expect(item(town('皋落镇'), 'contraception').points).toEqual(q(737, 90));
  });
  it('below the mean: 3 × level + 7 × progress', () => {
    // 东冶头: 3 × 0.85/0.9 + 7 × 0 = 17/6; 沾尚: 3 × 0.82/0.9 + 7 × 1 = 41/15 + 7 = 146/15
    expect(item(town('东冶头镇'), 'contraception').points).toEqual(q(17, 6));
    expect(item(town('沾尚镇'), 'contraception').points).toEqual(q(146, 15));
    expect(item(town('沾尚镇'), 'contraception').calc).toEqual({
      kind: 'formula',
      raw: q(146, 15),
      points: q(146, 15),
    });
  });
  it("a missing last-year figure is missing data, not 0; the unit's own value still counts for its peers", () => {
    const r = item(town('大寨镇'), 'contraception');
    expect(r.status).toBe('missing');
    expect(r.points).toEqual(q(0));
    expect(r.calc).toMatchObject({ kind: 'missing', fields: ['users_ly', 'women_ly'] });
    expect(item(town('乐平镇'), 'contraception').peers![0]!.count).toBe(5);
  });
});

describe('与去年持平扣0.1分，每高0.1个比点加扣0.1分: last_year() in a points formula', () => {
  it('lower than last year: full; level: 0.1 off; higher: 0.1 + 0.1 per 0.1 point', () => {
    // 乐平 2% vs 3%: 2; 皋落 2% vs 2%: 1.9; 东冶头 5% vs 4%: 2 − (0.1 + 10 × 0.1) = 0.9; 大寨 0 vs 5%: 2
    expect(['乐平镇', '皋落镇', '东冶头镇', '大寨镇'].map((n) => item(town(n), 'outside_progress').points)).toEqual([
      q(2),
      q(19, 10),
      q(9, 10),
      q(2),
    ]);
    expect(item(town('东冶头镇'), 'outside_progress').peers).toBeUndefined();
  });
});

describe('a run of one unit cannot be relative', () => {
  it('the county, alone at its level, scores relative items as missing data and says why', () => {
    const r = item(county, 'policy_rate');
    expect(r.status).toBe('missing');
    expect(r.calc).toEqual({ kind: 'no-peers', level: '县', units: 1, withValue: 1 });
    const w = a.data.findings.filter((f) => 'code' in f && f.code === 'relative/no-peers');
    expect(w).toHaveLength(1);
    expect(w[0]).toMatchObject({
      severity: 'warning',
      about: { items: ['policy_rate', 'cert_rate', 'contraception'] },
    });
    // Not relative, so scored as always: 2% + ... the county's outside rate 9/290 vs last year 11/310.
    expect(item(county, 'outside_progress').status).toBe('met');
  });
});

describe('all units equal to the mean', () => {
  const eq = s;
  const csv = [
    '乡镇,出生人数,符合政策出生数,流动人口数,已办证数,已婚育龄妇女数,避孕人数,去年已婚育龄妇女数,去年避孕人数,政策外出生数,去年出生人数,去年政策外出生数',
    ...['甲', '乙', '丙'].map((n) => `${n},10,9,10,8,100,80,100,79,1,10,1`),
  ].join('\n');
  const b = assess(eq, ['eq.csv', csv]);
  it('all rank 1, all at the best, all above the mean (7:3)', () => {
    const towns = b.units[0]!.children;
    expect(towns.map((u) => u.name)).toEqual(['甲', '乙', '丙']);
    for (const u of towns) {
      // policy 0.9 = best: 10; cert 0.8 rank 1: 10; 7:3: 7 × 1 + 3 × (1%/2%) = 8.5; progress 10% = 10%: 1.9
      expect(item(u, 'policy_rate').points).toEqual(q(10));
      expect(item(u, 'cert_rate').points).toEqual(q(10));
      expect(item(u, 'contraception').points).toEqual(q(17, 2));
      expect(item(u, 'outside_progress').points).toEqual(q(19, 10));
      expect(item(u, 'contraception').peers![0]).toMatchObject({ count: 3, rank: 1 });
      expect(item(u, 'contraception').peers![0]!.mean).toEqual(q(8, 10));
    }
  });
});

describe('explain shows the step', () => {
  it('the points formula with value(), peer values and last year put in; the peers; the moving remedy', () => {
    const g = town('皋落镇');
    const words = explainItem(g.fields, item(g, 'contraception'), 'en');
    expect(words).toContain(
      'if(0.86 >= 0.856, 7, 3) * 0.86 / 0.9 + if(0.86 >= 0.856, 3, 7) * min(1, max(0, (0.86 - last_year(425 / 500)) / 2%))',
    );
    expect(words).toContain('points by the formula: 8.19');
    expect(words).toContain(
      'the 乡镇 units of 昔阳县: 5 of 5 with a value, mean 0.856, best 0.9, worst 0.82; this unit ranks 2 of 5',
    );
    const z = town('沾尚镇');
    expect(explainItem(z.fields, item(z, 'policy_rate'), 'en')).toContain(
      '符合政策出生数: 4 more, recovers 0.82 points (a relative target: it moves when the other units change; this holds them as they are)',
    );
  });
});

describe('a target by unit type holding a peer function (target: { 乡镇: ">= peer_best()", 农场: ">= 95%" })', () => {
  const typed = scheme(`id: typed-peer
title: 类型相对
version: 1
total: 10
pass: 6
units:
  - { id: township, title: 乡镇, name: [单位] }
  - { id: county, title: 县, name: [县] }
unit_types: { field: kind, values: [乡镇, 农场] }
fields:
  - { id: kind, label: 类型, type: text }
  - { id: rate, label: 比率, type: percent }
sections:
  - id: s
    title: 甲
    points: 10
    items:
      - id: r
        title: 比率
        points: 10
        formula: rate
        target: { 乡镇: ">= peer_best()", 农场: ">= 95%" }
        rule: { type: proportional }
        rollup: mean
`);
  const csv = '单位,县,类型,比率\n东镇,示范县,乡镇,80%\n西镇,示范县,乡镇,100%\n农场,示范县,农场,76%\n';
  const county = assess(typed, ['t.csv', csv]).units[0]!;
  it('the town is scored against the best of its peers; the farm against its own fixed target', () => {
    // peers of r: 0.8, 1, 0.76 → best 1; 东镇 10 × 0.8 ÷ 1 = 8; 西镇 10; 农场 10 × 0.76 ÷ 0.95 = 8
    const r = (name: string) => item(child(county, name), 'r');
    expect([r('东镇').points, r('西镇').points, r('农场').points]).toEqual([q(8), q(10), q(8)]);
    expect(r('东镇').peers?.[0]?.best).toEqual(q(1));
  });
});
