/** The lint of sub-rules and deduction limits: each finding at its line:col, with the fix. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadScheme } from '../../src/scheme/load';

const en = (text: string) => loadScheme(text, 'x.yaml').diagnostics.map((d) => formatDiagnostic(d, 'en'));

/** Line 18 is the first line of the item (`      - id: i`). */
const HEAD = `id: t
title: T
version: 1
total: 10
pass: 6
units:
  - { id: township, title: 乡镇, name: [乡镇] }
fields:
  - { id: a, label: A, type: count }
  - { id: b, label: B, type: count }
inspection_levels:
  - { id: province, title: 省级 }
sections:
  - id: s
    title: S
    points: 10
    items:
`;

describe('lint of parts, lowest and factors', () => {
  it('a valid item of parts, with lowest and factors, has no finding', () => {
    const yaml = `${HEAD}      - id: i
        title: I
        points: 10
        lowest: none
        factors: { province: 2 }
        parts:
          - { id: p1, title: P1, formula: a, target: "== 0", rule: { type: per_case, deduct: 3 } }
          - { id: p2, title: P2, rule: { type: cases, deduct: 0.2, case_max: 10 } }
`;
    expect(en(yaml)).toEqual([]);
  });

  it('a bands part, a formula beside parts, an unknown level, a repeated part id, an unknown name in a part', () => {
    const yaml = `${HEAD}      - id: i
        title: I
        points: 10
        formula: a
        factors: { provnce: 2 }
        parts:
          - { id: p1, title: P1, formula: a, target: "== 0", rule: { type: bands, bands: [{ points: 1 }] } }
          - { id: p1, title: P2, formula: c, target: "== 0", rule: { type: per_case, deduct: 1 } }
          - { id: p3, title: P3, rule: { type: cases, deduct: 1 } }
`;
    expect(en(yaml)).toEqual([
      'x.yaml:21:18: error: an item with parts has no formula of its own: move it into a part, or remove it (sections[0].items[0].formula)',
      'x.yaml:22:29: error: unknown inspection level "provnce" (declared: province): declare it under inspection_levels, or use a declared one (sections[0].items[0].factors.provnce)',
      'x.yaml:24:76: error: a part cannot use rule "bands" (it gives points, it does not deduct); use all, deduct, per_case, checklist or cases (sections[0].items[0].parts[0].rule.type)',
      // Part ids share the namespace of sections and items.
      'x.yaml:25:19: error: duplicate id "p1" (first used on line 24) (sections[0].items[0].parts[1].id)',
      'x.yaml:25:43: error: unknown field or param "c" (sections[0].items[0].parts[1].formula)',
    ]);
  });

  it('parts whose caps cannot reach the item points: 2 (all) + 3 (max) = 5 of 10', () => {
    const yaml = `${HEAD}      - id: i
        title: I
        points: 10
        parts:
          - { id: p1, title: P1, points: 2, formula: a, target: "== 0", rule: { type: all } }
          - { id: p2, title: P2, formula: b, target: "== 0", rule: { type: per_case, deduct: 1, max: 3 } }
`;
    expect(en(yaml)).toEqual([
      "x.yaml:22:11: error: the parts can take at most 5 of the item's 10 points: raise a part's points or max, or lower the item's points (sections[0].items[0].parts)",
    ]);
  });

  it('a bonus item has no parts (it adds points, parts deduct)', () => {
    const yaml = `${HEAD}      - { id: i, title: I, points: 10, formula: a, target: "== 0", rule: { type: all } }
bonus:
  cap: 2
  items:
    - id: b
      title: B
      points: 2
      parts: [{ id: p1, title: P1, formula: a, target: ">= 1", rule: { type: all } }]
`;
    expect(en(yaml)).toEqual([
      'x.yaml:25:14: error: bonus items add points; rule parts deducts (use all, add, bands or proportional) (bonus.items[0].parts)',
    ]);
  });

  it('lowest on an all-or-nothing item; factors without a cases part; no formula and no parts', () => {
    const yaml = `${HEAD}      - { id: i, title: I, points: 5, formula: a, target: "== 0", rule: { type: all }, lowest: -5, factors: { province: 2 } }
      - { id: j, title: J, points: 5, target: "== 0", rule: { type: all } }
`;
    expect(en(yaml)).toEqual([
      'x.yaml:18:96: error: rule "all" never takes an item below 0: lowest needs deduct, per_case, checklist or parts; remove lowest (sections[0].items[0].lowest)',
      'x.yaml:18:109: error: factors multiply case rows, and item "i" has no part with rule cases: add one, or remove factors (sections[0].items[0].factors)',
      'x.yaml:19:9: error: missing key "formula" (expected: text) (sections[0].items[1])',
    ]);
  });

  it('lowest: none on a rule formula (its points are capped at 0): col 124 is the value none', () => {
    const yaml = `${HEAD}      - { id: i, title: I, points: 10, formula: a, target: ">= 1", rule: { type: formula, points: "10 - 20 * a" }, lowest: none }
`;
    expect(en(yaml)).toEqual([
      'x.yaml:18:124: error: rule "formula" never takes an item below 0: lowest needs deduct, per_case, checklist or parts; remove lowest (sections[0].items[0].lowest)',
    ]);
  });

  it('parts with unit types (not_assessed, points by type) cannot go together; the key is named at its line:col', () => {
    const typed = HEAD.replace(
      'fields:\n',
      'unit_types: { field: k, values: [乡镇, 农场] }\nfields:\n  - { id: k, label: K, type: text }\n',
    );
    // HEAD grows by 2 lines: the item starts at line 20; `not_assessed` at col 9 of line 23, its value at col 23
    const yaml = `${typed}      - id: i
        title: I
        points: { 乡镇: 10, 农场: 10 }
        not_assessed: [农场]
        parts:
          - { id: p1, title: P1, formula: a, target: "== 0", rule: { type: all } }
`;
    expect(en(yaml)).toEqual([
      'x.yaml:22:17: error: parts and points by unit type cannot go together (the parts are not scored by type): give the item one number of points and no not_assessed, or write the parts as items of their own (sections[0].items[0].points)',
      'x.yaml:23:23: error: parts and not_assessed cannot go together (the parts are not scored by type): give the item one number of points and no not_assessed, or write the parts as items of their own (sections[0].items[0].not_assessed)',
    ]);
  });

  it('parts with rollup share cannot go together; the parts are not blamed for a missing share', () => {
    const county = HEAD.replace('name: [乡镇] }\n', 'name: [乡镇] }\n  - { id: county, title: 县, name: [县] }\n');
    // HEAD grows by 1 line: the item starts at line 19, `rollup` on line 22, its value at col 17
    const yaml = `${county}      - id: i
        title: I
        points: 10
        rollup: share
        share: 50%
        parts:
          - { id: p1, title: P1, formula: a, target: "== 0", rule: { type: all } }
`;
    expect(en(yaml)).toEqual([
      "x.yaml:22:17: error: parts and rollup: share cannot go together (the parts' values are not rolled up): remove rollup (the parts are scored at each level), or write the parts as items of their own (sections[0].items[0].rollup)",
    ]);
  });

  it('a peer function in a part: parts cannot use it (was: "no item p1")', () => {
    const yaml = `${HEAD}      - id: i
        title: I
        points: 10
        parts:
          - { id: p1, title: P1, formula: a, target: ">= peer_best()", rule: { type: all } }
`;
    // line 22; the quote opens at col 54, then ">= " (3 chars): peer_best at col 58
    expect(en(yaml)).toEqual([
      'x.yaml:22:58: error: a part cannot use peer_best() (parts and peer functions cannot go together): give the part a fixed target, or write it as an item of its own (sections[0].items[0].parts[0].target)',
    ]);
  });
});
