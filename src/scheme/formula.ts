/**
 * The formula language: parsed by jsep, converted into a small whitelisted tree and
 * evaluated on exact rationals (./formula-eval.ts). There is no eval, no Function and no property
 * access: member expressions, `this`, arrays, strings and unknown functions are
 * rejected at parse time; names are looked up through a caller-supplied function
 * (backed by a Map), so `constructor` or `__proto__` can only ever be plain names.
 */
import jsepImport from 'jsep';
import { Rational } from '../rational';
import type { Msg } from '../diagnostics';
import { both } from '../messages/catalog';
import { formulaReason, type FormulaReason } from '../messages/scheme-formula';
import { namesIn } from './formula-walk';

export type Value = Rational | boolean | undefined;

export type BinOp = '+' | '-' | '*' | '/' | '<' | '<=' | '>' | '>=' | '==' | '!=' | 'and' | 'or';
export type FnName = 'min' | 'max' | 'abs' | 'round' | 'if' | 'count' | RelativeFn;
/** The functions of relative scoring (./formula-relative.ts). */
type RelativeFn = 'peer_mean' | 'peer_best' | 'peer_worst' | 'peer_rank' | 'peer_count' | 'value' | 'last_year';

/** `at`: 0-based offset in the formula text where the expression starts (for findings). */
export type Node = (
  | { k: 'num'; v: Rational; raw: string }
  | { k: 'bool'; v: boolean }
  | { k: 'ref'; name: string }
  | { k: 'neg'; a: Node }
  | { k: 'not'; a: Node }
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
  peer_mean: [0, 1],
  peer_best: [0, 1],
  peer_worst: [0, 1],
  peer_rank: [0, 1],
  peer_count: [0, 1],
  value: [0, 0],
  last_year: [1, 1],
};
const BIN_OPS: Record<string, BinOp> = {
  '+': '+',
  '-': '-',
  '*': '*',
  '/': '/',
  '<': '<',
  '<=': '<=',
  '>': '>',
  '>=': '>=',
  '==': '==',
  '!=': '!=',
  and: 'and',
  or: 'or',
  '&&': 'and',
  '||': 'or',
};

type JsepNode = { type: string; [k: string]: unknown };
type Jsep = typeof jsepImport;
/** jsep as imported: its function, or (some CommonJS loaders) a module object holding it as `default`. */
const jsep: Jsep = (jsepImport as Jsep & { default?: Jsep }).default ?? jsepImport;

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
    ['or', 1],
    ['||', 1],
    ['and', 2],
    ['&&', 2],
    ['==', 6],
    ['!=', 6],
    ['<', 7],
    ['>', 7],
    ['<=', 7],
    ['>=', 7],
    ['+', 9],
    ['-', 9],
    ['*', 10],
    ['/', 10],
  ];
  for (const [op, prec] of binary) jsep.addBinaryOp(op, prec);
  for (const op of ['-', '+', 'not', '!']) jsep.addUnaryOp(op);
  jsep.addLiteral('true', true);
  jsep.addLiteral('false', false);
  // Numbers are read here, exactly as written, with an optional % or ‰ suffix.
  jsep.hooks.add('gobble-token', function (env) {
    tokenStarts.push(this.index);
    const e = this.expr;
    const start = this.index;
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
  jsep.hooks.add('after-token', function (env) {
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
  try {
    const ast = convert(tree, source, 1);
    return { formula: { source, ast, refs: namesIn(ast) } };
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

function convert(n: JsepNode, src: string, depth: number): Node {
  const node = convertNode(n, src, depth);
  const start = typeof n.start === 'number' ? n.start : node.k === 'bin' ? node.a.at : undefined;
  if (start !== undefined) node.at = start;
  return node;
}

function convertNode(n: JsepNode, src: string, depth: number): Node {
  if (depth > MAX_FORMULA_DEPTH) throw new Rejected(tooDeep().reason, 0);
  const go = (c: unknown) => convert(c as JsepNode, src, depth + 1);
  switch (n.type) {
    case 'Literal': {
      if (typeof n.value === 'boolean') return { k: 'bool', v: n.value };
      const v = typeof n.value === 'string' && n.raw === n.value ? parseQuantity(n.value) : undefined;
      if (!v) {
        throw new Rejected(formulaReason('formula/not-number', { raw: String(n.raw) }), locate(src, String(n.raw)));
      }
      return { k: 'num', v, raw: n.value as string };
    }
    case 'Identifier':
      return { k: 'ref', name: n.name as string };
    case 'UnaryExpression': {
      const a = go(n.argument);
      if (n.operator === '-') return { k: 'neg', a };
      if (n.operator === '+') return a;
      return { k: 'not', a };
    }
    case 'BinaryExpression': {
      const op = BIN_OPS[n.operator as string];
      if (!op)
        throw new Rejected(
          formulaReason('formula/operator', { op: String(n.operator) }),
          locate(src, String(n.operator)),
        );
      return { k: 'bin', op, a: go(n.left), b: go(n.right) };
    }
    case 'CallExpression': {
      const callee = n.callee as JsepNode;
      const name = callee.type === 'Identifier' ? (callee.name as string) : '';
      if (!Object.hasOwn(FUNCTIONS, name)) {
        throw new Rejected(
          formulaReason('formula/unknown-function', { name, allowed: Object.keys(FUNCTIONS) }),
          name ? locate(src, name) : 0,
        );
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

export { evaluate, render, MAX_ROUND_DIGITS, type Env } from './formula-eval';
