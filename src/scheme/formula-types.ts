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
  if (n.k !== 'bin' || n.op !== '/' || hasRef(n.b)) return false;
  const d = evaluate(n.b, () => undefined);
  return d !== undefined && typeof d !== 'boolean' && d.isZero();
}

function hasRef(n: Node): boolean {
  switch (n.k) {
    case 'ref':
      return true;
    case 'num':
    case 'bool':
      return false;
    case 'neg':
    case 'not':
      return hasRef(n.a);
    case 'bin':
      return hasRef(n.a) || hasRef(n.b);
    case 'call':
      return n.args.some(hasRef);
  }
}

/** The kind of `node` and every mismatch inside it, outermost last. */
export function checkKinds(node: Node, refKind: (name: string) => Kind): { kind: Kind; findings: KindFinding[] } {
  const findings: KindFinding[] = [];
  const at = (n: Node) => n.at ?? 0;
  /** `n` must be of kind `want` as an operand of `what`. */
  const need = (n: Node, want: 'number' | 'boolean', of: Operand): void => {
    const k = kind(n);
    if (k === 'any' || k === want) return;
    const shown = text(n);
    findings.push({
      index: at(n),
      message: message('scheme/formula-type', {
        kind: want === 'number' ? 'needs-number' : 'needs-boolean',
        of,
        shown,
      }),
    });
  };
  const kind = (n: Node): Kind => {
    switch (n.k) {
      case 'num':
        return 'number';
      case 'bool':
        return 'boolean';
      case 'ref':
        return refKind(n.name);
      case 'neg':
        need(n.a, 'number', { k: 'op', op: '-' });
        return 'number';
      case 'not':
        need(n.a, 'boolean', { k: 'op', op: 'not' });
        return 'boolean';
      case 'bin': {
        const op: Operand = { k: 'op', op: n.op };
        if (ARITH.has(n.op)) {
          need(n.a, 'number', op);
          need(n.b, 'number', op);
          return isNoValue(n) ? 'any' : 'number';
        }
        if (ORDER.has(n.op)) {
          need(n.a, 'number', op);
          need(n.b, 'number', op);
          return 'boolean';
        }
        if (n.op === 'and' || n.op === 'or') {
          need(n.a, 'boolean', op);
          need(n.b, 'boolean', op);
          return 'boolean';
        }
        // == and !=: two numbers or two yes/no values.
        const a = kind(n.a);
        const b = kind(n.b);
        if (a !== 'any' && b !== 'any' && a !== b) {
          findings.push({
            index: at(n.b),
            message: message('scheme/formula-type', {
              kind: 'compare',
              op: n.op,
              a: text(n.a),
              aKind: known(a),
              b: text(n.b),
              bKind: known(b),
            }),
          });
        }
        return 'boolean';
      }
      case 'call': {
        const fn: Operand = { k: 'fn', fn: n.fn };
        if (n.fn === 'if') {
          const [c, x, y] = n.args as [Node, Node, Node];
          need(c, 'boolean', { k: 'if' });
          const a = kind(x);
          const b = kind(y);
          if (a === 'any') return b;
          if (b === 'any' || a === b) return a;
          findings.push({
            index: at(y),
            message: message('scheme/formula-type', {
              kind: 'if-branches',
              a: text(x),
              aKind: known(a),
              b: text(y),
              bKind: known(b),
            }),
          });
          return 'any';
        }
        const want = n.fn === 'count' ? 'boolean' : 'number';
        for (const a of n.args) need(a, want, fn);
        return 'number';
      }
    }
  };
  return { kind: kind(node), findings };
}

/** The kind alone (mismatches inside count as reported: `any` where they make it unknown). */
export function kindOf(node: Node, refKind: (name: string) => Kind): Kind {
  return checkKinds(node, refKind).kind;
}
