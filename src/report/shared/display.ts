/** Numbers as people read them; rounding happens here and only here. */
import { Rational } from '../../rational';
import { evaluate, render, type Env } from '../../scheme/formula';
import type { Display, Target } from '../../scheme/target';

/** Thousands separators for numbers of five digits or more (linear, whatever the length). */
function group(s: string): string {
  const [int, frac] = s.split('.');
  const neg = int!.startsWith('-');
  const digits = neg ? int!.slice(1) : int!;
  let grouped = digits;
  if (digits.length > 4) {
    const head = digits.length % 3 || 3;
    const parts = [digits.slice(0, head)];
    for (let i = head; i < digits.length; i += 3) parts.push(digits.slice(i, i + 3));
    grouped = parts.join(',');
  }
  return `${neg ? '-' : ''}${grouped}${frac ? `.${frac}` : ''}`;
}

/** The number a display shows, as a value in the item's own unit (0.95 for "95%"). */
export function shownValue(v: Rational, display: Display, digits = 2): Rational {
  const scale = display === 'percent' ? Rational.HUNDRED : display === 'permille' ? Rational.int(1000) : Rational.ONE;
  return v.mul(scale).round(digits).div(scale)!;
}

export function showValue(v: Rational | boolean | undefined, display: Display, digits = 2): string {
  if (v === undefined) return '—';
  if (typeof v === 'boolean') return v ? '✓' : '✗';
  switch (display) {
    case 'percent':
      return `${v.mul(Rational.HUNDRED).toDecimal(digits)}%`;
    case 'permille':
      return `${v.mul(Rational.int(1000)).toDecimal(digits)}‰`;
    default:
      return group(v.toDecimal(digits));
  }
}

/** Points: at most two decimals, e.g. `0.9`, `12`, `86.55`. */
export const showPoints = (p: Rational): string => p.toDecimal(2);

/** A raw field value in a formula with the numbers put in. */
export const showRaw = (v: Rational | boolean | undefined, percent = false): string =>
  v === undefined
    ? '?'
    : typeof v === 'boolean'
      ? v
        ? '✓'
        : '✗'
      : percent
        ? showValue(v, 'percent')
        : group(v.toDecimal(4));

/** A target as people read it: params put in, fields named by their labels. */
export function showTarget(t: Target, display: Display, env: Env, label: (id: string) => string): string {
  const side = (f: { ast: Parameters<typeof evaluate>[0] }) => {
    const v = evaluate(f.ast, env);
    return v === undefined || typeof v === 'boolean' ? render(f.ast, label) : showValue(v, display);
  };
  if (t.kind === 'between') return `${side(t.lo)} – ${side(t.hi)}`;
  if (t.kind === 'cmp') return `${t.op} ${side(t.rhs)}`;
  return render(t.f.ast, label);
}
