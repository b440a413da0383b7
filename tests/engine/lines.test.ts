/**
 * Weighted lines, unit types and rollup all/share at their edges: a share exactly at
 * its threshold, targets by three types (一类乡镇3个、二类2个、三类1个), a blank or
 * unknown type cell, bonus on top of weighted lines, a line where nothing applies,
 * and explain's words for the steps. Expected numbers by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { formatExplain } from '../../src/report/single/explain-item';
import { assess, child, item, scheme } from '../support';

const HEAD = `id: t
title: T
version: 1
total: 100
pass: 60
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
`;

describe('rollup: share exactly at the threshold', () => {
  const S = scheme(`${HEAD}fields:
  - { id: ok, label: 达标, type: boolean }
sections:
  - id: s
    title: S
    points: 100
    items:
      - { id: x, title: X, points: 100, formula: ok, target: ok, rule: { type: all }, rollup: share, share: 80% }
`);
  const csv = (flags: string[]) => flags.map((f, i) => `甲县,T${i + 1},${f}`).join('\n');
  it('4 of 5 = 80%, share 80%: met, full points', () => {
    const a = assess(S, ['t.csv', `县,乡镇,达标\n${csv(['是', '是', '是', '是', '否'])}\n`]);
    const x = item(a.units[0]!, 'x');
    expect(x.status).toBe('met');
    expect(x.points.toString()).toBe('100');
    expect(x.fix).toBeUndefined();
  });
  it('3 of 5 = 60%: failed; ⌈0.8 × 5⌉ = 4 must meet it, 3 do: 1 more, either of the two', () => {
    const a = assess(S, ['t.csv', `县,乡镇,达标\n${csv(['是', '否', '是', '是', '否'])}\n`]);
    const x = item(a.units[0]!, 'x');
    expect(x.status).toBe('failed');
    expect(x.fix).toEqual({ count: 1, units: [{ name: 'T2' }, { name: 'T5' }].map((u) => ({ ...u, gap: undefined })) });
  });
});

describe('targets by unit type: 一类乡镇3个、二类2个、三类1个', () => {
  const S = scheme(`${HEAD}unit_types: { field: kind, values: [一类, 二类, 三类] }
fields:
  - { id: kind, label: 类别, type: text }
  - { id: groups, label: 协会个数, type: count }
sections:
  - id: s
    title: S
    points: 100
    items:
      - id: x
        title: 计生协会
        points: 100
        formula: groups
        target: { 一类: ">= 3", 二类: ">= 2", 三类: ">= 1" }
        rule: { type: all }
        rollup: all
`);
  const a = assess(S, ['t.csv', '县,乡镇,类别,协会个数\n甲县,A,一类,2\n甲县,B,二类,2\n甲县,C,三类,1\n']);
  it('each unit against its own type target: A 2 < 3 fails, B 2 ≥ 2 and C 1 ≥ 1 meet', () => {
    const u = a.units[0]!;
    expect(['A', 'B', 'C'].map((n) => [item(child(u, n), 'x').status, item(child(u, n), 'x').target])).toEqual([
      ['failed', '>= 3'],
      ['met', '>= 2'],
      ['met', '>= 1'],
    ]);
    // rollup all: 2 of 3 meet: 0; A to fix (gap 3 − 2 = 1)
    const x = item(u, 'x');
    expect(x.calc).toMatchObject({ kind: 'share', all: true, met: 2, of: 3 });
    expect(x.fix!.units.map((f) => [f.name, f.gap?.toString()])).toEqual([['A', '1']]);
  });
});

describe('a blank or unknown type cell', () => {
  const S = scheme(`${HEAD}unit_types: { field: kind, values: [乡镇, 农场] }
fields:
  - { id: kind, label: 类型, type: text }
  - { id: n, label: 数, type: count }
sections:
  - id: s
    title: S
    points: 100
    items:
      - { id: x, title: X, points: { 乡镇: 60, 农场: 60 }, formula: n, target: ">= 1", rule: { type: all } }
      - { id: y, title: Y, points: 40, formula: n, target: ">= 1", rule: { type: all } }
`);
  const a = assess(S, ['t.csv', '县,乡镇,类型,数\n甲县,A,,1\n甲县,B,林场,1\n甲县,C,农场,1\n']);
  it('is a data finding at file:line:col, and only the items by type go unscored', () => {
    const said = a.data.findings.map((f) => formatDiagnostic(f, 'en'));
    expect(said.some((l) => l.startsWith('t.csv:2:') && l.includes('类型'))).toBe(true);
    expect(said).toContain('t.csv:3:3: error: 类型: "林场" is not a unit type of the scheme; write one of 乡镇, 农场');
    const u = a.units[0]!;
    expect(item(child(u, 'A'), 'x').status).toBe('missing');
    expect(item(child(u, 'B'), 'x').status).toBe('invalid');
    // y does not depend on the type: scored (40 of 40)
    expect(item(child(u, 'B'), 'y').points.toString()).toBe('40');
    expect(item(child(u, 'C'), 'x').points.toString()).toBe('60');
  });
});

describe('weighted lines with bonus, and a line where nothing applies', () => {
  const S = scheme(`${HEAD}fields:
  - { id: a, label: 甲, type: count }
  - { id: b, label: 乙, type: count }
  - { id: births, label: 出生, type: count }
sections:
  - id: l1
    title: 线一
    points: 50
    weight: 70%
    items:
      - { id: x, title: X, points: 50, formula: a, target: ">= 10", rule: { type: proportional } }
  - id: l2
    title: 线二
    points: 100
    weight: 30%
    items:
      - { id: y, title: Y, points: 100, formula: b / births, target: ">= 50%", rule: { type: all } }
bonus:
  cap: 5
  items:
    - { id: z, title: Z, points: 3, formula: a, target: ">= 8", rule: { type: all } }
`);
  it('line 1: 8/10 of 50 = 40 (score 40 / 50); line 2: 1/2 met, 100; 0.7 × 40/50 × 100 + 0.3 × 100 + bonus 3 = 56 + 30 + 3 = 89', () => {
    const u = child(assess(S, ['t.csv', '县,乡镇,甲,乙,出生\n甲县,A,8,1,2\n']).units[0]!, 'A');
    expect(u.lines!.map((l) => [l.score.toString(), l.weighted.toString()])).toEqual([
      ['40', '56'],
      ['100', '30'],
    ]);
    expect(u.scaled.toString()).toBe('89');
    expect(u.score.toString()).toBe('89');
    expect(u.max.toString()).toBe('100');
  });
  it('no births (line 2 n/a): line 1 counts in full: 40/50 × 100 + 3 = 83', () => {
    const u = child(assess(S, ['t.csv', '县,乡镇,甲,乙,出生\n甲县,A,8,1,0\n']).units[0]!, 'A');
    expect(u.lines![1]!.max.isZero()).toBe(true);
    expect(u.scaled.toString()).toBe('83');
  });
  it('explain names the line, its weight and its score', () => {
    const a = assess(S, ['t.csv', '县,乡镇,甲,乙,出生\n甲县,A,8,1,2\n']);
    const u = child(a.units[0]!, 'A');
    expect(formatExplain(a, u, item(u, 'x'), 'en')).toContain('line 线一, weight 70%: 40 / 50, adds 56 to the score');
    expect(formatExplain(a, u, item(u, 'x'), 'zh')).toContain('考核线“线一”，权重 70%：得分 40 / 50，折合 56 分');
  });
});
