/**
 * Compiling sub-rules and deduction limits (./schema-parts.ts): an item with `parts`
 * becomes an item whose parts are items of their own (compiled by the caller's
 * compileItem, so every formula, target and rule is read, and later linted, as an
 * item's); `lowest`, `factors` and the `cases` rule get exact numbers.
 */
import { message } from '../messages/codes';
import { Rational } from '../rational';
import type { Reporter } from './compile';
import { parseFormula, parseQuantity, type Formula } from './formula';
import type * as M from './model';
import type { Path } from './path';
import type { ItemInput, SchemeInput } from './schema';

type CompileItem = (it: ItemInput, path: Path) => M.Item | undefined;

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const num = (x: unknown): Rational | undefined => {
  if (typeof x !== 'number' && typeof x !== 'string') return undefined;
  try {
    return parseQuantity(x);
  } catch {
    return undefined;
  }
};

/** The value of a parts item, and of a cases part in the data: no formula of its own (shown as nothing). */
function noFormula(): Formula {
  const r = parseFormula('0');
  if ('error' in r) throw new Error('the formula 0 does not parse');
  return { ...r.formula, source: '' };
}

/** `lowest`, `factors` and a `cases` rule, as the item model holds them (nothing when absent). */
export function limitsOf(it: ItemInput): Pick<M.Item, 'lowest' | 'factors' | 'cases'> {
  const out: Pick<M.Item, 'lowest' | 'factors' | 'cases'> = {};
  if (it.lowest === 'none') out.lowest = 'none';
  else if (typeof it.lowest === 'number') out.lowest = num(it.lowest) ?? Rational.ZERO;
  if (isObj(it.factors))
    out.factors = new Map(Object.entries(it.factors).map(([k, v]) => [k, num(v) ?? Rational.ONE] as const));
  const r: unknown = it.rule;
  if (isObj(r) && r.type === 'cases')
    out.cases = { deduct: num(r.deduct) ?? Rational.ZERO, caseMax: num(r.case_max), max: num(r.max) };
  return out;
}

/** An item without parts must have a formula and a rule (the schema no longer says so: parts replace them). */
export function ownRuleMissing(rep: Reporter, it: ItemInput, path: Path): void {
  if (it.parts !== undefined) return;
  for (const key of ['formula', 'rule'] as const)
    if (it[key] === undefined)
      rep.error(
        path,
        message('scheme/missing-key', { key, want: { k: 'type', type: key === 'rule' ? 'object' : 'string' } }),
      );
}

/** A part as an item of its own: a cases part reads no data (its value is its number of case rows, 0 before any). */
export function partInput(it: ItemInput, p: Record<string, unknown>): ItemInput {
  const cases = isObj(p.rule) && p.rule.type === 'cases';
  return {
    ...(p as unknown as ItemInput),
    points: typeof p.points === 'number' ? p.points : it.points,
    formula: cases ? '0' : (p.formula as string | undefined),
    target: cases ? '== 0' : (p.target as string | undefined),
    // Compiled as a per-case rule on no case; the case rows come with the adjustments (src/engine/cases.ts).
    ...(cases ? { rule: { type: 'per_case', deduct: 0 } } : {}),
    scope: it.scope,
    rollup: it.rollup,
    share: it.share,
    na: it.na,
  };
}

/** The item with its parts compiled; undefined when no part compiles (each failure is reported). */
export function compileWithParts(it: ItemInput, path: Path, compileItem: CompileItem): M.Item | undefined {
  const parts = (it.parts ?? []).flatMap((p, i) => {
    if (!isObj(p)) return [];
    const m = compileItem(partInput(it, p), [...path, 'parts', i]);
    if (!m) return [];
    const own = isObj(p.rule) && p.rule.type === 'cases' ? { ...m, formula: noFormula(), fields: [] } : m;
    // A part without points of its own in an item that may go below zero is not capped at the item's points.
    const uncapped = it.lowest !== undefined && it.lowest !== 0 && typeof p.points !== 'number';
    return [{ ...own, ...limitsOf(p as unknown as ItemInput), lowest: uncapped ? ('none' as const) : undefined }];
  });
  const shell = compileItem({ ...it, parts: undefined, formula: '0', target: undefined, rule: { type: 'all' } }, path);
  if (!shell || !parts.length) return undefined;
  const fields = [...new Set(parts.flatMap((p) => p.fields))];
  return { ...shell, formula: noFormula(), display: 'number', fields, parts, ...limitsOf(it), cases: undefined };
}

/** The scheme's inspection levels. */
export function inspectionsOf(input: SchemeInput): M.Scheme['inspections'] {
  if (!Array.isArray(input.inspection_levels)) return undefined;
  return input.inspection_levels.filter(isObj).map((l) => ({ id: String(l.id), title: String(l.title) }));
}
