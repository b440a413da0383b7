/**
 * A compiled scheme as JSON and back (the build's cache of the bundled schemes, so
 * that start-up reads the scheme instead of compiling it: see docs/startup.md).
 *
 * The object graph is kept as it is: an object or array reached twice (an item is in
 * its section and in `items`) comes back as one object, reached twice; key order,
 * keys holding `undefined`, exact rationals, maps and sets are kept. Anything else
 * (a function, a class other than Rational and Map/Set) makes `packScheme` throw, so
 * a model that grows one cannot be cached wrongly: the build then writes no cache.
 *
 * Encoding: a JSON number, string, boolean or null is itself; everything else is an
 * array whose first element says what it is: ['u'] undefined, ['n', text] a number
 * JSON cannot hold (-0, ±Infinity, NaN), ['b', digits] a bigint, ['q', n, d] a
 * Rational in lowest terms (numbers when safe integers, else decimal strings), ['a', ...values] an array, ['o', {key: value}] a plain
 * object, ['m', [[k, v]...]] a Map, ['s', [...values]] a Set, ['r', i] the i-th
 * array, object, map or set met before (in the order they were first written).
 */
import { Rational } from '../rational';
import type { Scheme } from './model';

type Packed = null | boolean | number | string | Packed[] | { [k: string]: Packed };

/** The scheme as JSON-ready data (throws on a value it cannot keep exactly). */
export function packScheme(scheme: Scheme): Packed {
  const seen = new Map<object, number>();
  const pack = (v: unknown): Packed => {
    if (v === null || typeof v === 'boolean' || typeof v === 'string') return v;
    if (v === undefined) return ['u'];
    if (typeof v === 'number')
      return Number.isFinite(v) && !Object.is(v, -0) ? v : ['n', String(Object.is(v, -0) ? '-0' : v)];
    if (typeof v === 'bigint') return ['b', v.toString()];
    if (v instanceof Rational) {
      const [n, d] = [v.n, v.d];
      const safe = n >= -MAX && n <= MAX && d <= MAX;
      return safe ? ['q', Number(n), Number(d)] : ['q', n.toString(), d.toString()];
    }
    if (typeof v !== 'object') throw new TypeError(`cannot pack a ${typeof v}`);
    const ref = seen.get(v);
    if (ref !== undefined) return ['r', ref];
    seen.set(v, seen.size);
    if (Array.isArray(v)) return ['a', ...v.map(pack)];
    if (v instanceof Map) return ['m', [...v].map(([k, x]) => [pack(k), pack(x)])];
    if (v instanceof Set) return ['s', [...v].map(pack)];
    const proto = Object.getPrototypeOf(v) as object | null;
    if (proto !== Object.prototype && proto !== null)
      throw new TypeError(`cannot pack an instance of ${proto?.constructor?.name ?? 'a class'}`);
    const out: Record<string, Packed> = {};
    for (const k of Object.keys(v)) own(out, k, pack((v as Record<string, unknown>)[k]));
    return ['o', out];
  };
  return pack(scheme);
}

/** The scheme packed by packScheme, as loaded from `source` (the file name it is shown by). */
export function unpackScheme(data: Packed, source: string): Scheme {
  const made: object[] = [];
  const unpack = (p: Packed): unknown => {
    if (!Array.isArray(p)) return p;
    switch (p[0]) {
      case 'u':
        return undefined;
      case 'n':
        return Number(p[1]);
      case 'b':
        return BigInt(p[1] as string);
      case 'q':
        return rational(p[1] as number | string, p[2] as number | string);
      case 'r':
        return made[p[1] as number];
      case 'a': {
        const out: unknown[] = [];
        made.push(out);
        for (let i = 1; i < p.length; i++) out.push(unpack(p[i]!));
        return out;
      }
      case 'm': {
        const out = new Map();
        made.push(out);
        for (const [k, v] of p[1] as Packed[][]) out.set(unpack(k!), unpack(v!));
        return out;
      }
      case 's': {
        const out = new Set();
        made.push(out);
        for (const v of p[1] as Packed[]) out.add(unpack(v));
        return out;
      }
      case 'o': {
        const out: Record<string, unknown> = {};
        made.push(out);
        const o = p[1] as Record<string, Packed>;
        for (const k in o) own(out, k, unpack(o[k]!));
        return out;
      }
      default:
        throw new TypeError(`not a packed scheme (tag ${JSON.stringify(p[0])})`);
    }
  };
  const scheme = unpack(data) as Scheme;
  scheme.source = source;
  return scheme;
}

/** Sets a key of the object's own, `__proto__` included (assigning that one would set the prototype). */
function own(o: Record<string, unknown>, k: string, v: unknown): void {
  if (k === '__proto__')
    Object.defineProperty(o, k, { value: v, enumerable: true, writable: true, configurable: true });
  else o[k] = v;
}

const MAX = BigInt(Number.MAX_SAFE_INTEGER);

/** n/d in lowest terms (safe integers as numbers, else decimal text), made as Rational makes it. */
function rational(n: number | string, d: number | string): Rational {
  if (typeof n === 'number' && typeof d === 'number')
    return d === 1 ? Rational.int(n) : Rational.int(n).div(Rational.int(d))!;
  return Rational.of(BigInt(n), BigInt(d));
}
