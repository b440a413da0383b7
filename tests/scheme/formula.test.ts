import { describe, expect, it, vi } from 'vitest';
import { R, Rational } from '../../src/rational';
import { evaluate, parseFormula, type Value } from '../../src/scheme/formula';
import { parseTarget } from '../../src/scheme/target';

function run(src: string, vars: Record<string, Value> = {}): Value {
  const r = parseFormula(src);
  if ('error' in r) throw new Error(r.error.message.en);
  const env = new Map(Object.entries(vars));
  return evaluate(r.formula.ast, (n) => env.get(n));
}
const err = (src: string) => {
  const r = parseFormula(src);
  return 'error' in r ? r.error : undefined;
};

describe('formula language', () => {
  it('percent and permille literals are exact', () => {
    expect(run('95%')).toEqual(R('0.95'));
    expect(run('1‰')).toEqual(R('0.001'));
    expect(run('0.1 %')).toEqual(R('0.001'));
  });
  it('arithmetic is exact: 0.1 + 0.2 == 0.3', () => {
    expect(run('0.1 + 0.2 == 0.3')).toBe(true);
    expect(run('a / b * 100', { a: R(112), b: R(100) })).toEqual(R(112));
  });
  it('comparisons, and/or/not, parentheses', () => {
    expect(run('a > b and not (a > 10)', { a: R(5), b: R(3) })).toBe(true);
    expect(run('a > b or a == 1', { a: R(1), b: R(3) })).toBe(true);
  });
  it('functions: min max abs round if count', () => {
    expect(run('min(3, 1, 2) + max(1, 4)')).toEqual(R(5));
    expect(run('abs(0 - 2.5)')).toEqual(R('2.5'));
    expect(run('round(2.345, 2)')).toEqual(R('2.35'));
    expect(run('round(-2.5)')).toEqual(R(-3));
    expect(run('if(a > 1, 10, 20)', { a: R(2) })).toEqual(R(10));
    expect(run('count(x, y, z)', { x: true, y: false, z: true })).toEqual(R(2));
  });
  it('division by zero is undefined, never Infinity or NaN', () => {
    expect(run('a / b', { a: R(1), b: R(0) })).toBeUndefined();
    expect(run('a / b >= 95%', { a: R(0), b: R(0) })).toBeUndefined();
  });
  it('undefined propagates, except where logic decides (Kleene)', () => {
    expect(run('a + 1')).toBeUndefined();
    expect(run('a > 1 and false')).toBe(false);
    expect(run('a > 1 or true')).toBe(true);
  });
});

describe('function calls', () => {
  it('read every argument in order; one unknown argument makes the result unknown', () => {
    const read: string[] = [];
    const r = parseFormula('min(a, b, c) + max(c, b, a) + count(a, b, c)');
    if ('error' in r) throw new Error(r.error.message.en);
    const vars: Record<string, Value> = { a: R(2), b: undefined, c: R(1) };
    expect(evaluate(r.formula.ast, (n) => (read.push(n), vars[n]))).toBeUndefined();
    expect(read).toEqual(['a', 'b', 'c', 'c', 'b', 'a', 'a', 'b', 'c']);
    for (const f of ['min(x, y)', 'max(y, x)', 'count(x, y)', 'abs(y)', 'round(x, y)', 'round(y, 1)']) {
      expect(run(f, { x: R(1), y: undefined })).toBeUndefined();
    }
  });
  it('min, max and count over many arguments, booleans as 1 and 0', () => {
    const vars = { a: R('-1.5'), b: R(7), c: R(3), t: true, f: false };
    expect(run('min(b, a, c, t)', vars)).toEqual(R('-1.5'));
    expect(run('max(a, t, f)', vars)).toEqual(R(1));
    expect(run('max(a, f)', vars)).toEqual(R(0));
    expect(run('count(a, f, t, 0, b)', vars)).toEqual(R(3));
    expect(run('round(2/3, t)', vars)).toEqual(R('0.7'));
    expect(run('round(2/3)', vars)).toEqual(R(1));
  });
});

describe('formula safety', () => {
  it('rejects property access, so a.constructor and a["__proto__"] never reach an object', () => {
    expect(err('a.constructor')?.message.en).toMatch(/property access/);
    expect(err('a["__proto__"]')?.message.en).toMatch(/property access/);
    expect(err('toString.call(1)')?.message.en).toMatch(/property access|unknown function/);
  });
  it('rejects unknown functions, this, arrays, strings, ternaries and sequences', () => {
    expect(err('eval(1)')?.message.en).toMatch(/unknown function eval/);
    expect(err('constructor(1)')?.message.en).toMatch(/unknown function constructor/);
    expect(err('this')).toBeDefined();
    expect(err('[1, 2]')).toBeDefined();
    expect(err('"x"')).toBeDefined();
    expect(err('a ? b : c')).toBeDefined();
    expect(err('1 2')?.message.en).toMatch(/one expression/);
  });
  it('names like constructor, __proto__ and toString are plain names looked up in a Map: inert', () => {
    expect(run('constructor + 1')).toBeUndefined();
    expect(run('toString')).toBeUndefined();
    expect(run('constructor + 1', { constructor: R(2) })).toEqual(R(3));
    const env = new Map<string, Value>();
    const r = parseFormula('__proto__');
    expect('formula' in r && evaluate(r.formula.ast, (n) => env.get(n))).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
  });
  it('reports where the formula breaks', () => {
    expect(err('a / ')?.index).toBe(4);
    expect(err('a + % 2')).toBeDefined();
  });
});

describe('targets', () => {
  const t = (s: string) => {
    const r = parseTarget(s);
    if ('error' in r) throw new Error(r.error.message.en);
    return r.target;
  };
  it('parses comparisons, ranges and boolean formulas', () => {
    expect(t('>= 95%')).toMatchObject({ kind: 'cmp', op: '>=' });
    expect(t('≤ 5%')).toMatchObject({ kind: 'cmp', op: '<=' });
    expect(t('== 0')).toMatchObject({ kind: 'cmp', op: '==' });
    expect(t('> x')).toMatchObject({ kind: 'cmp', op: '>' });
    expect(t('between 103 and 107')).toMatchObject({ kind: 'between' });
    expect(t('a > b')).toMatchObject({ kind: 'formula' });
  });
  it('gives the position of an error inside the target text', () => {
    const r = parseTarget('between 1 and 2 +');
    expect('error' in r && r.error.index).toBe(17);
    const r2 = parseTarget('>=');
    expect('error' in r2).toBe(true);
  });
});

describe('rational', () => {
  it('rounds half away from zero only for display', () => {
    expect(R('0.125').toFixed(2)).toBe('0.13');
    expect(R('-0.125').toFixed(2)).toBe('-0.13');
    expect(Rational.of(1n, 3n).toDecimal(6)).toBe('0.333333');
    expect(R(0.3).toString()).toBe('3/10');
  });
});

describe('formula limits', () => {
  it('round(x, d) takes only a whole d in 0..12, else undefined', () => {
    // No 10^1000000 is ever built: the digits are refused before Rational.round runs (a step bound, not a clock).
    const rounds = vi.spyOn(Rational.prototype, 'round');
    expect(run('round(1/3, 1000000)')).toBeUndefined();
    expect(rounds).not.toHaveBeenCalled();
    expect(run('round(1/3, 12)')).toEqual(R('0.333333333333'));
    expect(rounds.mock.calls.map((c) => c[0])).toEqual([12]);
    rounds.mockRestore();
    expect(run('round(1/3, 13)')).toBeUndefined();
    expect(run('round(1/3, 0 - 1)')).toBeUndefined();
    expect(run('round(1/3, 1.5)')).toBeUndefined();
    expect(run('round(1/3, 12)')).toEqual(R('0.333333333333'));
    expect(run('round(2.5, 0)')).toEqual(R(3));
  });
  it('a formula longer than 2,000 characters is a parse error, not a crash', () => {
    const sum = Array.from({ length: 5000 }, () => 'a').join(' + ');
    const e = err(sum);
    expect(e).toBeDefined();
    expect(e!.index).toBe(0);
    expect(e!.message.en).toMatch(/too long/);
    expect(e!.message.zh).toMatch(/过长/);
  });
  it('nesting deeper than 200 levels is a parse error, not a stack overflow', () => {
    const parens = `${'('.repeat(201)}a${')'.repeat(201)}`;
    expect(err(parens)?.message.en).toMatch(/nested too deeply/);
    expect(err(`${'('.repeat(200)}a${')'.repeat(200)}`)).toBeUndefined();
    // 300 terms: an operator chain 300 deep, under 2,000 characters.
    expect(err(Array.from({ length: 300 }, () => 'a').join('+'))?.message.en).toMatch(/nested too deeply/);
    expect(err(`${'-'.repeat(500)}a`)?.index).toBe(0);
    expect(run(Array.from({ length: 100 }, () => 'a').join(' + '), { a: R(1) })).toEqual(R(100));
  });
});
