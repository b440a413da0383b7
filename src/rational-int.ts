/**
 * Integer arithmetic under Rational (rational.ts): on safe integers, with the checks
 * that keep it exact, and on BigInt where a value is beyond 2^53.
 */
export const MAX = Number.MAX_SAFE_INTEGER;
export const BIG_SAFE = BigInt(MAX);
/** Powers of ten that are safe integers: 10^0 … 10^15. */
export const POW10 = Array.from({ length: 16 }, (_, i) => 10 ** i);

/** An integer-valued result of +, −, × on safe integers is exact when it is within ±(2^53 − 1). */
export const safe = (x: number): boolean => x <= MAX && x >= -MAX;

/** Greatest common divisor of safe integers a ≥ 0, b > 0 (on int32 when both fit: a machine division, not fmod). */
export function gcdNum(a: number, b: number): number {
  if (a <= 0x7fffffff && b <= 0x7fffffff) {
    let x = a | 0;
    let y = b | 0;
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return x;
  }
  while (b !== 0) {
    const t = a % b;
    a = b;
    b = t;
  }
  return a;
}

/** a/b truncated toward zero (b > 0): exact, the remainder being exact on doubles. */
export function truncNum(a: number, b: number): number {
  return (a - (a % b)) / b;
}

/** a/b·scale rounded half away from zero to an integer, or undefined when an intermediate is not safe. */
export function roundedNum(a: number, b: number, scale: number): number | undefined {
  const scaled = a * scale;
  const twice = 2 * (scaled < 0 ? -scaled : scaled) + b;
  const den = 2 * b;
  if (!safe(scaled) || !safe(twice) || !safe(den)) return undefined;
  const q = truncNum(twice, den);
  return scaled < 0 ? -q : q;
}

/** The digits of abs with `digits` of them after the point, and a minus sign unless zero. */
export function fixedText(abs: number | bigint, neg: boolean, digits: number): string {
  let s = abs.toString().padStart(digits + 1, '0');
  if (digits > 0) s = `${s.slice(0, -digits)}.${s.slice(-digits)}`;
  return neg && abs !== 0 && abs !== 0n ? `-${s}` : s;
}

/** Greatest common divisor of a ≥ 0 and b > 0 on BigInt, on plain numbers when both are safe. */
export function gcdBig(a: bigint, b: bigint): bigint {
  if (a <= BIG_SAFE && b <= BIG_SAFE) {
    const g = gcdNum(Number(a), Number(b));
    return g === 0 ? 1n : BigInt(g);
  }
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}

/**
 * Where sumNum and productNum put their result (numerator, denominator), read at once
 * by the caller: no array or object made per operation on the hot path.
 */
export const OUT = { n: 0, d: 1 };

/** a/b + c/d on safe integers (b, d > 0) into OUT, unreduced; false when an intermediate is not safe. */
export function sumNum(a: number, b: number, c: number, d: number): boolean {
  if (b === d) {
    const s = a + c;
    OUT.n = s;
    OUT.d = b;
    return safe(s);
  }
  const g = gcdNum(b, d);
  const bg = b / g;
  const dg = d / g;
  const x = a * dg;
  const y = c * bg;
  const den = b * dg;
  if (!safe(x) || !safe(y) || !safe(den)) return false;
  OUT.n = x + y;
  OUT.d = den;
  return safe(OUT.n);
}

/** (a/b)·(c/d) of reduced fractions on safe integers (b, d > 0) into OUT, in lowest terms; false when a part is not safe. */
export function productNum(a: number, b: number, c: number, d: number): boolean {
  if (a === 0 || c === 0) {
    OUT.n = 0;
    OUT.d = 1;
    return true;
  }
  if (b === 1 && d === 1) {
    OUT.n = a * c;
    OUT.d = 1;
    return safe(OUT.n);
  }
  // Cross-reduced: the result is in lowest terms.
  const g1 = gcdNum(a < 0 ? -a : a, d);
  const g2 = gcdNum(c < 0 ? -c : c, b);
  OUT.n = (a / g1) * (c / g2);
  OUT.d = (b / g2) * (d / g1);
  return safe(OUT.n) && safe(OUT.d);
}
