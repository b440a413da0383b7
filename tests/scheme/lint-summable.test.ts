/**
 * Fields read where they have no value (issue #9): a percent, yes/no or score field
 * of the townships has no county value (it cannot be added up). A target or veto
 * reading one is reported at the target or veto, not at the formula, and the advice
 * is checked here by loading the advised scheme and seeing the county item scored.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadScheme } from '../../src/scheme/load';
import { assess, item, scheme } from '../support';

const head = (extraFields = '') => `id: t
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
  - { id: line, label: 目标线, type: percent }
  - { id: rate, label: 比率, type: percent }
  - { id: flag, label: 建档, type: boolean }
${extraFields}sections:
  - id: s
    title: S
    points: 10
    items:
`;
/** The item is on line 20 (21 with one extra field line). */
const one = (keys: string, extraFields = '') =>
  `${head(extraFields)}      - { id: x, title: X, points: 10, ${keys} }\n`;
const lines = (text: string, lang: 'en' | 'zh' = 'en') =>
  loadScheme(text, 'x.yaml').diagnostics.map((d) => formatDiagnostic(d, lang));
const CSV: [string, string] = [
  't.csv',
  '县,乡镇,分子,分母,目标线,比率,建档\n甲县,A,90,100,95%,90%,是\n甲县,B,80,100,95%,80%,否\n',
];
const county = (text: string) => assess(scheme(text), CSV).units[0]!;

describe('a target reading a township percent: at the target, and rollup is not offered', () => {
  const RULE = 'rule: { type: all }';
  it('named at the field inside the target, with advice that names what works', () => {
    const text = one(`formula: num / den, target: ">= line", ${RULE}`);
    expect(lines(text)).toEqual([
      'x.yaml:20:72: error: item "x": the target reads "line" (percent), which each 乡镇 has but which cannot be added up to a 县 value, so at 县 level the target cannot be decided and the item scores 0 as missing data (a rollup does not change that: the target is read at every level); compare with a fixed number or a param (e.g. ">= 95%"), compute the threshold from count fields, which add up, or give "line" and the item scope: county (sections[0].items[0].target)',
    ]);
    expect(lines(text, 'zh')[0]).toMatch(
      /^x\.yaml:20:72: 错误: 指标“x”：目标读取字段“line”（percent）.*不能加总为县的值/,
    );
  });
  it('the old advice, rollup: mean, still leaves the county item missing: still reported', () => {
    expect(
      loadScheme(one(`formula: num / den, target: ">= line", ${RULE}, rollup: mean`), 'x.yaml').diagnostics.map(
        (d) => d.code,
      ),
    ).toEqual(['scheme/target-not-summable']);
  });
  it('in a band condition: at that band', () => {
    const text = one(
      'formula: num / den, target: ">= 80%", rule: { type: bands, bands: [{ when: ">= line", points: 10 }, { points: 5 }] }',
    );
    expect(loadScheme(text, 'x.yaml').diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.path}`)).toEqual([
      '20:119 scheme/target-not-summable sections[0].items[0].rule.bands[0].when',
    ]);
  });
  it('each advised fix loads clean and gives the county item a value', () => {
    const fixes = [
      one(`formula: num / den, target: ">= 95%", ${RULE}`),
      one(`formula: num / den, target: ">= goal", ${RULE}`).replace(
        'sections:',
        'params:\n  - { id: goal, value: 95% }\nsections:',
      ),
      one(`formula: num / den, target: ">= plan / den", ${RULE}`, '  - { id: plan, label: 计划, type: count }\n'),
      one(`formula: num / den, target: ">= line", ${RULE}, scope: county`).replace(
        'type: percent }',
        'type: percent, scope: county }',
      ),
    ];
    const csv: [string, string][] = [
      CSV,
      ['t.csv', '县,乡镇,分子,分母,目标线,比率,建档,计划\n甲县,A,90,100,95%,90%,是,95\n甲县,B,80,100,95%,80%,否,95\n'],
      ['t.csv', '县,乡镇,分子,分母,比率,建档\n甲县,A,90,100,90%,是\n甲县,B,80,100,80%,否\n'],
    ];
    fixes.forEach((text, i) => {
      expect(lines(text)).toEqual([]);
      const files =
        i === 2 ? [csv[1]!] : i === 3 ? [csv[2]!, ['c.csv', '县,目标线\n甲县,84%\n'] as [string, string]] : [csv[0]!];
      const x = item(assess(scheme(text), ...files).units[0]!, 'x');
      expect(x.value?.toString()).toBe('17/20'); // 170 / 200
      expect(x.status).toBe(i === 3 ? 'met' : 'failed');
    });
  });
});

describe('a formula reading a township percent or yes/no: rollup, where it works', () => {
  it('percent: at the formula; rollup: mean gives the county the mean', () => {
    expect(lines(one('formula: rate, target: ">= 85%", rule: { type: all }'))).toEqual([
      'x.yaml:20:49: error: item "x" would sum field "rate" (percent) to roll up; percent cannot be summed: declare rollup: mean, min or max (sections[0].items[0].formula)',
    ]);
    const fixed = one('formula: rate, target: ">= 85%", rule: { type: all }, rollup: mean');
    expect(lines(fixed)).toEqual([]);
    expect(item(county(fixed), 'x').value?.toString()).toBe('17/20');
  });
  it('yes/no: only min or max are offered; rollup: mean is refused at the rollup', () => {
    expect(lines(one('formula: flag, target: "== true", rule: { type: all }'))[0]).toContain(
      'declare rollup: min (all yes) or max (any yes)',
    );
    expect(lines(one('formula: flag, target: "== true", rule: { type: all }, rollup: mean'))).toEqual([
      'x.yaml:20:103: error: item "x" gives yes/no, and the mean of yes/no values is no value: the item would be n/a above its level; use rollup: min (all yes) or max (any yes) (sections[0].items[0].rollup)',
    ]);
    for (const [rollup, value] of [
      ['min', false],
      ['max', true],
    ] as const) {
      const fixed = one(`formula: flag, target: "== true", rule: { type: all }, rollup: ${rollup}`);
      expect(lines(fixed)).toEqual([]);
      expect(item(county(fixed), 'x').value).toBe(value);
    }
  });
  it('an item scored from the county reading a township percent: rollup and scope both advised', () => {
    expect(lines(one('formula: rate, target: ">= 85%", rule: { type: all }, scope: county, rollup: mean'))).toEqual([
      'x.yaml:20:49: error: item "x" would sum field "rate" (percent) to roll up; percent cannot be summed: declare rollup: mean, min or max and scope: township (sections[0].items[0].formula)',
    ]);
  });
});

it('a township item whose target reads a county field: scope, at the target', () => {
  const text = one(
    'formula: num / den, target: ">= goal", rule: { type: all }',
    '  - { id: goal, label: 县目标, type: percent, scope: county }\n',
  );
  expect(loadScheme(text, 'x.yaml').diagnostics.map((d) => `${d.line}:${d.col} ${d.code} ${d.path}`)).toEqual([
    '21:72 scheme/scope sections[0].items[0].target',
  ]);
});

describe('a veto reading a township yes/no: no county could pass', () => {
  const veto = (when: string) =>
    `${one('formula: num / den, target: ">= 80%", rule: { type: all }')}vetoes:\n  - { id: v, title: V, when: "${when}" }\n`;
  it('at the field inside the condition', () => {
    expect(lines(veto('num > 0 and flag'))).toEqual([
      'x.yaml:22:43: error: veto "v" reads "flag" (boolean), which each 乡镇 has but which cannot be added up to a 县 value, so no 县 can be checked and none can pass; compute the condition from count fields, which add up, or give "flag" scope: county (a 县 row supplies it) (vetoes[0].when)',
    ]);
  });
  it('the advised fixes: the county veto is checked', () => {
    const byCount = veto('num > 85');
    expect(lines(byCount)).toEqual([]);
    expect(county(byCount).vetoes[0]).toMatchObject({ checked: true, triggered: true });
    const byScope = veto('flag').replace('type: boolean }', 'type: boolean, scope: county }');
    expect(lines(byScope)).toEqual([]);
    const c = assess(
      scheme(byScope),
      ['t.csv', '县,乡镇,分子,分母,目标线,比率\n甲县,A,90,100,95%,90%\n甲县,B,80,100,95%,80%\n'],
      ['c.csv', '县,建档\n甲县,否\n'],
    ).units[0]!;
    expect(c.vetoes[0]).toMatchObject({ checked: true, triggered: false });
  });
});
