/**
 * Scoring-correctness cases found in review: undecidable targets, proportional
 * without a share, roll-ups of incomplete children, hard floors in the remedy,
 * bands status, undecidable vetoes, display rounding, vetoed units in the ranking.
 * Expectations are computed by hand in the comments.
 */
import { say } from '../../src/messages/catalog';
import { describe, expect, it } from 'vitest';
import { competitionRanks } from '../../src/engine/rank';
import { R } from '../../src/rational';
import { formatJson } from '../../src/report/single/json';
import { readDataset } from '../../src/data/dataset';
import { evaluate } from '../../src/engine/evaluate';
import { parse } from 'yaml';
import { compileScheme } from '../../src/scheme/compile';
import { loadScheme } from '../../src/scheme/load';
import type { Scheme } from '../../src/scheme/model';
import { assess, child, item, oneItem, scheme, scoreOne, shownOne } from '../support';

/**
 * A scheme the lint rejects with exactly `codes`, compiled all the same: the engine
 * must still score it as documented (a scheme built by other means, an older pinggu).
 */
function rejected(yaml: string, codes: string[]): Scheme {
  expect(loadScheme(yaml, 'test.yaml').diagnostics.map((d) => d.code)).toEqual(codes);
  return compileScheme(parse(yaml), 'test.yaml', { lineOf: () => 1, error: () => {} });
}

describe('a target that cannot be decided is not scored (never a distance of 0 or full points)', () => {
  // (proportional needs a constant or param threshold: the lint rejects ">= den" for it.)
  const rules = {
    deduct: '{ type: deduct, deduct: 1, per: 1, partial: proportional }',
    all: '{ type: all }',
  };
  for (const [name, rule] of Object.entries(rules)) {
    it(`${name}: target ">= den" with den blank is missing, 0 of 10 points`, () => {
      const r = scoreOne(oneItem({ formula: 'num', target: '>= den', rule }), 5, '');
      expect(r.status).toBe('missing');
      expect(r.points.toString()).toBe('0');
      expect(r.max.toString()).toBe('10');
      expect(r.lost.toString()).toBe('10');
      expect(r.calc).toEqual({ kind: 'missing', fields: ['den'] });
      expect(r.remedy).toBeUndefined();
    });
  }
  it('all fields present but the target divides by zero (">= 100 / den", den 0): n/a by the item policy', () => {
    const r = scoreOne(oneItem({ formula: 'num', target: '>= 100 / den', rule: rules.deduct }), 5, 0);
    expect(r.status).toBe('na');
    expect([r.points.toString(), r.max.toString()]).toEqual(['0', '0']);
    expect(r.calc).toEqual({ kind: 'na', policy: 'exclude' });
    const zero = scoreOne(oneItem({ formula: 'num', target: '>= 100 / den', rule: rules.deduct, na: 'zero' }), 5, 0);
    expect([zero.status, zero.points.toString(), zero.max.toString()]).toEqual(['na', '0', '10']);
  });
  it('a rolled-up county item whose target names a township field: missing at the county (the lint rejects it)', () => {
    const s = rejected(
      `
id: t
title: T
version: 1
total: 10
pass: 10
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: num, label: 分子, type: count }
  - { id: den, label: 分母, type: count }
  - { id: line, label: 目标线, type: percent }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: x, title: X, points: 10, formula: num / den, target: ">= line", rule: { type: deduct, deduct: 1, per: 1%, partial: proportional }, rollup: mean }
`,
      ['scheme/target-not-summable'],
    );
    const c = assess(s, ['t.csv', '乡镇,分子,分母,目标线\nA,90,100,95%\nB,80,100,95%\n']).units[0]!;
    // Townships: 90% vs 95% → 5 units → 5 points; 80% → 15 units → 0.
    expect(item(child(c, 'A'), 'x').points.toString()).toBe('5');
    // County: mean 85%, but 目标线 is a township value with no county value.
    const x = item(c, 'x');
    expect(x.status).toBe('missing');
    expect(x.points.toString()).toBe('0');
    expect(x.calc).toEqual({ kind: 'missing', fields: ['line'] });
  });
});

describe('proportional without a share scores 0 when not met', () => {
  // The lint wants a positive threshold; a param overridden to 0 at run time still
  // must not give full points for a failing value.
  const withLine = (line: string) =>
    scheme(`id: t
title: T
version: 1
total: 10
pass: 10
params: [{ id: line, value: ${line} }]
units:
  - { id: township, title: 乡镇, name: [乡镇] }
fields:
  - { id: num, label: 分子, type: count }
  - { id: den, label: 分母, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: x, title: X, points: 10, formula: num - den, target: ">= line", rule: { type: proportional } }
`);
  it('num - den against ">= line" with line overridden to 0: 3 - 10 = -7 → ratio 0, 0 points', () => {
    const sc = withLine('5');
    const a = evaluate(
      sc,
      readDataset(sc, [{ name: 't.csv', bytes: new TextEncoder().encode('乡镇,分子,分母\nA,3,10\n') }]),
      { params: new Map([['line', R(0)]]) },
    );
    const r = item(a.units[0]!, 'x');
    expect(r.points.toString()).toBe('0');
    expect(r.status).toBe('failed');
    expect(r.calc).toEqual({ kind: 'proportional', ratio: R(0) });
  });
  it('a met value still gets full points (10 - 3 = 7 ≥ 5)', () => {
    const sc = withLine('5');
    const r = item(assess(sc, ['t.csv', '乡镇,分子,分母\nA,10,3\n']).units[0]!, 'x');
    expect([r.points.toString(), r.status]).toEqual(['10', 'met']);
  });
});

describe('roll-ups by mean, min, max from incomplete children', () => {
  const ROLL = scheme(`
id: r
title: R
version: 1
total: 30
pass: 30
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: births, label: 出生数, type: count }
  - { id: ok, label: 政策内, type: count }
  - { id: flag, label: 建档, type: boolean }
checks:
  - { id: ok_le, title: 政策内不超过出生数, assert: ok <= births }
sections:
  - id: s
    title: S
    points: 30
    items:
      - { id: mean, title: 平均, points: 10, formula: ok / births, target: ">= 90%", rule: { type: all }, rollup: mean }
      - { id: low, title: 最低, points: 10, formula: ok / births, target: ">= 90%", rule: { type: all }, rollup: min }
      - { id: high, title: 最高, points: 10, formula: ok / births, target: ">= 90%", rule: { type: all }, rollup: max }
`);
  const county = (rows: string) => assess(ROLL, ['t.csv', `乡镇,出生数,政策内\n${rows}`]).units[0]!;
  it('any invalid child (政策内 > 出生数 in 乙) makes the parent invalid', () => {
    const c = county('甲,100,95\n乙,100,120\n');
    for (const id of ['mean', 'low', 'high']) {
      const x = item(c, id);
      expect(x.status).toBe('invalid');
      expect(x.points.toString()).toBe('0');
      expect(x.max.toString()).toBe('10');
      expect(x.calc.kind === 'invalid' && x.calc.units).toEqual(['乙']);
    }
  });
  it('any missing child (乙 政策内 blank) makes the parent missing and names it', () => {
    const c = county('甲,100,95\n乙,100,\n丙,100,99\n');
    for (const id of ['mean', 'low', 'high']) {
      const x = item(c, id);
      expect(x.status).toBe('missing');
      expect(x.points.toString()).toBe('0');
      expect(x.calc).toEqual({ kind: 'missing', fields: ['ok'], units: ['乙'] });
    }
  });
  it('all children n/a (no births) make the parent n/a', () => {
    const c = county('甲,0,0\n乙,0,0\n');
    for (const id of ['mean', 'low', 'high']) {
      expect(item(c, id).status).toBe('na');
      expect(item(c, id).max.toString()).toBe('0');
    }
  });
  it('n/a children are left out of the aggregate: 甲 80%, 乙 n/a, 丙 100% → mean 90%, min 80%, max 100%', () => {
    const c = county('甲,100,80\n乙,0,0\n丙,50,50\n');
    expect(item(c, 'mean').value).toEqual(R('0.9'));
    expect(item(c, 'low').value).toEqual(R('0.8'));
    expect(item(c, 'high').value).toEqual(R(1));
  });
  it('booleans: min = all true, max = any true, mean undefined (n/a; the lint rejects it)', () => {
    const B = rejected(
      `
id: b
title: B
version: 1
total: 30
pass: 30
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: flag, label: 建档, type: boolean }
sections:
  - id: s
    title: S
    points: 30
    items:
      - { id: all_, title: 全部, points: 10, formula: flag, target: "== true", rule: { type: all }, rollup: min }
      - { id: any_, title: 任一, points: 10, formula: flag, target: "== true", rule: { type: all }, rollup: max }
      - { id: avg_, title: 平均, points: 10, formula: flag, target: "== true", rule: { type: all }, rollup: mean }
`,
      ['scheme/rollup-kind'],
    );
    const c = assess(B, ['t.csv', '乡镇,建档\n甲,是\n乙,否\n']).units[0]!;
    expect([item(c, 'all_').value, item(c, 'all_').status]).toEqual([false, 'failed']);
    expect([item(c, 'any_').value, item(c, 'any_').status, item(c, 'any_').points.toString()]).toEqual([
      true,
      'met',
      '10',
    ]);
    expect(item(c, 'avg_').value).toBeUndefined();
    expect(item(c, 'avg_').status).toBe('na');
    const yes = assess(B, ['t.csv', '乡镇,建档\n甲,是\n乙,是\n']).units[0]!;
    expect([item(yes, 'all_').value, item(yes, 'all_').status]).toEqual([true, 'met']);
  });
});

describe('hard floors are applied when the item is scored', () => {
  // Bands: ≥ 90% 10, ≥ 50% 4, else 0; floor: < 60% zeroes the item and vetoes.
  const s = oneItem({
    target: '>= 90%',
    rule: '{ type: bands, bands: [{ when: ">= 90%", points: 10 }, { when: ">= 50%", points: 4 }, { points: 0 }] }',
    extra: `        lever: num
vetoes:
  - { id: floor, title: 底线, item: x, when: "< 60%" }
`,
  });
  it('55%: band 2 (4 points) but the floor zeroes it; the remedy recovers all 10', () => {
    const r = scoreOne(s, 55, 100);
    expect(r.points.toString()).toBe('0');
    expect(r.lost.toString()).toBe('10');
    expect(r.status).toBe('failed');
    expect(r.zeroedBy).toEqual(['floor']);
    // 90/100 meets the target: +35, from 0 (floored) to 10 points.
    expect(r.remedy!.change!.toString()).toBe('35');
    expect(r.remedy!.gain!.toString()).toBe('10');
  });
  it('the veto is still reported as triggered, and the unit fails', () => {
    const t = assess(s, ['t.csv', '乡镇,分子,分母\nA,55,100\n']).units[0]!.children[0]!;
    expect(t.vetoes.find((v) => v.id === 'floor')).toMatchObject({ triggered: true, checked: true });
    expect(t.passed).toBe(false);
  });
  it('70%: above the floor, band 2 gives 4 points, no zeroedBy', () => {
    const r = scoreOne(s, 70, 100);
    expect(r.points.toString()).toBe('4');
    expect(r.zeroedBy).toBeUndefined();
    expect(r.remedy!.gain!.toString()).toBe('6');
  });
});

describe('bands: met only with the full points', () => {
  const s = oneItem({
    target: '>= 80%',
    rule: '{ type: bands, bands: [{ when: ">= 95%", points: 10 }, { when: ">= 80%", points: 6 }, { points: 0 }] }',
  });
  it('85% meets the target but earns 6 of 10: partial', () => {
    const r = scoreOne(s, 85, 100);
    expect(r.points.toString()).toBe('6');
    expect(r.status).toBe('partial');
  });
  it('96%: 10 of 10, met', () => expect(scoreOne(s, 96, 100).status).toBe('met'));
});

describe('vetoes the data cannot decide', () => {
  const s = oneItem({
    formula: 'num',
    target: '>= 0',
    rule: '{ type: all }',
    extra: `vetoes:
  - { id: ratio, title: 比例, when: "num / den > 1" }
`,
  });
  const unit = (num: string, den: string) =>
    assess(s, ['t.csv', `乡镇,分子,分母\nA,${num},${den}\n`]).units[0]!.children[0]!;
  it('a blank field: not checked, with the reason naming the field, and the unit cannot pass', () => {
    const u = unit('5', '');
    const v = u.vetoes.find((x) => x.id === 'ratio')!;
    expect(v.triggered).toBe(false);
    expect(v.checked).toBe(false);
    expect(say(v.reason!, 'zh')).toContain('分母');
    expect(say(v.reason!, 'en')).toContain('分母');
    // The item (num ≥ 0) is met: 10 of 10, still not passed.
    expect(u.scaled.toString()).toBe('10');
    expect(u.passed).toBe(false);
  });
  it('all fields present, condition undefined by a zero denominator: checked, not triggered, passes', () => {
    const u = unit('5', '0');
    expect(u.vetoes.find((x) => x.id === 'ratio')).toMatchObject({ checked: true, triggered: false });
    expect(u.passed).toBe(true);
  });
  it('decided: checked; 5 / 2 > 1 triggers', () => {
    expect(unit('5', '10').vetoes[0]).toMatchObject({ checked: true, triggered: false });
    expect(unit('5', '2').vetoes[0]).toMatchObject({ checked: true, triggered: true });
  });
  it('a hard floor on an item without data is not checked', () => {
    const f = oneItem({
      target: '>= 90%',
      rule: '{ type: all }',
      extra: 'vetoes: [{ id: floor, title: 底线, item: x, when: "< 60%" }]\n',
    });
    const u = assess(f, ['t.csv', '乡镇,分子,分母\nA,,100\n']).units[0]!.children[0]!;
    expect(u.vetoes[0]).toMatchObject({ id: 'floor', checked: false, triggered: false });
    expect(say(u.vetoes[0]!.reason!, 'zh')).toContain('分子');
  });
  it('JSON carries checked and reason', () => {
    const a = assess(s, ['t.csv', '乡镇,分子,分母\nA,5,\n']);
    const doc = JSON.parse(formatJson(a, { lang: 'zh' })) as {
      units: { children: { vetoes: { checked: boolean; reason: string | null }[] }[] }[];
    };
    const v = doc.units[0]!.children[0]!.vetoes[0]!;
    expect(v.checked).toBe(false);
    expect(v.reason).toContain('分母');
  });
});

describe('display rounding never makes a failing value look met', () => {
  const s = oneItem({ target: '>= 95%', rule: '{ type: all }' });
  it('949999/1000000 against ≥ 95% shows 94.9999%, not 95%; the gap 0.0001%, not 0%', () => {
    const r = shownOne(s, 949999, 1000000);
    expect(r.status).toBe('failed');
    expect(r.shown).toBe('94.9999%');
    expect(r.gapShown).toBe('0.0001%');
  });
  it('values that display apart from the target keep two decimals', () => {
    expect(shownOne(s, 947, 1000).shown).toBe('94.7%');
    expect(shownOne(s, 95, 100).shown).toBe('95%');
  });
});

describe('ranking: a vetoed unit ranks after every unit without a veto', () => {
  it('competitionRanks with a vetoed key: ties still 1, 2, 2, 4 within each group', () => {
    const us = [
      { s: R(95), v: true },
      { s: R(90), v: false },
      { s: R(80), v: false },
      { s: R(80), v: false },
      { s: R(70), v: false },
      { s: R(60), v: true },
    ];
    expect(
      competitionRanks(
        us,
        (u) => u.s,
        (u) => u.v,
      ),
    ).toEqual([5, 1, 2, 2, 4, 6]);
  });
  it('townships: A scores 10 but is vetoed, so it ranks after B (10) and C (0)', () => {
    const s = oneItem({
      formula: 'num',
      target: '>= 50',
      rule: '{ type: all }',
      extra: 'vetoes: [{ id: big, title: 过大, when: "num > 100" }]\n',
    });
    const c = assess(s, ['t.csv', '乡镇,分子,分母\nA,200,1\nB,60,1\nC,10,1\n']).units[0]!;
    expect(c.children.map((u) => [u.name, u.scaled.toString(), u.rank])).toEqual([
      ['A', '10', 3],
      ['B', '10', 1],
      ['C', '0', 2],
    ]);
  });
});
