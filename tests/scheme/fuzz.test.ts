/**
 * Seeded fuzz over schemes (issue #9): a valid scheme is mutated (keys dropped,
 * values swapped for other types, random formulas and targets from a small grammar,
 * unknown names, deep nesting, lines cut) and the loader must never throw; every
 * finding must point at a line and column inside the text; and a scheme that loads
 * without errors must score data without throwing. Bounded by run counts and a fixed
 * seed, so a failure replays; PROP_RUNS raises the count for a deeper search.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { readDataset } from '../../src/data/dataset';
import { evaluate } from '../../src/engine/evaluate';
import { loadScheme } from '../../src/scheme/load';
import type { Scheme } from '../../src/scheme/model';
import { bytes } from '../support';

const RUNS = Number(process.env.PROP_RUNS) || 200;
const SEED = Number(process.env.PROP_SEED) || 2008;

/** A small scheme using every kind of field, rule, roll-up, veto, check and bonus. */
const BASE = `id: fuzz
title: 模糊测试方案
version: 1
total: 20
pass: 12
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: a, label: 甲数, type: count }
  - { id: b, label: 乙数, type: count }
  - { id: m, label: 金额, type: money, required: false }
  - { id: p, label: 比率, type: percent }
  - { id: ok, label: 达标, type: boolean }
  - { id: farm, label: 农场, type: boolean, required: false }
  - { id: c, label: 县数, type: number, scope: county }
  - { id: note, label: 备注, type: text, required: false }
params:
  - { id: line, value: 90% }
checks:
  - { id: k, title: 甲不超过乙, assert: a <= b }
sections:
  - id: s1
    title: 一
    points: 12
    items:
      - { id: r, title: 比例, points: 4, formula: a / b, target: ">= line", rule: { type: deduct, deduct: 1, per: 1%, partial: proportional }, lever: a }
      - { id: q, title: 比率均值, points: 4, formula: p, target: "between 80% and 100%", rule: { type: all }, rollup: mean }
      - { id: f, title: 达标, points: 4, formula: "if(farm, 1/0, ok)", target: "== true", rule: { type: all }, rollup: min }
  - id: s2
    title: 二
    points: 8
    items:
      - { id: cc, title: 县级, points: 4, formula: c, target: ">= 2", rule: { type: bands, bands: [{ when: ">= 3", points: 4 }, { when: ">= 2", points: 2 }] }, scope: county }
      - { id: pr, title: 成比例, points: 4, formula: a + m, target: ">= 10", rule: { type: proportional } }
vetoes:
  - { id: v1, title: 比例过低, item: r, when: "< 50%" }
  - { id: v2, title: 县数为零, when: c < 0 }
bonus:
  cap: 2
  items:
    - { id: bx, title: 加分, points: 2, formula: b, target: ">= 5", rule: { type: add, add: 1, per: 1, partial: down } }
`;
const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));
const BASES: [name: string, text: string, runs: number][] = [
  ['a small scheme of every kind', BASE, RUNS],
  ['the corpus scheme', readFileSync(root('tests/corpus/scheme.yaml'), 'utf8'), Math.ceil(RUNS / 3)],
  ['the bundled scheme', readFileSync(root('criteria/jsyzfw-2008.yaml'), 'utf8'), Math.ceil(RUNS / 10)],
];

// ---------- a small grammar of formulas and targets ----------
const NAMES = [
  'a',
  'b',
  'm',
  'p',
  'ok',
  'farm',
  'c',
  'note',
  'line',
  'population',
  'births',
  'zz_unknown',
  'constructor',
  '__proto__',
];
const formula: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...NAMES),
    fc.constantFrom('0', '1', '95%', '1‰', '0.5', 'true', 'false', '1/0'),
    fc
      .tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '<', '<=', '>', '>=', '==', '!=', 'and', 'or'), tie('e'))
      .map(([x, op, y]) => `${x} ${op} ${y}`),
    tie('e').map((x) => `(${x})`),
    tie('e').map((x) => `not ${x}`),
    tie('e').map((x) => `-${x}`),
    fc.tuple(tie('e'), tie('e'), tie('e')).map(([x, y, z]) => `if(${x}, ${y}, ${z})`),
    fc
      .tuple(
        fc.constantFrom('min', 'max', 'count', 'abs', 'round', 'sqrt'),
        fc.array(tie('e'), { minLength: 1, maxLength: 3 }),
      )
      .map(([fn, xs]) => `${fn}(${xs.join(', ')})`),
  ),
})).e;
/** Well-kinded number formulas over a scheme's summable fields: mutated schemes that still load, to be scored. */
const numericOver = (names: string[]): fc.Arbitrary<string> =>
  fc.letrec<{ n: string }>((tie) => ({
    n: fc.oneof(
      { depthSize: 'small' },
      fc.constantFrom(...names, '0', '2', '1/0', '50%'),
      fc.tuple(tie('n'), fc.constantFrom('+', '-', '*', '/'), tie('n')).map(([x, op, y]) => `(${x} ${op} ${y})`),
      fc
        .tuple(tie('n'), fc.constantFrom('<', '>=', '=='), tie('n'), tie('n'), tie('n'))
        .map(([x, op, y, t, e]) => `if(${x} ${op} ${y}, ${t}, ${e})`),
      fc.tuple(fc.constantFrom('min', 'max', 'abs', 'round'), tie('n')).map(([fn, x]) => `${fn}(${x})`),
    ),
  })).n;
const target = fc.oneof(
  fc.tuple(fc.constantFrom('>=', '<=', '>', '<', '==', '!=', '≥', '='), formula).map(([op, x]) => `${op} ${x}`),
  fc.tuple(formula, formula).map(([x, y]) => `between ${x} and ${y}`),
  formula,
  fc.constantFrom('', '>=', 'between 1', '>= 9 5%', '== true', '>= 101%'),
);
/** Any YAML value: what a key holds after a careless edit. */
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(
    null,
    true,
    false,
    0,
    -1,
    1e21,
    0.1,
    '',
    'x',
    '95%',
    '１０',
    'township',
    'county',
    'mean',
    'sum',
    'all',
  ),
  fc.integer(),
  fc.string({ maxLength: 8 }),
  fc.array(fc.constantFrom(1, 'a', null), { maxLength: 3 }),
  fc.dictionary(fc.constantFrom('id', 'type', 'x'), fc.constantFrom(1, 'a', 'bands'), { maxKeys: 2 }),
  formula,
);

// ---------- mutations of the parsed document ----------
type Path = (string | number)[];
/** Every path to a value in the document (containers included). */
function paths(x: unknown, at: Path = [], out: Path[] = []): Path[] {
  out.push(at);
  if (Array.isArray(x)) x.forEach((v, i) => paths(v, [...at, i], out));
  else if (x && typeof x === 'object') for (const [k, v] of Object.entries(x)) paths(v, [...at, k], out);
  return out;
}
const FORMULA_KEYS = new Set(['formula', 'target', 'when', 'assert']);

/** Count fields of the lowest level, from the parsed scheme. */
function countFields(doc: any): string[] {
  return (doc.fields as any[]).filter((f) => f.type === 'count' && !f.scope).map((f) => f.id as string);
}

type Mutation =
  | { k: 'drop' | 'swap' | 'formula' | 'nest' | 'numeric'; pick: number; value: unknown; text: string }
  | { k: 'section'; depth: number }
  | { k: 'cut'; pick: number; len: number; insert: string };
/** A number formula put in an item's formula: most such schemes still load. */
const benign = (names: string[]): fc.Arbitrary<Mutation> =>
  fc.record({ k: fc.constant('numeric' as const), pick: fc.nat(), value: fc.constant(null), text: numericOver(names) });
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({
    k: fc.constantFrom('drop', 'swap', 'formula', 'nest'),
    pick: fc.nat(),
    value: anyValue,
    text: fc.oneof(formula, target),
  }) as fc.Arbitrary<Mutation>,
  fc.record({ k: fc.constant('section' as const), depth: fc.integer({ min: 1, max: 60 }) }),
  fc.record({
    k: fc.constant('cut' as const),
    pick: fc.nat(),
    len: fc.nat({ max: 40 }),
    insert: fc.constantFrom('', ':', '- ', '{', '"', '\t', '  x: 1\n', '&a [*a]', '？', '\u0000'),
  }),
);

function applyTo(base: unknown, ms: Mutation[]): string {
  const doc: unknown = structuredClone(base);
  for (const m of ms) {
    if (m.k === 'cut') {
      const s = stringify(doc);
      const i = m.pick % (s.length + 1);
      return s.slice(0, i) + m.insert + s.slice(i + m.len);
    }
    const all = paths(doc).filter((p) => p.length > 0);
    if (m.k === 'section') {
      let s: Record<string, unknown> = {
        id: 'deep0',
        title: 'D',
        points: 1,
        items: [{ id: 'd', title: 'D', points: 1, formula: 'a', target: '>= 1', rule: { type: 'all' } }],
      };
      for (let i = 1; i < m.depth; i++) s = { id: `deep${i}`, title: 'D', points: 1, sections: [s] };
      const d = doc as { sections?: unknown[] };
      if (Array.isArray(d?.sections)) d.sections.push(s);
      continue;
    }
    const candidates =
      m.k === 'numeric'
        ? all.filter((p) => p.at(-1) === 'formula')
        : m.k === 'formula' || m.k === 'nest'
          ? all.filter((p) => FORMULA_KEYS.has(String(p.at(-1))))
          : all;
    if (!candidates.length) continue;
    const p = candidates[m.pick % candidates.length]!;
    const parent = p.slice(0, -1).reduce<any>((o, k) => o?.[k], doc);
    const key = p.at(-1)!;
    if (parent === null || typeof parent !== 'object') continue;
    if (m.k === 'drop') {
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete parent[key];
    } else if (m.k === 'swap') parent[key] = m.value;
    else if (m.k === 'formula' || m.k === 'numeric') parent[key] = m.text;
    else parent[key] = `${'('.repeat(m.pick % 260)}${String(parent[key])}${')'.repeat(m.pick % 260)}`;
  }
  return stringify(doc);
}

// ---------- data for a scheme that loads ----------
function dataFor(s: Scheme, seed: number): { name: string; bytes: Uint8Array }[] {
  const values = (type: string, i: number): string => {
    const r = (seed + i * 7919) % 11;
    if (type === 'boolean') return ['是', '否', ''][r % 3]!;
    if (type === 'text') return 'x';
    if (type === 'percent') return `${r * 10}%`;
    return r === 10 ? '' : String(r);
  };
  return s.levels.map((lv, level) => {
    const up = s.levels.slice(level).map((l) => l.name[0]);
    const fs = [...s.fields.values()].filter((f) => f.level === level);
    const rows = [0, 1, 2]
      .slice(0, level === s.levels.length - 1 ? 1 : 3)
      .map((r) =>
        [
          ...s.levels.slice(level).map((_, j) => (j === 0 && level < s.levels.length - 1 ? `单位${r}` : `上级${j}`)),
          ...fs.map((f, i) => values(f.type, r * 31 + i)),
        ].join(','),
      );
    return {
      name: `${lv.id}.csv`,
      bytes: bytes(`${[...up, ...fs.map((f) => f.label)].join(',')}\n${rows.join('\n')}\n`),
    };
  });
}

/** How many mutated schemes loaded clean (and were scored). */
let scored = 0;

function check(text: string, seed: number): void {
  const r = loadScheme(text, 'f.yaml');
  const lines = text.split('\n');
  for (const d of r.diagnostics) {
    expect(d.file).toBe('f.yaml');
    expect(d.message.en.length).toBeGreaterThan(0);
    expect(d.message.zh.length).toBeGreaterThan(0);
    expect(Number.isInteger(d.line) && d.line! >= 1 && d.line! <= lines.length).toBe(true);
    expect(Number.isInteger(d.col) && d.col! >= 1 && d.col! <= lines[d.line! - 1]!.length + 1).toBe(true);
  }
  if (r.scheme) {
    scored++;
    expect(r.diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
    const data = readDataset(r.scheme, dataFor(r.scheme, seed));
    const a = evaluate(r.scheme, data, { inputs: true });
    for (const d of a.data.findings) if (d.line !== undefined) expect(d.line).toBeGreaterThanOrEqual(1);
  }
}

describe('scheme fuzz: the loader never throws, findings point inside the text, clean schemes score', () => {
  for (const [name, text, runs] of BASES) {
    it(`${name}: the unmutated text loads clean and scores`, () => {
      expect(loadScheme(text, 'f.yaml').diagnostics.filter((d) => d.severity === 'error')).toEqual([]);
      check(text, 1);
    });
    it(`${name}: ${runs} mutated versions, a share of which still load and are scored`, () => {
      scored = 0;
      const doc = parse(text);
      const ms = fc
        .tuple(fc.array(mutation, { maxLength: 2 }), fc.array(benign(countFields(doc)), { maxLength: 2 }))
        .map(([bad, good]) => [...good, ...bad]);
      fc.assert(
        fc.property(ms, fc.nat(), (m, seed) => check(applyTo(doc, m), seed)),
        { numRuns: runs, seed: SEED },
      );
      expect(scored).toBeGreaterThanOrEqual(Math.ceil(runs / 10));
    });
  }
});
