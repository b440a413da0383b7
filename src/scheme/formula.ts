/**
 * The formula language: parsed by jsep, converted into a small whitelisted tree and
 * evaluated here on exact rationals. There is no eval, no Function and no property
 * access: member expressions, `this`, arrays, strings and unknown functions are
 * rejected at parse time; names are looked up through a caller-supplied function
 * (backed by a Map), so `constructor` or `__proto__` can only ever be plain names.
 */
import jsepImport from 'jsep';
import { Rational } from '../rational';
import type { Msg } from '../diagnostics';
import { both } from '../messages/catalog';
import { formulaReason, type FormulaReason } from '../messages/scheme-formula';

export type Value = Rational | boolean | undefined;

export type BinOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type FnName = 'min' | 'max' | 'abs' | 'round' | 'if' | 'count';

/** `at`: 0-based offset in the formula text where the expression starts (for findings). */
export type Node = (
  | { k: 'num'; v: Rational; raw: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; name: string }
  | { k: 'neg' | 'not'; a: Node }
  | { k: 'bin'; op: BinOp; a: Node; b: Node }
  | { k: 'call'; fn: FnName; args: Node[] }
) & { at?: number };

export interface Formula {
  source: string;
  ast: Node;
  /** Names referenced, in order of first appearance. */
  refs: string[];
}

export interface FormulaError {
  /** Why, as a code of the message catalog and its arguments. */
  reason: FormulaReason;
  /** 0-based offset in the formula text. */
  index: number;
  /** The reason in both languages, made from the catalog when read. */
  readonly message: Msg;
}

/** A formula error: `reason` at `index`. */
export function formulaError(reason: FormulaReason, index: number): FormulaError {
  return {
    reason,
    index,
    get message() {
      return both(reason);
    },
  };
}

const FUNCTIONS: Record<FnName, [min: number, max: number]> = {
  min: [1, Infinity],
  max: [1, Infinity],
  abs: [1, 1],
  round: [1, 2],
  if: [3, 3],
  count: [1, Infinity],
};
const BIN_OPS: Record<string, BinOp> = {
  '+': '+', '-': '-', '*': '*', '/': '/',
  '<': '<', '<=': '<=', '>': '>', '>=': '>=',
  '==': '==', '!=': '!=', and: 'and', or: 'or', '&&': 'and', '||': 'or',
};

type JsepNode = { type: string; [k: string]: unknown };
type Jsep = ((src: string) => JsepNode) & Record<string, any>;
const jsep = ((jsepImport as any).default ?? jsepImport) as Jsep;

/** Where each token being read starts: pushed when jsep begins a token, popped when it ends. */
const tokenStarts: number[] = [];

let configured = false;
function configure(): void {
  if (configured) return;
  configured = true;
  for (const op of Object.keys(jsep.binary_ops)) jsep.removeBinaryOp(op);
  for (const op of Object.keys(jsep.unary_ops)) jsep.removeUnaryOp(op);
  jsep.removeAllLiterals();
  const binary: [string, number][] = [
    ['or', 1], ['||', 1], ['and', 2], ['&&', 2],
    ['==', 6], ['!=', 6], ['<', 7], ['>', 7], ['<=', 7], ['>=', 7],
    ['+', 9], ['-', 9], ['*', 10], ['/', 10],
  ];
  for (const [op, prec] of binary) jsep.addBinaryOp(op, prec);
  for (const op of ['-', '+', 'not', '!']) jsep.addUnaryOp(op);
  jsep.addLiteral('true', true);
  jsep.addLiteral('false', false);
  // Numbers are read here, exactly as written, with an optional % or ‰ suffix.
  jsep.hooks.add('gobble-token', function (this: any, env: { node?: unknown }) {
    tokenStarts.push(this.index);
    const e: string = this.expr;
    const start: number = this.index;
    const digit = (c: string | undefined) => c !== undefined && c >= '0' && c <= '9';
    let i = start;
    if (!(digit(e[i]) || (e[i] === '.' && digit(e[i + 1])))) return;
    while (digit(e[i])) i++;
    if (e[i] === '.') {
      i++;
      while (digit(e[i])) i++;
    }
    let j = i;
    while (e[j] === ' ') j++;
    if (e[j] === '%' || e[j] === '‰') i = j + 1;
    this.index = i;
    env.node = { type: 'Literal', value: e.slice(start, i), raw: e.slice(start, i), start };
  });
  jsep.hooks.add('after-token', function (env: { node?: { start?: number } | false }) {
    const start = tokenStarts.pop();
    if (env.node && env.node.start === undefined) env.node.start = start;
  });
}

/** A number literal as written in a scheme: `95%`, `1‰`, `0.3`. */
export function parseQuantity(raw: string | number): Rational | undefined {
  if (typeof raw === 'number') return Number.isFinite(raw) ? Rational.fromNumber(raw) : undefined;
  const t = raw.trim();
  const suffix = t.endsWith('%') ? 100n : t.endsWith('‰') ? 1000n : 1n;
  const r = Rational.parse(suffix === 1n ? t : t.slice(0, -1).trim());
  return r && r.div(Rational.of(suffix));
}

/** Limits that keep parsing and evaluation far from the stack's end. */
export const MAX_FORMULA_LENGTH = 2000;
export const MAX_FORMULA_DEPTH = 200;

const tooLong = (): FormulaError => formulaError(formulaReason('formula/too-long', { max: MAX_FORMULA_LENGTH }), 0);
const tooDeep = (): FormulaError => formulaError(formulaReason('formula/too-deep', { max: MAX_FORMULA_DEPTH }), 0);

/** Deepest bracket nesting in the text. */
function bracketDepth(source: string): number {
  let depth = 0;
  let max = 0;
  for (const c of source) {
    if (c === '(' || c === '[') max = Math.max(max, ++depth);
    else if (c === ')' || c === ']') depth--;
  }
  return max;
}

export function parseFormula(source: string): { formula: Formula } | { error: FormulaError } {
  configure();
  if (source.length > MAX_FORMULA_LENGTH) return { error: tooLong() };
  if (bracketDepth(source) > MAX_FORMULA_DEPTH) return { error: tooDeep() };
  let tree: JsepNode;
  tokenStarts.length = 0;
  try {
    tree = jsep(source);
  } catch (e) {
    if (e instanceof RangeError) return { error: tooDeep() };
    const err = e as { description?: string; index?: number; message?: string };
    const text = err.description ?? err.message ?? String(e);
    return { error: formulaError(formulaReason('formula/parser', { said: text }), err.index ?? 0) };
  }
  const refs: string[] = [];
  try {
    const ast = convert(tree, source, refs, 1);
    return { formula: { source, ast, refs } };
  } catch (e) {
    if (e instanceof Rejected) return { error: formulaError(e.reason, e.index) };
    if (e instanceof RangeError) return { error: tooDeep() };
    throw e;
  }
}

class Rejected extends Error {
  constructor(
    readonly reason: FormulaReason,
    readonly index: number,
  ) {
    super(reason.code);
  }
}

function convert(n: JsepNode, src: string, refs: string[], depth: number): Node {
  const node = convertNode(n, src, refs, depth);
  const start = typeof n.start === 'number' ? n.start : node.k === 'bin' ? node.a.at : undefined;
  if (start !== undefined) node.at = start;
  return node;
}

function convertNode(n: JsepNode, src: string, refs: string[], depth: number): Node {
  if (depth > MAX_FORMULA_DEPTH) throw new Rejected(tooDeep().reason, 0);
  const go = (c: unknown) => convert(c as JsepNode, src, refs, depth + 1);
  switch (n.type) {
    case 'Literal': {
      if (typeof n.value === 'boolean') return { k: 'bool', v: n.value };
      const v = typeof n.value === 'string' && n.raw === n.value ? parseQuantity(n.value) : undefined;
      if (!v) {
        throw new Rejected(formulaReason('formula/not-number', { raw: String(n.raw) }), locate(src, String(n.raw)));
      }
      return { k: 'num', v, raw: n.value as string };
    }
    case 'Identifier': {
      const name = n.name as string;
      if (!refs.includes(name)) refs.push(name);
      return { k: 'ref', name };
    }
    case 'UnaryExpression': {
      const a = go(n.argument);
      if (n.operator === '-') return { k: 'neg', a };
      if (n.operator === '+') return a;
      return { k: 'not', a };
    }
    case 'BinaryExpression': {
      const op = BIN_OPS[n.operator as string];
      if (!op) throw new Rejected(formulaReason('formula/operator', { op: String(n.operator) }), locate(src, String(n.operator)));
      return { k: 'bin', op, a: go(n.left), b: go(n.right) };
    }
    case 'CallExpression': {
      const callee = n.callee as JsepNode;
      const name = callee.type === 'Identifier' ? (callee.name as string) : '';
      if (!Object.hasOwn(FUNCTIONS, name)) {
        throw new Rejected(formulaReason('formula/unknown-function', { name, allowed: Object.keys(FUNCTIONS) }), name ? locate(src, name) : 0);
      }
      const fn = name as FnName;
      const args = (n.arguments as JsepNode[]).map(go);
      const [lo, hi] = FUNCTIONS[fn];
      if (args.length < lo || args.length > hi) {
        throw new Rejected(formulaReason('formula/arity', { fn, min: lo, max: hi, got: args.length }), locate(src, fn));
      }
      return { k: 'call', fn, args };
    }
    case 'MemberExpression':
      throw new Rejected(formulaReason('formula/member', {}), locate(src, '.', '['));
    case 'Compound':
      throw new Rejected(formulaReason('formula/compound', {}), compoundIndex(n, src));
    default:
      throw new Rejected(formulaReason('formula/node-type', { type: n.type }), 0);
  }
}

function locate(src: string, ...needles: string[]): number {
  const found = needles.map((s) => src.indexOf(s)).filter((i) => i >= 0);
  return found.length ? Math.min(...found) : 0;
}

function compoundIndex(n: JsepNode, src: string): number {
  const second = (n.body as JsepNode[])[1];
  if (second && typeof second.start === 'number') return second.start;
  if (second?.type === 'Identifier') return src.lastIndexOf(second.name as string);
  return 0;
}

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
    case '+': return a.add(b);
    case '-': return a.sub(b);
    case '*': return a.mul(b);
    case '/': return a.div(b);
    case '<': return a.lt(b);
    case '<=': return a.le(b);
    case '>': return a.gt(b);
    case '>=': return a.ge(b);
    case '==': return a.eq(b);
    case '!=': return !a.eq(b);
  }
}

function call(fn: FnName, args: Node[], env: Env): Value {
  if (fn === 'if') {
    const c = truthy(evaluate(args[0]!, env));
    return c === undefined ? undefined : evaluate(c ? args[1]! : args[2]!, env);
  }
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
    case 'count': return Rational.int(truths);
    case 'min':
    case 'max': return acc;
    case 'abs': return acc!.abs();
    case 'round': {
      // Digits: a whole number 0..12; anything else is undefined (no huge powers of ten).
      if (!digits.isInteger() || digits.sign() < 0 || digits.gt(Rational.int(MAX_ROUND_DIGITS))) return undefined;
      return acc!.round(digits.toNumber(0));
    }
  }
}

const PREC: Record<BinOp, number> = {
  or: 1, and: 2, '==': 6, '!=': 6, '<': 7, '<=': 7, '>': 7, '>=': 7, '+': 9, '-': 9, '*': 10, '/': 10,
};

/** Prints a formula with each name replaced by `show(name)`: the formula "with the numbers put in". */
export function render(node: Node, show: (name: string) => string, parent = 0, right = false): string {
  switch (node.k) {
    case 'num': return node.raw;
    case 'bool': return String(node.v);
    case 'ref': return show(node.name);
    case 'neg': return `-${render(node.a, show, 11)}`;
    case 'not': return `not ${render(node.a, show, 11)}`;
    case 'call': return `${node.fn}(${node.args.map((a) => render(a, show)).join(', ')})`;
    case 'bin': {
      const p = PREC[node.op];
      const text = `${render(node.a, show, p)} ${node.op} ${render(node.b, show, p, true)}`;
      return p < parent || (right && p === parent) ? `(${text})` : text;
    }
  }
}
