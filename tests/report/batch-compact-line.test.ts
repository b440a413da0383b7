import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data/dataset';
import { evaluate } from '../../src/engine/evaluate';
import type { UnitResult } from '../../src/engine/types';
import { childItems, compactLine, compactUnit } from '../../src/report/batch/compact';
import { scheme as schemeOf } from '../support';

const bundled = schemeOf(fs.readFileSync('criteria/jsyzfw-2008.yaml', 'utf8'));
const townships = (dir: string): UnitResult[] => {
  const files = ['townships.csv', 'county.csv'].map((n) => ({ name: n, bytes: fs.readFileSync(`${dir}/${n}`) }));
  return evaluate(bundled, readDataset(bundled, files)).units.flatMap((u) => u.children);
};

describe('compactLine (a township written directly)', () => {
  it('is JSON.stringify of the compact unit, byte for byte, for every township of the samples and for odd ones', () => {
    const units = [...townships('fixtures/xiyang'), ...townships('fixtures/jinzhong/2026-09')];
    expect(units.length).toBeGreaterThan(20);
    const odd: UnitResult[] = [
      // No code, no grade, an item without a value, a yes/no value, a vetoed unit with a negative score.
      {
        ...units[0]!,
        code: undefined,
        grade: undefined,
        items: units[0]!.items.map((i, k) =>
          k === 0 ? { ...i, value: undefined } : k === 1 ? { ...i, value: true } : i,
        ),
      },
      { ...units[1]!, name: 'a "quoted"\\ name', vetoes: [{ ...units[1]!.vetoes[0]!, triggered: true }] },
      // Items other than its neighbours': written with its own itemIds.
      { ...units[2]!, items: units[2]!.items.slice(1) },
    ];
    const shared = childItems(units);
    for (const u of [...units, ...odd]) expect(compactLine(u, shared)).toBe(JSON.stringify(compactUnit(u, shared)));
    expect(units.some((u) => u.items.some((i) => i.status !== 'met'))).toBe(true);
  });
});
