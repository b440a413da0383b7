/** Periods (src/data/period.ts, was src/batch/period.ts): parsing, names, ends, order. */
import { describe, expect, it } from 'vitest';
import { comparePeriods, parsePeriod, periodEnd, periodInName, periodOfPath } from '../../src/data/period';

describe('parsePeriod (a --period value or a cell)', () => {
  it.each([
    ['2026-09', '2026-09'],
    ['2026_9', '2026-09'],
    ['2026.09', '2026-09'],
    ['2026/9', '2026-09'],
    ['2026年9月', '2026-09'],
    ['2026年12月', '2026-12'],
    [' 2026-09 ', '2026-09'],
    ['２０２６－０９', '2026-09'],
    ['2026h1', '2026h1'],
    ['2026H2', '2026h2'],
    ['2026年上半年', '2026h1'],
    ['2026下半年', '2026h2'],
  ])('%j → %s', (text, want) => {
    expect(parsePeriod(text)).toBe(want);
  });

  it.each([
    '2026-13',
    '2026-00',
    '2026-0',
    '2026年13月',
    '2026h3',
    '2026H0',
    '2026',
    'Sept 2026',
    '',
    '2026-09-01',
    '140724',
  ])('rejects %j', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });

  // A 6-digit area code is not a period, whatever its last two digits: 140702 (榆次区) is not 1407-02.
  it.each(['140702', '140721', '140712'])('an area code %j is not a period', (text) => {
    expect(parsePeriod(text)).toBeUndefined();
  });
});

describe('periodInName (folder and file names)', () => {
  it.each([
    ['2026-09', '2026-09'],
    ['2026_9', '2026-09'],
    ['2026.09', '2026-09'],
    ['2026年9月', '2026-09'],
    ['2026h1', '2026h1'],
    ['2026H2', '2026h2'],
    ['2026年上半年', '2026h1'],
    ['townships-2026-07.csv', '2026-07'],
    ['昔阳县2026年9月报表.xlsx', '2026-09'],
    ['140724-2026-09.csv', '2026-09'],
    ['data2026h2.xlsx', '2026h2'],
  ])('%j → %s', (name, want) => {
    expect(periodInName(name)).toBe(want);
  });

  it.each([
    '140724',
    '昔阳县140724',
    'county-140724.csv',
    '2026-13',
    '2026年13月',
    'townships.csv',
    '20260-01',
    '140724100',
  ])('%j has no period', (name) => {
    expect(periodInName(name)).toBeUndefined();
  });

  it('the last period in a name wins', () => {
    expect(periodInName('report-2026-07-to-2026-08.csv')).toBe('2026-08');
    expect(periodInName('2026h1-2026-09')).toBe('2026-09');
  });
});

describe('periodOfPath', () => {
  it('the nearest segment with a period, from the file up', () => {
    expect(periodOfPath(['data', '2026-07', '昔阳县', 'townships.csv'])).toBe('2026-07');
    expect(periodOfPath(['2026-07', 'townships-2026-08.csv'])).toBe('2026-08');
    expect(periodOfPath(['2026h1', '2026-07', 'x.csv'])).toBe('2026-07');
    expect(periodOfPath(['data', '140724', 'x.csv'])).toBeUndefined();
    expect(periodOfPath([])).toBeUndefined();
  });
});

describe('periodEnd', () => {
  it.each([
    ['2028-02', '2028-02-29'],
    ['2026-02', '2026-02-28'],
    ['2000-02', '2000-02-29'],
    ['2100-02', '2100-02-28'],
    ['2026-04', '2026-04-30'],
    ['2026-12', '2026-12-31'],
    ['2026-01', '2026-01-31'],
    ['2026h1', '2026-06-30'],
    ['2026h2', '2026-12-31'],
  ])('%s ends %s', (p, want) => {
    expect(periodEnd(p)).toBe(want);
  });
});

describe('comparePeriods', () => {
  it('chronological by end; a month before the half year ending with it; null last', () => {
    const list = ['2026h2', null, '2026-12', '2026-07', '2026h1', '2026-06', '2025-12', '2025h2'];
    expect([...list].sort(comparePeriods)).toEqual([
      '2025-12',
      '2025h2',
      '2026-06',
      '2026h1',
      '2026-07',
      '2026-12',
      '2026h2',
      null,
    ]);
  });

  it('is antisymmetric and 0 only for equal periods', () => {
    expect(comparePeriods('2026-06', '2026h1')).toBeLessThan(0);
    expect(comparePeriods('2026h1', '2026-06')).toBeGreaterThan(0);
    expect(comparePeriods('2026h1', '2026-05')).toBeGreaterThan(0);
    expect(comparePeriods('2026-09', '2026-10')).toBeLessThan(0);
    expect(comparePeriods('2026-10', '2026-09')).toBeGreaterThan(0);
    expect(comparePeriods('2026-09', '2026-09')).toBe(0);
    expect(comparePeriods(null, null)).toBe(0);
    expect(comparePeriods(null, '1999-01')).toBeGreaterThan(0);
    expect(comparePeriods('2099h2', null)).toBeLessThan(0);
  });
});
