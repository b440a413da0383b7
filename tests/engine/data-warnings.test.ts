/**
 * An item without a score only because of the data is said (issue #9: a blank cell in
 * a required: false column gave no finding, yet the item scored 0 as missing data and
 * a farm fell from 144.4 to 120.33). Each warning names the unit, the field and the
 * cell; what the reader already says is not said twice.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { assess, item, optionalFieldsScheme, scheme, shown } from '../support';

const S = optionalFieldsScheme();
const warnings = (...files: [string, string][]) =>
  assess(S, ...files)
    .data.findings.filter((d) => d.severity === 'warning')
    .map((d) => formatDiagnostic(d, 'en'));

describe('warnings for items left without a score by the data', () => {
  it('a blank cell in an optional column: at the cell, naming the unit, the field and the item', () => {
    const out = warnings(['t.csv', '县,乡镇,出生数,政策内,农场计划,农场\n甲县,A,10,9,2,否\n甲县,B,10,9,,否\n']);
    expect(out).toEqual([
      't.csv:3:5: warning: B: 农场计划 is blank, so 农场计划 scores 0 as missing data; the column is optional (required: false), but a blank in it is not "not applicable"',
    ]);
    const a = assess(S, ['t.csv', '县,乡镇,出生数,政策内,农场计划,农场\n甲县,A,10,9,2,否\n甲县,B,10,9,,否\n']);
    expect(item(a.units[0]!.children[1]!, 'plan').status).toBe('missing');
  });
  it('in Chinese', () => {
    const d = assess(S, ['t.csv', '县,乡镇,出生数,政策内,农场计划,农场\n甲县,B,10,9,,否\n']).data.findings.find(
      (x) => x.code === 'data/blank-optional',
    )!;
    expect(formatDiagnostic(d, 'zh')).toBe(
      't.csv:2:5: 警告: B：农场计划 为空，农场计划 按缺数据记 0 分；该列可以不提供（required: false），但空白不等于“不适用”',
    );
  });
  it('a divisor that is 0 in the data: at its cell, with what n/a does to the maximum; 1/0 written in the scheme is not warned', () => {
    const out = warnings(['t.csv', '县,乡镇,出生数,政策内,农场计划,农场\n甲县,A,0,0,2,否\n甲县,F,0,0,1,是\n']);
    // The county (no row of its own: no position) sums 出生数 to 0 too; 非农场政策率 is its townships' mean there.
    expect(out).toEqual([
      "warning: 甲县: 政策率 is not applicable because 出生数 is 0 (a divisor); it is left out of the unit's maximum (na: exclude)",
      "t.csv:2:3: warning: A: 政策率 is not applicable because 出生数 is 0 (a divisor); it is left out of the unit's maximum (na: exclude)",
      "t.csv:2:3: warning: A: 非农场政策率 is not applicable because 出生数 is 0 (a divisor); it is left out of the unit's maximum (na: exclude)",
      "t.csv:3:3: warning: F: 政策率 is not applicable because 出生数 is 0 (a divisor); it is left out of the unit's maximum (na: exclude)",
    ]);
  });
  it('an optional column in no file: once, naming the items', () => {
    expect(warnings(['t.csv', '县,乡镇,出生数,政策内,农场\n甲县,A,10,9,否\n甲县,B,10,9,否\n'])).toEqual([
      'warning: no column "农场计划" in any file (field farm_plan, optional: required: false): 农场计划 scores 0 as missing data for every 乡镇',
    ]);
  });
  it('a column one file of a level has and another has not: at the row of the unit without it', () => {
    expect(
      warnings(
        ['a.csv', '县,乡镇,出生数,政策内,农场计划,农场\n甲县,A,10,9,2,否\n'],
        ['b.csv', '县,乡镇,出生数,政策内,农场\n甲县,B,10,9,否\n'],
      ),
    ).toEqual([
      'b.csv:2:1: warning: B: no value for 农场计划: b.csv has no column for it (another file has), so 农场计划 scores 0 as missing data',
    ]);
  });
  it('a blank in a required column is said once, by the reader (data/blank)', () => {
    const a = assess(S, ['t.csv', '县,乡镇,出生数,政策内,农场计划,农场\n甲县,A,10,,2,否\n']);
    expect(a.data.findings.filter((d) => d.severity === 'warning').map((d) => d.code)).toEqual(['data/blank']);
  });
  it('a zero divisor in the target: the value is shown, the item is n/a, and the divisor is named', () => {
    const T = scheme(
      `id: t\ntitle: T\nversion: 1\ntotal: 10\npass: 6\nunits:\n  - { id: township, title: 乡镇, name: [乡镇] }\nfields:\n  - { id: a, label: 甲, type: count }\n  - { id: plan, label: 计划, type: count }\n  - { id: den, label: 基数, type: count }\nsections:\n  - { id: s, title: S, points: 10, items: [{ id: x, title: X, points: 10, formula: a, target: ">= plan / den", rule: { type: all } }] }\n`,
    );
    const a = assess(T, ['t.csv', '乡镇,甲,计划,基数\nA,5,3,0\n']);
    expect([item(a.units[0]!, 'x').status, shown(a.units[0]!, 'x')]).toEqual(['na', '5']);
    expect(a.data.findings.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      "t.csv:2:4: warning: A: X is not applicable because 基数 is 0 (a divisor); it is left out of the unit's maximum (na: exclude)",
    ]);
  });
  it('complete data: no warning', () => {
    expect(warnings(['t.csv', '县,乡镇,出生数,政策内,农场计划,农场\n甲县,A,10,9,2,否\n甲县,B,10,9,1,是\n'])).toEqual(
      [],
    );
  });
});
