/**
 * The lint of weighted lines, unit types and rollup all/share (src/scheme/lint-lines.ts):
 * each finding at its line:col with the fix it advises; the fixture scheme is clean.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadScheme } from '../../src/scheme/load';

const FIXTURE = readFileSync('fixtures/real-rules/lines.yaml', 'utf8');
const lines = (text: string) => loadScheme(text, 'x.yaml').diagnostics.map((d) => formatDiagnostic(d, 'en'));
const swap = (from: string, to: string) => {
  expect(FIXTURE).toContain(from);
  return FIXTURE.replace(from, to);
};
/** The 1-based line of the first occurrence of `text` in the fixture (after a swap: in `doc`). */
const lineOf = (doc: string, text: string) => doc.slice(0, doc.indexOf(text)).split('\n').length;

describe('lint of lines, unit types and roll-ups', () => {
  it('the fixture is clean', () => {
    expect(lines(FIXTURE)).toEqual([]);
  });

  it('weights adding up to 0.9 (0.6 + 0.3) are rejected at the last weight, with the weight that makes 1', () => {
    const doc = swap('weight: 0.4', 'weight: 0.3');
    const at = lineOf(doc, 'weight: 0.3');
    // 1 − 0.6 = 0.4
    expect(lines(doc)).toEqual([
      `x.yaml:${at}:13: error: the line weights add up to 0.9, not 1; make the weight of "grassroots" 0.4 (sections[1].weight)`,
    ]);
  });

  it('weights as percentages add up exactly: 60% + 40%', () => {
    expect(lines(swap('weight: 0.6', 'weight: 60%').replace('weight: 0.4', 'weight: 40%'))).toEqual([]);
  });

  it('a weight on one line only is rejected at the line without one', () => {
    const doc = swap('    weight: 0.4\n', '');
    expect(lines(doc)).toEqual([
      `x.yaml:${lineOf(doc, '- id: grassroots')}:5: error: line "grassroots" has no weight while leadership have one; give every top-level section a weight, or none (sections[1])`,
    ]);
  });

  it('a weight on a nested section is rejected', () => {
    const doc = `id: t
title: T
version: 1
total: 10
pass: 6
units: [{ id: township, title: 乡镇, name: [乡镇] }]
fields: [{ id: num, label: 分子, type: count }]
sections:
  - id: a
    title: A
    points: 10
    sections:
      - id: sub
        title: Sub
        points: 10
        weight: 1
        items:
          - { id: x, title: X, points: 10, formula: num, target: ">= 1", rule: { type: all } }
`;
    expect(lines(doc)).toEqual([
      'x.yaml:16:17: error: section "sub" is not a top-level section: only lines (top-level sections) have a weight; remove it (sections[0].sections[0].weight)',
    ]);
  });

  it('an unknown unit type in a points map, and a map missing a declared type', () => {
    const doc = swap('points: { 乡镇: 10, 农场: 20 }', 'points: { 乡镇: 10, 林场: 20 }');
    const at = lineOf(doc, '林场');
    expect(lines(doc)).toEqual([
      `x.yaml:${at}:17: error: no value for unit type 农场; list every type (or put it under not_assessed) (sections[1].items[0].points)`,
      `x.yaml:${at}:31: error: "林场" is not a unit type; unit_types.values are 乡镇, 农场 (sections[1].items[0].points.林场)`,
    ]);
  });

  it('not_assessed with an unknown type', () => {
    const doc = swap('not_assessed: [农场]', 'not_assessed: [林场]');
    expect(lines(doc)).toEqual([
      `x.yaml:${lineOf(doc, '林场')}:24: error: "林场" is not a unit type; unit_types.values are 乡镇, 农场 (sections[1].items[2].not_assessed[0])`,
    ]);
  });

  it('a type field that is not text', () => {
    const doc = swap('{ id: unit_type, label: 类型, type: text }', '{ id: unit_type, label: 类型, type: count }');
    expect(lines(doc)).toContain(
      `x.yaml:${lineOf(doc, '  field: unit_type')}:10: error: unit type field "unit_type" is of type count; it must be type: text (unit_types.field)`,
    );
  });

  it('points by type that do not add up for one type', () => {
    const doc = swap('points: { 乡镇: 30, 农场: 20 }', 'points: { 乡镇: 30, 农场: 30 }');
    // 农场: 20 + 30 + 60 = 110 in a line of 100
    expect(lines(doc)).toEqual([
      `x.yaml:${lineOf(doc, '    points: 100\n    weight: 0.4')}:13: error: for unit type 农场, section "grassroots" is worth 100 but its children add up to 110 (sections[1].points)`,
    ]);
  });

  it('points by type without unit_types', () => {
    const doc = swap('unit_types:\n  field: unit_type\n  values: [乡镇, 农场]\n', '').replace(
      '        not_assessed: [农场]\n',
      '',
    );
    const found = lines(doc);
    expect(found).toContain(
      `x.yaml:${lineOf(doc, '{ 乡镇: 10')}:17: error: points or targets by unit type need unit_types (field and values) at the top of the scheme (sections[1].items[0].points)`,
    );
  });

  it('rollup share without a share, and a share above 100%', () => {
    const none = swap('        share: 80%\n', '');
    expect(lines(none)).toEqual([
      `x.yaml:${lineOf(none, 'rollup: share')}:17: error: item "lead_office" has rollup: share but no share; add e.g. share: 80% (at least 80% of the units below) (sections[0].items[1].rollup)`,
    ]);
    const above = swap('share: 80%', 'share: 120%');
    expect(lines(above)).toEqual([
      `x.yaml:${lineOf(above, 'share: 120%')}:16: error: item "lead_office": share must be above 0 and at most 100%, e.g. 80% (sections[0].items[1].share)`,
    ]);
  });
});

describe('targets by unit type are checked as targets', () => {
  it('an unknown name in the second type target is reported inside it', () => {
    const doc = FIXTURE.replace('target: ">= 85%"', 'target: { 乡镇: ">= 85%", 农场: ">= line85" }');
    expect(lines(doc)).toEqual([
      `x.yaml:${lineOf(doc, 'line85')}:41: error: unknown field or param "line85" (sections[1].items[1].target.农场)`,
    ]);
  });
});
