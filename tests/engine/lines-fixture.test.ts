/**
 * fixtures/real-rules/lines.yaml scored on its small county (three towns and a
 * farm): weighted lines 6:4, points by unit type, an item not assessed for farms,
 * rollup share (80% 以上乡镇达标) and rollup all. Every number computed by hand below.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatExplain } from '../../src/report/single/explain-item';
import { assess, child, item, scheme } from '../support';

const S = scheme(readFileSync('fixtures/real-rules/lines.yaml', 'utf8'));
const A = assess(S, ['towns.csv', readFileSync('fixtures/real-rules/towns.csv', 'utf8')]);
const county = A.units[0]!;
const s = (x: { toString(): string }) => x.toString();

describe('fixtures/real-rules/lines.yaml', () => {
  it('has no data findings', () => {
    expect(A.data.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('东镇 (乡镇): every item met: lines 100 and 100, 0.6 × 100 + 0.4 × 100 = 100', () => {
    const u = child(county, '东镇');
    expect(u.unitType).toBe('乡镇');
    expect(u.lines!.map((l) => [l.id, s(l.score), s(l.weighted)])).toEqual([
      ['leadership', '100', '60'],
      ['grassroots', '100', '40'],
    ]);
    expect(s(u.scaled)).toBe('100');
    expect(s(u.max)).toBe('100');
  });

  it('西镇: 1 meeting (0 of 40) + office 60 = 60; policy 72/80 = 90%, 5 points below: 10 − 5 = 5; migrants 30/40 = 75%: 0; reports no: 0', () => {
    const u = child(county, '西镇');
    expect(s(item(u, 'policy_rate').points)).toBe('5');
    expect(s(item(u, 'policy_rate').max)).toBe('10');
    // 0.6 × 60 + 0.4 × 5 = 36 + 2 = 38
    expect(u.lines!.map((l) => s(l.score))).toEqual(['60', '5']);
    expect(s(u.scaled)).toBe('38');
    expect(u.passed).toBe(false);
  });

  it('红星农场 (农场): policy worth 20 (18/20 = 90%: 20 − 5 = 15), migrants 20, reports not assessed', () => {
    const u = child(county, '红星农场');
    expect(u.unitType).toBe('农场');
    const policy = item(u, 'policy_rate');
    expect([s(policy.points), s(policy.max), policy.unitType]).toEqual(['15', '20', '农场']);
    expect(s(item(u, 'migrants').points)).toBe('20');
    const reports = item(u, 'reports');
    expect(reports.status).toBe('na');
    expect(reports.calc).toEqual({ kind: 'not-assessed', type: '农场' });
    expect(s(reports.max)).toBe('0');
    // grassroots: 35 of the 40 that apply, scaled to the line's 100: 35 × 100 ÷ 40 = 87.5
    const g = u.lines!.find((l) => l.id === 'grassroots')!;
    expect([s(g.points), s(g.max), g.score.toDecimal()]).toEqual(['35', '40', '87.5']);
    // 0.6 × 100 + 0.4 × 87.5 = 60 + 35 = 95
    expect(s(u.scaled)).toBe('95');
  });

  it('the county: office in 3 of 4 units (75% < 80%): 0, one more unit (南乡) to fix', () => {
    const office = item(county, 'lead_office');
    expect(office.status).toBe('failed');
    expect(s(office.value as never)).toBe('3/4');
    expect(office.calc).toMatchObject({ kind: 'share', all: false, met: 3, of: 4 });
    // ⌈80% × 4⌉ = 4 units must meet it; 3 do: 1 more
    expect(office.fix).toEqual({ count: 1, units: [{ name: '南乡', gap: undefined }] });
  });

  it('the county: reports met by 2 of the 3 towns (the farm is not assessed): 0, 西镇 to fix', () => {
    const reports = item(county, 'reports');
    expect(reports.calc).toMatchObject({ kind: 'share', all: true, met: 2, of: 3 });
    expect(reports.points.isZero()).toBe(true);
    expect(reports.fix!.count).toBe(1);
    expect(reports.fix!.units.map((u) => u.name)).toEqual(['西镇']);
  });

  it('the county is scored as the main type 乡镇: policy 236/250 = 94.4% (0.6 below, part points do not count): 10 of 10', () => {
    const policy = item(county, 'policy_rate');
    expect([s(policy.points), s(policy.max), policy.unitType]).toEqual(['10', '10', '乡镇']);
    expect(county.unitType).toBeUndefined();
    // migrants 102/120 = 85%: 30. leadership 40 + 0 = 40; grassroots 10 + 30 + 0 = 40
    expect(county.lines!.map((l) => s(l.score))).toEqual(['40', '40']);
    // 0.6 × 40 + 0.4 × 40 = 24 + 16 = 40
    expect(s(county.scaled)).toBe('40');
  });

  it('explain says which unit type, what is not assessed, and which towns to fix', () => {
    const farm = child(county, '红星农场');
    const words = (u: typeof county, id: string) => formatExplain(A, u, item(u, id), 'en');
    expect(words(farm, 'policy_rate')).toContain('unit type 农场: points and target of 农场');
    expect(words(farm, 'reports')).toContain('not assessed for 农场: out of the maximum');
    expect(words(county, 'lead_office')).toContain(
      '3 of 4 meet the target (75%); at least 80% must: not met, 0 points',
    );
    expect(words(county, 'lead_office')).toContain('1 more 乡镇 must meet the target; closest: 南乡');
    expect(formatExplain(A, county, item(county, 'reports'), 'zh')).toContain('还须 1 个乡镇达标；最接近的：西镇');
  });
});
