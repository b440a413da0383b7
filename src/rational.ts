/**
 * Exact rational numbers. Scores, thresholds and data values are kept exact so that
 * 94.7% against 95% in steps of 0.1% is exactly 3 steps; rounding happens only when
 * a number is displayed.
 *
 * Two representations, one value each (canonical, so equal values look alike):
 * when the reduced numerator and denominator are both safe integers (|x| ≤ 2^53 − 1)
 * they are held and computed as plain numbers (`p`, `q`; `bn`, `bd` undefined);
 * otherwise as BigInt (`bn`, `bd`; `p`, `q` are 0). Arithmetic on numbers is exact
 * as long as every intermediate is a safe integer: each one is checked, and when
 * one is not, the operation is done again on BigInt. `n` and `d` give the numerator
 * and denominator as bigint either way.
 */
import {
  BIG_SAFE,
  fixedText,
  gcdBig,
  gcdNum,
  MAX,
  OUT,
  POW10,
  productNum,
  roundedNum,
  safe,
  sumNum,
  truncNum,
} from './rational-int';

const SMALL_MIN = -128;
const SMALL_MAX = 1024;

export class Rational {
  private constructor(
    private readonly p: number,
    private readonly q: number,
    private readonly bn: bigint | undefined,
    private readonly bd: bigint | undefined,
  ) {}

  /** Whole numbers from SMALL_MIN to SMALL_MAX, made once: most points and counts are small integers. */
  private static readonly SMALL: Rational[] = Array.from(
    { length: SMALL_MAX - SMALL_MIN + 1 },
    (_, i) => new Rational(i + SMALL_MIN, 1, undefined, undefined),
  );

  static readonly ZERO = Rational.SMALL[-SMALL_MIN]!;
  static readonly ONE = Rational.SMALL[1 - SMALL_MIN]!;
  static readonly HUNDRED = Rational.SMALL[100 - SMALL_MIN]!;

  /** The numerator (the sign is here). */
  get n(): bigint {
    return this.bn ?? BigInt(this.p);
  }
  /** The denominator, > 0. */
  get d(): bigint {
    return this.bd ?? BigInt(this.q);
  }

  /** A whole safe integer, shared when small (−0 included, as 0). */
  private static whole(n: number): Rational {
    return n >= SMALL_MIN && n <= SMALL_MAX ? Rational.SMALL[n - SMALL_MIN]! : new Rational(n, 1, undefined, undefined);
  }

  /** p/q already reduced, both safe, q > 0. */
  private static small(p: number, q: number): Rational {
    return q === 1 ? Rational.whole(p) : new Rational(p, q, undefined, undefined);
  }

  /** p/q reduced here; both safe, q > 0. */
  private static reduce(p: number, q: number): Rational {
    if (p === 0) return Rational.ZERO;
    if (q === 1) return Rational.whole(p);
    const g = gcdNum(p < 0 ? -p : p, q);
    return g === 1 ? new Rational(p, q, undefined, undefined) : Rational.small(p / g, q / g);
  }

  static of(n: bigint, d: bigint = 1n): Rational {
    if (d === 0n) throw new RangeError('zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d <= BIG_SAFE && n <= BIG_SAFE && n >= -BIG_SAFE) return Rational.reduce(Number(n), Number(d));
    const g = gcdBig(n < 0n ? -n : n, d);
    if (g !== 1n) {
      n /= g;
      d /= g;
    }
    if (d <= BIG_SAFE && n <= BIG_SAFE && n >= -BIG_SAFE) return Rational.small(Number(n), Number(d));
    return new Rational(0, 0, n, d);
  }

  static int(n: number | bigint): Rational {
    return typeof n === 'number' && Number.isSafeInteger(n) ? Rational.whole(n) : Rational.of(BigInt(n));
  }

  /** Parses a plain decimal such as `-12.5`, `0.003` or `1e-3`; undefined when it is not one. */
  static parse(text: string): Rational | undefined {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    const frac = m[3] ?? '';
    const exp = m[4] ? Number(m[4]) : 0;
    if (Math.abs(exp) > 400) return undefined;
    const digits = (m[2] || '0') + frac;
    // On numbers when the digits, the power of ten and their product are safe.
    if (frac.length < POW10.length && exp > -POW10.length && exp < POW10.length) {
      let n = Number(digits);
      let d = POW10[frac.length]!;
      if (exp > 0) n *= POW10[exp]!;
      else if (exp < 0) d *= POW10[-exp]!;
      if (n <= MAX && d <= MAX) return Rational.reduce(m[1] === '-' ? -n : n, d);
    }
    let n = BigInt(digits);
    let d = 10n ** BigInt(frac.length);
    if (exp > 0) n *= 10n ** BigInt(exp);
    else if (exp < 0) d *= 10n ** BigInt(-exp);
    return Rational.of(m[1] === '-' ? -n : n, d);
  }

  /** From a JS number as written (its shortest decimal form), e.g. 0.3 → 3/10. */
  static fromNumber(x: number): Rational {
    if (Number.isSafeInteger(x)) return Rational.whole(x);
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    const r = Rational.parse(String(x));
    if (!r) throw new RangeError(`not a number: ${x}`);
    return r;
  }

  add(o: Rational): Rational {
    if (this.bn === undefined && o.bn === undefined) {
      if (sumNum(this.p, this.q, o.p, o.q)) return Rational.reduce(OUT.n, OUT.d);
    }
    return Rational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    if (this.bn === undefined && o.bn === undefined) {
      if (sumNum(this.p, this.q, -o.p, o.q)) return Rational.reduce(OUT.n, OUT.d);
    }
    return Rational.of(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rational): Rational {
    if (this.bn === undefined && o.bn === undefined) {
      if (productNum(this.p, this.q, o.p, o.q)) return Rational.small(OUT.n, OUT.d);
    }
    return Rational.of(this.n * o.n, this.d * o.d);
  }
  /** Division; undefined when dividing by zero (never Infinity or NaN). */
  div(o: Rational): Rational | undefined {
    if (o.isZero()) return undefined;
    if (this.bn === undefined && o.bn === undefined) {
      if (o.p < 0 ? productNum(this.p, this.q, -o.q, -o.p) : productNum(this.p, this.q, o.q, o.p))
        return Rational.small(OUT.n, OUT.d);
    }
    return Rational.of(this.n * o.d, this.d * o.n);
  }
  neg(): Rational {
    if (this.bn === undefined)
      return this.q === 1 ? Rational.whole(-this.p) : new Rational(-this.p, this.q, undefined, undefined);
    return new Rational(0, 0, -this.bn, this.bd);
  }
  abs(): Rational {
    return this.sign() < 0 ? this.neg() : this;
  }
  cmp(o: Rational): -1 | 0 | 1 {
    if (this.bn === undefined && o.bn === undefined) {
      const a = this.p;
      const c = o.p;
      if (this.q === o.q) return a < c ? -1 : a > c ? 1 : 0;
      const l = a * o.q;
      const r = c * this.q;
      if (safe(l) && safe(r)) return l < r ? -1 : l > r ? 1 : 0;
    }
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: Rational): boolean {
    return this.p === o.p && this.q === o.q && this.bn === o.bn && this.bd === o.bd;
  }
  lt(o: Rational): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: Rational): boolean {
    return this.cmp(o) > 0;
  }
  le(o: Rational): boolean {
    return this.cmp(o) <= 0;
  }
  ge(o: Rational): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.p === 0 && this.bn === undefined;
  }
  isInteger(): boolean {
    return this.q === 1 || this.bd === 1n;
  }
  sign(): -1 | 0 | 1 {
    const s = this.bn ?? this.p;
    return s < 0 ? -1 : s > 0 ? 1 : 0;
  }
  floor(): Rational {
    if (this.bn === undefined) {
      if (this.q === 1) return this;
      const t = truncNum(this.p, this.q);
      return Rational.whole(this.p < 0 ? t - 1 : t);
    }
    const n = this.bn;
    const d = this.bd!;
    const q = n / d;
    return Rational.of(n < 0n && q * d !== n ? q - 1n : q);
  }
  ceil(): Rational {
    if (this.bn === undefined) {
      if (this.q === 1) return this;
      const t = truncNum(this.p, this.q);
      return Rational.whole(this.p > 0 ? t + 1 : t);
    }
    const n = this.bn;
    const d = this.bd!;
    const q = n / d;
    return Rational.of(n > 0n && q * d !== n ? q + 1n : q);
  }
  /** Rounds half away from zero to `digits` decimal places (exactly). */
  round(digits = 0): Rational {
    if (this.bn === undefined && Number.isInteger(digits) && digits < POW10.length) {
      if (this.q === 1) return this;
      const scale = POW10[Math.max(0, digits)]!;
      const q = roundedNum(this.p, this.q, scale);
      if (q !== undefined) return Rational.reduce(q, scale);
    }
    const scale = 10n ** BigInt(Math.max(0, digits));
    const n = this.n;
    const d = this.d;
    const scaled = n * scale;
    const twice = 2n * (scaled < 0n ? -scaled : scaled) + d;
    const q = twice / (2n * d);
    return Rational.of(scaled < 0n ? -q : q, scale);
  }
  min(o: Rational): Rational {
    return this.le(o) ? this : o;
  }
  max(o: Rational): Rational {
    return this.ge(o) ? this : o;
  }

  /** Fixed-point text, rounded half away from zero; trailing zeros kept. */
  toFixed(digits: number): string {
    if (this.isInteger()) return digits > 0 ? `${this.toString()}.${'0'.repeat(digits)}` : this.toString();
    if (this.bn === undefined && Number.isInteger(digits) && digits >= 0 && digits < POW10.length) {
      const q = roundedNum(this.p, this.q, POW10[digits]!);
      if (q !== undefined) return fixedText(q < 0 ? -q : q, q < 0, digits);
    }
    const r = this.round(digits);
    const neg = r.sign() < 0;
    const scale = 10n ** BigInt(digits);
    const rn = r.n;
    const abs = ((neg ? -rn : rn) * scale) / r.d;
    return fixedText(abs, neg, digits);
  }

  /** Shortest text with at most `maxDigits` decimals: 0.9, 12, 0.333333. */
  toDecimal(maxDigits = 6): string {
    if (this.isInteger()) return this.toString();
    const s = this.toFixed(maxDigits);
    return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  }

  /** A JS number for machine output, rounded to `maxDigits` decimals first. */
  toNumber(maxDigits = 6): number {
    if (this.bn === undefined) {
      if (this.q === 1) return this.p;
      // q/10^k divided as doubles is the double nearest to the decimal, as Number(text) is.
      if (Number.isInteger(maxDigits) && maxDigits >= 0 && maxDigits < POW10.length) {
        const scale = POW10[maxDigits]!;
        const q = roundedNum(this.p, this.q, scale);
        if (q !== undefined) return q === 0 ? 0 : q / scale;
      }
    }
    return Number(this.toDecimal(maxDigits));
  }

  toString(): string {
    if (this.bn === undefined) return this.q === 1 ? `${this.p}` : `${this.p}/${this.q}`;
    return this.bd === 1n ? this.bn.toString() : `${this.bn}/${this.bd}`;
  }
}

export const R = (x: number | string): Rational => {
  const r = typeof x === 'number' ? Rational.fromNumber(x) : Rational.parse(x);
  if (!r) throw new RangeError(`not a number: ${x}`);
  return r;
};
