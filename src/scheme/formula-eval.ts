/**
 * The formula language's evaluator on exact rationals, over the whitelisted tree that
 * `parseFormula` (./formula.ts) makes, and its printer ("with the numbers put in").
 * Names are looked up through the caller's function only: no property access.
 */
import { Rational } from '../rational';
import type { BinOp, FnName, Node, Value } from './formula';
import { isLookupFn, lookupKey } from './formula-relative';

export type Env = (name: string) => Value;

/** The most decimal places `round(x, d)` accepts. */
export const MAX_ROUND_DIGITS = 12;

const truthy = (v: Value): boolean | undefined =>
  v === undefined ? undefined : typeof v === 'boolean' ? v : !v.isZero();
const num = (v: Value): Rational | undefined =>
  v === undefined ? undefined : typeof v === 'boolean' ? (v ? Rational.ONE : Rational.ZERO) : v;

export function evaluate(node: Node, env: Env): Value {
  switch (node.k) {
    case 'num':
    case 'bool':
      return node.v;
    case 'ref':
      return env(node.name);
    case 'neg': {
      const a = num(evaluate(node.a, env));
      return a && a.neg();
    }
    case 'not': {
      const a = truthy(evaluate(node.a, env));
      return a === undefined ? undefined : !a;
    }
    case 'bin':
      return binary(node.op, node.a, node.b, env);
    case 'call':
      return call(node.fn, node.args, env);
  }
}

function binary(op: BinOp, an: Node, bn: Node, env: Env): Value {
  if (op === 'and' || op === 'or') {
    // Kleene logic: false and unknown = false; true or unknown = true.
    const a = truthy(evaluate(an, env));
    if (op === 'and' && a === false) return false;
    if (op === 'or' && a === true) return true;
    const b = truthy(evaluate(bn, env));
    if (op === 'and') return b === false ? false : a === undefined || b === undefined ? undefined : true;
    return b === true ? true : a === undefined || b === undefined ? undefined : false;
  }
  const av = evaluate(an, env);
  const bv = evaluate(bn, env);
  if (av === undefined || bv === undefined) return undefined;
  if ((op === '==' || op === '!=') && typeof av === 'boolean' && typeof bv === 'boolean') {
    return op === '==' ? av === bv : av !== bv;
  }
  const a = num(av)!;
  const b = num(bv)!;
  switch (op) {
    case '+':
      return a.add(b);
    case '-':
      return a.sub(b);
    case '*':
      return a.mul(b);
    case '/':
      return a.div(b);
    case '<':
      return a.lt(b);
    case '<=':
      return a.le(b);
    case '>':
      return a.gt(b);
    case '>=':
      return a.ge(b);
    case '==':
      return a.eq(b);
    case '!=':
      return !a.eq(b);
  }
}

function call(fn: FnName, args: Node[], env: Env): Value {
  if (fn === 'if') {
    const c = truthy(evaluate(args[0]!, env));
    return c === undefined ? undefined : evaluate(c ? args[1]! : args[2]!, env);
  }
  // last_year(x): x's names were made last year's fields when the scheme was compiled.
  if (fn === 'last_year') return evaluate(args[0]!, env);
  if (isLookupFn(fn)) return env(lookupKey(fn, args));
  // Every argument is evaluated, in order; any unknown one makes the result unknown.
  // One pass, no arrays: this runs for every unit and item.
  let unknown = false;
  let truths = 0;
  let acc: Rational | undefined;
  let digits: Rational = Rational.ZERO;
  for (let i = 0; i < args.length; i++) {
    const v = evaluate(args[i]!, env);
    if (v === undefined) unknown = true;
    if (unknown) continue;
    if (fn === 'count') {
      if (truthy(v)) truths++;
      continue;
    }
    const x = num(v)!;
    if (i === 0) acc = x;
    else if (fn === 'min') acc = acc!.min(x);
    else if (fn === 'max') acc = acc!.max(x);
    else digits = x;
  }
  if (unknown) return undefined;
  switch (fn) {
    case 'count':
      return Rational.int(truths);
    case 'min':
    case 'max':
      return acc;
    case 'abs':
      return acc!.abs();
    case 'round': {
      // Digits: a whole number 0..12; anything else is undefined (no huge powers of ten).
      if (!digits.isInteger() || digits.sign() < 0 || digits.gt(Rational.int(MAX_ROUND_DIGITS))) return undefined;
      return acc!.round(digits.toNumber(0));
    }
  }
}

const PREC: Record<BinOp, number> = {
  or: 1,
  and: 2,
  '==': 6,
  '!=': 6,
  '<': 7,
  '<=': 7,
  '>': 7,
  '>=': 7,
  '+': 9,
  '-': 9,
  '*': 10,
  '/': 10,
};

/** Prints a formula with each name replaced by `show(name)`: the formula "with the numbers put in". */
export function render(node: Node, show: (name: string) => string, parent = 0, right = false): string {
  switch (node.k) {
    case 'num':
      return node.raw;
    case 'bool':
      return String(node.v);
    case 'ref':
      return show(node.name);
    case 'neg':
      return `-${render(node.a, show, 11)}`;
    case 'not':
      return `not ${render(node.a, show, 11)}`;
    case 'call':
      return `${node.fn}(${node.args.map((a) => render(a, show)).join(', ')})`;
    case 'bin': {
      const p = PREC[node.op];
      const text = `${render(node.a, show, p)} ${node.op} ${render(node.b, show, p, true)}`;
      return p < parent || (right && p === parent) ? `(${text})` : text;
    }
  }
}
