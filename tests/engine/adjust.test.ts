/** Inspector adjustments on an assessment: resolving the lines, expiry, applying, recomputing the totals. */
import { describe, expect, it } from 'vitest';
import { parseAdjustments } from '../../src/data/adjustments';
import { formatDiagnostic } from '../../src/diagnostics';
import { applyAdjustments, resolveAdjustments } from '../../src/engine/adjust';
import { periodEnd, referenceDate } from '../../src/engine/reference-date';
import type { Assessment } from '../../src/engine/types';
import { R } from '../../src/rational';
import { assess, bytes, child, item, scheme } from '../support';

/** 100 points: an all-or-nothing rate (60, n/a excluded when den is 0) and a per-case item (40); a bonus of 8 capped at 5. */
const S = scheme(`
id: adj
title: A
version: 1
total: 100
pass: 90
grades: [{ name: 优秀, min: 95 }, { name: 达标, min: 90 }, { name: 不达标, min: 0 }]
units:
  - { id: township, title: 乡镇, name: [乡镇], key: [代码] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: num, label: 分子, type: count }
  - { id: den, label: 分母, type: count }
  - { id: cases, label: 例数, type: count }
  - { id: extra, label: 额外, type: count }
sections:
  - id: s
    title: S
    points: 100
    items:
      - { id: rate, title: 比率, points: 60, formula: num / den, target: ">= 90%", rule: { type: all } }
      - { id: case_item, title: 例数项, points: 40, formula: cases, target: "== 0", rule: { type: per_case, deduct: 10 } }
bonus:
  cap: 5
  items:
    - { id: plus, title: 加分项, points: 8, formula: extra, target: ">= 1", rule: { type: all } }
`);

// A: 60 + 40 + bonus 8 (capped 5) = 105. B: 0 + 30 = 30. C: rate n/a (excluded), 40 / 40 → scaled 100.
const DATA = `乡镇,代码,分子,分母,例数,额外\nA,101,95,100,0,1\nB,102,80,100,1,0\nC,103,0,0,0,0\n`;
const base = (): Assessment => assess(S, ['t.csv', DATA]);

const HEAD = 'unit,item,deduct,override,reason,authority,date,expires\n';
/** Parses, resolves and applies `rows` (CSV lines after the header) as of `asOf`. */
function run(rows: string[], asOf = '2026-07-31', a = base()) {
  const parsed = parseAdjustments(bytes(HEAD + rows.join('\n')), 'adj.csv');
  expect(parsed.findings).toEqual([]);
  const resolved = resolveAdjustments(S, a, parsed.adjustments, asOf);
  const errors = resolved.findings.filter((d) => d.severity === 'error');
  return {
    before: a,
    after: errors.length ? undefined : applyAdjustments(S, a, resolved.records, asOf),
    findings: resolved.findings.map((d) => formatDiagnostic(d, 'en')),
    records: resolved.records,
  };
}
const county = (a: Assessment) => a.units[0]!;
const unit = (a: Assessment, name: string) => child(county(a), name);

describe('applying adjustments', () => {
  it('the self-assessed figures as expected, before any adjustment', () => {
    const a = base();
    expect([unit(a, 'A').scaled, unit(a, 'B').scaled, unit(a, 'C').scaled].map((x) => x.toDecimal(2))).toEqual([
      '105',
      '30',
      '100',
    ]);
    expect(unit(a, 'A').passed).toBe(true);
  });

  it('an override sets the points; lost, score, scaled, pass and grade are recomputed; the self-assessed ones are kept', () => {
    const { after, findings } = run(['A,rate,,30,抽查不实,省评估组,2026-07-20,']);
    expect(findings).toEqual([]);
    const a = unit(after!, 'A');
    const rate = item(a, 'rate');
    expect([rate.points, rate.max, rate.lost].map((x) => x.toDecimal(2))).toEqual(['30', '60', '30']);
    expect(rate.status).toBe('partial');
    expect(rate.adjustment).toMatchObject({
      kind: 'override',
      reason: '抽查不实',
      authority: '省评估组',
      date: '2026-07-20',
    });
    expect(rate.adjustment!.selfPoints.toDecimal(2)).toBe('60');
    // 30 + 40 + bonus 5 = 75: the pass flips to a fail, and the grade drops.
    expect(a.scaled.eq(R(75))).toBe(true);
    expect(a.score.eq(R(75))).toBe(true);
    expect(a.passed).toBe(false);
    expect(a.grade).toBe('不达标');
    expect(a.self).toEqual({ score: R(105), scaled: R(105), passed: true, grade: '优秀' });
  });

  it('a deduction past zero stops at 0 (扣完为止)', () => {
    const { after } = run(['B,例数项,50,,漏报5例,省评估组,2026-07-20,']);
    const b = unit(after!, 'B');
    const x = item(b, 'case_item');
    expect([x.points, x.lost].map((v) => v.toDecimal(2))).toEqual(['0', '40']);
    expect(x.status).toBe('failed');
    expect(b.scaled.isZero()).toBe(true);
  });

  it('deductions are exact: 0.3 off 60 is 59.7, not 59.699999', () => {
    const { after } = run(['A,rate,0.3,,台账不全,省评估组,2026-07-20,']);
    expect(unit(after!, 'A').scaled.eq(R('104.7'))).toBe(true);
  });

  it('the fail can flip to a pass', () => {
    const { after } = run(['B,rate,,60,复核达标,省评估组,2026-07-20,']);
    const b = unit(after!, 'B');
    expect(b.scaled.eq(R(90))).toBe(true);
    expect(b.passed).toBe(true);
    expect(b.self!.passed).toBe(false);
    expect(item(b, 'rate').status).toBe('met');
  });

  it('bonus items keep their cap and lose nothing: 8 − 2 = 6 is still capped at 5; 8 − 4 = 4 counts 4', () => {
    expect(unit(run(['A,plus,2,,部分不实,省评估组,2026-07-20,']).after!, 'A').scaled.eq(R(105))).toBe(true);
    const a = unit(run(['A,plus,4,,部分不实,省评估组,2026-07-20,']).after!, 'A');
    expect(a.scaled.eq(R(104))).toBe(true);
    expect(a.bonus.eq(R(4))).toBe(true);
    expect(item(a, 'plus').lost.isZero()).toBe(true);
    // An adjusted bonus is never partial (README, Bonus): met while it earns points or its target holds.
    expect(item(a, 'plus').status).toBe('met');
    expect(item(unit(run(['A,plus,8,,不实,省评估组,2026-07-20,']).after!, 'A'), 'plus').status).toBe('met');
  });

  it('scaling over the applicable maximum stays right: an override of an item excluded as n/a brings it back into the maximum', () => {
    const c = unit(run(['C,rate,,30,抽查核实,省评估组,2026-07-20,']).after!, 'C');
    expect(c.max.eq(R(100))).toBe(true);
    expect(c.scaled.eq(R(70))).toBe(true);
    // A deduction on an excluded item changes nothing: 0 stays 0, the maximum stays 40.
    const d = unit(run(['C,rate,5,,抽查,省评估组,2026-07-20,']).after!, 'C');
    expect(d.max.eq(R(40))).toBe(true);
    expect(d.scaled.eq(R(100))).toBe(true);
    expect(item(d, 'rate').status).toBe('na');
  });

  it('an adjustment applies to the unit named: the county is not recomputed from its townships, but the townships are ranked again', () => {
    const { before, after } = run(['A,rate,,0,不实,省评估组,2026-07-20,', 'A,case_item,40,,不实,省评估组,2026-07-20,']);
    expect(county(after!).scaled.eq(county(before).scaled)).toBe(true);
    expect(county(after!).self).toBeUndefined();
    expect([unit(before, 'A').rank, unit(before, 'B').rank]).toEqual([1, 3]);
    // A: 0 + 0 + 5 = 5, below B's 30.
    expect([unit(after!, 'C').rank, unit(after!, 'B').rank, unit(after!, 'A').rank]).toEqual([1, 2, 3]);
  });

  it('the input assessment is left unchanged, and without adjustments nothing but the list is added', () => {
    const a = base();
    const snapshot = JSON.stringify(a, (_, v) => (typeof v === 'bigint' ? String(v) : v));
    run(['A,rate,,30,抽查不实,省评估组,2026-07-20,'], '2026-07-31', a);
    expect(JSON.stringify(a, (_, v) => (typeof v === 'bigint' ? String(v) : v))).toBe(snapshot);
    const none = applyAdjustments(S, a, [], '2026-07-31');
    expect({ ...none, adjustments: undefined }).toEqual({ ...a, adjustments: undefined });
    expect(none.adjustments).toEqual({ asOf: '2026-07-31', list: [] });
  });

  it('the list records every line with the points before and after', () => {
    const { after } = run(['101,比率,,30,抽查不实,省评估组,2026-07-20,']);
    expect(after!.adjustments!.list).toHaveLength(1);
    expect(after!.adjustments!.list[0]).toMatchObject({
      unit: { key: '101', name: 'A' },
      item: { id: 'rate', title: '比率' },
      status: 'applied',
      line: 2,
    });
    expect(after!.adjustments!.list[0]!.points!.toDecimal(2)).toBe('30');
    expect(after!.adjustments!.list[0]!.selfPoints!.toDecimal(2)).toBe('60');
  });
});

describe('expiry and the reference date', () => {
  it('an adjustment whose expires date is before the reference date is reported and not applied', () => {
    const { after, findings, records } = run(['A,rate,,0,上半年抽查,省评估组,2026-01-15,2026-06-30']);
    expect(findings).toEqual([
      'adj.csv:2:8: warning: adjustment of A / 比率 expired on 2026-06-30 (reference date 2026-07-31): not applied',
    ]);
    expect(records[0]!.status).toBe('expired');
    const a = unit(after!, 'A');
    expect(a.scaled.eq(R(105))).toBe(true);
    expect(a.self).toBeUndefined();
    expect(item(a, 'rate').adjustment).toBeUndefined();
    expect(after!.adjustments!.list[0]).toMatchObject({ status: 'expired' });
    expect(after!.adjustments!.list[0]!.points).toBeUndefined();
  });

  it('on its expiry date it still applies (valid until that day)', () => {
    const { findings, after } = run(['A,rate,,0,抽查,省评估组,2026-01-15,2026-07-31']);
    expect(findings).toEqual([]);
    expect(unit(after!, 'A').self).toBeDefined();
  });

  it('an adjustment dated after the reference date is not yet in force: reported and not applied', () => {
    const { after, findings } = run(['A,rate,,0,抽查,省评估组,2026-08-05,'], '2026-07-31');
    expect(findings).toEqual([
      'adj.csv:2:7: warning: adjustment of A / 比率 is dated 2026-08-05, after the reference date 2026-07-31: not yet in force, not applied',
    ]);
    expect(after!.adjustments!.list[0]!.status).toBe('not-yet');
    expect(unit(after!, 'A').scaled.eq(R(105))).toBe(true);
  });

  it('the reference date: --as-of, else the end of the period, else today', () => {
    expect(referenceDate({ asOf: '2026-03-01', period: '2026-07', today: '2026-11-29' })).toBe('2026-03-01');
    expect(referenceDate({ period: '2026-07', today: '2026-11-29' })).toBe('2026-07-31');
    expect(referenceDate({ period: null, today: '2026-11-29' })).toBe('2026-11-29');
    expect(['2026-02', '2028-02', '2026-12', '2026h1', '2026h2', '2026-13', 'x'].map(periodEnd)).toEqual([
      '2026-02-28',
      '2028-02-29',
      '2026-12-31',
      '2026-06-30',
      '2026-12-31',
      undefined,
      undefined,
    ]);
  });
});

describe('checking the lines against the assessment', () => {
  it('an unknown unit or item is an error at its cell', () => {
    const { after, findings } = run(['火星,rate,1,,x,省评估组,2026-07-20,', 'A,nope,1,,x,省评估组,2026-07-20,']);
    expect(after).toBeUndefined();
    expect(findings).toEqual([
      'adj.csv:2:1: error: unit "火星": no unit of that name or code in the data',
      'adj.csv:3:2: error: item "nope": no item of that id or title in the scheme',
    ]);
  });

  it('an override above the item’s points is an error at the override cell', () => {
    expect(run(['A,rate,,61,x,省评估组,2026-07-20,']).findings).toEqual([
      "adj.csv:2:4: error: override (核定得分) 61 is above the item's 60 points",
    ]);
  });

  it('the same unit and item twice (by name, then by code) is an error on the second line', () => {
    expect(run(['A,rate,1,,x,省评估组,2026-07-20,', '101,比率,2,,y,省评估组,2026-07-20,']).findings).toEqual([
      'adj.csv:3:1: error: A / 比率 is adjusted twice (first on line 2); one line per unit and item',
    ]);
  });

  it('a unit name shared by two units asks for the code', () => {
    const a = assess(S, ['t.csv', `乡镇,代码,分子,分母,例数,额外\nA,101,95,100,0,1\nA,102,80,100,1,0\n`]);
    const parsed = parseAdjustments(bytes(`${HEAD}A,rate,1,,x,省评估组,2026-07-20,\n`), 'adj.csv');
    const r = resolveAdjustments(S, a, parsed.adjustments, '2026-07-31');
    expect(r.findings.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      'adj.csv:2:1: error: unit "A": 2 units have that name (101, 102); give the code',
    ]);
  });
});
