import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Field } from '../../src/scheme/model';
import { parseCell, plainCell } from '../../src/data/values';

const ofType = (type: Field['type']): Field => ({ id: `a_${type}`, label: type, aliases: [], type, level: 0, required: true });
const TYPES: Field['type'][] = ['count', 'number', 'money', 'percent', 'score', 'boolean', 'text'];

/** Cells as a spreadsheet exports them: digits, points, commas, signs, %, blanks, full-width forms. */
const cellText = fc.array(fc.constantFrom('0', '1', '2', '5', '7', '9', '.', ',', '-', '+', '%', ' ', '１', '．', "'", 'e'), { maxLength: 18 }).map((cs) => cs.join(''));

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
    for (const raw of ['', ' 1', '1.', '.5', '1.2.3', '1,234', '-1', '12%', '１２', '1234567890123456']) expect(plainCell(raw, n)).toBeUndefined();
    // A count with a fraction, yes/no and text columns: parseCell's (it says why, or reads 1 as yes).
    expect(plainCell('2.5', ofType('count'))).toBeUndefined();
    expect(plainCell('1', ofType('boolean'))).toBeUndefined();
    expect(plainCell('1', ofType('text'))).toBeUndefined();
  });
});
