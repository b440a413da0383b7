/**
 * Rational's own contract, as properties (fast-path.test.ts only checks it equals the
 * old implementation): exact field arithmetic in lowest terms, a total order, floor,
 * ceil and rounding half away from zero, decimal text that parses back. Each property
 * is checked against plain BigInt cross-multiplication, not against Rational itself.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { R, Rational } from '../../src/rational';

const RUNS = { numRuns: Number(process.env.PROP_RUNS) || 200 };
const MAX = BigInt(Number.MAX_SAFE_INTEGER);

const int = fc.oneof(
  fc.integer({ min: -1000, max: 1000 }).map(BigInt),
  fc.bigInt({ min: -(MAX + 100n), max: MAX + 100n }),
  fc.bigInt({ min: -(2n ** 80n), max: 2n ** 80n }),
);
const pos = fc.oneof(fc.integer({ min: 1, max: 1000 }).map(BigInt), fc.bigInt({ min: 1n, max: 2n ** 70n }));
const q = fc.tuple(int, pos).map(([n, d]) => ({ n, d, r: Rational.of(n, d) }));
type Q = { n: bigint; d: bigint; r: Rational };

const gcd = (a: bigint, b: bigint): bigint => (b === 0n ? (a < 0n ? -a : a) : gcd(b, a % b));
/** r is exactly n/d: same value by cross-multiplication, and in lowest terms with d > 0. */
function isExactly(r: Rational, n: bigint, d: bigint): void {
  expect(r.d > 0n).toBe(true);
  expect(gcd(r.n, r.d)).toBe(1n);
  expect(r.n * d).toBe(n * r.d);
}
const floorDiv = (n: bigint, d: bigint) => (n < 0n && n % d !== 0n ? n / d - 1n : n / d); // d > 0

describe('Rational: exact arithmetic', () => {
  it('add, sub, mul, div equal the fraction formulas, in lowest terms', () =>
    fc.assert(
      fc.property(q, q, (a: Q, b: Q) => {
        isExactly(a.r.add(b.r), a.n * b.d + b.n * a.d, a.d * b.d);
        isExactly(a.r.sub(b.r), a.n * b.d - b.n * a.d, a.d * b.d);
        isExactly(a.r.mul(b.r), a.n * b.n, a.d * b.d);
        const quo = a.r.div(b.r);
        if (b.n === 0n) expect(quo).toBeUndefined();
        else isExactly(quo!, b.n < 0n ? -a.n * b.d : a.n * b.d, b.n < 0n ? -a.d * b.n : a.d * b.n);
      }),
      RUNS,
    ));

  it('field laws: commutative, associative, distributive, inverses', () =>
    fc.assert(
      fc.property(q, q, q, (a: Q, b: Q, c: Q) => {
        expect(a.r.add(b.r).eq(b.r.add(a.r))).toBe(true);
        expect(a.r.mul(b.r).eq(b.r.mul(a.r))).toBe(true);
        expect(
          a.r
            .add(b.r)
            .add(c.r)
            .eq(a.r.add(b.r.add(c.r))),
        ).toBe(true);
        expect(
          a.r
            .mul(b.r)
            .mul(c.r)
            .eq(a.r.mul(b.r.mul(c.r))),
        ).toBe(true);
        expect(a.r.mul(b.r.add(c.r)).eq(a.r.mul(b.r).add(a.r.mul(c.r)))).toBe(true);
        expect(a.r.sub(b.r).add(b.r).eq(a.r)).toBe(true);
        expect(a.r.add(a.r.neg()).isZero()).toBe(true);
        if (!b.r.isZero()) expect(a.r.div(b.r)!.mul(b.r).eq(a.r)).toBe(true);
      }),
      RUNS,
    ));

  it('equal values are equal objects whatever the form they were made from', () =>
    fc.assert(
      fc.property(q, fc.bigInt({ min: 1n, max: 2n ** 40n }), (a: Q, k: bigint) => {
        expect(Rational.of(a.n * k, a.d * k)).toEqual(a.r);
        expect(Rational.of(-a.n, -a.d)).toEqual(a.r);
        expect(a.r.toString()).toBe(Rational.of(a.n * k, a.d * k).toString());
      }),
      RUNS,
    ));

  it('a zero denominator throws', () => expect(() => Rational.of(1n, 0n)).toThrow(RangeError));
});

describe('Rational: order', () => {
  it('cmp is the sign of the cross-multiplied difference; eq/lt/gt/le/ge/min/max follow it', () =>
    fc.assert(
      fc.property(q, q, (a: Q, b: Q) => {
        const diff = a.n * b.d - b.n * a.d;
        const want = diff < 0n ? -1 : diff > 0n ? 1 : 0;
        expect(a.r.cmp(b.r)).toBe(want);
        expect(b.r.cmp(a.r)).toBe(-want || 0);
        expect([a.r.eq(b.r), a.r.lt(b.r), a.r.gt(b.r), a.r.le(b.r), a.r.ge(b.r)]).toEqual([
          want === 0,
          want < 0,
          want > 0,
          want <= 0,
          want >= 0,
        ]);
        expect(a.r.min(b.r)).toBe(want <= 0 ? a.r : b.r);
        expect(a.r.max(b.r)).toBe(want >= 0 ? a.r : b.r);
        expect(a.r.sign()).toBe(a.n < 0n ? -1 : a.n > 0n ? 1 : 0);
        expect(a.r.abs().eq(a.r.sign() < 0 ? a.r.neg() : a.r)).toBe(true);
      }),
      RUNS,
    ));
});

describe('Rational: floor, ceil, round', () => {
  it('floor ≤ x < floor + 1 and ceil = −floor(−x), both whole', () =>
    fc.assert(
      fc.property(q, (a: Q) => {
        const f = a.r.floor();
        expect(f.isInteger()).toBe(true);
        expect(f.n).toBe(floorDiv(a.n, a.d));
        expect(f.le(a.r) && a.r.lt(f.add(Rational.ONE))).toBe(true);
        expect(a.r.ceil().eq(a.r.neg().floor().neg())).toBe(true);
        expect(a.r.isInteger()).toBe(a.n % a.d === 0n);
      }),
      RUNS,
    ));

  it('round(k) is the nearest multiple of 10^-k, halves away from zero, and toFixed writes it', () =>
    fc.assert(
      fc.property(q, fc.integer({ min: 0, max: 20 }), (a: Q, k: number) => {
        const s = 10n ** BigInt(k);
        const r = a.r.round(k);
        // 2·|x·s − m| ≤ 1 with m = r·s whole; at exactly a half, |m| > |x·s|.
        const m = r.mul(Rational.of(s));
        expect(m.isInteger()).toBe(true);
        const twice = a.r.mul(Rational.of(s)).sub(m).abs().mul(Rational.int(2));
        expect(twice.le(Rational.ONE)).toBe(true);
        if (twice.eq(Rational.ONE)) expect(m.abs().gt(a.r.mul(Rational.of(s)).abs())).toBe(true);
        expect(Rational.parse(a.r.toFixed(k))!.eq(r)).toBe(true);
        expect(a.r.toFixed(k).split('.')[1]?.length ?? 0).toBe(k);
      }),
      RUNS,
    ));

  it('exact halves, small and huge, go away from zero', () =>
    fc.assert(
      fc.property(int, fc.integer({ min: 0, max: 20 }), (m: bigint, k: number) => {
        const s = 10n ** BigInt(k);
        const half = Rational.of(2n * m + 1n, 2n * s); // (m + ½)·10^-k
        const away = 2n * m + 1n < 0n ? m : m + 1n;
        isExactly(half.round(k), away, s);
      }),
      RUNS,
    ));

  it('known halves and signs', () => {
    expect([R('2.5').round(0), R('-2.5').round(0), R('0.125').round(2), R('-0.125').round(2)].map(String)).toEqual([
      '3',
      '-3',
      '13/100',
      '-13/100',
    ]);
    expect([R('0.005').toFixed(2), R('-0.005').toFixed(2), R('1.995').toFixed(2), R('-0.004').toFixed(2)]).toEqual([
      '0.01',
      '-0.01',
      '2.00',
      '0.00',
    ]); // no negative zero
  });
});

describe('Rational: text', () => {
  it('a decimal written with any digits, sign and exponent parses to exactly its value', () =>
    fc.assert(
      fc.property(
        fc.bigInt({ min: 0n, max: 10n ** 25n }),
        fc.integer({ min: 0, max: 25 }),
        fc.integer({ min: -30, max: 30 }),
        fc.boolean(),
        (digits, frac, exp, neg) => {
          const t = digits.toString().padStart(frac + 1, '0');
          const text = `${neg ? '-' : ''}${t.slice(0, t.length - frac)}${frac ? `.${t.slice(t.length - frac)}` : ''}${exp ? `e${exp}` : ''}`;
          const n = (neg ? -digits : digits) * (exp > 0 ? 10n ** BigInt(exp) : 1n);
          const d = 10n ** BigInt(frac) * (exp < 0 ? 10n ** BigInt(-exp) : 1n);
          isExactly(Rational.parse(text)!, n, d);
        },
      ),
      RUNS,
    ));

  it('toString is n or n/d in lowest terms, and toDecimal parses back to round(k)', () =>
    fc.assert(
      fc.property(q, fc.integer({ min: 0, max: 12 }), (a: Q, k: number) => {
        expect(a.r.toString()).toBe(a.r.d === 1n ? `${a.r.n}` : `${a.r.n}/${a.r.d}`);
        expect(Rational.parse(a.r.toDecimal(k))!.eq(a.r.round(k))).toBe(true);
        expect(a.r.toDecimal(k)).not.toMatch(/\.\d*0$|\.$/);
      }),
      RUNS,
    ));

  it('fromNumber reads a double as its shortest decimal; junk is not a number', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true, min: -1e15, max: 1e15 }), (x) => {
        expect(Rational.fromNumber(x).eq(Rational.parse(String(x))!)).toBe(true);
      }),
      RUNS,
    );
    for (const bad of ['', '.', '-', '1..2', '1e', 'abc', '1,000', '0x10', '1e401'])
      expect(Rational.parse(bad), bad).toBeUndefined();
    expect(() => Rational.fromNumber(Infinity)).toThrow(RangeError);
  });
});
