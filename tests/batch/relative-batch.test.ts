/**
 * Relative scoring across counties (docs/scheme.md#relative-scoring): the counties of
 * one file are each other's peers, in a whole evaluation and in a lean batch alike;
 * a county in a dataset of its own has none.
 */
import { describe, expect, it } from 'vitest';
import { evaluateLean } from '../../src/cli/batch-lean';
import { readDataset } from '../../src/data/dataset';
import { evaluate } from '../../src/engine/evaluate';
import { Rational } from '../../src/rational';
import { bytes, item, scheme } from '../support';

const S = scheme(`
id: t
title: T
version: 1
total: 10
pass: 6
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: num, label: 分子, type: count }
  - { id: den, label: 分母, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: x, title: X, points: 10, formula: num / den, target: ">= peer_best()", rule: { type: proportional }, scope: county }
`);
// 甲县 (9+7)/(10+10) = 0.8, 乙县 9/10 = 0.9, 丙县 6/10 = 0.6: best 0.9, mean 2.3/3.
const CSV = '县,乡镇,分子,分母\n甲县,A,9,10\n甲县,B,7,10\n乙县,C,9,10\n丙县,D,6,10\n';
const data = (csv: string) => readDataset(S, [{ name: 't.csv', bytes: bytes(csv) }]);
const q = (n: number, d = 1) => Rational.int(n).div(Rational.int(d))!;

describe('counties as peers', () => {
  it('one file of three counties: each county is scored against the best county (10 × value ÷ 0.9)', () => {
    const a = evaluate(S, data(CSV));
    expect(a.units.map((u) => item(u, 'x').points)).toEqual([q(80, 9), q(10), q(60, 9)]);
    expect(item(a.units[2]!, 'x').peers![0]).toMatchObject({ parent: undefined, units: 3, count: 3, rank: 3 });
    expect(item(a.units[2]!, 'x').peers![0]!.mean).toEqual(q(23, 30));
  });
  it('a lean batch scores them together too (not one county at a time)', () => {
    const lean = evaluateLean(S, data(CSV), new Map())!;
    expect(lean.assessment.units.map((u) => item(u, 'x').points)).toEqual([q(80, 9), q(10), q(60, 9)]);
  });
  it('a county in a dataset of its own has no peers: missing data, and a warning', () => {
    const a = evaluate(S, data('县,乡镇,分子,分母\n丙县,D,6,10\n'));
    expect(item(a.units[0]!, 'x')).toMatchObject({ status: 'missing', calc: { kind: 'no-peers', units: 1 } });
    expect(a.data.findings.map((f) => ('code' in f ? f.code : ''))).toContain('relative/no-peers');
  });
});
