/**
 * Rational computes on plain numbers while numerator and denominator are safe
 * integers and on BigInt beyond. Exactness is the contract: every operation,
 * comparison and text is checked against the BigInt-only implementation it
 * replaced (./reference.ts), over integers and fractions near 2^53 (where the
 * fast path must hand over to BigInt), around √2^53 (where products cross it),
 * negatives, zero, decimals as written in data files and long chains.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Rational } from '../../src/rational';
import { RefRational } from './reference';

/** 300 runs per property keeps the file fast; PROP_RUNS=100000 for a deeper search. */
const RUNS = { numRuns: Number(process.env.PROP_RUNS) || 300 };

const MAX = BigInt(Number.MAX_SAFE_INTEGER);
const TWO53 = 2n ** 53n;
const ROOT53 = 94906266n; // ⌈√2^53⌉: products of two such numbers cross 2^53

const signed = (a: fc.Arbitrary<bigint>) => fc.tuple(a, fc.boolean()).map(([x, neg]) => (neg ? -x : x));
const int: fc.Arbitrary<bigint> = fc.oneof(
  fc.integer({ min: -1100, max: 1100 }).map(BigInt),
  fc.bigInt({ min: -(2n ** 31n), max: 2n ** 31n }),
  signed(fc.bigInt({ min: MAX - 3000n, max: TWO53 + 3000n })),
  signed(fc.bigInt({ min: ROOT53 - 3000n, max: ROOT53 + 3000n })),
  signed(fc.bigInt({ min: 2n ** 40n, max: 2n ** 60n })),
  fc.bigInt({ min: -(2n ** 90n), max: 2n ** 90n }),
  fc.constantFrom(
    0n,
    1n,
    -1n,
    MAX,
    -MAX,
    MAX + 1n,
    -MAX - 1n,
    TWO53 + 1n,
    10n ** 15n,
    10n ** 16n,
    3n * 10n ** 15n,
    2n ** 31n - 1n,
    2n ** 31n,
    -(2n ** 31n) - 1n,
  ),
);
const den: fc.Arbitrary<bigint> = fc.oneof(
  int.filter((x) => x !== 0n).map((x) => (x < 0n ? -x : x)),
  fc.constantFrom(
    1n,
    2n,
    3n,
    7n,
    10n,
    100n,
    1000n,
    10n ** 6n,
    10n ** 15n,
    10n ** 16n,
    MAX,
    MAX - 1n,
    2n ** 31n - 1n,
    2n ** 31n + 1n,
  ),
  fc.integer({ min: 1, max: 70 }).map((k) => 2n ** BigInt(k)),
  fc
    .tuple(fc.integer({ min: 0, max: 20 }), fc.integer({ min: 0, max: 20 }))
    .map(([a, b]) => 2n ** BigInt(a) * 5n ** BigInt(b)),
);

interface Both {
  f: Rational;
  r: RefRational;
}
const value: fc.Arbitrary<Both> = fc
  .tuple(int, den)
  .map(([n, d]) => ({ f: Rational.of(n, d), r: RefRational.of(n, d) }));

/** What a call gives: its result, or the kind of error it throws. */
function outcome<T>(call: () => T): T | { threw: string } {
  try {
    return call();
  } catch (e) {
    return { threw: (e as Error).constructor.name };
  }
}

/** Same value, same text, and the canonical representation: numbers exactly when both parts are safe. */
function same(f: Rational | undefined, r: RefRational | undefined): void {
  if (r === undefined) {
    expect(f).toBeUndefined();
    return;
  }
  expect(f).toBeInstanceOf(Rational);
  expect([f!.n, f!.d]).toEqual([r.n, r.d]);
  expect(f!.toString()).toBe(r.toString());
  const fits = r.n <= MAX && r.n >= -MAX && r.d <= MAX;
  expect((f as unknown as { bn?: bigint }).bn === undefined).toBe(fits);
  expect(f).toEqual(Rational.of(r.n, r.d));
}

const DIGITS = [0, 1, 2, 3, 4, 6, 9, 12, 15, 16, 20];

function sameUnary(x: Both): void {
  same(x.f, x.r);
  same(x.f.neg(), x.r.neg());
  same(x.f.abs(), x.r.abs());
  same(x.f.floor(), x.r.floor());
  same(x.f.ceil(), x.r.ceil());
  expect([x.f.isZero(), x.f.isInteger(), x.f.sign()]).toEqual([x.r.isZero(), x.r.isInteger(), x.r.sign()]);
  for (const k of DIGITS) {
    same(x.f.round(k), x.r.round(k));
    expect(x.f.toFixed(k)).toBe(x.r.toFixed(k));
    expect(x.f.toDecimal(k)).toBe(x.r.toDecimal(k));
    expect(Object.is(x.f.toNumber(k), x.r.toNumber(k))).toBe(true);
  }
  expect(x.f.round()).toEqual(Rational.of(x.r.round().n, x.r.round().d));
  expect(x.f.toDecimal()).toBe(x.r.toDecimal());
  expect(Object.is(x.f.toNumber(), x.r.toNumber())).toBe(true);
}

function sameBinary(a: Both, b: Both): void {
  same(a.f.add(b.f), a.r.add(b.r));
  same(a.f.sub(b.f), a.r.sub(b.r));
  same(a.f.mul(b.f), a.r.mul(b.r));
  same(a.f.div(b.f), a.r.div(b.r));
  const f = [a.f.cmp(b.f), a.f.eq(b.f), a.f.lt(b.f), a.f.gt(b.f), a.f.le(b.f), a.f.ge(b.f)];
  const r = [a.r.cmp(b.r), a.r.eq(b.r), a.r.lt(b.r), a.r.gt(b.r), a.r.le(b.r), a.r.ge(b.r)];
  expect(f).toEqual(r);
  same(a.f.min(b.f), a.r.min(b.r));
  same(a.f.max(b.f), a.r.max(b.r));
}

describe('Rational on numbers agrees exactly with the BigInt reference', () => {
  it('one value: neg, abs, floor, ceil, round, toFixed, toDecimal, toNumber, sign', () => {
    fc.assert(fc.property(value, sameUnary), RUNS);
  });

  it('two values: + − × ÷ and every comparison', () => {
    fc.assert(fc.property(value, value, sameBinary), RUNS);
  });

  it('a value with itself and with its negation (ties, zero results)', () => {
    fc.assert(
      fc.property(value, (a) => {
        sameBinary(a, a);
        sameBinary(a, { f: a.f.neg(), r: a.r.neg() });
      }),
      RUNS,
    );
  });

  it('long chains of operations stay equal at every step', () => {
    const op = fc.constantFrom<'add' | 'sub' | 'mul' | 'div' | 'min' | 'max' | 'round' | 'floor' | 'neg'>(
      'add',
      'sub',
      'mul',
      'div',
      'min',
      'max',
      'round',
      'floor',
      'neg',
    );
    fc.assert(
      fc.property(
        value,
        fc.array(fc.tuple(op, value, fc.integer({ min: 0, max: 8 })), { maxLength: 60 }),
        (start, steps) => {
          let f = start.f;
          let r = start.r;
          for (const [name, o, k] of steps) {
            const next =
              name === 'round'
                ? { f: f.round(k), r: r.round(k) }
                : name === 'floor'
                  ? { f: f.floor(), r: r.floor() }
                  : name === 'neg'
                    ? { f: f.neg(), r: r.neg() }
                    : { f: f[name](o.f), r: r[name](o.r) };
            same(next.f, next.r);
            if (next.r === undefined) continue;
            f = next.f!;
            r = next.r;
            expect(f.cmp(o.f)).toBe(r.cmp(o.r));
            expect(f.toDecimal(6)).toBe(r.toDecimal(6));
          }
        },
      ),
      RUNS,
    );
  });

  it('decimals as written: parse', () => {
    const digits = (max: number) =>
      fc.array(fc.constantFrom(...'0123456789'), { maxLength: max }).map((a) => a.join(''));
    const text = fc
      .tuple(
        fc.constantFrom('', '-', '+', ' ', ' -'),
        digits(22),
        fc.option(digits(22)),
        fc.option(
          fc.tuple(
            fc.constantFrom('e', 'E'),
            fc.constantFrom('', '+', '-'),
            fc.oneof(fc.integer({ min: 0, max: 25 }), fc.constantFrom(400, 401)),
          ),
        ),
      )
      .map(([s, i, f, e]) => `${s}${i}${f === null ? '' : `.${f}`}${e === null ? '' : `${e[0]}${e[1]}${e[2]}`}`);
    const near = fc.oneof(int, fc.bigInt({ min: 2n ** 50n, max: 2n ** 56n })).map((n) => `${n}`);
    fc.assert(
      fc.property(
        fc.oneof(
          text,
          near,
          fc.constantFrom(
            '',
            '.',
            '-',
            '1e',
            '0.000',
            '-0',
            '-0.0',
            '007',
            '9007199254740991',
            '9007199254740993',
            '0.9007199254740993',
            '1e-15',
            '1e15',
            '1e16',
            '12.5e-3',
          ),
        ),
        (t) => {
          same(Rational.parse(t), RefRational.parse(t));
        },
      ),
      { numRuns: RUNS.numRuns * 3 },
    );
  });

  it('JS numbers: fromNumber and int', () => {
    const near = fc.integer({ min: -3000, max: 3000 }).map((k) => Number.MAX_SAFE_INTEGER + k);
    const x = fc.oneof(
      fc.double({ noNaN: true, noDefaultInfinity: true }),
      fc.integer(),
      near,
      fc.constantFrom(-0, 0.1, 0.3, 1e21, 1e-7, 2 ** 53, -(2 ** 53), 123.456),
    );
    fc.assert(
      fc.property(x, (v) => {
        same(Rational.fromNumber(v), RefRational.fromNumber(v));
        expect(outcome(() => Rational.int(v).toString())).toEqual(outcome(() => RefRational.int(v).toString()));
      }),
      RUNS,
    );
    fc.assert(
      fc.property(int, (n) => same(Rational.int(n), RefRational.int(n))),
      RUNS,
    );
  });

  it('errors stay the same: zero denominator, bad digits, non-finite numbers', () => {
    const cases: [string, () => unknown, () => unknown][] = [
      ['of(1, 0)', () => Rational.of(1n, 0n), () => RefRational.of(1n, 0n)],
      [
        'round(-1) of 1/3',
        () => Rational.of(1n, 3n).round(-1).toString(),
        () => RefRational.of(1n, 3n).round(-1).toString(),
      ],
      [
        'round(2.5) of 1/3',
        () => Rational.of(1n, 3n).round(2.5).toString(),
        () => RefRational.of(1n, 3n).round(2.5).toString(),
      ],
      ['toFixed(-1) of 1/3', () => Rational.of(1n, 3n).toFixed(-1), () => RefRational.of(1n, 3n).toFixed(-1)],
      ['toFixed(-1) of 5', () => Rational.of(5n).toFixed(-1), () => RefRational.of(5n).toFixed(-1)],
      ['toFixed(30) of -2/3', () => Rational.of(-2n, 3n).toFixed(30), () => RefRational.of(-2n, 3n).toFixed(30)],
      ['fromNumber(NaN)', () => Rational.fromNumber(NaN), () => RefRational.fromNumber(NaN)],
      ['fromNumber(-Infinity)', () => Rational.fromNumber(-Infinity), () => RefRational.fromNumber(-Infinity)],
      ['int(2.5)', () => Rational.int(2.5), () => RefRational.int(2.5)],
    ];
    for (const [, f, r] of cases) {
      const a = outcome(f);
      const b = outcome(r);
      if (typeof b === 'object' && b !== null && 'threw' in b) expect(a).toEqual(b);
      else expect(a).toBe(b);
    }
  });

  it('crossing 2^53 hands over to BigInt and comes back', () => {
    const top = Rational.int(Number.MAX_SAFE_INTEGER);
    const over = top.add(Rational.ONE);
    expect(over.n).toBe(TWO53);
    expect(over.toString()).toBe('9007199254740992');
    expect(over.sub(Rational.ONE)).toEqual(top);
    expect(top.mul(top).div(top)).toEqual(top);
    // 1/3 + 1/(2^53 − 1): the common denominator is beyond 2^53.
    const third = Rational.of(1n, 3n);
    const tiny = Rational.of(1n, MAX);
    expect(third.add(tiny).sub(tiny)).toEqual(third);
    expect(third.add(tiny).toString()).toBe(`${MAX + 3n}/${3n * MAX}`);
  });
});
