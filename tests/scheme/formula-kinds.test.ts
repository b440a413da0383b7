/**
 * Formula kinds (number, yes/no) checked through every operator, every function's
 * arguments and both branches of if(), at lint time, each mismatch at the line and
 * column of the operand that does not fit (issue #9: a yes/no branch of if() next to
 * a number showed ✓ but scored the item n/a and dropped it from the maximum).
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { parseFormula } from '../../src/scheme/formula';
import { checkKinds, type Kind } from '../../src/scheme/formula-types';
import { loadScheme } from '../../src/scheme/load';
import { assess, item, scheme, shown } from '../support';

/** Line 21 is the item; its formula starts at column 50, its target (quoted) at column `50 + formula + 12`. */
const BASE = `id: t
title: T
version: 1
total: 10
pass: 9
units:
  - { id: township, title: 乡镇, name: [乡镇] }
fields:
  - { id: a, label: A, type: count }
  - { id: b, label: B, type: count }
  - { id: ok, label: OK, type: boolean }
  - { id: is_farm, label: 农场, type: boolean, required: false }
params:
  - { id: line, value: 90% }
sections:
  - id: s
    title: S
    points: 10
    items:
`;
const withItem = (formula: string, target: string) =>
  `${BASE}      - { id: i, title: I, points: 10, formula: "${formula}", target: "${target}", rule: { type: all } }\n`;
const lines = (formula: string, target: string, lang: 'en' | 'zh' = 'en') =>
  loadScheme(withItem(formula, target), 'x.yaml').diagnostics.map((d) => formatDiagnostic(d, lang));
const at = (col: number) => `x.yaml:20:${col}`;
const F = '(sections[0].items[0].formula)';

describe('the issue: if() with a yes/no branch and a number branch', () => {
  it('if(is_farm, 1, ok): the second result is named at its column, in English and Chinese', () => {
    expect(lines('if(is_farm, 1, ok)', '== 1')).toEqual([
      `${at(65)}: error: the two results of if() must be of one kind, but "1" is a number and "ok" is yes/no; write the yes/no one as if(…, 1, 0) or compare the number (… == 1); 1/0 (no value) fits either ${F}`,
    ]);
    expect(lines('if(is_farm, 1, ok)', '== 1', 'zh')).toEqual([
      `${at(65)}: 错误: if() 的两个结果必须同类，而“1”是数值，“ok”是“是/否”；请把“是/否”的一个写成 if(…, 1, 0)，或把数值写成比较式（… == 1）；1/0（无值）两类都适用 ${F}`,
    ]);
  });
  it('if(is_farm, 1/0, ok) is yes/no (1/0 fits either), so the target "== 1" is refused at the target', () => {
    expect(lines('if(is_farm, 1/0, ok)', '== 1')).toEqual([
      `${at(81)}: error: item "i": the formula gives yes/no but "== 1" compares it with a number; write the target as "== true", or make the formula a number (sections[0].items[0].target)`,
    ]);
  });
  it('the fixes load clean and score: a farm is n/a (shown —), others by ok', () => {
    for (const [formula, target] of [
      ['if(is_farm, 1/0, ok)', '== true'],
      ['if(is_farm, 1/0, if(ok, 1, 0))', '== 1'],
    ] as const) {
      expect(lines(formula, target)).toEqual([]);
      const s = scheme(withItem(formula, target));
      const units = assess(s, ['t.csv', '乡镇,A,B,OK,农场\n甲农场,1,1,是,是\n乙镇,1,1,是,否\n丙镇,1,1,否,否\n']).units;
      const [farm, yes, no] = units.map((u) => item(u, 'i'));
      expect([farm!.status, shown(units[0]!, 'i'), farm!.max.toString()]).toEqual(['na', '—', '0']);
      expect([yes!.status, yes!.points.toString()]).toEqual(['met', '10']);
      expect([no!.status, no!.points.toString()]).toEqual(['failed', '0']);
    }
  });
});

describe('every operator and function, at the operand that does not fit', () => {
  const cases: [formula: string, target: string, col: number, en: string][] = [
    ['a + ok * 2', '>= 1', 54, '"*" needs a number, but "ok" is yes/no; compare it or write if(ok, 1, 0)'],
    ['-ok', '>= 1', 51, '"-" needs a number, but "ok" is yes/no; compare it or write if(ok, 1, 0)'],
    ['not a', '== true', 54, '"not" needs yes/no (a comparison such as x > 0), but "a" is a number'],
    ['a > 1 and b', '== true', 60, '"and" needs yes/no (a comparison such as x > 0), but "b" is a number'],
    ['ok < 1', '== true', 50, '"<" needs a number, but "ok" is yes/no; compare it or write if(ok, 1, 0)'],
    [
      '(a > 1) == b',
      '== true',
      61,
      '"==" compares two numbers or two yes/no values, but "a > 1" is yes/no and "b" is a number',
    ],
    ['min(a, ok)', '>= 1', 57, 'min() needs a number, but "ok" is yes/no; compare it or write if(ok, 1, 0)'],
    ['round(a / b, ok)', '>= 1', 63, 'round() needs a number, but "ok" is yes/no; compare it or write if(ok, 1, 0)'],
    ['count(ok, a)', '>= 1', 60, 'count() needs yes/no (a comparison such as x > 0), but "a" is a number'],
    ['if(a, 1, 2)', '>= 1', 53, 'the condition of if() needs yes/no (a comparison such as x > 0), but "a" is a number'],
    [
      'if(ok, a, b > 1)',
      '>= 1',
      60,
      'the two results of if() must be of one kind, but "a" is a number and "b > 1" is yes/no; write the yes/no one as if(…, 1, 0) or compare the number (… == 1); 1/0 (no value) fits either',
    ],
  ];
  for (const [formula, target, col, en] of cases) {
    it(formula, () => expect(lines(formula, target)).toEqual([`${at(col)}: error: ${en} ${F}`]));
  }
  it('deep inside: the mismatch in a nested if() branch is found and only it is reported', () => {
    expect(lines('if(ok, if(a > b, 1, if(b > 1, 2, ok)), 0)', '>= 1')).toEqual([
      `${at(83)}: error: the two results of if() must be of one kind, but "2" is a number and "ok" is yes/no; write the yes/no one as if(…, 1, 0) or compare the number (… == 1); 1/0 (no value) fits either ${F}`,
    ]);
  });
  it('in a target, a check and a veto: at the column inside that value', () => {
    const text = `${withItem('a / b', '>= line + ok')}checks:\n  - { id: c, title: C, assert: "a + ok > 0" }\nvetoes:\n  - { id: v, title: V, when: "ok and a" }\n`;
    expect(loadScheme(text, 'x.yaml').diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      '20:77 scheme/formula-type',
      '22:37 scheme/formula-type',
      '24:38 scheme/formula-type',
    ]);
  });
  it('a multi-line formula: the line and column of the operand', () => {
    const text = `${BASE}      - id: i\n        title: I\n        points: 10\n        formula: >-\n          if(ok,\n             a,\n             ok)\n        target: ">= 1"\n        rule: { type: all }\n`;
    expect(loadScheme(text, 'x.yaml').diagnostics.map((d) => `${d.line}:${d.col} ${d.code}`)).toEqual([
      '26:14 scheme/formula-type',
    ]);
  });
});

describe('checkKinds', () => {
  const kinds: Record<string, Kind> = { n: 'number', y: 'boolean' };
  const check = (src: string) => {
    const r = parseFormula(src);
    if ('error' in r) throw new Error(r.error.message.en);
    return checkKinds(r.formula.ast, (x) => kinds[x] ?? 'any');
  };
  it('infers bottom-up', () => {
    expect(check('n + 1').kind).toBe('number');
    expect(check('n > 1 or y').kind).toBe('boolean');
    expect(check('if(y, n, 2)').kind).toBe('number');
    expect(check('if(y, 1/0, y)').kind).toBe('boolean');
    expect(check('if(y, n, 1/(1-1))').kind).toBe('number');
    expect(check('count(y, n > 0)').kind).toBe('number');
    expect(check('unknown_name').kind).toBe('any');
  });
  it('a division by a divisor from the data is a number, not "no value"', () => {
    expect(check('if(y, 1/n, y)').findings).toHaveLength(1);
  });
});
