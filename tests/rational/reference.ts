/**
 * The BigInt-only Rational as it was before the fast path on numbers (commit ea5402a),
 * kept unchanged as the reference the fast path is checked against
 * (tests/rational/fast-path.test.ts). Not used by the program.
 */
const SMALL_MIN = -128;
const SMALL_MAX = 1024;
const BIG_MIN = BigInt(SMALL_MIN);
const BIG_MAX = BigInt(SMALL_MAX);

export class RefRational {
  private constructor(
    readonly n: bigint,
    readonly d: bigint,
  ) {}

  /** Whole numbers from SMALL_MIN to SMALL_MAX, made once: most points and counts are small integers. */
  private static readonly SMALL: RefRational[] = Array.from(
    { length: SMALL_MAX - SMALL_MIN + 1 },
    (_, i) => new RefRational(BigInt(i + SMALL_MIN), 1n),
  );

  static readonly ZERO = RefRational.SMALL[-SMALL_MIN]!;
  static readonly ONE = RefRational.SMALL[1 - SMALL_MIN]!;
  static readonly HUNDRED = RefRational.SMALL[100 - SMALL_MIN]!;

  /** A whole number, shared when small. */
  private static whole(n: bigint): RefRational {
    return n >= BIG_MIN && n <= BIG_MAX ? RefRational.SMALL[Number(n) - SMALL_MIN]! : new RefRational(n, 1n);
  }

  static of(n: bigint, d: bigint = 1n): RefRational {
    if (d === 0n) throw new RangeError('zero denominator');
    if (d < 0n) {
      n = -n;
      d = -d;
    }
    if (d === 1n) return RefRational.whole(n);
    const g = gcd(n < 0n ? -n : n, d);
    if (g === 1n) return new RefRational(n, d);
    return d === g ? RefRational.whole(n / g) : new RefRational(n / g, d / g);
  }

  static int(n: number | bigint): RefRational {
    return RefRational.whole(BigInt(n));
  }

  /** Parses a plain decimal such as `-12.5`, `0.003` or `1e-3`; undefined when it is not one. */
  static parse(text: string): RefRational | undefined {
    const m = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
    if (!m || (m[2] === '' && (m[3] ?? '') === '')) return undefined;
    const frac = m[3] ?? '';
    let n = BigInt((m[2] || '0') + frac);
    let d = 10n ** BigInt(frac.length);
    const exp = m[4] ? Number(m[4]) : 0;
    if (Math.abs(exp) > 400) return undefined;
    if (exp > 0) n *= 10n ** BigInt(exp);
    else if (exp < 0) d *= 10n ** BigInt(-exp);
    return RefRational.of(m[1] === '-' ? -n : n, d);
  }

  /** From a JS number as written (its shortest decimal form), e.g. 0.3 → 3/10. */
  static fromNumber(x: number): RefRational {
    if (!Number.isFinite(x)) throw new RangeError(`not a finite number: ${x}`);
    const r = RefRational.parse(String(x));
    if (!r) throw new RangeError(`not a number: ${x}`);
    return r;
  }

  add(o: RefRational): RefRational {
    if (this.d === 1n && o.d === 1n) return RefRational.whole(this.n + o.n);
    return this.d === o.d
      ? RefRational.of(this.n + o.n, this.d)
      : RefRational.of(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: RefRational): RefRational {
    return this.add(o.neg());
  }
  mul(o: RefRational): RefRational {
    return RefRational.of(this.n * o.n, this.d * o.d);
  }
  /** Division; undefined when dividing by zero (never Infinity or NaN). */
  div(o: RefRational): RefRational | undefined {
    return o.n === 0n ? undefined : RefRational.of(this.n * o.d, this.d * o.n);
  }
  neg(): RefRational {
    return this.d === 1n ? RefRational.whole(-this.n) : new RefRational(-this.n, this.d);
  }
  abs(): RefRational {
    return this.n < 0n ? this.neg() : this;
  }
  cmp(o: RefRational): -1 | 0 | 1 {
    const l = this.n * o.d;
    const r = o.n * this.d;
    return l < r ? -1 : l > r ? 1 : 0;
  }
  eq(o: RefRational): boolean {
    return this.n === o.n && this.d === o.d;
  }
  lt(o: RefRational): boolean {
    return this.cmp(o) < 0;
  }
  gt(o: RefRational): boolean {
    return this.cmp(o) > 0;
  }
  le(o: RefRational): boolean {
    return this.cmp(o) <= 0;
  }
  ge(o: RefRational): boolean {
    return this.cmp(o) >= 0;
  }
  isZero(): boolean {
    return this.n === 0n;
  }
  isInteger(): boolean {
    return this.d === 1n;
  }
  sign(): -1 | 0 | 1 {
    return this.n < 0n ? -1 : this.n > 0n ? 1 : 0;
  }
  floor(): RefRational {
    const q = this.n / this.d;
    return RefRational.of(this.n < 0n && q * this.d !== this.n ? q - 1n : q);
  }
  ceil(): RefRational {
    const q = this.n / this.d;
    return RefRational.of(this.n > 0n && q * this.d !== this.n ? q + 1n : q);
  }
  /** Rounds half away from zero to `digits` decimal places (exactly). */
  round(digits = 0): RefRational {
    const scale = 10n ** BigInt(Math.max(0, digits));
    const scaled = this.n * scale;
    const twice = 2n * (scaled < 0n ? -scaled : scaled) + this.d;
    const q = twice / (2n * this.d);
    return RefRational.of(scaled < 0n ? -q : q, scale);
  }
  min(o: RefRational): RefRational {
    return this.le(o) ? this : o;
  }
  max(o: RefRational): RefRational {
    return this.ge(o) ? this : o;
  }

  /** Fixed-point text, rounded half away from zero; trailing zeros kept. */
  toFixed(digits: number): string {
    if (this.d === 1n) return digits > 0 ? `${this.n}.${'0'.repeat(digits)}` : `${this.n}`;
    const r = this.round(digits);
    const neg = r.n < 0n;
    const scale = 10n ** BigInt(digits);
    const abs = ((neg ? -r.n : r.n) * scale) / r.d;
    let s = abs.toString().padStart(digits + 1, '0');
    if (digits > 0) s = `${s.slice(0, -digits)}.${s.slice(-digits)}`;
    return neg && abs !== 0n ? `-${s}` : s;
  }

  /** Shortest text with at most `maxDigits` decimals: 0.9, 12, 0.333333. */
  toDecimal(maxDigits = 6): string {
    if (this.d === 1n) return `${this.n}`;
    const s = this.toFixed(maxDigits);
    return s.includes('.') ? s.replace(/\.?0+$/, '') : s;
  }

  /** A JS number for machine output, rounded to `maxDigits` decimals first. */
  toNumber(maxDigits = 6): number {
    return Number(this.toDecimal(maxDigits));
  }

  toString(): string {
    return this.d === 1n ? this.n.toString() : `${this.n}/${this.d}`;
  }
}

const SMALL = BigInt(Number.MAX_SAFE_INTEGER);

/** Greatest common divisor of a ≥ 0 and b > 0; on plain numbers when both are safe integers (exact there, and much faster). */
function gcd(a: bigint, b: bigint): bigint {
  if (a <= SMALL && b <= SMALL) {
    let x = Number(a);
    let y = Number(b);
    while (y !== 0) {
      const t = x % y;
      x = y;
      y = t;
    }
    return x === 0 ? 1n : BigInt(x);
  }
  while (b !== 0n) [a, b] = [b, a % b];
  return a === 0n ? 1n : a;
}
