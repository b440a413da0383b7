/**
 * The compiled scheme as JSON and back (src/scheme/packed.ts), as the build caches
 * the bundled schemes: equal to a fresh compile in every value, key and class, and in
 * which objects are one object reached twice.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadScheme } from '../../src/scheme/load';
import { packScheme, unpackScheme } from '../../src/scheme/packed';
import type { Scheme } from '../../src/scheme/model';
import { Rational } from '../../src/rational';

const root = join(__dirname, '..', '..');
const bundled = readdirSync(join(root, 'criteria')).filter((f) => /\.ya?ml$/.test(f));
const compile = (f: string): Scheme => {
  const r = loadScheme(readFileSync(join(root, 'criteria', f), 'utf8'), `criteria/${f}`);
  expect(r.diagnostics).toEqual([]);
  return r.scheme!;
};
/** Through JSON text, as the build writes it and start-up reads it. */
const roundTrip = (s: Scheme, source = s.source) => unpackScheme(JSON.parse(JSON.stringify(packScheme(s))), source);

describe('packScheme / unpackScheme', () => {
  it.each(bundled)('%s comes back equal to a fresh compile, classes and undefined keys included', (f) => {
    const fresh = compile(f);
    const back = roundTrip(fresh);
    expect(back).toStrictEqual(fresh);
    expect(back.fields).toBeInstanceOf(Map);
    expect(back.total).toBeInstanceOf(Rational);
    expect(back.pass.eq(fresh.pass)).toBe(true);
  });

  it.each(bundled)('%s keeps shared objects shared (an item is one object in its section and in items)', (f) => {
    const back = roundTrip(compile(f));
    const inSections = (ss: Scheme['sections']): Scheme['items'] =>
      ss.flatMap((s) => [...s.items, ...inSections(s.sections)]);
    const items = inSections(back.sections);
    expect(items.length).toBe(back.items.length);
    items.forEach((it, i) => expect(it).toBe(back.items[i]));
    // The same graph: packing the copy gives what packing the original gave.
    expect(packScheme(back)).toEqual(packScheme(compile(f)));
  });

  it('takes the file name it is loaded under', () => {
    const f = bundled[0]!;
    expect(roundTrip(compile(f), '../elsewhere.yaml').source).toBe('../elsewhere.yaml');
  });

  it('keeps big rationals, bigints, -0, infinities and a __proto__ key exactly', () => {
    const big = Rational.of(10n ** 30n + 1n, 3n);
    const odd = JSON.parse('{"__proto__": 1, "x": 2}') as Record<string, number>;
    const s = {
      ...compile(bundled[0]!),
      extra: [big, 12n, -0, Infinity, -Infinity, Number.NaN, undefined, null, odd, new Set(['a'])],
    } as unknown as Scheme;
    const back = roundTrip(s) as unknown as { extra: unknown[] };
    expect(back.extra).toStrictEqual([
      big,
      12n,
      -0,
      Infinity,
      -Infinity,
      Number.NaN,
      undefined,
      null,
      odd,
      new Set(['a']),
    ]);
    expect(Object.is(back.extra[2], -0)).toBe(true);
    expect(Object.getPrototypeOf(back.extra[8])).toBe(Object.prototype);
    expect(Object.keys(back.extra[8] as object)).toEqual(['__proto__', 'x']);
  });

  it('refuses what it cannot keep (a function, an instance of another class)', () => {
    const s = compile(bundled[0]!);
    expect(() => packScheme({ ...s, extra: () => 1 } as unknown as Scheme)).toThrow(/function/);
    expect(() => packScheme({ ...s, extra: new Date(0) } as unknown as Scheme)).toThrow(/Date/);
  });

  it('refuses data that is not a packed scheme', () => {
    expect(() => unpackScheme(['x', 1] as never, 'a.yaml')).toThrow(/not a packed scheme/);
  });
});
