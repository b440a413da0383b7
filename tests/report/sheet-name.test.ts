/** Sheet names Excel accepts, cut by characters, not UTF-16 units. */
import { describe, expect, it } from 'vitest';
import { sheetName } from '../../src/report/shared/xlsx-cells';

describe('sheetName', () => {
  it('replaces the characters Excel forbids and keeps 31 characters', () => {
    expect(sheetName('a[b]:c*d?e/f\\g')).toBe('a_b__c_d_e_f_g');
    expect([...sheetName('县'.repeat(40))]).toHaveLength(31);
    expect(sheetName('')).toBe('Sheet');
  });

  it('never cuts a character outside the BMP in half (𠮷 is two UTF-16 units)', () => {
    const name = sheetName(`${'镇'.repeat(30)}𠮷𠮷`);
    expect(name).toBe(`${'镇'.repeat(30)}𠮷`);
    expect(name).not.toMatch(/[\ud800-\udbff]$/);
  });
});
