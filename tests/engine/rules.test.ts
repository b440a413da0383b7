import { describe, expect, it } from 'vitest';
import { R } from '../../src/rational';
import { oneItem, scoreOne, shownOne } from '../support';

const points = (s: ReturnType<typeof oneItem>, num: number, den: number) => scoreOne(s, num, den).points.toString();

describe('deduct: 每低0.1个百分点扣0.3分', () => {
  const s = oneItem({
    target: '>= 95%',
    rule: '{ type: deduct, deduct: 0.3, per: 0.1%, partial: proportional }',
    points: 10,
  });

  it('94.7% against 95% loses exactly 0.9 (3 units, no float residue)', () => {
    const r = scoreOne(s, 947, 1000);
    expect(r.lost.eq(R('0.9'))).toBe(true);
    expect(r.points.eq(R('9.1'))).toBe(true);
    expect(r.status).toBe('partial');
    expect(r.gap!.eq(R('0.003'))).toBe(true);
    expect(r.calc).toMatchObject({ kind: 'deduct' });
    if (r.calc.kind === 'deduct') expect(r.calc.units.toString()).toBe('3');
  });
  it('neighbours: 94.69% loses 0.93, 94.71% loses 0.87, 95% nothing', () => {
    expect(scoreOne(s, 9469, 10000).lost.eq(R('0.93'))).toBe(true);
    expect(scoreOne(s, 9471, 10000).lost.eq(R('0.87'))).toBe(true);
    const met = scoreOne(s, 95, 100);
    expect(met.status).toBe('met');
    expect(met.points.toString()).toBe('10');
    expect(met.lost.isZero()).toBe(true);
  });
  it('floors at 0: 扣完为止', () => {
    const r = scoreOne(s, 50, 100);
    expect(r.points.toString()).toBe('0');
    expect(r.status).toBe('failed');
    expect(r.calc.kind === 'deduct' && r.calc.cap).toBe('points');
  });
});

describe('deduct partial-unit modes', () => {
  const mk = (partial: string) =>
    oneItem({ target: '>= 95%', rule: `{ type: deduct, deduct: 1, per: 1%, partial: ${partial} }` });
  // 93.5%: 1.5 units short.
  it('proportional counts 1.5 units', () => expect(points(mk('proportional'), 935, 1000)).toBe('17/2'));
  it('up counts 2 units', () => expect(points(mk('up'), 935, 1000)).toBe('8'));
  it('down counts 1 unit', () => expect(points(mk('down'), 935, 1000)).toBe('9'));
  it('down: less than one unit short loses nothing but is not met', () => {
    const r = scoreOne(mk('down'), 945, 1000);
    expect(r.points.toString()).toBe('10');
    expect(r.status).toBe('partial');
  });
  it('max caps the deduction', () => {
    const s = oneItem({ target: '>= 95%', rule: '{ type: deduct, deduct: 1, per: 1%, partial: up, max: 4 }' });
    expect(points(s, 50, 100)).toBe('6');
  });
});

describe('deduct above a ceiling and outside a range', () => {
  it('<= 5%: 7% loses 2 per point', () => {
    const s = oneItem({ target: '<= 5%', rule: '{ type: deduct, deduct: 2, per: 1%, partial: proportional }' });
    expect(points(s, 7, 100)).toBe('6');
    expect(scoreOne(s, 5, 100).status).toBe('met');
  });
  it('between 103 and 107 (sex ratio): 111.28 is 4.28 above, rounded up 5 × 0.5', () => {
    const s = oneItem({
      formula: 'num / den * 100',
      target: 'between 103 and 107',
      rule: '{ type: deduct, deduct: 0.5, per: 1, partial: up }',
    });
    expect(points(s, 11128, 10000)).toBe('15/2');
    expect(points(s, 101, 100)).toBe('9'); // 2 below 103
    expect(scoreOne(s, 103, 100).status).toBe('met');
    expect(scoreOne(s, 107, 100).status).toBe('met');
  });
});

describe('all-or-nothing', () => {
  const s = oneItem({ target: '>= 85%', rule: '{ type: all }' });
  it('met gives full points, else 0', () => {
    expect(points(s, 85, 100)).toBe('10');
    expect(points(s, 8499, 10000)).toBe('0');
    expect(scoreOne(s, 8499, 10000).status).toBe('failed');
  });
});

describe('per case: 每发现一例扣0.5分', () => {
  const s = oneItem({ formula: 'num', target: '== 0', rule: '{ type: per_case, deduct: 0.5, max: 3 }', points: 5 });
  it('deducts per case, capped', () => {
    expect(points(s, 0, 1)).toBe('5');
    expect(points(s, 3, 1)).toBe('7/2');
    expect(points(s, 20, 1)).toBe('2');
  });
});

describe('proportional: 按完成比例得分', () => {
  it('>= target: points × value/target, capped at full', () => {
    const s = oneItem({ target: '>= 80%', rule: '{ type: proportional }' });
    expect(points(s, 60, 100)).toBe('15/2');
    expect(points(s, 90, 100)).toBe('10');
  });
  it('<= target: points × target/value', () => {
    const s = oneItem({ target: '<= 5%', rule: '{ type: proportional }' });
    expect(points(s, 10, 100)).toBe('5');
  });
});

describe('bands: 分档计分', () => {
  const s = oneItem({
    target: '>= 95%',
    rule: '{ type: bands, bands: [{ when: ">= 95%", points: 10 }, { when: ">= 90%", points: 6 }, { when: ">= 80%", points: 3 }, { points: 0 }] }',
  });
  it('the first matching band gives its points', () => {
    expect(points(s, 96, 100)).toBe('10');
    expect(points(s, 90, 100)).toBe('6');
    expect(points(s, 8999, 10000)).toBe('3');
    expect(points(s, 10, 100)).toBe('0');
    expect(scoreOne(s, 90, 100).status).toBe('partial');
  });
});

describe('undefined values follow the na policy', () => {
  it('default exclude: n/a, out of the applicable maximum, and says so', () => {
    const s = oneItem({ target: '>= 95%', rule: '{ type: all }' });
    const r = shownOne(s, 0, 0);
    expect(r.status).toBe('na');
    expect(r.max.isZero()).toBe(true);
    expect(r.lost.isZero()).toBe(true);
    expect(r.calc).toEqual({ kind: 'na', policy: 'exclude' });
    expect(r.value).toBeUndefined();
    expect(r.shown).toBe('—');
  });
  it('full and zero', () => {
    const full = scoreOne(oneItem({ target: '>= 95%', rule: '{ type: all }', na: 'full' }), 0, 0);
    expect([full.points.toString(), full.max.toString()]).toEqual(['10', '10']);
    const zero = scoreOne(oneItem({ target: '>= 95%', rule: '{ type: all }', na: 'zero' }), 0, 0);
    expect([zero.points.toString(), zero.max.toString(), zero.lost.toString()]).toEqual(['0', '10', '10']);
  });
  it('a blank cell is missing data, not n/a: 0 points and counted', () => {
    const r = scoreOne(oneItem({ target: '>= 95%', rule: '{ type: all }' }), '', 10);
    expect(r.status).toBe('missing');
    expect(r.max.toString()).toBe('10');
    expect(r.calc).toEqual({ kind: 'missing', fields: ['num'] });
  });
});
