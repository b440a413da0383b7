import { describe, expect, it } from 'vitest';
import { grid, textWidth } from '../../src/report/shared/grid';

describe('grid', () => {
  it('counts CJK and full-width characters as two columns, colour codes as none', () => {
    expect(textWidth('abc')).toBe(3);
    expect(textWidth('昔阳县')).toBe(6);
    expect(textWidth('９２．５％')).toBe(10);
    expect(textWidth('\u001b[31m失分\u001b[39m')).toBe(4);
    expect(textWidth('✓ ✗ – ≥')).toBe(7);
  });
  it('aligns Chinese and Latin text in columns and wraps long cells', () => {
    const out = grid(
      [
        ['符合政策生育率', '96.57%'],
        ['计划生育奖励优惠政策出台和落实', '1'],
      ],
      { head: ['指标', 'Value'], widths: [10, 6] },
    );
    expect(out.split('\n')).toEqual([
      '┌────────────┬────────┐',
      '│ 指标       │ Value  │',
      '│ 符合政策生 │ 96.57% │',
      '│ 育率       │        │',
      '│ 计划生育奖 │ 1      │',
      '│ 励优惠政策 │        │',
      '│ 出台和落实 │        │',
      '└────────────┴────────┘',
    ]);
    for (const line of out.split('\n')) expect(textWidth(line)).toBe(10 + 6 + 3 * 2 + 1);
  });
  it('keeps colour codes with their text when wrapping', () => {
    const out = grid([['\u001b[31mabcdef\u001b[39m']], { head: ['h'], widths: [3] });
    expect(out).toContain('│ \u001b[31mabc │');
    expect(out).toContain('│ def\u001b[39m │');
  });
});

describe('grid wrapping', () => {
  it('breaks after a space rather than inside a number', () => {
    const out = grid([['知情选择村覆盖面 88.46% −0.3']], { head: ['worst'], widths: [24] });
    expect(out.split('\n').slice(2, 4)).toEqual(['│ 知情选择村覆盖面 88.46%  │', '│ −0.3                     │']);
  });
});
