/**
 * Case rows with a per-case cap and the inspection level's factor (fixtures/real-rules/
 * parts-cases.csv on parts.yaml): 每例每月扣0.2分，每例最高扣10个月；省级抽查发现的加倍扣分.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseAdjustments } from '../../src/data/adjustments';
import { formatDiagnostic } from '../../src/diagnostics';
import { applyAdjustments, resolveAdjustments } from '../../src/engine/adjust';
import { assess, bytes, child, item, scheme } from '../support';

const S = scheme(readFileSync('fixtures/real-rules/parts.yaml', 'utf8'));
const DATA = readFileSync('fixtures/real-rules/parts-data/townships.csv', 'utf8');
const d = (x: { toDecimal(n: number): string }) => x.toDecimal(4);

function run(csv: string, asOf = '2026-07-31') {
  const a = assess(S, ['townships.csv', DATA]);
  const parsed = parseAdjustments(bytes(csv), 'cases.csv');
  const resolved = resolveAdjustments(S, a, parsed.adjustments, asOf, parsed.cases);
  const findings = [...parsed.findings, ...resolved.findings].map((f) => formatDiagnostic(f, 'en'));
  return { findings, after: applyAdjustments(S, a, resolved.records, asOf, resolved.cases), before: a };
}

describe('case rows (the fixture)', () => {
  const { findings, after } = run(readFileSync('fixtures/real-rules/parts-cases.csv', 'utf8'));
  const town = (n: string) => child(after.units[0]!, n);

  it('reads without findings', () => expect(findings).toEqual([]));

  it('甲镇: 12 months capped at 10 × 0.2 × 2 (省级) = 4; 3 months × 0.2 × 1 (县级) = 0.6', () => {
    const late = item(town('甲镇'), 'data_accuracy').parts!.find((p) => p.id === 'late')!;
    expect(late.calc.kind).toBe('cases');
    if (late.calc.kind !== 'cases') return;
    expect(late.calc.cases.map((c) => [c.line, d(c.count), d(c.counted), c.level, d(c.factor), d(c.lost)])).toEqual([
      [2, '12', '10', 'province', '2', '4'],
      [3, '3', '3', 'county', '1', '0.6'],
    ]);
    expect([d(late.lost), late.status, d(late.value as never)]).toEqual(['4.6', 'partial', '2']);
  });

  it('甲镇: the item 10 − (3 + 4.6 + 1) = 1.4; the unit 56 → 51.4, the self-assessed 56 kept', () => {
    const u = town('甲镇');
    expect(d(item(u, 'data_accuracy').points)).toBe('1.4');
    expect([d(u.score), d(u.self!.score)]).toEqual(['51.4', '56']);
  });

  it('丙乡: 9 + 5 × 0.2 × 2 = 11 lost, capped at the item points: 0', () => {
    const i = item(town('丙乡'), 'data_accuracy');
    expect([d(i.points), d(i.lost), i.status]).toEqual(['0', '10', 'failed']);
    expect(i.calc).toEqual({ kind: 'parts', lost: expect.anything(), cap: 'points' });
    if (i.calc.kind === 'parts') expect(d(i.calc.lost)).toBe('11');
  });

  it('a unit without case rows is unchanged (乙乡), and so is the county (case rows apply to the unit named)', () => {
    expect(town('乙乡').self).toBeUndefined();
    expect(d(after.units[0]!.score)).toBe('29');
  });
});

describe('case rows: checks with file:line:col', () => {
  const HEAD = 'unit,item,part,count,level,deduct,reason,authority,date,expires\n';

  it('an unknown part, an unknown level, a bad count, an amount on a case row, a count without part', () => {
    const { findings } = run(
      HEAD +
        [
          '甲镇,data_accuracy,lat,2,省级,,r,a,2026-07-01,',
          '甲镇,data_accuracy,late,2,乡级,,r,a,2026-07-01,',
          '甲镇,data_accuracy,late,two,省级,,r,a,2026-07-01,',
          '甲镇,data_accuracy,late,2,省级,1,r,a,2026-07-01,',
          '甲镇,data_accuracy,,2,,1,r,a,2026-07-01,',
          '甲镇,data_accuracy,missed,1,,,r,a,2026-07-01,',
        ].join('\n'),
    );
    expect(findings.sort()).toEqual(
      [
        'cases.csv:2:3: error: item "data_accuracy" has no part "lat" with rule cases (its cases parts: late)',
        'cases.csv:3:5: error: unknown inspection level "乡级" (the scheme declares: county/县级, city/市级, province/省级); write one of them, by id or title',
        'cases.csv:4:4: error: count: "two" is not a number of 0 or more; write the case\'s months or count, or leave it blank for 1',
        "cases.csv:5:6: error: a case row (with part) takes no deduct/扣分: its points come from the part's rule; leave deduct/扣分 blank",
        'cases.csv:6:4: error: count/数量 belongs to a case row: add the part it is a case of, or leave count/数量 blank',
        'cases.csv:7:3: error: item "data_accuracy" has no part "missed" with rule cases (its cases parts: late)',
      ].sort(),
    );
  });

  it('a blank count is one case; an expired case row is a warning and not applied', () => {
    const { findings, after } = run(
      HEAD +
        [
          '甲镇,data_accuracy,late,,,,r,a,2026-07-01,',
          '甲镇,data_accuracy,late,9,省级,,r,a,2026-01-01,2026-03-31',
        ].join('\n'),
    );
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatch(/^cases\.csv:3:10: warning: /);
    // One case of 1 month × 0.2 × 1 (no level) = 0.2; 10 − (3 + 0.2 + 1) = 5.8.
    expect(d(item(child(after.units[0]!, '甲镇'), 'data_accuracy').points)).toBe('5.8');
  });
});
