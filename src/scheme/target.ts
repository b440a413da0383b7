/**
 * Targets: `>= 95%`, `<= 5%`, `> x`, `== 0`, `between 103 and 107`, or a boolean
 * formula (`fp_growth > revenue_growth`). A comparison's right-hand side is itself a
 * formula, so params may be used (`>= funds_target`).
 */
import { formulaReason } from '../messages/scheme-formula';
import { formulaError, parseFormula, type Formula, type FormulaError } from './formula';

export type CmpOp = '>=' | '<=' | '>' | '<' | '==' | '!=';

export type Target =
  | { kind: 'cmp'; op: CmpOp; rhs: Formula; text: string }
  | { kind: 'between'; lo: Formula; hi: Formula; text: string }
  | { kind: 'formula'; f: Formula; text: string };

/** How an item's value is shown, inferred from how its target is written. */
export type Display = 'percent' | 'permille' | 'number' | 'boolean';

const CMP = /^(\s*)(>=|<=|==|!=|≥|≤|>|<|=)(\s*)/;
const BETWEEN = /^(\s*between\s+)(.+?)(\s+and\s+)(.+)$/i;

/** The formulas a target holds: a comparison's right-hand side, `between`'s two ends, or the boolean formula. */
export function targetFormulas(target: Target | undefined): Formula[] {
  if (!target) return [];
  if (target.kind === 'cmp') return [target.rhs];
  if (target.kind === 'between') return [target.lo, target.hi];
  return [target.f];
}

export function parseTarget(text: string): { target: Target } | { error: FormulaError } {
  const sub = (src: string, offset: number) => {
    const r = parseFormula(src);
    return 'error' in r ? { error: formulaError(r.error.reason, r.error.index + offset) } : r;
  };
  const b = BETWEEN.exec(text);
  if (b) {
    const lo = sub(b[2]!, b[1]!.length);
    if ('error' in lo) return lo;
    const hi = sub(b[4]!, b[1]!.length + b[2]!.length + b[3]!.length);
    if ('error' in hi) return hi;
    return { target: { kind: 'between', lo: lo.formula, hi: hi.formula, text } };
  }
  const c = CMP.exec(text);
  if (c) {
    const offset = c[0].length;
    if (offset === text.length) {
      return { error: formulaError(formulaReason('formula/cmp-no-value', {}), offset) };
    }
    const rhs = sub(text.slice(offset), offset);
    if ('error' in rhs) return rhs;
    const op = ({ '≥': '>=', '≤': '<=', '=': '==' } as Record<string, CmpOp>)[c[2]!] ?? (c[2] as CmpOp);
    return { target: { kind: 'cmp', op, rhs: rhs.formula, text } };
  }
  const f = sub(text, 0);
  return 'error' in f ? f : { target: { kind: 'formula', f: f.formula, text } };
}

/**
 * `paramText` gives how a param's value was written, so `>= line` with
 * `line: 95%` shows values as percentages too.
 */
export function displayOf(
  target: Target | undefined,
  paramText: (id: string) => string | undefined = () => undefined,
): Display {
  if (!target) return 'number';
  if (target.kind === 'formula') return 'boolean';
  const refs = targetFormulas(target).flatMap((f) => f.refs);
  const text = [target.text, ...refs.map((r) => paramText(r) ?? '')].join(' ');
  return text.includes('%') ? 'percent' : text.includes('‰') ? 'permille' : 'number';
}
