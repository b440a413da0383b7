/**
 * fixtures/real-rules/county.yaml: the five rules of issue #14 written as the texts say,
 * in one county scheme, scored on county-data/townships.csv (four towns of three
 * classes and a farm) with the case rows of county-cases.csv. Every number by hand.
 *
 *            类型  会议 协会  符合政策/出生      避孕/妇女 (去年)         政策外多孩  漏报 错报 调查  查验/流入  检查/目标
 * 城关镇     一类   3    2   144/150 = 0.96    900/1000 = 0.9  (0.88)    0           0    0   150   90/100    85/100
 * 东关镇     二类   2    2    90/100 = 0.9     850/1000 = 0.85 (0.84)    2           1    0   102   80/100    78/100
 * 西河乡     二类   2    1   108/125 = 0.864   400/500  = 0.8  (0.81)    5           2    1   128   45/50     70/100
 * 南山乡     三类   1    1   114/125 = 0.912   486/600  = 0.81 (0.78)    1           0    0   125   17/20     39/50
 * 红旗农场   农场   2    0    24/25  = 0.96    168/200  = 0.84 (0.835)   1           0    1    26    8/10     16/20
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAdjustments } from '../../src/data/adjustments';
import { applyAdjustments, resolveAdjustments } from '../../src/engine/adjust';
import type { UnitResult } from '../../src/engine/types';
import { R, Rational } from '../../src/rational';
import { assess, bytes, child, item, scheme } from '../support';

const DIR = 'fixtures/real-rules';
const S = scheme(readFileSync(`${DIR}/county.yaml`, 'utf8'));
const SELF = assess(S, ['townships.csv', readFileSync(`${DIR}/county-data/townships.csv`, 'utf8')]);
const CASES = parseAdjustments(bytes(readFileSync(`${DIR}/county-cases.csv`, 'utf8')), 'county-cases.csv');
const RESOLVED = resolveAdjustments(S, SELF, CASES.adjustments, '2026-07-31', CASES.cases);
const A = applyAdjustments(S, SELF, RESOLVED.records, '2026-07-31', RESOLVED.cases);
const county = A.units[0]!;
const town = (name: string) => child(county, name);

/** n ÷ d exactly. */
const f = (n: number, d = 1): Rational => Rational.int(n).div(Rational.int(d))!;
/** Exact comparison, failing with both fractions shown. */
const exact = (got: Rational | undefined, want: Rational) => expect(got?.toString()).toBe(want.toString());
const pointsOf = (u: UnitResult, ids: string[]) => ids.map((id) => item(u, id).points.toString());
const lineScores = (u: UnitResult) => u.lines!.map((l) => l.score.toString());

const LEAD = ['meetings_held', 'assoc', 'outside'];
const BASE = ['policy_rate', 'contraception', 'data_accuracy', 'migrants_rate', 'checkup_rate'];

describe('fixtures/real-rules/county.yaml reads and applies cleanly', () => {
  it('no data finding but the one for the county alone, and the three case rows applied', () => {
    expect(SELF.data.findings.filter((x) => x.severity === 'error')).toEqual([]);
    expect([...CASES.findings, ...RESOLVED.findings]).toEqual([]);
    expect(RESOLVED.cases).toHaveLength(3);
  });
});

describe('relative: 按其与最优指标之差的比例扣分 (policy_rate: points × value ÷ the best, 乡镇10分、农场20分)', () => {
  // Values 0.96, 0.9, 0.864, 0.912, 0.96: the best 0.96, a tie (城关镇 and 红旗农场).
  it('the tie for best both full; the others in proportion to the best', () => {
    // 城关 10 × 0.96/0.96 = 10; 东关 10 × 0.9/0.96 = 75/8; 西河 10 × 0.864/0.96 = 9; 南山 10 × 0.912/0.96 = 9.5;
    // 红旗农场 (农场: 20 points) 20 × 0.96/0.96 = 20
    const got = ['城关镇', '东关镇', '西河乡', '南山乡', '红旗农场'].map((n) => item(town(n), 'policy_rate').points);
    expect(got.map(String)).toEqual([f(10), f(75, 8), f(9), f(19, 2), f(20)].map(String));
    exact(item(town('红旗农场'), 'policy_rate').max, f(20));
    expect(item(town('红旗农场'), 'policy_rate').unitType).toBe('农场');
  });
  it('the peers are the five units of 示范县: mean 4.596 / 5 = 0.9192, best 0.96, worst 0.864, 东关镇 4th', () => {
    const p = item(town('东关镇'), 'policy_rate').peers![0]!;
    expect(p).toMatchObject({ item: 'policy_rate', parent: '示范县', units: 5, count: 5, rank: 4 });
    exact(p.mean, R('0.9192'));
    exact(p.best, R('0.96'));
    exact(p.worst, R('0.864'));
  });
});

describe('relative: 在全省平均水平之上的，按7:3，之下的，按3:7 (contraception, rule formula)', () => {
  // Rates 0.9, 0.85, 0.8, 0.81, 0.84: mean 4.2 / 5 = 0.84 (红旗农场 is exactly at it), best 0.9.
  // points = 7 or 3 × rate ÷ 0.9 + 3 or 7 × min(1, max(0, (rate − last year) ÷ 2%))
  it('above or at the mean 7:3, below 3:7', () => {
    // 城关 0.9: 7 × 1 + 3 × min(1, 2%/2%) = 10
    exact(item(town('城关镇'), 'contraception').points, f(10));
    // 东关 0.85: 7 × 0.85/0.9 + 3 × (1%/2%) = 119/18 + 27/18 = 73/9
    exact(item(town('东关镇'), 'contraception').points, f(73, 9));
    // 西河 0.8 < 0.84: 3 × 0.8/0.9 + 7 × max(0, −1%/2%) = 8/3 + 0
    exact(item(town('西河乡'), 'contraception').points, f(8, 3));
    // 南山 0.81 < 0.84: 3 × 0.81/0.9 + 7 × min(1, 3%/2%) = 2.7 + 7 = 9.7
    exact(item(town('南山乡'), 'contraception').points, R('9.7'));
    // 红旗农场 0.84 = the mean, so 7:3: 7 × 0.84/0.9 + 3 × (0.5%/2%) = 98/15 + 3/4 = 437/60
    exact(item(town('红旗农场'), 'contraception').points, f(437, 60));
    const p = item(town('红旗农场'), 'contraception').peers![0]!;
    exact(p.mean, R('0.84'));
    exact(p.best, R('0.9'));
  });
});

describe('sub-rules: 主要数据无统计误差（10分）(1) 3 (2) 2 (3) 0.2 a month, 10 months a case (4) 0.5 a point (5) doubled', () => {
  const lostOf = (name: string) =>
    item(town(name), 'data_accuracy').parts!.map((p) => [p.id, p.lost.toString()] as [string, string]);
  it('城关镇: only the case rows: min(12, 10) × 0.2 × 2 (省级) + 3 × 0.2 × 1 (县级) = 4 + 0.6 = 4.6: 5.4', () => {
    expect(lostOf('城关镇')).toEqual([
      ['missed', '0'],
      ['wrong', '0'],
      ['late', String(R('4.6'))],
      ['error_rate', '0'],
    ]);
    exact(item(town('城关镇'), 'data_accuracy').points, R('5.4'));
    // self-assessed (before the inspection's cases): 10
    exact(item(child(SELF.units[0]!, '城关镇'), 'data_accuracy').points, f(10));
  });
  it('东关镇: 1 × 3 + |102 − 100|/102 = 1.96% → 2 points (a part counts whole) × 0.5 = 3 + 1 = 4: 6', () => {
    exact(item(town('东关镇'), 'data_accuracy').points, f(6));
  });
  it('西河乡: 2 × 3 + 1 × 2 + 5 × 0.2 × 2 (省级) + 3/128 = 2.34% → 3 × 0.5 = 11.5, capped at the 10 points: 0', () => {
    const i = item(town('西河乡'), 'data_accuracy');
    expect([i.points.toString(), i.lost.toString(), i.status]).toEqual(['0', '10', 'failed']);
  });
  it('南山乡 nothing lost: 10; 红旗农场: 1 × 2 + 1/26 = 3.85% → 4 × 0.5 = 2 + 2 = 4: 6', () => {
    exact(item(town('南山乡'), 'data_accuracy').points, f(10));
    exact(item(town('红旗农场'), 'data_accuracy').points, f(6));
  });
});

describe('unit types: 乡镇10分、农场20分 · 该项农场不考核 · 一类乡镇3个、二类2个、三类1个', () => {
  it('村级计生协会示范点 by class, 每少1个扣10分: 一类 2 of 3 → 10; 二类 2 of 2 → 20; 二类 1 of 2 → 10; 三类 1 of 1 → 20', () => {
    expect(['城关镇', '东关镇', '西河乡', '南山乡'].map((n) => item(town(n), 'assoc').points.toString())).toEqual([
      '10',
      '20',
      '10',
      '20',
    ]);
  });
  it('the farm: 协会 not assessed (out of its maximum), 查验率 worth 20 (8/10 = 80% < 85%: 0)', () => {
    const farm = town('红旗农场');
    expect(item(farm, 'assoc').status).toBe('na');
    expect(item(farm, 'assoc').calc).toEqual({ kind: 'not-assessed', type: '农场' });
    exact(item(farm, 'assoc').max, f(0));
    exact(item(farm, 'migrants_rate').max, f(20));
  });
});

describe('倒扣分，扣分不封顶，该项可负分 (outside: 10 a case below 40, no floor)', () => {
  it('0, 2, 5, 1, 1 cases: 40, 20, 40 − 50 = −10, 30, 30', () => {
    expect(
      ['城关镇', '东关镇', '西河乡', '南山乡', '红旗农场'].map((n) => item(town(n), 'outside').points.toString()),
    ).toEqual(['40', '20', '-10', '30', '30']);
    exact(item(town('西河乡'), 'outside').lost, f(50));
  });
});

describe('综合得分由领导责任线、基层工作线按6:4的比例组成: every item, the lines, the total', () => {
  it('城关镇: lines 40 + 10 + 40 = 90 and 10 + 10 + 5.4 + 30 + 40 = 95.4; 0.6 × 90 + 0.4 × 95.4 = 54 + 38.16 = 92.16', () => {
    const u = town('城关镇');
    expect(pointsOf(u, LEAD)).toEqual(['40', '10', '40']);
    expect(pointsOf(u, BASE)).toEqual(['10', '10', '27/5', '30', '40']);
    expect(lineScores(u)).toEqual(['90', '477/5']);
    exact(u.scaled, R('92.16'));
    // self-assessed: 0.6 × 90 + 0.4 × 100 = 94
    exact(u.self!.scaled, f(94));
  });
  it('东关镇: 40 + 20 + 20 = 80; 75/8 + 73/9 + 6 + 0 (80% < 85%) + 36 (78%: 2 points × 2) = 4283/72; 48 + 4283/180 = 12923/180', () => {
    const u = town('东关镇');
    expect(pointsOf(u, LEAD)).toEqual(['40', '20', '20']);
    expect(pointsOf(u, BASE)).toEqual(['75/8', '73/9', '6', '0', '36']);
    expect(lineScores(u)).toEqual(['80', '4283/72']);
    exact(u.scaled, f(12923, 180));
  });
  it('西河乡: 40 + 10 − 10 = 40 (not 50: the item goes below 0); 9 + 8/3 + 0 + 30 + 20 (70%: 10 × 2) = 185/3; 24 + 74/3 = 146/3', () => {
    const u = town('西河乡');
    expect(pointsOf(u, LEAD)).toEqual(['40', '10', '-10']);
    expect(pointsOf(u, BASE)).toEqual(['9', '8/3', '0', '30', '20']);
    expect(lineScores(u)).toEqual(['40', '185/3']);
    exact(u.scaled, f(146, 3));
    expect(u.passed).toBe(false);
    // self-assessed: data 10 − 9.5 = 0.5 before the case: 24 + 0.4 × (185/3 + 1/2) = 24 + 373/15 = 733/15
    exact(u.self!.scaled, f(733, 15));
  });
  it('南山乡: 0 (1 meeting) + 20 + 30 = 50; 9.5 + 9.7 + 10 + 30 (17/20 = 85%, at the line) + 36 = 95.2; 30 + 38.08 = 68.08', () => {
    const u = town('南山乡');
    expect(pointsOf(u, LEAD)).toEqual(['0', '20', '30']);
    expect(pointsOf(u, BASE)).toEqual(['19/2', '97/10', '10', '30', '36']);
    expect(lineScores(u)).toEqual(['50', '476/5']);
    exact(u.scaled, R('68.08'));
  });
  it('红旗农场: 40 + 30 of the 80 that apply = 87.5; 20 + 437/60 + 6 + 0 + 40 = 4397/60; 52.5 + 4397/150 = 6136/75', () => {
    const u = town('红旗农场');
    expect(u.unitType).toBe('农场');
    expect(pointsOf(u, ['meetings_held', 'outside'])).toEqual(['40', '30']);
    expect(pointsOf(u, BASE)).toEqual(['20', '437/60', '6', '0', '40']);
    expect(lineScores(u)).toEqual(['175/2', '4397/60']);
    exact(u.scaled, f(6136, 75));
  });
});

describe('the county, scored as the main type 一类, alone at its level', () => {
  it('relative items have no peers: missing data, 0 of 10 each, said once', () => {
    for (const id of ['policy_rate', 'contraception']) {
      expect(item(county, id).status).toBe('missing');
      expect(item(county, id).calc).toMatchObject({ kind: 'no-peers', units: 1 });
    }
    expect(SELF.data.findings.filter((x) => 'code' in x && x.code === 'relative/no-peers')).toHaveLength(1);
  });
  it('−50 and 66: every town held 2 meetings? no (南山乡): 0; 协会 2 of the 4 towns: 0; 9 cases: 40 − 90 = −50', () => {
    expect(pointsOf(county, LEAD)).toEqual(['0', '0', '-50']);
    // data: Σ 3 missed × 3 + Σ 2 wrong × 2 + 6/531 = 1.13% → 2 × 0.5 = 14, capped: 0; 查验 240/280 = 85.7%: 30;
    // 检查 288/370 = 77.84%: 2 whole points below × 2 = 4: 36
    expect(pointsOf(county, BASE)).toEqual(['0', '0', '0', '30', '36']);
    expect(lineScores(county)).toEqual(['-50', '66']);
    // 0.6 × (−50) + 0.4 × 66 = −30 + 26.4 = −3.6
    exact(county.scaled, R('-3.6'));
    expect(county.passed).toBe(false);
  });
});

describe('relative with unit types: a unit the item does not assess is no peer', () => {
  // policy_rate with 该项农场不考核: the farm's 0.96 leaves the group. Values 0.96, 0.9, 0.864, 0.912:
  // count 4, mean 3.636 / 4 = 0.909, best 0.96 (城关镇 alone), 东关镇 (0.9) 3rd after 0.96 and 0.912.
  const yaml = readFileSync(`${DIR}/county.yaml`, 'utf8').replace(
    '        formula: policy_births / births\n        target: ">= peer_best()"\n',
    '        formula: policy_births / births\n        not_assessed: [农场]\n        target: ">= peer_best()"\n',
  );
  it('counts four peers, not five', () => {
    expect(yaml).toContain('not_assessed: [农场]\n        target: ">= peer_best()"');
    const a = assess(scheme(yaml), ['townships.csv', readFileSync(`${DIR}/county-data/townships.csv`, 'utf8')]);
    const p = item(child(a.units[0]!, '东关镇'), 'policy_rate').peers![0]!;
    expect(p).toMatchObject({ count: 4, rank: 3 });
    exact(p.mean, R('0.909'));
    exact(p.best, R('0.96'));
    expect(item(child(a.units[0]!, '红旗农场'), 'policy_rate').status).toBe('na');
  });
});
