/**
 * From arguments to jobs (src/cli/discover.ts, src/cli/glob.ts), on a folder tree
 * made on disk for the test. File contents do not matter here except where `main` runs.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { discoverJobs, type Job } from '../../src/cli/discover';
import { expandGlob } from '../../src/cli/glob';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

let T = '';
const put = (rel: string, text = 'x\n') => {
  fs.mkdirSync(path.dirname(path.join(T, rel)), { recursive: true });
  fs.writeFileSync(path.join(T, rel), text);
};

beforeAll(() => {
  T = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-discover-'));
  // Month folders, created out of order; a month that the glob below does not match.
  for (const m of ['2026-09', '2026-07', '2026-08', '2026-10']) {
    put(`data/${m}/townships.csv`);
    put(`data/${m}/county.csv`);
  }
  put('data/notes/README.txt');
  put('data/.git/x.csv');
  // One folder per county under a month folder (deeper: month / city / county).
  for (const c of ['昔阳县', '榆次区', '介休市']) {
    put(`bycounty/2026年9月/晋中市/${c}/townships.csv`);
    put(`bycounty/2026年9月/晋中市/${c}/county.csv`);
  }
  put('bycounty/2026年9月/晋中市/介休市/~$townships.csv');
  // Months in file names, one roster without a period.
  put('named/townships-2026-07.csv');
  put('named/townships-2026-08.csv');
  put('named/county.csv');
  // Files and a folder side by side: the files are the dataset.
  put('mixed/townships.csv');
  put('mixed/old/townships.csv');
  // Nothing to read.
  put('empty/README.txt');
  fs.mkdirSync(path.join(T, 'empty', 'sub'));
});

afterAll(() => {
  if (T) fs.rmSync(T, { recursive: true, force: true });
});

/** An Io over the temporary tree; listDir answers in reverse order so that sorting is tested. */
function io() {
  const o = fakeIo();
  o.cwd = T;
  const list = o.listDir.bind(o);
  o.listDir = (p: string) => list(p)?.reverse();
  return o;
}

const rel = (f: string) => path.relative(T, f).split(path.sep).join('/');
const jobs = (args: string[], period?: string) =>
  discoverJobs(io(), args, period).map((j: Job) => ({ source: j.source, period: j.period, files: j.files.map(rel) }));

describe('discoverJobs', () => {
  it('a folder of month folders: one job per month, with the month as period, chronological; folders without data are skipped', () => {
    expect(jobs(['data'])).toEqual(
      ['2026-07', '2026-08', '2026-09', '2026-10'].map((m) => ({
        source: `data/${m}`,
        period: m,
        files: [`data/${m}/county.csv`, `data/${m}/townships.csv`],
      })),
    );
  });

  it('one folder per county below a month folder: one job per county with the month of the folder above', () => {
    expect(jobs(['bycounty'])).toEqual(
      ['介休市', '昔阳县', '榆次区'].map((c) => ({
        source: `bycounty/2026年9月/晋中市/${c}`,
        period: '2026-09',
        files: [`bycounty/2026年9月/晋中市/${c}/county.csv`, `bycounty/2026年9月/晋中市/${c}/townships.csv`],
      })),
    );
    // Named directly, the month folder gives the same jobs.
    expect(jobs(['bycounty/2026年9月']).map((j) => j.source)).toEqual(jobs(['bycounty']).map((j) => j.source));
  });

  it('files of one folder with different months in their names split; the file without a month joins each', () => {
    expect(jobs(['named'])).toEqual([
      { source: 'named', period: '2026-07', files: ['named/county.csv', 'named/townships-2026-07.csv'] },
      { source: 'named', period: '2026-08', files: ['named/county.csv', 'named/townships-2026-08.csv'] },
    ]);
  });

  it('--period overrides folder and file names', () => {
    expect(jobs(['data'], '2026h2').map((j) => [j.source, j.period])).toEqual([
      ['data/2026-07', '2026h2'],
      ['data/2026-08', '2026h2'],
      ['data/2026-09', '2026h2'],
      ['data/2026-10', '2026h2'],
    ]);
    expect(jobs(['bycounty'], '2027-01').map((j) => j.period)).toEqual(['2027-01', '2027-01', '2027-01']);
    expect(jobs(['named'], '2026-10')).toEqual([
      {
        source: 'named',
        period: '2026-10',
        files: ['named/county.csv', 'named/townships-2026-07.csv', 'named/townships-2026-08.csv'],
      },
    ]);
  });

  it('a quoted glob expands, sorted, and each match is searched like a folder argument', () => {
    expect(expandGlob(io(), 'data/2026-0*').map(rel)).toEqual(['data/2026-07', 'data/2026-08', 'data/2026-09']);
    expect(jobs(['data/2026-0*']).map((j) => [j.source, j.period])).toEqual([
      ['data/2026-07', '2026-07'],
      ['data/2026-08', '2026-08'],
      ['data/2026-09', '2026-09'],
    ]);
    // Hidden names only when the pattern names them.
    expect(expandGlob(io(), 'data/*').map(rel)).not.toContain('data/.git');
    expect(expandGlob(io(), 'data/.g*').map(rel)).toEqual(['data/.git']);
    expect(expandGlob(io(), 'data/2026-1[0-9]/*.csv').map(rel)).toEqual([
      'data/2026-10/county.csv',
      'data/2026-10/townships.csv',
    ]);
  });

  it('a glob of files in several month folders: the files of each month are one job with that month', () => {
    expect(jobs(['data/2026-0?/*.csv']).map((j) => [j.period, j.files])).toEqual([
      ['2026-07', ['data/2026-07/county.csv', 'data/2026-07/townships.csv']],
      ['2026-08', ['data/2026-08/county.csv', 'data/2026-08/townships.csv']],
      ['2026-09', ['data/2026-09/county.csv', 'data/2026-09/townships.csv']],
    ]);
  });

  it('files named directly form one dataset, with the period of their folder', () => {
    expect(jobs(['data/2026-08/townships.csv', 'data/2026-08/county.csv'])).toEqual([
      {
        source: 'data/2026-08/townships.csv, data/2026-08/county.csv',
        period: '2026-08',
        files: ['data/2026-08/townships.csv', 'data/2026-08/county.csv'],
      },
    ]);
  });

  it('a folder with data files is one dataset even when it has folders too; Excel lock files are skipped', () => {
    expect(jobs(['mixed'])).toEqual([{ source: 'mixed', period: null, files: ['mixed/townships.csv'] }]);
    expect(
      jobs(['bycounty'])
        .flatMap((j) => j.files)
        .some((f) => f.includes('~$')),
    ).toBe(false);
  });

  it('the same folder twice is one job', () => {
    expect(jobs(['data/2026-07', 'data/2026-07', 'data/2026-0[7]']).map((j) => j.source)).toEqual(['data/2026-07']);
  });
});

describe('usage errors (exit 2, nothing on stdout)', () => {
  const run = async (args: string[]) => {
    const o = io();
    const code = await main(['score', ...args], o);
    return { code, out: o.out, err: o.err };
  };

  it('a glob matching nothing', async () => {
    const r = await run(['data/2027-*']);
    expect(r).toEqual({ code: 2, out: '', err: expect.stringMatching(/data\/2027-\*: nothing matches/) });
  });

  it('a folder without data files says so', async () => {
    const r = await run(['empty']);
    expect(r).toEqual({
      code: 2,
      out: '',
      err: expect.stringMatching(/empty: the folder has no \.csv or \.xlsx files/),
    });
  });

  it('a path that does not exist', async () => {
    const r = await run(['nope/2026-09']);
    expect(r).toEqual({ code: 2, out: '', err: expect.stringMatching(/nope\/2026-09: no such file or folder/) });
  });

  it('an invalid --period', async () => {
    const r = await run([path.join(ROOT, 'fixtures/xiyang'), '--period', '2026-13']);
    expect(r).toEqual({ code: 2, out: '', err: expect.stringMatching(/--period 2026-13: expected a month YYYY-MM/) });
  });
});
