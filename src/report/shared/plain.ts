/**
 * Words for the reports a person reads (table, Markdown, HTML, CSV, xlsx): comparison
 * signs as printed (`≥`, `≤`, `≠`), yes/no values as 是/否, and a veto as what it saw
 * (`出生人口性别比 111.28 ≤ 120`) rather than the formula with numbers put in
 * (`1184 / 1064 * 100 > 120`). The formulas stay in `explain` and in the JSON
 * (`item-words.ts`), whose fields do not change.
 */
import type { Lang } from '../../diagnostics';
import type { UnitFields } from '../../engine/fields';
import type { ItemResult, UnitResult, VetoResult } from '../../engine/types';
import { Rational } from '../../rational';
import { evaluate, render, type Node } from '../../scheme/formula';
import type { Veto } from '../../scheme/model';
import type { Display } from '../../scheme/target';
import { showValue } from './display';
import { t } from './i18n';
import { targetText, valueText, vetoWords } from './item-words';

const SIGN: Record<string, string> = { '>=': '≥', '<=': '≤', '==': '=', '!=': '≠' };

/** `>= 13.04` → `≥ 13.04`; only whole operators between spaces (or at the start), never inside names. */
export const plainOps = (s: string): string =>
  s.replace(/(^|\s)(>=|<=|==|!=)(?=\s)/g, (_, pre: string, op: string) => `${pre}${SIGN[op]}`);

export const yesNo = (b: boolean, lang: Lang): string => t(lang, b ? 'csvYes' : 'csvNo');

/** The value as a person reads it: `94.7%`, `112.3`, 是/否 (the JSON keeps ✓/✗). */
export const plainValue = (f: UnitFields, i: ItemResult, lang: Lang): string =>
  typeof i.value === 'boolean' ? yesNo(i.value, lang) : valueText(f, i);

/** The target with printed signs: `≥ 100%`. */
export const plainTarget = (f: UnitFields, i: ItemResult): string | undefined => {
  const t = targetText(f, i);
  return t === undefined ? undefined : plainOps(t);
};

type Cmp = '>' | '>=' | '<' | '<=' | '==' | '!=';
const CMPS = new Set<string>(['>', '>=', '<', '<=', '==', '!=']);
/** The relation that holds when the comparison does not. */
const NOT: Record<Cmp, Cmp> = { '>': '<=', '>=': '<', '<': '>=', '<=': '>', '==': '!=', '!=': '==' };
const sign = (op: Cmp): string => SIGN[op] ?? op;

export interface VetoPlain {
  /** The rule in words: `出生人口性别比 > 120`, `符合政策生育率 < 82%`. */
  rule: string;
  /** What was seen, with the relation that holds: `出生人口性别比 111.28 ≤ 120`; the rule when the data could not tell. */
  seen: string;
  /** How the compared value is shown (for a number format in a workbook). */
  display: Display;
}

/** A percent when a side reads a percent field or is written with `%`, or a quotient is compared with a fraction below 1 (a rate). */
function displayOf(f: UnitFields, a: Node, b: Node, rhs: Rational | undefined): Display {
  const percent = (n: Node): boolean =>
    n.k === 'ref'
      ? f.scheme.fields.get(n.name)?.type === 'percent'
      : n.k === 'num'
        ? n.raw.includes('%')
        : n.k === 'bin'
          ? percent(n.a) || percent(n.b)
          : n.k === 'neg'
            ? percent(n.a)
            : false;
  if (percent(a) || percent(b)) return 'percent';
  if (a.k === 'bin' && a.op === '/' && rhs && rhs.sign() > 0 && rhs.cmp(Rational.ONE) < 0) return 'percent';
  return 'number';
}

/** The name of what a formula computes: a field's label, or the title of an item computing the same. */
function nameOf(f: UnitFields, n: Node): string | undefined {
  if (n.k === 'ref') return f.scheme.fields.get(n.name)?.label;
  const text = render(n, (x) => x);
  return f.scheme.items.find((i) => render(i.formula.ast, (x) => x) === text)?.title;
}

/** A veto as the words say it, when it is none of the shapes below. */
function fallbackPlain(u: UnitResult, v: VetoResult, lang: Lang): VetoPlain {
  const w = vetoWords(u, v);
  return {
    rule: plainOps(w.condition),
    seen: plainOps(w.display).replace(/[✓✗]/g, (c) => yesNo(c === '✓', lang)),
    display: 'number',
  };
}

/** On an item's value: `符合政策生育率 < 82%`. */
function itemVetoPlain(u: UnitResult, v: VetoResult, veto: Veto): VetoPlain | undefined {
  const f = u.fields;
  const when = veto.when;
  if (!veto.item || when.kind !== 'cmp') return undefined;
  const item = u.items.find((i) => i.id === veto.item);
  const title =
    f.scheme.items.find((i) => i.id === veto.item)?.title ??
    f.scheme.bonus?.items.find((i) => i.id === veto.item)?.title ??
    veto.item;
  const display = item?.kind ?? 'number';
  const rhs = evaluate(when.rhs.ast, f.env);
  if (!(rhs instanceof Rational)) return undefined;
  const line = showValue(rhs, display);
  const rule = `${title} ${sign(when.op)} ${line}`;
  if (!v.checked || !item || item.value === undefined || typeof item.value === 'boolean')
    return { rule, seen: rule, display };
  return {
    rule,
    seen: `${title} ${valueText(f, item)} ${sign(v.triggered ? when.op : NOT[when.op])} ${line}`,
    display,
  };
}

/** A yes/no field: `严重弄虚作假：否`. */
function booleanVetoPlain(f: UnitFields, ast: Node, lang: Lang): VetoPlain | undefined {
  if (ast.k !== 'ref' || f.scheme.fields.get(ast.name)?.type !== 'boolean') return undefined;
  const label = f.scheme.fields.get(ast.name)!.label;
  const value = f.env(ast.name);
  const colon = lang === 'zh' ? '：' : ': ';
  return {
    rule: label,
    seen: typeof value === 'boolean' ? `${label}${colon}${yesNo(value, lang)}` : label,
    display: 'boolean',
  };
}

/** A comparison: `出生男婴 / 出生女婴 * 100 > 120` → `出生人口性别比 111.28 ≤ 120`. */
function comparisonVetoPlain(f: UnitFields, v: VetoResult, ast: Node): VetoPlain | undefined {
  if (ast.k !== 'bin' || !CMPS.has(ast.op)) return undefined;
  const op = ast.op as Cmp;
  const lhs = evaluate(ast.a, f.env);
  const rhs = evaluate(ast.b, f.env);
  if (!(rhs instanceof Rational)) return undefined;
  const display = displayOf(f, ast.a, ast.b, rhs);
  const labels = (n: string) => f.scheme.fields.get(n)?.label ?? n;
  const name = nameOf(f, ast.a);
  const line = showValue(rhs, display);
  const rule = `${name ?? plainOps(render(ast.a, labels))} ${sign(op)} ${line}`;
  if (!v.checked || !(lhs instanceof Rational)) return { rule, seen: rule, display };
  return {
    rule,
    seen: `${name ? `${name} ` : ''}${showValue(lhs, display)} ${sign(v.triggered ? op : NOT[op])} ${line}`,
    display,
  };
}

/** A formula veto: a yes/no field or a comparison, said as what it saw. */
function formulaVetoPlain(u: UnitResult, v: VetoResult, veto: Veto, lang: Lang): VetoPlain | undefined {
  if (veto.when.kind !== 'formula') return undefined;
  const ast = veto.when.f.ast;
  return booleanVetoPlain(u.fields, ast, lang) ?? comparisonVetoPlain(u.fields, v, ast);
}

export function vetoPlain(u: UnitResult, v: VetoResult, lang: Lang): VetoPlain {
  const veto = u.fields.scheme.vetoes.find((x) => x.id === v.id);
  const plain = veto && (itemVetoPlain(u, v, veto) ?? formulaVetoPlain(u, v, veto, lang));
  return plain ?? fallbackPlain(u, v, lang);
}
