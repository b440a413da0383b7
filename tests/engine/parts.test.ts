/**
 * Sub-rules and deduction limits on fixtures/real-rules/parts.yaml (主要数据无统计误差:
 * five sub-rules sharing 10 points; 政策外生育 with 倒扣分, lowest: none), scored by
 * hand. Case rows (the late part, the inspection level's factor) are in parts-cases.test.ts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Assessment, UnitResult } from '../../src/engine/types';
import { formatExplain } from '../../src/report/single/explain-item';
import { assess, child, item, scheme } from '../support';

const S = scheme(readFileSync('fixtures/real-rules/parts.yaml', 'utf8'));
const DATA = readFileSync('fixtures/real-rules/parts-data/townships.csv', 'utf8');
const a: Assessment = assess(S, ['townships.csv', DATA]);
const county = a.units[0]!;
const town = (name: string): UnitResult => child(county, name);
const d = (x: { toDecimal(n: number): string }) => x.toDecimal(4);

describe('sub-rules sharing one item (parts)', () => {
  it('甲镇: each part costs its own, the losses add up: 3 + 0 + 0 + 1 = 4, so 10 − 4 = 6', () => {
    const i = item(town('甲镇'), 'data_accuracy');
    // (1) 1 case × 3 = 3; (2) 0 cases; (3) no case row before the adjustments;
    // (4) |50 − 49| / 50 = 2% → 2 points (up) × 0.5 = 1.
    expect(i.parts!.map((p) => [p.id, d(p.lost), p.status])).toEqual([
      ['missed', '3', 'partial'],
      ['wrong', '0', 'met'],
      ['late', '0', 'met'],
      ['error_rate', '1', 'partial'],
    ]);
    expect([d(i.points), d(i.max), d(i.lost), i.status]).toEqual(['6', '10', '4', 'partial']);
    expect(i.calc).toEqual({ kind: 'parts', lost: expect.anything() });
    expect(d(i.parts![3]!.value as never)).toBe('0.02');
  });

  it('丙乡: 3 cases × 3 = 9 of 10; the item is not met although points remain', () => {
    const i = item(town('丙乡'), 'data_accuracy');
    expect([d(i.points), d(i.lost), i.status]).toEqual(['1', '9', 'partial']);
  });

  it('the county: parts scored on the summed fields, the losses capped at the item points (扣完为止)', () => {
    const i = item(county, 'data_accuracy');
    // missed 1 + 0 + 3 = 4 → 12; error |110 − 109| / 110 = 0.909% → 1 unit (up) → 0.5; 12.5 > 10 → 10 lost.
    expect([d(i.parts![0]!.lost), d(i.parts![3]!.lost)]).toEqual(['10', '0.5']);
    expect([d(i.points), d(i.lost), i.status]).toEqual(['0', '10', 'failed']);
    expect(i.calc).toMatchObject({ kind: 'parts', cap: 'points' });
    // The missed part alone is capped at its points (the item's 10): 12 → 10.
    expect(i.parts![0]!.calc).toMatchObject({ kind: 'deduct', cap: 'points' });
  });

  it('explain shows each part with what it cost, then the sum', () => {
    const u = town('甲镇');
    const text = formatExplain(a, u, item(u, 'data_accuracy'), 'en');
    expect(text).toContain(
      '[(1) 漏报出生每例扣3分 (missed) (3 lost)] 漏报出生数 = 1; target == 0; 1 cases, 3 each: 3 lost',
    );
    expect(text).toContain('[(2) 错报出生每例扣2分 (wrong)] 错报出生数 = 0; target == 0; met: nothing lost');
    expect(text).toContain('[(3) 迟报每例每月扣0.2分，每例最高扣10个月 (late)] no case recorded: nothing lost');
    expect(text).toContain('the parts lose 4 in all: 6 points');
    expect(text).not.toContain('Formula');
  });
});

describe('negative and uncapped deductions (lowest: none)', () => {
  it('乙乡: 4 cases × 5 = 20 lost of 10 points: the item scores −10 (倒扣分)', () => {
    const i = item(town('乙乡'), 'outside_births_item');
    expect([d(i.points), d(i.max), d(i.lost), i.status]).toEqual(['-10', '10', '20', 'failed']);
    expect(i.calc).toMatchObject({ kind: 'deduct', cap: undefined });
  });

  it('乙乡 totals 31 where a loss capped at the points would give 41 (the 31-vs-41 case)', () => {
    // 主要数据 10 (no error) + 政策外生育 −10 + 综合避孕率 81% → 9 points short × 1 = 31 of 40 → 10 − 10 + 31 = 31.
    // Capped at the item's points the second item would be 0: 10 + 0 + 31 = 41.
    const u = town('乙乡');
    expect(d(item(u, 'contraception').points)).toBe('31');
    expect([d(u.score), d(u.max), d(u.scaled)]).toEqual(['31', '60', '31']);
    expect(u.passed).toBe(false);
  });

  it('the negative item lowers the county too: its own roll-up, 4 cases → −10', () => {
    // County: contraception (95 + 81 + 90) / 300 = 88.67% → 1.33 points short, down → 1 lost → 39.
    // 0 (data_accuracy) − 10 + 39 = 29.
    expect(d(item(county, 'outside_births_item').points)).toBe('-10');
    expect(d(county.score)).toBe('29');
  });
});

describe('lowest as a number, and parts in an uncapped item', () => {
  const S2 = scheme(`
id: low
title: L
version: 1
total: 20
pass: 12
units: [{ id: township, title: 乡镇, name: [乡镇] }]
fields:
  - { id: a, label: A, type: count }
  - { id: b, label: B, type: count }
sections:
  - id: s
    title: S
    points: 20
    items:
      - { id: floor5, title: 最低负5分, points: 10, formula: a, target: "== 0", rule: { type: per_case, deduct: 4 }, lowest: -5 }
      - id: both
        title: 两项
        points: 10
        lowest: none
        parts:
          - { id: pa, title: 甲, formula: a, target: "== 0", rule: { type: per_case, deduct: 3 } }
          - { id: pb, title: 乙, points: 2, formula: b, target: "== 0", rule: { type: per_case, deduct: 1 } }
`);
  it('lowest: −5 stops the loss at 15; an uncapped part runs on; a part with its own points stops at them', () => {
    const u = assess(S2, ['t.csv', '乡镇,A,B\n甲,5,7\n']).units[0]!;
    // floor5: 5 × 4 = 20 lost, but no lower than −5 → 15 lost, −5 points.
    expect([d(item(u, 'floor5').points), d(item(u, 'floor5').lost)]).toEqual(['-5', '15']);
    // both: pa 5 × 3 = 15 (no cap: the item may go below 0), pb 7 × 1 = 7 capped at its 2 points → 17 lost → −7.
    const both = item(u, 'both');
    expect(both.parts!.map((p) => d(p.lost))).toEqual(['15', '2']);
    expect([d(both.points), d(both.lost), both.status]).toEqual(['-7', '17', 'failed']);
    // The unit: −5 − 7 = −12 of 20 (the score itself may be negative: documented).
    expect(d(u.score)).toBe('-12');
  });
});

describe('remedies of an uncapped item and of parts', () => {
  const S3 = scheme(`
id: rem
title: R
version: 1
total: 20
pass: 12
units: [{ id: township, title: 乡镇, name: [乡镇] }]
fields:
  - { id: a, label: A, type: count }
  - { id: b, label: B, type: count }
sections:
  - id: s
    title: S
    points: 20
    items:
      - { id: neg, title: 倒扣, points: 10, formula: a, target: "== 0", rule: { type: per_case, deduct: 5 }, lowest: none, lever: a }
      - id: two
        title: 两项
        points: 10
        parts:
          - { id: qa, title: 甲, formula: a, target: "== 0", rule: { type: per_case, deduct: 1 }, lever: a }
          - { id: qb, title: 乙, formula: b, target: "== 0", rule: { type: per_case, deduct: 2 }, lever: b }
`);
  it('the remedy recovers what the item lost below 0; each part has its own remedy', () => {
    const u = assess(S3, ['t.csv', '乡镇,A,B\n甲,4,1\n']).units[0]!;
    // neg: 4 × 5 = 20 lost → −10; 4 fewer cases meet the target: 10 − (−10) = 20 recovered.
    const neg = item(u, 'neg');
    expect([d(neg.points), d(neg.remedy!.change!), d(neg.remedy!.gain!)]).toEqual(['-10', '-4', '20']);
    // two: qa 4 × 1 = 4, qb 1 × 2 = 2 → 6 lost, 4 points; qa's remedy −4 recovers 4, qb's −1 recovers 2.
    const two = item(u, 'two');
    expect(d(two.points)).toBe('4');
    expect(two.remedy).toBeUndefined();
    expect(two.parts!.map((p) => [p.id, d(p.remedy!.change!), d(p.remedy!.gain!)])).toEqual([
      ['qa', '-4', '4'],
      ['qb', '-1', '2'],
    ]);
  });
});
