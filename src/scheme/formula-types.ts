/**
 * Static kinds of formulas, inferred bottom-up for lint: every operand of every
 * operator and every branch of `if()` is checked, and a mismatch is reported at the
 * offset of the expression that does not fit (file:line:col through the caller).
 *
 * - numbers: literals, number fields, params, arithmetic, min/max/abs/round/count;
 * - yes/no: true/false, boolean fields, comparisons, and/or/not;
 * - `x / 0` with a literal zero is "no value" (not applicable) and fits either kind,
 *   so `if(is_farm, 1/0, ok)` is yes/no and `if(is_farm, 1/0, rate)` a number;
 * - `any`: an unknown name (reported elsewhere) or an expression already reported.
 */
import { message, type Message } from '../messages/codes';
import type { FormulaKind, Operand } from '../messages/scheme-formula';
import { evaluate, render, type Node } from './formula';
import { isLookupFn } from './formula-relative';
import { someNode, visit, type NodeOf, type Visitor } from './formula-walk';

export type Kind = 'number' | 'boolean' | 'any';

export interface KindFinding {
  /** A `scheme/formula-type` message. */
  message: Message;
  /** 0-based offset in the formula text. */
  index: number;
}

const ARITH = new Set(['+', '-', '*', '/']);
const ORDER = new Set(['<', '<=', '>', '>=']);

const text = (n: Node): string => render(n, (name) => name);
/** A kind that is not `any` (a mismatch is only said between known kinds). */
const known = (k: Kind): FormulaKind => (k === 'boolean' ? 'boolean' : 'number');

/** `x / 0`: a division by a literal zero, the scheme's way of writing "no value here". */
export function isNoValue(n: Node): boolean {
  if (n.k !== 'bin' || n.op !== '/' || someNode(n.b, (x) => x.k === 'ref')) return false;
  const d = evaluate(n.b, () => undefined);
  return d !== undefined && typeof d !== 'boolean' && d.isZero();
}

/** What the rules for each kind of node use: the kinds of operands, and where to say a mismatch. */
interface Checker {
  kind(n: Node): Kind;
  /** `n` must be of kind `want` as an operand of `of`. */
  need(n: Node, want: FormulaKind, of: Operand): void;
  mismatch(at: Node, m: Message): void;
  refKind(name: string): Kind;
}

/** The kind of each kind of node, after checking its operands. */
function kindRules(c: Checker): Visitor<Kind> {
  return {
    num: () => 'number',
    bool: () => 'boolean',
    ref: (n) => c.refKind(n.name),
    neg: (n) => (c.need(n.a, 'number', { k: 'op', op: '-' }), 'number'),
    not: (n) => (c.need(n.a, 'boolean', { k: 'op', op: 'not' }), 'boolean'),
    bin: (n) => binaryKind(n, c),
    call: (n) => (n.fn === 'if' ? ifKind(n, c) : callKind(n, c)),
  };
}

/** Arithmetic and order need numbers, and/or yes/no values; == and != two of a kind. */
function binaryKind(n: NodeOf<'bin'>, c: Checker): Kind {
  const op: Operand = { k: 'op', op: n.op };
  const operands = (want: FormulaKind) => {
    c.need(n.a, want, op);
    c.need(n.b, want, op);
  };
  if (ARITH.has(n.op)) {
    operands('number');
    return isNoValue(n) ? 'any' : 'number';
  }
  if (ORDER.has(n.op)) {
    operands('number');
    return 'boolean';
  }
  if (n.op === 'and' || n.op === 'or') {
    operands('boolean');
    return 'boolean';
  }
  return equalityKind(n, c);
}

/** == and !=: two numbers or two yes/no values. */
function equalityKind(n: NodeOf<'bin'>, c: Checker): Kind {
  const a = c.kind(n.a);
  const b = c.kind(n.b);
  if (a !== 'any' && b !== 'any' && a !== b) {
    c.mismatch(
      n.b,
      message('scheme/formula-type', {
        kind: 'compare',
        op: n.op,
        a: text(n.a),
        aKind: known(a),
        b: text(n.b),
        bKind: known(b),
      }),
    );
  }
  return 'boolean';
}

/** `if(c, x, y)`: a yes/no condition, and two branches of one kind (either may be "no value"). */
function ifKind(n: NodeOf<'call'>, c: Checker): Kind {
  const [cond, x, y] = n.args as [Node, Node, Node];
  c.need(cond, 'boolean', { k: 'if' });
  const a = c.kind(x);
  const b = c.kind(y);
  if (a === 'any') return b;
  if (b === 'any' || a === b) return a;
  c.mismatch(
    y,
    message('scheme/formula-type', { kind: 'if-branches', a: text(x), aKind: known(a), b: text(y), bKind: known(b) }),
  );
  return 'any';
}

/** count() counts yes/no values; min, max, abs and round take numbers. */
function callKind(n: NodeOf<'call'>, c: Checker): Kind {
  // Peer values and value() are numbers; last_year(x) is of x's kind.
  if (isLookupFn(n.fn)) return 'number';
  if (n.fn === 'last_year') return c.kind(n.args[0]!);
  const want = n.fn === 'count' ? 'boolean' : 'number';
  for (const a of n.args) c.need(a, want, { k: 'fn', fn: n.fn });
  return 'number';
}

/** The kind of `node` and every mismatch inside it, outermost last. */
export function checkKinds(node: Node, refKind: (name: string) => Kind): { kind: Kind; findings: KindFinding[] } {
  const findings: KindFinding[] = [];
  const mismatch = (at: Node, m: Message) => void findings.push({ index: at.at ?? 0, message: m });
  const checker: Checker = {
    kind: (n) => visit(n, rules),
    need(n, want, of) {
      const k = checker.kind(n);
      if (k === 'any' || k === want) return;
      const kind = want === 'number' ? 'needs-number' : 'needs-boolean';
      mismatch(n, message('scheme/formula-type', { kind, of, shown: text(n) }));
    },
    mismatch,
    refKind,
  };
  const rules = kindRules(checker);
  return { kind: checker.kind(node), findings };
}

/** The kind alone (mismatches inside count as reported: `any` where they make it unknown). */
export function kindOf(node: Node, refKind: (name: string) => Kind): Kind {
  return checkKinds(node, refKind).kind;
}
