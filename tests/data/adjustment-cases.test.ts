/** Reading case rows of the adjustments file (CSV and YAML): part, count (months), inspection level. */
import { describe, expect, it } from 'vitest';
import { parseAdjustments } from '../../src/data/adjustments';
import { formatDiagnostic } from '../../src/diagnostics';
import { bytes } from '../support';

describe('case rows', () => {
  it('a CSV with only case rows needs no deduct or override column; count and level are read', () => {
    const r = parseAdjustments(
      bytes(
        '单位,指标,子项,月数,检查级别,理由,核查单位,日期\n甲镇,data_accuracy,late,12,省级,迟报,省评估组,2026-07-20\n',
      ),
      'c.csv',
    );
    expect(r.findings).toEqual([]);
    expect(r.adjustments).toEqual([]);
    expect(r.cases!.map((c) => [c.unit, c.item, c.part, c.count.toDecimal(2), c.level, c.line])).toEqual([
      ['甲镇', 'data_accuracy', 'late', '12', '省级', 2],
    ]);
  });

  it('YAML: a case row beside an ordinary deduction; a blank count is 1', () => {
    const yaml = [
      'adjustments:',
      '  - { unit: 甲镇, item: data_accuracy, part: late, level: province, reason: r, authority: a, date: 2026-07-20 }',
      '  - { unit: 甲镇, item: contraception, deduct: 1, reason: r, authority: a, date: 2026-07-20 }',
    ].join('\n');
    const r = parseAdjustments(bytes(yaml), 'c.yaml');
    expect(r.findings.map((f) => formatDiagnostic(f, 'en'))).toEqual([]);
    expect(r.cases!.map((c) => [c.part, c.count.toDecimal(2), c.level])).toEqual([['late', '1', 'province']]);
    expect(r.adjustments.map((x) => [x.item, x.kind, x.amount.toDecimal(2)])).toEqual([
      ['contraception', 'deduct', '1'],
    ]);
  });

  it('a file without case rows has no cases (the parsed result is as before)', () => {
    const r = parseAdjustments(bytes('unit,item,deduct,reason,authority,date\nA,x,1,r,a,2026-07-20\n'), 'c.csv');
    expect(r).not.toHaveProperty('cases');
  });
});
