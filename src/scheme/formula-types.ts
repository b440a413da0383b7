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
import { msg, type Msg } from '../diagnostics';
import { evaluate, render, type Node } from './formula';

export type Kind = 'number' | 'boolean' | 'any';

export interface KindFinding {
  message: Msg;
  /** 0-based offset in the formula text. */
  index: number;
}

const ARITH = new Set(['+', '-', '*', '/']);
const ORDER = new Set(['<', '<=', '>', '>=']);

const text = (n: Node): string => render(n, (name) => name);
const word = (k: Kind): Msg => (k === 'boolean' ? msg('yes/no', '“是/否”') : msg('a number', '数值'));

/** `x / 0`: a division by a literal zero, the scheme's way of writing "no value here". */
export function isNoValue(n: Node): boolean {
  if (n.k !== 'bin' || n.op !== '/' || hasRef(n.b)) return false;
  const d = evaluate(n.b, () => undefined);
  return d !== undefined && typeof d !== 'boolean' && d.isZero();
}

function hasRef(n: Node): boolean {
  switch (n.k) {
    case 'ref': return true;
    case 'num': case 'bool': return false;
    case 'neg': case 'not': return hasRef(n.a);
    case 'bin': return hasRef(n.a) || hasRef(n.b);
    case 'call': return n.args.some(hasRef);
  }
}

/** The kind of `node` and every mismatch inside it, outermost last. */
export function checkKinds(node: Node, refKind: (name: string) => Kind): { kind: Kind; findings: KindFinding[] } {
  const findings: KindFinding[] = [];
  const at = (n: Node) => n.at ?? 0;
  /** `n` must be of kind `want` as an operand of `what`. */
  const need = (n: Node, want: 'number' | 'boolean', what: Msg): void => {
    const k = kind(n);
    if (k === 'any' || k === want) return;
    const shown = text(n);
    findings.push({
      index: at(n),
      message:
        want === 'number'
          ? msg(`${what.en} needs a number, but "${shown}" is yes/no; compare it or write if(${shown}, 1, 0)`, `${what.zh}需要数值，而“${shown}”是“是/否”；请改为比较式，或写成 if(${shown}, 1, 0)`)
          : msg(`${what.en} needs yes/no (a comparison such as x > 0), but "${shown}" is a number`, `${what.zh}需要“是/否”（比较式，如 x > 0），而“${shown}”是数值`),
    });
  };
  const kind = (n: Node): Kind => {
    switch (n.k) {
      case 'num': return 'number';
      case 'bool': return 'boolean';
      case 'ref': return refKind(n.name);
      case 'neg':
        need(n.a, 'number', msg('"-"', '“-”'));
        return 'number';
      case 'not':
        need(n.a, 'boolean', msg('"not"', '“not”'));
        return 'boolean';
      case 'bin': {
        const op = msg(`"${n.op}"`, `“${n.op}”`);
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
            message: msg(`"${n.op}" compares two numbers or two yes/no values, but "${text(n.a)}" is ${word(a).en} and "${text(n.b)}" is ${word(b).en}`, `“${n.op}”只能比较两个数值或两个“是/否”值，而“${text(n.a)}”是${word(a).zh}，“${text(n.b)}”是${word(b).zh}`),
          });
        }
        return 'boolean';
      }
      case 'call': {
        const fn = msg(`${n.fn}()`, `${n.fn}()`);
        if (n.fn === 'if') {
          const [c, x, y] = n.args as [Node, Node, Node];
          need(c, 'boolean', msg('the condition of if()', 'if() 的条件'));
          const a = kind(x);
          const b = kind(y);
          if (a === 'any') return b;
          if (b === 'any' || a === b) return a;
          findings.push({
            index: at(y),
            message: msg(
              `the two results of if() must be of one kind, but "${text(x)}" is ${word(a).en} and "${text(y)}" is ${word(b).en}; write the yes/no one as if(…, 1, 0) or compare the number (… == 1); 1/0 (no value) fits either`,
              `if() 的两个结果必须同类，而“${text(x)}”是${word(a).zh}，“${text(y)}”是${word(b).zh}；请把“是/否”的一个写成 if(…, 1, 0)，或把数值写成比较式（… == 1）；1/0（无值）两类都适用`,
            ),
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
