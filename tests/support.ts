/** Test helpers: a scheme from YAML text, a dataset from CSV text, an assessment. */
import { buildDataset, readDataset } from '../src/data/dataset';
import { formatDiagnostic } from '../src/diagnostics';
import { evaluate } from '../src/engine/evaluate';
import type { Assessment, ItemResult, UnitResult } from '../src/engine/types';
import { gapText, valueText } from '../src/report/shared/item-words';
import { loadScheme } from '../src/scheme/load';
import type { Scheme } from '../src/scheme/model';

export function scheme(yaml: string): Scheme {
  const r = loadScheme(yaml, 'test.yaml');
  if (!r.scheme) throw new Error(r.diagnostics.map((d) => formatDiagnostic(d, 'en')).join('\n'));
  return r.scheme;
}

export const bytes = (text: string): Uint8Array => new TextEncoder().encode(text);

export function assess(s: Scheme, ...csv: [name: string, text: string][]): Assessment {
  return evaluate(
    s,
    readDataset(
      s,
      csv.map(([name, text]) => ({ name, bytes: bytes(text) })),
    ),
  );
}

export function item(u: UnitResult, id: string): ItemResult {
  const i = u.items.find((x) => x.id === id);
  if (!i) throw new Error(`no item ${id} in ${u.name}`);
  return i;
}

/** An item's value at a unit as the reports show it (`94.7%`, `—`). */
export const shown = (u: UnitResult, id: string): string => valueText(u.fields, item(u, id));

export function child(u: UnitResult, name: string): UnitResult {
  const c = u.children.find((x) => x.name === name);
  if (!c) throw new Error(`no unit ${name} under ${u.name}`);
  return c;
}

export { buildDataset };

/**
 * A minimal two-level scheme with one township-scope item whose rule and target
 * are given; fields: num (count), den (count).
 */
export function oneItem(opts: {
  formula?: string;
  target?: string;
  rule: string;
  points?: number;
  na?: string;
  extra?: string;
}): Scheme {
  const points = opts.points ?? 10;
  return scheme(`
id: t
title: T
version: 1
total: ${points}
pass: ${points}
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: num, label: 分子, type: count }
  - { id: den, label: 分母, type: count }
sections:
  - id: s
    title: S
    points: ${points}
    items:
      - id: x
        title: X
        points: ${points}
        formula: "${opts.formula ?? 'num / den'}"
${opts.target ? `        target: "${opts.target}"\n` : ''}        rule: ${opts.rule}
${opts.na ? `        na: ${opts.na}\n` : ''}${opts.extra ?? ''}`);
}

/** Scores one township with the given numerator and denominator under `s`. */
export function scoreOne(s: Scheme, num: string | number, den: string | number): ItemResult {
  const a = assess(s, ['t.csv', `乡镇,分子,分母\nA,${num},${den}\n`]);
  return item(a.units[0]!.children[0]!, 'x');
}

/** As scoreOne, with the value and the gap as the reports show them. */
export function shownOne(
  s: Scheme,
  num: string | number,
  den: string | number,
): ItemResult & { shown: string; gapShown?: string } {
  const u = assess(s, ['t.csv', `乡镇,分子,分母\nA,${num},${den}\n`]).units[0]!.children[0]!;
  const i = item(u, 'x');
  return { ...i, shown: valueText(u.fields, i), gapShown: gapText(i) };
}

/** Three levels (乡镇 → 县 → 市), one rate item with a lever: for roll-up and ranking tests. */
export function cityScheme(): Scheme {
  return scheme(`
id: c3
title: C
version: 1
total: 10
pass: 9
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
  - { id: city, title: 市, name: [市] }
fields:
  - { id: births, label: 出生数, type: count }
  - { id: ok, label: 政策内, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: rate, title: 率, points: 10, formula: ok / births, target: ">= 95%", rule: { type: deduct, deduct: 1, per: 1%, partial: proportional }, lever: ok }
`);
}

/**
 * A two-level scheme whose items are left missing or n/a by data alone: a ratio (a zero
 * divisor), an optional column (a blank or absent cell), and an if() on an optional
 * yes/no rolled up by mean (tests of the data warnings and of lean batches).
 */
export const optionalFieldsScheme = (): Scheme =>
  scheme(`
id: t
title: T
version: 1
total: 30
pass: 20
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: births, label: 出生数, type: count }
  - { id: policy, label: 政策内, type: count }
  - { id: farm_plan, label: 农场计划, type: count, required: false }
  - { id: is_farm, label: 农场, type: boolean, required: false }
sections:
  - id: s
    title: S
    points: 30
    items:
      - { id: rate, title: 政策率, points: 10, formula: policy / births, target: ">= 90%", rule: { type: all } }
      - { id: plan, title: 农场计划, points: 10, formula: farm_plan, target: ">= 1", rule: { type: all } }
      - { id: farm_na, title: 非农场政策率, points: 10, formula: "if(is_farm, 1/0, policy / births)", target: ">= 90%", rule: { type: all }, rollup: mean }
`);
