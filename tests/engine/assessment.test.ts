import { describe, expect, it } from 'vitest';
import { R } from '../../src/rational';
import { competitionRanks } from '../../src/engine/rank';
import { assess, child, cityScheme, item, scheme, shown } from '../support';

/** Two townships whose rates differ in size: ratio of sums ≠ mean of ratios. */
const RATE = scheme(`
id: r
title: R
version: 1
total: 100
pass: 90
grades: [{ name: 优秀, min: 95 }, { name: 达标, min: 90 }, { name: 不达标, min: 0 }]
units:
  - { id: township, title: 乡镇, name: [乡镇], key: [代码] }
  - { id: county, title: 县, name: [县], key: [县代码] }
fields:
  - { id: births, label: 出生数, type: count }
  - { id: ok, label: 政策内, type: count, scope: township }
  - { id: has_a, label: 有A, type: boolean, scope: county }
  - { id: has_b, label: 有B, type: boolean, scope: county }
  - { id: has_c, label: 有C, type: boolean, scope: county }
  - { id: cadre, label: 干部违法生育, type: count, scope: county }
  - { id: cases, label: 两非案件, type: count, scope: county }
checks:
  - { id: ok_le_births, title: 政策内不超过出生数, assert: ok <= births }
sections:
  - id: s1
    title: 人口
    points: 60
    items:
      - id: rate
        title: 符合政策生育率
        points: 50
        formula: ok / births
        target: ">= 95%"
        rule: { type: deduct, deduct: 1, per: 1%, partial: proportional }
        lever: ok
      - id: mean_rate
        title: 平均
        points: 10
        formula: ok / births
        target: ">= 95%"
        rule: { type: all }
        rollup: mean
  - id: s2
    title: 管理
    points: 40
    items:
      - id: org
        title: 机构
        points: 40
        formula: count(has_a, has_b, has_c)
        rule: { type: checklist, deduct: 15 }
        scope: county
vetoes:
  - { id: floor, title: 底线, item: rate, when: "< 82%" }
  - { id: cadre_v, title: 干部, when: cadre > 0 }
bonus:
  cap: 3
  items:
    - id: b1
      title: 查处案件
      points: 2
      formula: cases
      target: ">= 1"
      rule: { type: all }
      scope: county
    - id: b2
      title: 超额
      points: 5
      formula: ok / births
      target: ">= 90%"
      rule: { type: add, add: 1, per: 1%, partial: down }
`);

const county = (cadre = 0, cases = 0, b = '是') =>
  `县,县代码,有A,有B,有C,干部违法生育,两非案件\n甲县,1,是,${b},否,${cadre},${cases}\n`;
// Big township 900/1000 = 90%, small one 100/100 = 100%: ratio of sums 1000/1100 = 90.909…%, mean of ratios 95%.
const towns = '乡镇,代码,出生数,政策内\n大镇,11,1000,900\n小乡,12,100,100\n';

describe('roll-up', () => {
  const a = assess(RATE, ['t.csv', towns], ['c.csv', county()]);
  const c = a.units[0]!;
  it('the county value is the ratio of sums, not the mean of township rates', () => {
    expect(item(c, 'rate').value).toEqual(R(1000).div(R(1100)));
    expect(shown(c, 'rate')).toBe('90.91%');
  });
  it('an item declaring rollup: mean takes the mean of the township values', () => {
    expect((item(c, 'mean_rate').value as ReturnType<typeof R>).eq(R('0.95'))).toBe(true);
    expect(item(c, 'mean_rate').status).toBe('met');
  });
  it('townships are scored on township-scope items only', () => {
    const big = child(c, '大镇');
    expect(big.items.map((i) => i.id)).toEqual(['rate', 'mean_rate', 'b2']);
    expect(big.max.toString()).toBe('60');
  });
});

describe('checklist: 缺一项扣', () => {
  it('lists the missing elements and deducts per element', () => {
    const c = assess(RATE, ['t.csv', towns], ['c.csv', county(0, 0, '否')]).units[0]!;
    const org = item(c, 'org');
    expect(org.calc).toMatchObject({ kind: 'checklist', missing: ['has_b', 'has_c'] });
    expect(org.points.toString()).toBe('10');
    expect(org.status).toBe('partial');
  });
});

describe('bonus with a cap', () => {
  it('adds beyond the total, capped, and loses nothing when not earned', () => {
    // b1 earns 2; b2: 90.909% is 0.909 above 90% → 0 whole units.
    const c = assess(RATE, ['t.csv', towns], ['c.csv', county(0, 3)]).units[0]!;
    expect(item(c, 'b1').points.toString()).toBe('2');
    expect(item(c, 'b2').points.toString()).toBe('0');
    expect(item(c, 'b2').lost.toString()).toBe('0');
    expect(c.bonus.toString()).toBe('2');
    const rich = assess(RATE, ['t.csv', '乡镇,代码,出生数,政策内\n大镇,11,100,99\n'], ['c.csv', county(0, 3)])
      .units[0]!;
    // b2: 99% is 9 units above 90% → 9, item cap 5; with b1 2 → 7, scheme cap 3.
    expect(item(rich, 'b2').points.toString()).toBe('5');
    expect(rich.bonus.toString()).toBe('3');
  });
  it('is met when its target holds though nothing beyond it is earned yet, failed when not (never partial)', () => {
    // b2: 90.909% is above 90% but less than one whole unit beyond it: met, 0 points (README: met when the target holds).
    const c = assess(RATE, ['t.csv', towns], ['c.csv', county(0, 3)]).units[0]!;
    expect([item(c, 'b2').status, item(c, 'b2').points.toString()]).toEqual(['met', '0']);
    expect(item(c, 'b1').status).toBe('met');
    const none = assess(RATE, ['t.csv', '乡镇,代码,出生数,政策内\n大镇,11,100,80\n'], ['c.csv', county(0, 0)])
      .units[0]!;
    expect([item(none, 'b1').status, item(none, 'b2').status]).toEqual(['failed', 'failed']);
  });
});

describe('vetoes', () => {
  it('a formula veto fails the unit whatever the score, and is reported with its value', () => {
    const c = assess(RATE, ['t.csv', '乡镇,代码,出生数,政策内\n大镇,11,100,100\n'], ['c.csv', county(2)]).units[0]!;
    // items 50 + 10 + 25 (has_c missing: −15) = 85, bonus b2 (100% is 10 units above 90%) capped at 3.
    expect(c.scaled.toString()).toBe('88');
    const v = c.vetoes.find((x) => x.id === 'cadre_v')!;
    expect(v.triggered).toBe(true);
    expect(v.value).toEqual(R(2));
    expect(c.passed).toBe(false);
    expect(c.grade).toBe('不达标');
  });
  it('a hard floor zeroes the item and vetoes', () => {
    const c = assess(RATE, ['t.csv', '乡镇,代码,出生数,政策内\n大镇,11,100,81\n'], ['c.csv', county()]).units[0]!;
    const rate = item(c, 'rate');
    expect(rate.zeroedBy).toEqual(['floor']);
    expect(rate.points.toString()).toBe('0');
    expect(rate.status).toBe('failed');
    expect(c.vetoes.find((x) => x.id === 'floor')!.triggered).toBe(true);
    expect(c.passed).toBe(false);
  });
  it('no veto and a full score passes, with the bonus on top', () => {
    const c = assess(
      RATE,
      ['t.csv', '乡镇,代码,出生数,政策内\n大镇,11,100,95\n'],
      ['c.csv', '县,县代码,有A,有B,有C,干部违法生育,两非案件\n甲县,1,是,是,是,0,0\n'],
    ).units[0]!;
    // Items 100; b2: 95% is 5 units above 90% → 5, capped by the scheme's cap of 3.
    expect(c.score.toString()).toBe('103');
    expect(c.max.toString()).toBe('100');
    expect(c.passed).toBe(true);
    expect(c.grade).toBe('优秀');
    expect(c.vetoes.every((v) => !v.triggered)).toBe(true);
  });
});

describe('invalid data from a failed check', () => {
  it('makes the items using those fields invalid for that township and for the county', () => {
    const a = assess(
      RATE,
      ['t.csv', '乡镇,代码,出生数,政策内\n大镇,11,100,120\n小乡,12,100,100\n'],
      ['c.csv', county()],
    );
    const c = a.units[0]!;
    expect(item(child(c, '大镇'), 'rate').status).toBe('invalid');
    expect(item(child(c, '大镇'), 'rate').points.toString()).toBe('0');
    expect(item(child(c, '小乡'), 'rate').status).toBe('met');
    expect(item(c, 'rate').status).toBe('invalid');
    expect(a.data.findings.some((f) => f.code === 'data/check' && f.severity === 'error' && f.line === 2)).toBe(true);
  });
});

describe('ranking', () => {
  it('competition ranking: 1, 2, 2, 4', () => {
    expect(competitionRanks([R(90), R(80), R(80), R(70)], (x) => x)).toEqual([1, 2, 2, 4]);
    expect(competitionRanks([R(1), R(3), R(3)], (x) => x)).toEqual([3, 1, 1]);
  });
  it('townships of a county are ranked by scaled score with ties sharing a rank', () => {
    const c = assess(
      RATE,
      ['t.csv', '乡镇,代码,出生数,政策内\n甲,1,100,95\n乙,2,100,90\n丙,3,200,180\n丁,4,100,80\n'],
      ['c.csv', county()],
    ).units[0]!;
    expect(c.children.map((k) => [k.name, k.rank])).toEqual([
      ['甲', 1],
      ['乙', 2],
      ['丙', 2],
      ['丁', 4],
    ]);
  });
  it('counties within a parent column are ranked too', () => {
    const a = assess(
      RATE,
      ['t.csv', '县,乡镇,代码,出生数,政策内\n甲县,a,1,100,95\n乙县,b,2,100,90\n'],
      ['c.csv', '县,县代码,有A,有B,有C,干部违法生育,两非案件\n甲县,1,是,是,是,0,0\n乙县,2,是,是,是,0,0\n'],
    );
    expect(a.units.map((u) => [u.name, u.rank, u.of])).toEqual([
      ['甲县', 1, 2],
      ['乙县', 2, 2],
    ]);
    expect(a.units[1]!.children.map((k) => k.name)).toEqual(['b']);
  });
});

describe('remedy', () => {
  it('gives the smallest whole-number change of the lever that meets the target', () => {
    // 900/1000 → need ok ≥ 950: +50.
    const c = assess(RATE, ['t.csv', '乡镇,代码,出生数,政策内\n大镇,11,1000,900\n'], ['c.csv', county()]).units[0]!;
    const r = item(c, 'rate').remedy!;
    expect(r.reachable).toBe(true);
    expect(r.change!.toString()).toBe('50');
    expect(r.to!.toString()).toBe('950');
    expect(r.gain!.toString()).toBe('5');
  });
  it('rounds to whole persons: 93/99 needs +2', () => {
    const c = assess(RATE, ['t.csv', '乡镇,代码,出生数,政策内\n大镇,11,99,93\n'], ['c.csv', county()]).units[0]!;
    // 94/99 = 94.95% < 95%, 95/99 = 95.96% ≥ 95% → +2.
    expect(item(c, 'rate').remedy!.change!.toString()).toBe('2');
  });
  it('says "not reachable" when the checks forbid the change (政策内 ≤ 出生数)', () => {
    const s = scheme(`
id: r2
title: R
version: 1
total: 10
pass: 9
units: [{ id: township, title: 乡镇, name: [乡镇] }]
fields:
  - { id: births, label: 出生数, type: count }
  - { id: ok, label: 政策内, type: count }
checks: [{ id: c1, title: 政策内不超过出生数, assert: ok <= births }]
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: rate, title: 率, points: 10, formula: ok / births, target: ">= 95%", rule: { type: all }, lever: births }
`);
    const t = assess(s, ['t.csv', '乡镇,出生数,政策内\n甲,100,90\n']).units[0]!;
    // Lowering births to 95 meets the target: 90/95 = 94.7% no; 90/94 = 95.7% yes → −6.
    expect(item(t, 'rate').remedy!.change!.toString()).toBe('-6');
  });
});

describe('three levels: townships → counties → city', () => {
  const CITY = cityScheme();
  const a = assess(CITY, [
    't.csv',
    '市,县,乡镇,出生数,政策内\n晋中市,甲县,a,100,90\n晋中市,甲县,b,100,100\n晋中市,乙县,c,200,196\n',
  ]);
  it('the city is the top-level unit, scored on the sums of all its townships', () => {
    expect(a.units.map((u) => [u.level, u.name])).toEqual([['city', '晋中市']]);
    // (90 + 100 + 196) / 400 = 96.5%
    expect(shown(a.units[0]!, 'rate')).toBe('96.5%');
  });
  it('counties are ranked within the city, townships within their county', () => {
    const city = a.units[0]!;
    // 甲县 190/200 = 95% (met), 乙县 196/200 = 98%: both 10 points, tied.
    expect(city.children.map((c) => [c.name, c.rank, c.of])).toEqual([
      ['甲县', 1, 2],
      ['乙县', 1, 2],
    ]);
    const jia = child(city, '甲县');
    expect(jia.children.map((t) => [t.name, t.rank])).toEqual([
      ['a', 2],
      ['b', 1],
    ]);
    expect(item(child(jia, 'a'), 'rate').points.toString()).toBe('5');
  });
});
