/**
 * A static look at how a formula moves as one field (the remedy's lever) grows, and
 * where abs() and if() inside it turn: what lets the remedy search (remedy.ts) try
 * the far end of a direction first and cut the formula into monotone pieces.
 */
import { Rational } from '../rational';
import { evaluate, type Env, type Node } from '../scheme/formula';

/**
 * The abs() and if() inside `node` whose argument (condition) is monotone in the
 * lever and has no abs() or if() itself: for each, a test that changes value at most
 * once as the lever moves one way (argument ≥ 0; condition true).
 */
export function switches(node: Node, mono: (n: Node) => Mono): ((env: Env) => boolean | undefined)[] {
  const found: ((env: Env) => boolean | undefined)[] = [];
  const walk = (n: Node): void => {
    if (n.k === 'call') {
      const arg = n.args[0]!;
      if ((n.fn === 'abs' || n.fn === 'if') && plain(arg) && mono(arg)) {
        found.push((env) => {
          const v = evaluate(arg, env);
          return v === undefined
            ? undefined
            : typeof v === 'boolean'
              ? v
              : n.fn === 'abs'
                ? v.sign() >= 0
                : !v.isZero();
        });
      }
      n.args.forEach(walk);
    } else if (n.k === 'bin') {
      walk(n.a);
      walk(n.b);
    } else if (n.k === 'neg' || n.k === 'not') walk(n.a);
  };
  walk(node);
  return found;
}

/** Without abs() or if() inside. */
const plain = (n: Node): boolean =>
  n.k === 'call'
    ? n.fn !== 'abs' && n.fn !== 'if' && n.args.every(plain)
    : n.k === 'bin'
      ? plain(n.a) && plain(n.b)
      : n.k === 'neg' || n.k === 'not'
        ? plain(n.a)
        : true;

/** How an expression moves as the lever grows: 1 up, −1 down, 0 not at all, undefined unknown. */
export type Mono = -1 | 0 | 1 | undefined;

const flip = (m: Mono): Mono => (m === undefined ? undefined : m === 0 ? 0 : m === 1 ? -1 : 1);
const join = (a: Mono, b: Mono): Mono =>
  a === undefined || b === undefined ? undefined : a === 0 ? b : b === 0 || a === b ? a : undefined;
const times = (m: Mono, sign: -1 | 0 | 1 | undefined): Mono =>
  sign === undefined ? undefined : sign === 0 ? 0 : sign === 1 ? m : flip(m);
const BOOLEAN_OPS = new Set(['<', '<=', '>', '>=', '==', '!=', 'and', 'or']);

/**
 * A static look at whether `node` is monotone in the lever, on exact rules only:
 * sums, differences, products and quotients by constants, min, max, round,
 * comparisons, and/or/not. `c / lever` counts when the lever cannot go below zero.
 * abs() and if() are read as they stand at `env`: right only between the cuts of
 * `switches`, which is where it is used. Anything else (lever × lever, lever on both
 * sides of a quotient, == on the lever) is unknown.
 */
export function monotone(node: Node, lever: string, env: Env, nonNegative: boolean): Mono {
  switch (node.k) {
    case 'num':
    case 'bool':
      return 0;
    case 'ref':
      return node.name === lever ? 1 : 0;
    case 'neg':
    case 'not':
      return flip(monotone(node.a, lever, env, nonNegative));
    case 'bin':
      return binaryMono(node, lever, env, nonNegative);
    case 'call':
      return callMono(node, lever, env, nonNegative);
  }
}

type Bin = Extract<Node, { k: 'bin' }>;
type Call = Extract<Node, { k: 'call' }>;

/** The sign of an expression at `env` (a yes/no as 1 or 0), undefined when it has no value. */
function signAt(n: Node, env: Env): -1 | 0 | 1 | undefined {
  const v = evaluate(n, env);
  return v === undefined ? undefined : typeof v === 'boolean' ? (v ? 1 : 0) : v.sign();
}

/** Sums, differences, comparisons, and/or; products and quotients when one side does not move. */
function binaryMono(node: Bin, lever: string, env: Env, nonNegative: boolean): Mono {
  const a = monotone(node.a, lever, env, nonNegative);
  const b = monotone(node.b, lever, env, nonNegative);
  switch (node.op) {
    case '+':
    case 'and':
    case 'or':
      return join(a, b);
    case '-':
    case '>':
    case '>=':
      return join(a, flip(b));
    case '<':
    case '<=':
      return join(flip(a), b);
    case '==':
    case '!=':
      return a === 0 && b === 0 ? 0 : undefined;
    case '*':
      return a === 0 ? times(b, signAt(node.a, env)) : b === 0 ? times(a, signAt(node.b, env)) : undefined;
    case '/': {
      if (b === 0) {
        const sb = signAt(node.b, env);
        return sb === 0 ? undefined : times(a, sb);
      }
      // c / lever: no pole inside the range when the lever stays ≥ 0.
      if (a === 0 && nonNegative && node.b.k === 'ref' && node.b.name === lever) return times(-1, signAt(node.a, env));
      return undefined;
    }
  }
}

/** min, max, round, count; abs() and if() as they stand at `env`. */
function callMono(node: Call, lever: string, env: Env, nonNegative: boolean): Mono {
  const args = node.args.map((a) => monotone(a, lever, env, nonNegative));
  switch (node.fn) {
    case 'min':
    case 'max':
      return args.reduce(join);
    case 'round':
      return args[1] === undefined || args[1] === 0 ? args[0] : undefined;
    case 'abs': {
      // Monotone where its argument keeps its sign (between the cuts of `switches`).
      const v =
        args[0] === undefined || args[0] === 0 || !plain(node.args[0]!) ? undefined : evaluate(node.args[0]!, env);
      return args[0] === 0 ? 0 : v instanceof Rational ? times(args[0], v.sign() >= 0 ? 1 : -1) : undefined;
    }
    case 'if': {
      // The branch taken here (constant between the cuts of `switches`).
      if (args[0] === undefined || (args[0] !== 0 && !plain(node.args[0]!))) return undefined;
      const c = evaluate(node.args[0]!, env);
      if (c === undefined) return undefined;
      return (typeof c === 'boolean' ? c : !c.isZero()) ? args[1] : args[2];
    }
    case 'count':
      // count() of yes/no tests moves with them; of numbers (non-zero or not) it need not.
      return node.args
        .map((a, i): Mono =>
          args[i] === 0 ? 0 : (a.k === 'bin' && BOOLEAN_OPS.has(a.op)) || a.k === 'not' ? args[i] : undefined,
        )
        .reduce(join);
  }
}
