/**
 * The bench's check that pinggu and the pandas peer agree (scripts/bench-totals.mjs),
 * run as the bench runs it, on small hand-written files: it reads the county totals
 * from a batch JSON's `rankings` (a key found at the top level only, the rest of the
 * file not parsed), passes when every total is within 1e-6 and every rank equal, and
 * fails naming the county and both values otherwise.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/fake-io';

const dir = mkdtempSync(join(tmpdir(), 'pinggu-bench-totals-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const units = [
  { key: '110000', name: '甲县', rank: 1, of: 2, scaled: 93.16587, passed: true, grade: '达标', vetoed: false },
  { key: '110007', name: '乙县', rank: 2, of: 2, scaled: 81.052168, passed: false, grade: '接近达标', vetoed: true },
];

/** A batch JSON whose scheme title holds the word "rankings" and a brace, and whose tail is not valid JSON. */
function report(name: string, list = units): string {
  const head = JSON.stringify({
    schemaVersion: 1,
    kind: 'batch',
    scheme: { id: 'x', title: 'not "rankings": [ { here', sections: [{ id: 'rankings', title: '}' }] },
    summary: { rankings: [] },
    rankings: [{ period: null, units: list, items: [] }],
  });
  const file = join(dir, name);
  // The assessments after the rankings are never read: a broken tail must not matter.
  writeFileSync(file, `${head.slice(0, -1)},"assessments":[{"units":[ BROKEN`);
  return file;
}

function peer(name: string, rows: string[]): string {
  const file = join(dir, name);
  writeFileSync(file, `key,zhgl_org,max,bonus,total,vetoed,rank\n${rows.join('\n')}\n`);
  return file;
}

const run = (json: string, csv: string) =>
  spawnSync(process.execPath, ['scripts/bench-totals.mjs', json, csv], { cwd: ROOT, encoding: 'utf8' });

describe('bench-totals', () => {
  it('passes when every total agrees to 1e-6 and every rank is equal', () => {
    const r = run(
      report('ok.json'),
      peer('ok.csv', ['110000,6.0,96.0,2.0,93.16587043702116,False,1', '110007,4.0,100.0,5.0,81.0521675,True,2']),
    );
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('totals agree: 2 counties');
  });

  it('fails on a total further than 1e-6, naming the county and both values', () => {
    const r = run(
      report('off.json'),
      peer('off.csv', ['110000,6.0,96.0,2.0,93.1658687,False,1', '110007,4.0,100.0,5.0,81.052168,True,2']),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('disagree on 1 of 2 counties');
    expect(r.stderr).toContain('甲县 (110000): total pinggu 93.16587, pandas 93.1658687');
  });

  it('fails on a different rank, and on a county one side lacks', () => {
    const r = run(
      report('rank.json'),
      peer('rank.csv', ['110000,6.0,96.0,2.0,93.16587,False,2', '110014,4.0,100.0,5.0,81.052168,True,2']),
    );
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('甲县 (110000): rank pinggu 1, pandas 2');
    expect(r.stderr).toContain('乙县 (110007): pinggu 81.052168, pandas has no such county');
    expect(r.stderr).toContain("110014: pandas 81.052168, not in pinggu's report");
  });
});
