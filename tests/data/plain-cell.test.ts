import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/scheme/model';
import { parseCell, plainCell } from '../../src/data/values';

const ofType = (type: Field['type']): Field => ({
  id: `a_${type}`,
  label: type,
  aliases: [],
  type,
  level: 0,
  required: true,
});
const TYPES: Field['type'][] = ['count', 'number', 'money', 'percent', 'score', 'boolean', 'text'];

/** Cells as a spreadsheet exports them: digits, points, commas, signs, %, blanks, full-width forms. */
const cellText = fc
  .array(fc.constantFrom('0', '1', '2', '5', '7', '9', '.', ',', '-', '+', '%', ' ', '１', '．', "'", 'e'), {
    maxLength: 18,
  })
  .map((cs) => cs.join(''));

describe('plainCell (the fast path for plain figures)', () => {
  it('gives exactly the value parseCell gives, or leaves the cell to parseCell', () => {
    fc.assert(
      fc.property(cellText, fc.constantFrom(...TYPES), (raw, type) => {
        const f = ofType(type);
        const fast = plainCell(raw, f);
        if (fast === undefined) return;
        const slow = parseCell(raw, f);
        expect('value' in slow && slow.value).toBeTruthy();
        expect(fast.eq((slow as { value: never }).value)).toBe(true);
      }),
      { numRuns: 5000 },
    );
  });

  it('reads plain digits and one inner point, and nothing else', () => {
    const n = ofType('number');
    expect(plainCell('1234', n)?.toString()).toBe('1234');
    expect(plainCell('007', n)?.toString()).toBe('7');
    expect(plainCell('92.5', ofType('percent'))?.toString()).toBe('37/40');
    for (const raw of ['', ' 1', '1.', '.5', '1.2.3', '1,234', '-1', '12%', '１２', '1234567890123456'])
      expect(plainCell(raw, n)).toBeUndefined();
    // A count with a fraction, yes/no and text columns: parseCell's (it says why, or reads 1 as yes).
    expect(plainCell('2.5', ofType('count'))).toBeUndefined();
    expect(plainCell('1', ofType('boolean'))).toBeUndefined();
    expect(plainCell('1', ofType('text'))).toBeUndefined();
  });

  it('shares one Rational per whole number read with the same map, and gives the same values', () => {
    const ints = new Map();
    const f = ofType('count');
    const a = plainCell('89041', f, ints);
    const b = plainCell('089041', f, ints);
    expect(a).toBe(b);
    expect(a?.toString()).toBe('89041');
    expect(plainCell('89042', f, ints)?.toString()).toBe('89042');
    expect(ints.size).toBe(2);
    // Percent and decimal cells are not shared; their values are those read without the map.
    expect(plainCell('92.5', ofType('percent'), ints)?.toString()).toBe('37/40');
    expect(plainCell('50', ofType('percent'), ints)?.toString()).toBe('1/2');
    expect(plainCell('50', f, ints)?.toString()).toBe('50');
  });

  it('keeps the map bounded: past 131,072 numbers it starts again', () => {
    const ints = new Map();
    const f = ofType('number');
    for (let k = 0; k < (1 << 17) + 10; k++) plainCell(String(100000 + k), f, ints);
    expect(ints.size).toBe(10);
    expect(plainCell('100000', f, ints)?.toString()).toBe('100000');
  });
});
