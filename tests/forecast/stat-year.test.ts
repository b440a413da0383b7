/** The statistical year: which days a month or half year covers, and where a month falls. */
import { describe, expect, it } from 'vitest';
import { referenceDate } from '../../src/engine/reference-date';
import { monthAt, periodRange, statMonth, statYearMonths } from '../../src/stat-year';
import { scheme } from '../support';

describe('statistical year from 1 October', () => {
  it('2026h1 is 1 October 2025 to 31 March 2026 (半年报), 2026h2 April to September', () => {
    expect(periodRange('2026h1', 10)).toEqual({ start: '2025-10-01', end: '2026-03-31' });
    expect(periodRange('2026h2', 10)).toEqual({ start: '2026-04-01', end: '2026-09-30' });
    expect(statYearMonths(2026, 10)).toEqual({ first: '2025-10', last: '2026-09' });
  });
  it('the calendar year by default: 2026h1 is January to June', () => {
    expect(periodRange('2026h1')).toEqual({ start: '2026-01-01', end: '2026-06-30' });
    expect(periodRange('2026h2')).toEqual({ start: '2026-07-01', end: '2026-12-31' });
    expect(periodRange('2024-02')).toEqual({ start: '2024-02-01', end: '2024-02-29' });
    expect(periodRange('2026')).toBeUndefined();
  });
  it('a month’s year is the year it ends in, and its index counts from the first month', () => {
    expect(statMonth('2025-10', 10)).toEqual({ year: 2026, index: 1 });
    expect(statMonth('2026-07', 10)).toEqual({ year: 2026, index: 10 }); // fixtures/jinzhong: 10 months
    expect(statMonth('2026-09', 10)).toEqual({ year: 2026, index: 12 });
    expect(statMonth('2026-10', 10)).toEqual({ year: 2027, index: 1 });
    expect(statMonth('2026-07')).toEqual({ year: 2026, index: 7 });
    expect(monthAt(2026, 12, 10)).toBe('2026-09');
    expect(monthAt(2026, 3, 10)).toBe('2025-12');
  });
  it('the reference date of adjustments follows the scheme’s year', () => {
    expect(referenceDate({ period: '2026h1', today: '2026-12-04', yearStarts: 10 })).toBe('2026-03-31');
    expect(referenceDate({ period: '2026h1', today: '2026-12-04' })).toBe('2026-06-30');
  });
});

describe('scheme keys', () => {
  const base = (extra: string, field = '') => `
id: t
title: T
version: 1
total: 10
pass: 6
${extra}
units: [{ id: township, title: 乡镇, name: [乡镇] }]
fields: [{ id: n, label: N, type: count${field} }]
sections:
  - { id: s, title: S, points: 10, items: [{ id: i, title: I, points: 10, formula: n, target: ">= 1", rule: { type: all } }] }
`;
  it('year.starts and accumulate compile; absent, nothing changes', () => {
    const s = scheme(base('year: { starts: "10-01" }', ', accumulate: ytd'));
    expect([s.yearStarts, s.fields.get('n')!.accumulate]).toEqual([10, 'ytd']);
    const plain = scheme(base(''));
    expect(['yearStarts' in plain, 'accumulate' in plain.fields.get('n')!]).toEqual([false, false]);
  });
  it('a year that does not start on the first of a month, or an unknown accumulation, is an error', () => {
    expect(() => scheme(base('year: { starts: "10-15" }'))).toThrow(/year\.starts/);
    expect(() => scheme(base('', ', accumulate: yearly'))).toThrow(/accumulate/);
  });
});
