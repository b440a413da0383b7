import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadScheme } from '../../src/scheme/load';
import { schemeJsonSchema } from '../../src/scheme/schema';

const root = join(__dirname, '..', '..');
const lines = (text: string, file = 'x.yaml') =>
  loadScheme(text, file).diagnostics.map((d) => formatDiagnostic(d, 'en'));

describe('scheme loader: every error with file:line:col', () => {
  it('reports a typo key, unknown fields, a broken formula, points not adding up and a duplicate id together', () => {
    const file = 'tests/fixtures/schemes/bad.yaml';
    const r = loadScheme(readFileSync(join(root, file), 'utf8'), file);
    expect(r.scheme).toBeUndefined();
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'en'))).toEqual([
      `${file}:21:13: error: section "s1" is worth 50 points but its children add up to 45 (sections[0].points)`,
      `${file}:23:9: error: item "policy" needs a target (sections[0].items[0])`,
      `${file}:27:9: error: unknown key "taget"; did you mean "target"? (sections[0].items[0])`,
      `${file}:32:18: error: unknown field or param "boys" (sections[0].items[1].formula)`,
      `${file}:32:25: error: unknown field or param "girls" (sections[0].items[1].formula)`,
      `${file}:42:34: error: formula does not parse: Expected expression after + (sections[1].items[0].formula)`,
      `${file}:45:13: error: duplicate id "policy" (first used on line 23) (sections[1].items[1].id)`,
    ]);
  });
  it('bad indentation is a YAML syntax error at its line', () => {
    const out = lines('id: x\ntitle: T\nunits:\n  - id: township\n    title: 乡镇\n   name: [乡镇]\n');
    expect(out).toHaveLength(1);
    expect(out[0]).toMatch(/^x\.yaml:6:\d+: error: YAML syntax: .*indentation/);
  });
  it('a duplicate key is named with its line', () => {
    const text = base(ITEM).replace('title: T\n', 'title: T\ntitle: U\n');
    expect(lines(text)).toEqual(['x.yaml:3:1: error: duplicate key "title": each key may appear once per mapping']);
  });
  it('messages exist in Chinese too', () => {
    const r = loadScheme(base(ITEM).replace('title: T\n', 'title: T\ntitle: U\n'), 'x.yaml');
    expect(r.diagnostics.map((d) => formatDiagnostic(d, 'zh'))).toEqual([
      'x.yaml:3:1: 错误: 键“title”重复：同一层级每个键只能出现一次',
    ]);
  });
  it('a missing key points at the mapping that lacks it', () => {
    const out = lines(
      'id: x\ntitle: T\nversion: 1\ntotal: 10\npass: 9\nunits: [{ id: township, title: 乡镇, name: [乡镇] }]\nfields: [{ id: a, label: A, type: count }]\nsections:\n  - id: s\n    title: S\n    items: []\n',
    );
    expect(out).toEqual([
      'x.yaml:9:5: error: missing key "points" (expected: a number) (sections[0].points)',
      'x.yaml:11:12: error: the list needs at least 1 entry (sections[0].items)',
    ]);
  });
});

const base = (body: string) => `id: t
title: T
version: 1
total: 10
pass: 9
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: a, label: A, type: count }
  - { id: b, label: B, type: count }
  - { id: p, label: P, type: percent, scope: county }
  - { id: t, label: T, type: percent }
sections:
  - id: s
    title: S
    points: 10
    items:
${body}`;

const ITEM = '      - { id: i, title: I, points: 10, formula: a / b, target: ">= 90%", rule: { type: all } }\n';

describe('semantic lint', () => {
  it('a summed roll-up over a percent field must declare a roll-up', () => {
    const out = lines(
      base('      - { id: i, title: I, points: 10, formula: t, target: ">= 90%", rule: { type: all } }\n'),
    );
    expect(out).toEqual([
      'x.yaml:19:49: error: item "i" would sum field "t" (percent) to roll up; percent cannot be summed: declare rollup: mean, min or max (sections[0].items[0].formula)',
    ]);
    expect(
      lines(
        base(
          '      - { id: i, title: I, points: 10, formula: t, target: ">= 90%", rule: { type: all }, rollup: mean }\n',
        ),
      ),
    ).toEqual([]);
  });
  it('a township item cannot use a county field', () => {
    const out = lines(
      base('      - { id: i, title: I, points: 10, formula: p, target: ">= 90%", rule: { type: all } }\n'),
    );
    expect(out[0]).toMatch(
      /scored at level "township" but field "p" exists only from level "county"; set scope: county/,
    );
  });
  it('an unreachable target: a share of counts above 100%', () => {
    const out = lines(
      base('      - { id: i, title: I, points: 10, formula: a / b, target: ">= 101%", rule: { type: all } }\n'),
    );
    expect(out[0]).toMatch(/target ">= 101%" cannot be reached/);
  });
  it('a target that does not parse, with its position inside the value', () => {
    const out = lines(
      base('      - { id: i, title: I, points: 10, formula: a / b, target: ">= 9 5%", rule: { type: all } }\n'),
    );
    expect(out[0]).toMatch(/^x\.yaml:19:\d+: error: target does not parse/);
  });
  it('a lever or veto naming an unknown field', () => {
    const out = lines(
      `${base('      - { id: i, title: I, points: 10, formula: a / b, target: ">= 90%", rule: { type: all }, lever: zz }\n')}vetoes:\n  - { id: v, title: V, when: nope > 0 }\n  - { id: w, title: W, item: missing, when: "< 1" }\n`,
    );
    expect(out.some((l) => /lever "zz" is not a field/.test(l))).toBe(true);
    expect(out.some((l) => /unknown field or param "nope".*vetoes\[0\]\.when/.test(l))).toBe(true);
    expect(out.some((l) => /veto "w" names unknown item "missing"/.test(l))).toBe(true);
  });
  it('sections not adding up to the total', () => {
    const out = lines(
      base('      - { id: i, title: I, points: 10, formula: a / b, target: ">= 90%", rule: { type: all } }\n').replace(
        'total: 10',
        'total: 100',
      ),
    );
    expect(out).toEqual(['x.yaml:4:8: error: total is 100 but the sections add up to 10 (total)']);
  });
});

describe('bundled schemes', () => {
  it('the bundled scheme loads without a single finding and has the size the issue asks', () => {
    const r = loadScheme(readFileSync(join(root, 'criteria/jsyzfw-2008.yaml'), 'utf8'), 'jsyzfw-2008.yaml');
    expect(r.diagnostics).toEqual([]);
    const s = r.scheme!;
    expect(s.sections.length).toBeGreaterThanOrEqual(7);
    expect(s.items.length).toBeGreaterThanOrEqual(25);
    expect(s.vetoes.length).toBeGreaterThanOrEqual(4);
    expect(s.vetoes.some((v) => v.item)).toBe(true);
    const rules = new Set([...s.items, ...(s.bonus?.items ?? [])].map((i) => i.rule.type));
    expect([...rules].sort()).toEqual(['add', 'all', 'bands', 'checklist', 'deduct', 'per_case', 'proportional']);
  });
  it('every bundled scheme starts with the yaml-language-server $schema comment', () => {
    const text = readFileSync(join(root, 'criteria/jsyzfw-2008.yaml'), 'utf8');
    expect(text.split('\n')[0]).toBe('# yaml-language-server: $schema=./scheme.schema.json');
  });
  it('the committed JSON Schema is generated from the zod schema (run npm run schema when this fails)', () => {
    const committed = JSON.parse(readFileSync(join(root, 'criteria/scheme.schema.json'), 'utf8'));
    expect(committed).toEqual(schemeJsonSchema());
  });
});
