/**
 * The bundled sample scored in JSON, compared with reviewed golden files
 * (tests/golden/*.json, read by hand: the county's 87.18 matches the hand
 * computation in fixtures/xiyang/README.md). Regenerate with UPDATE_GOLDEN=1.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from './fake-io';

async function score(args: string[]): Promise<{ code: number; out: string }> {
  const io = fakeIo();
  const code = await main(['score', 'fixtures/xiyang', ...args], io);
  return { code, out: io.out };
}

describe('golden JSON of the bundled sample', () => {
  for (const lang of ['zh', 'en']) {
    it(`matches tests/golden/xiyang.${lang}.json`, async () => {
      const file = join(ROOT, `tests/golden/xiyang.${lang}.json`);
      const { out } = await score(['--format', 'json', '--lang', lang]);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, out);
      expect(out).toBe(readFileSync(file, 'utf8'));
    });
  }

  for (const lang of ['zh', 'en']) {
    it(`the terminal table matches tests/golden/xiyang.${lang}.txt`, async () => {
      const file = join(ROOT, `tests/golden/xiyang.${lang}.txt`);
      const { out } = await score(['--lang', lang]);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, out);
      expect(out).toBe(readFileSync(file, 'utf8'));
    });
  }

  it('two runs give identical bytes', async () => {
    const a = await score(['--format', 'json']);
    const b = await score(['--format', 'json']);
    expect(a.out).toBe(b.out);
    const t1 = await score([]);
    const t2 = await score([]);
    expect(t1.out).toBe(t2.out);
  });
});

interface JItem {
  status: string;
  points: number;
  max: number;
  lost: number;
  bonus: boolean;
  value: unknown;
}
interface JUnit {
  name: string;
  score: number;
  max: number;
  scaled: number;
  bonus: number;
  passed: boolean;
  vetoes: { triggered: boolean; checked: boolean }[];
  items: JItem[];
  children: JUnit[];
}

describe('JSON invariants', () => {
  it('0 ≤ points ≤ max, met means full points, passed agrees with the pass line and vetoes, the exit code agrees', async () => {
    const { code, out } = await score(['--format', 'json']);
    const doc = JSON.parse(out) as { scheme: { pass: number; total: number }; units: JUnit[] };
    const check = (u: JUnit) => {
      let sum = 0;
      for (const i of u.items) {
        expect(i.points).toBeGreaterThanOrEqual(0);
        if (!i.bonus) {
          expect(i.points).toBeLessThanOrEqual(i.max);
          expect(i.lost).toBeCloseTo(i.max - i.points, 6);
          if (i.status === 'met') expect(i.points).toBe(i.max);
          sum += i.points;
        }
      }
      expect(u.score).toBeCloseTo(sum + u.bonus, 5);
      const vetoed = u.vetoes.some((v) => v.triggered);
      const allChecked = u.vetoes.every((v) => v.checked);
      expect(u.passed).toBe(!vetoed && allChecked && u.scaled >= doc.scheme.pass);
      u.children.forEach(check);
    };
    doc.units.forEach(check);
    expect(code).toBe(doc.units.every((u) => u.passed) ? 0 : 1);
    expect(doc.units[0]!.score).toBe(87.180468);
  });
});
