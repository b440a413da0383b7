/**
 * Compiling the constructs of relative scoring (docs/scheme.md#relative-scoring):
 * `last_year(…)` made to read last year's fields, the `formula` rule, and whether an
 * item reads peer values. Hooked into compile.ts with a line each.
 */
import type { Formula, Node } from './formula';
import { PEER_FNS } from './formula-relative';
import { namesIn, someNode } from './formula-walk';
import type { Field, Rule } from './model';
import { targetFormulas, type Target } from './target';

/** Field id → the id of the field holding its last-year figure. */
function lastYearFields(fields: ReadonlyMap<string, Field>): Map<string, string> {
  const out = new Map<string, string>();
  for (const f of fields.values()) if (f.lastYear !== undefined && !out.has(f.lastYear)) out.set(f.lastYear, f.id);
  return out;
}

/** The tree with each name inside `last_year(…)` that has a last-year field replaced by it. */
function rewrite(n: Node, ly: ReadonlyMap<string, string>, inside: boolean): Node {
  switch (n.k) {
    case 'ref':
      return inside && ly.has(n.name) ? { ...n, name: ly.get(n.name)! } : n;
    case 'neg':
    case 'not':
      return { ...n, a: rewrite(n.a, ly, inside) };
    case 'bin':
      return { ...n, a: rewrite(n.a, ly, inside), b: rewrite(n.b, ly, inside) };
    case 'call':
      if (PEER_FNS.has(n.fn)) return n;
      return { ...n, args: n.args.map((a) => rewrite(a, ly, inside || n.fn === 'last_year')) };
    default:
      return n;
  }
}

const hasLastYear = (f: Formula) => someNode(f.ast, (n) => n.k === 'call' && n.fn === 'last_year');

/** The formula reading last year's fields inside `last_year(…)` (the same object when it has none). */
export function lastYearFormula(f: Formula, fields: ReadonlyMap<string, Field> | undefined): Formula {
  if (!fields || !f.source.includes('last_year') || !hasLastYear(f)) return f;
  const ast = rewrite(f.ast, lastYearFields(fields), false);
  return { source: f.source, ast, refs: namesIn(ast) };
}

/** The target with `last_year(…)` resolved in each of its formulas. */
export function lastYearTarget(t: Target, fields: ReadonlyMap<string, Field> | undefined): Target {
  if (!fields || !t.text.includes('last_year')) return t;
  const f = (x: Formula) => lastYearFormula(x, fields);
  if (t.kind === 'cmp') return { ...t, rhs: f(t.rhs) };
  if (t.kind === 'between') return { ...t, lo: f(t.lo), hi: f(t.hi) };
  return { ...t, f: f(t.f) };
}

/** The `formula` rule, or a stand-in when its formula does not parse (reported by `parse`). */
export function formulaRule(
  text: unknown,
  parse: (text: string) => Formula | undefined,
): {
  rule: Rule;
  formulas: Formula[];
} {
  const f = typeof text === 'string' ? parse(text) : undefined;
  return f ? { rule: { type: 'formula', points: f }, formulas: [f] } : { rule: { type: 'all' }, formulas: [] };
}

/** Whether the item's target or rule reads peer values: `{ peers: true }` then, else nothing. */
export function peersKey(target: Target | undefined, rule: Formula[]): { peers?: true } {
  const calls = (f: Formula) => f.source.includes('peer_') && someCall(f.ast);
  return [...targetFormulas(target), ...rule].some(calls) ? { peers: true } : {};
}

/** A call of a peer function (someNode skips their arguments, not the calls). */
const someCall = (root: Node): boolean => someNode(root, (n) => n.k === 'call' && PEER_FNS.has(n.fn));
