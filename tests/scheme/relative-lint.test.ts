/** The lint of relative scoring: each finding at line:col, with what to write instead. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadScheme } from '../../src/scheme/load';

const en = (text: string) => loadScheme(text, 'x.yaml').diagnostics.map((d) => formatDiagnostic(d, 'en'));

/** Lines 1–17; the items start on line 18, one per line. */
const BASE = `id: t
title: T
version: 1
total: 20
pass: 10
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: a, label: A, type: count }
  - { id: b, label: B, type: count }
  - { id: a_ly, label: A去年, type: count, last_year: a }
sections:
  - id: s
    title: S
    points: 20
    items:
`;
const OTHER = `      - { id: j, title: J, points: 10, formula: a / b, target: ">= 90%", rule: { type: all } }\n`;
const one = (keys: string) => BASE + `      - { id: i, title: I, points: 10, ${keys} }\n` + OTHER;

describe('relative scoring lint', () => {
  it('a clean scheme with every construct loads', () => {
    expect(
      en(
        one(
          'formula: a / b, target: ">= peer_mean(j)", rule: { type: formula, points: "10 * value() / peer_best() - last_year(a) * 0 + peer_rank() * 0" }',
        ),
      ),
    ).toEqual([]);
  });
  it('a peer function in a formula (the unit’s own value)', () => {
    // line 18; the formula starts at col 49, `peer_mean` at offset 4 → col 53
    expect(en(one('formula: a / peer_mean(), target: ">= 1", rule: { type: all }'))).toEqual([
      "x.yaml:18:53: error: peer_mean() is not allowed in a formula: peer values and value() belong in an item's target or rule (the formula gives the unit's own value); move it to the target or to rule: { type: formula } (sections[0].items[0].formula)",
    ]);
  });
  it('value() in a target', () => {
    expect(en(one('formula: a / b, target: "value() >= 1", rule: { type: all }'))).toEqual([
      "x.yaml:18:65: error: value() is the item's value, already what the target compares; it belongs in rule: { type: formula, points: … } only (sections[0].items[0].target)",
    ]);
  });
  it('an unknown item, and best of an item whose target has no direction', () => {
    expect(en(one('formula: a / b, target: ">= peer_best(nope)", rule: { type: all }'))).toEqual([
      'x.yaml:18:68: error: peer_best(nope): no item "nope"; name an item of the scheme (sections[0].items[0].target)',
    ]);
    expect(en(one('formula: a / b, target: "== peer_best()", rule: { type: all }'))).toEqual([
      'x.yaml:18:68: error: peer_best(i): "best", "worst" and rank follow the target\'s direction, and "== peer_best()" has none; give item "i" a target ">= x" or "<= x", or use peer_mean() (sections[0].items[0].target)',
    ]);
  });
  it('an item scored higher up asked about by a township item', () => {
    // j is scored from the county up; the ">= peer_mean(j)" target's call is at col 68.
    const text = one('formula: a / b, target: ">= peer_mean(j)", rule: { type: all }').replace(
      'target: ">= 90%", rule: { type: all } }',
      'target: ">= 90%", rule: { type: all }, scope: county }',
    );
    expect(en(text)).toEqual([
      'x.yaml:18:68: error: peer_mean(j): item "j" is scored from the county level up, so units below have no peers with its value; use it on items of that level (scope: county) (sections[0].items[0].target)',
    ]);
  });
  it('last_year() of a field with no last-year column, and a last_year key naming no field', () => {
    expect(en(one('formula: a / b, target: "> last_year(a / b)", rule: { type: all }'))).toEqual([
      'x.yaml:18:81: error: last_year(…) reads last year\'s figure of "b", but no field holds it; add a field with last_year: b (the column of last year\'s figure) (sections[0].items[0].target)',
    ]);
    const text = one('formula: a / b, target: ">= 1", rule: { type: all }').replace(
      'last_year: a }',
      'last_year: aa }',
    );
    expect(en(text)).toEqual([
      'x.yaml:12:53: error: field "a_ly": last_year names "aa", which is not a field; name the field whose last-year figure this column holds (fields[2].last_year)',
    ]);
  });
  it('a points formula that does not parse points into it', () => {
    expect(en(one('formula: a / b, target: ">= 1", rule: { type: formula, points: "10 * (a" }'))).toEqual([
      'x.yaml:18:109: error: formula does not parse: Unclosed ( (sections[0].items[0].rule.points)',
    ]);
  });
});
