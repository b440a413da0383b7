/**
 * The bench's data generator (scripts/gen-national.mjs) at a small size: the rows it
 * promises, the same bytes for the same seed, and data that reads without a finding.
 * (Its speed is the bench's business, not a test's.)
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data/dataset';
import { evaluate } from '../../src/engine/evaluate';
import { loadScheme } from '../../src/scheme/load';
import { ROOT } from '../cli/fake-io';

const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

function gen(...args: string[]): { dir: string; files: { name: string; bytes: Uint8Array }[] } {
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-gen-'));
  dirs.push(dir);
  execFileSync(
    process.execPath,
    ['scripts/gen-national.mjs', '--out', dir, '--townships', '300', '--counties', '25', '--dirty', '0', ...args],
    { cwd: ROOT, stdio: 'ignore' },
  );
  const files = readdirSync(dir)
    .sort()
    .map((name) => ({ name, bytes: readFileSync(join(dir, name)) }));
  return { dir, files };
}

const scheme = (() => {
  const file = join(ROOT, 'criteria/jsyzfw-2008.yaml');
  const r = loadScheme(readFileSync(file, 'utf8'), file);
  if (!r.scheme) throw new Error('bundled scheme does not load');
  return r.scheme;
})();

describe('gen-national', () => {
  for (const sample of [[], ['--sample', 'fixtures/xiyang']]) {
    it(`writes the townships and counties asked for, which read and score without a finding${sample.length ? ' (from the sample)' : ''}`, () => {
      const { files } = gen(...sample);
      expect(files.map((f) => f.name)).toEqual(['county.csv', 'townships.csv']);
      const lines = (name: string) =>
        new TextDecoder()
          .decode(files.find((f) => f.name === name)!.bytes)
          .trimEnd()
          .split('\n').length;
      expect(lines('townships.csv')).toBe(301);
      expect(lines('county.csv')).toBe(26);
      const ds = readDataset(scheme, files);
      expect(ds.findings.filter((d) => d.severity !== 'note')).toEqual([]);
      expect(ds.units.filter((u) => u.level === 0)).toHaveLength(300);
      const a = evaluate(scheme, ds);
      expect(a.units).toHaveLength(25);
      for (const u of a.units)
        expect(u.items.filter((i) => i.status === 'invalid' || i.status === 'missing')).toEqual([]);
    });
  }

  it('gives the same bytes for the same seed, and other bytes for another', () => {
    const a = gen('--seed', '7').files;
    const b = gen('--seed', '7').files;
    const c = gen('--seed', '8').files;
    expect(a).toEqual(b);
    expect(a[1]!.bytes).not.toEqual(c[1]!.bytes);
  });
});
