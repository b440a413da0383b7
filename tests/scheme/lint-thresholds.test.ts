/**
 * Thresholds that cannot mean what they say (issue 11, point 5): each finding at the
 * target's line:col with its fix, and the fix checked by scoring with it.
 */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadScheme } from '../../src/scheme/load';
import { assess, item, scheme } from '../support';

const HEAD = `id: t
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
  - { id: rate, label: 比率, type: percent }
  - { id: cases, label: 案件数, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
`;
/** The item is on line 19. */
const one = (keys: string, bonus = '') => `${HEAD}      - { id: x, title: X, points: 10, ${keys} }\n${bonus}`;
const BONUS = (target: string) =>
  `bonus:\n  cap: 20\n  items:\n    - { id: b, title: 查处案件, points: 20, formula: cases, target: "${target}", rule: { type: add, add: 5, per: 1, partial: down }, scope: county }\n`;
const lines = (text: string, lang: 'en' | 'zh' = 'en') =>
  loadScheme(text, 'x.yaml').diagnostics.map((d) => formatDiagnostic(d, lang));
const ITEM = 'formula: num / den, rule: { type: all }';
const CSV: [string, string] = ['t.csv', '县,乡镇,分子,分母,比率,案件数\n甲县,A,93,100,93%,\n'];

describe('a share compared with a number written without %', () => {
  it('">= 92" on a count over a count: never met, at the target, with the fix', () => {
    expect(lines(one(`${ITEM}, target: ">= 92"`))).toEqual([
      expect.stringMatching(
        /^x\.yaml:19:\d+: error: target ">= 92": the value is a share \(92% is 0\.92\), so comparing it with 92 is never met; write ">= 92%" \(sections\[0\]\.items\[0\]\.target\)$/,
      ),
    ]);
    expect(lines(one('formula: rate, rollup: mean, rule: { type: all }, target: "<= 5"'), 'zh')).toEqual([
      expect.stringMatching(/目标“<= 5”：该值是比率（92% 即 0\.92），与 5 比较永远达标；请写作“<= 5%”/),
    ]);
    // What the fix gives: 93 / 100 meets ">= 92%".
    expect(item(assess(scheme(one(`${ITEM}, target: ">= 92%"`)), CSV).units[0]!, 'x').status).toBe('met');
  });
  it('leaves alone a percent, a share against at most 1, a count per count above 100 and a value times 100', () => {
    for (const t of ['>= 92%', '>= 0.92', '== 1', '>= 500'])
      expect(lines(one(`${ITEM}, target: "${t}"`)), t).toEqual([]);
    // A count over a count may be a ratio above 1 (births / planned births ≤ 1.05, people per woman ≥ 3).
    for (const t of ['<= 1.05', '>= 3']) expect(lines(one(`${ITEM}, target: "${t}"`)), t).toEqual([]);
    // A percent field may hold a growth rate above 100%.
    expect(lines(one('formula: rate, rollup: mean, rule: { type: all }, target: ">= 1.5"'))).toEqual([]);
    expect(lines(one('formula: num / den * 100, rule: { type: all }, target: ">= 92"'))).toEqual([]);
  });
});

describe('a per-case bonus whose ">= 1" makes the first case earn nothing', () => {
  const ok = one(`${ITEM}, target: ">= 90%"`);
  it('is an error at the bonus target with ">= 0" as the fix', () => {
    expect(lines(`${ok}${BONUS('>= 1')}`)).toEqual([
      expect.stringMatching(
        /^x\.yaml:23:\d+: error: target ">= 1" of a per-case bonus: add counts the cases beyond the threshold, so the first case earns nothing \(3 cases earn 2 × add\); to add for every case write ">= 0"/,
      ),
    ]);
  });
  it('">= 0" adds for every case: 3 cases earn 15, where ">= 1" gives 10', () => {
    const csv: [string, string] = ['t.csv', '县,乡镇,分子,分母,案件数\n甲县,A,93,100,3\n'];
    expect(lines(`${ok}${BONUS('>= 0')}`)).toEqual([]);
    const county = (target: string) =>
      item(
        assess(scheme(`${ok}${BONUS(target)}`), csv).units.find((u) => u.name === '甲县')!,
        'b',
      );
    expect(county('>= 0').points.toString()).toBe('15');
    // ">= 0.5" counts whole cases as ">= 1" does (which the lint keeps from loading): 2 of the 3.
    expect(county('>= 0.5').points.toString()).toBe('10');
  });
});

describe('inverted thresholds', () => {
  it('between with its ends swapped', () => {
    expect(lines(one('formula: num, rule: { type: all }, target: "between 107 and 103"'))).toEqual([
      expect.stringMatching(
        /^x\.yaml:19:\d+: error: target "between 107 and 103" is never met: its lower end is above its upper end; write "between 103 and 107" \(sections\[0\]\.items\[0\]\.target\)$/,
      ),
    ]);
  });
  it('a band after one that takes every value it would', () => {
    const bands =
      'formula: num, target: ">= 2", rule: { type: bands, bands: [{ when: ">= 1", points: 5 }, { when: ">= 2", points: 10 }, { points: 0 }] }';
    expect(lines(one(bands))).toEqual([
      expect.stringMatching(
        /^x\.yaml:19:\d+: error: band ">= 2" is never reached: the band ">= 1" at line 19 comes first/,
      ),
    ]);
    expect(
      lines(
        one(
          bands.replace(
            '">= 1", points: 5 }, { when: ">= 2", points: 10',
            '">= 2", points: 10 }, { when: ">= 1", points: 5',
          ),
        ),
      ),
    ).toEqual([]);
  });
});
