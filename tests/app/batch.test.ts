/**
 * The offline page's batch (src/app/run-batch.ts): files that make a batch on the
 * command line (several counties or periods) make the same batch in the page, and its
 * reports are the bytes of `pinggu score <folder>` run in the folder's parent, where the
 * files have the names the page knows (the folder-relative paths of a picked folder).
 */
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { saveAs, scoreKeeping, type AppFile, type AppResult, type SaveFormat } from '../../src/app/run';
import { jobsOfPaths } from '../../src/batch/jobs';
import { discoverJobs } from '../../src/cli/discover';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

const FIXTURES = join(ROOT, 'fixtures');
const SCHEME = {
  name: 'criteria/jsyzfw-2008.yaml',
  text: readFileSync(join(ROOT, 'criteria', 'jsyzfw-2008.yaml'), 'utf8'),
};

/** Every file below `dir`, named by its path from `parent` (as a picked folder names them). */
function folder(parent: string, dir: string): AppFile[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((e) => (statSync(join(d, e)).isDirectory() ? walk(join(d, e)) : [join(d, e)]));
  return walk(join(parent, dir)).map((f) => ({
    name: relative(parent, f).split('\\').join('/'),
    bytes: new Uint8Array(readFileSync(f)),
  }));
}

/** The bytes `pinggu <args> -o <out>` writes in `cwd` (whatever its exit code: a failed county fails the gate). */
async function cliBytes(cwd: string, args: string[], out: string): Promise<Buffer> {
  const io = fakeIo();
  io.cwd = cwd;
  expect(await main([...args, '-o', out], io)).toBeLessThan(2);
  const data = [...io.written.entries()].find(([p]) => p.endsWith(out))![1];
  return Buffer.from(typeof data === 'string' ? new TextEncoder().encode(data) : data);
}

/** The files one `pinggu <args> -o <out>…` writes, by name. */
async function cliFiles(cwd: string, args: string[], outs: string[]): Promise<Map<string, Buffer>> {
  const io = fakeIo();
  io.cwd = cwd;
  expect(await main([...args, ...outs.flatMap((o) => ['-o', o])], io)).toBeLessThan(2);
  const files = new Map<string, Buffer>();
  for (const out of outs) {
    const data = [...io.written.entries()].find(([p]) => p.endsWith(`/${out}`))![1];
    files.set(out, Buffer.from(typeof data === 'string' ? new TextEncoder().encode(data) : data));
  }
  return files;
}

const bytes = (x: string | Uint8Array | string[]): Buffer =>
  Buffer.from(typeof x === 'string' ? x : Array.isArray(x) ? x.join('') : x);

/** The same bytes (toEqual on a long Buffer compares element by element: minutes); a difference shown as text. */
function same(mine: Buffer, theirs: Buffer, what = 'bytes'): void {
  if (!mine.equals(theirs)) expect(mine.toString('latin1'), what).toBe(theirs.toString('latin1'));
}

function report(r: AppResult) {
  if (r.kind !== 'report') throw new Error(`expected a report, got ${r.kind}`);
  return r;
}

/** Each format the page saves, and the flags that make the command line write it. */
const FORMATS: [SaveFormat, string[], string][] = [
  ['json', ['--format', 'json'], 'r.json'],
  ['csv', ['--format', 'csv'], 'r.csv'],
  ['csv-gb18030', ['--format', 'csv', '--csv-encoding', 'gb18030'], 'r.csv'],
  ['xlsx', [], 'r.xlsx'],
];

describe('the batch in the page', () => {
  it('fixtures/jinzhong picked as a folder: the batch of pinggu score jinzhong, its HTML, JSON, CSV and workbook', async () => {
    const files = folder(FIXTURES, 'jinzhong');
    // 3 month folders × (county.csv, townships.csv), and the README.
    expect(files).toHaveLength(7);
    // Every format in Chinese; the report and the JSON in English too. One command line
    // run writes the report in every format asked for (-o repeated, format from the name);
    // the GB18030 CSV is a second run (--csv-encoding is for every CSV of a run).
    for (const lang of ['zh', 'en'] as const) {
      const kept = await scoreKeeping({ scheme: SCHEME, files, lang });
      const r = report(kept.result);
      expect(r.batch).toBe(true);
      expect(r.items).toEqual([]);
      expect(r.files).toBe(6);
      const args = ['score', 'jinzhong', '--lang', lang];
      const formats = lang === 'zh' ? FORMATS : FORMATS.slice(0, 1);
      const written = await cliFiles(FIXTURES, args, [
        'r.html',
        ...formats.filter(([f]) => f !== 'csv-gb18030').map(([, , out]) => out),
      ]);
      same(bytes(r.html), written.get('r.html')!);
      for (const [format, flags, out] of formats) {
        const theirs =
          format === 'csv-gb18030' ? await cliBytes(FIXTURES, [...args, ...flags], out) : written.get(out)!;
        same(bytes(await saveAs(kept.scored!, format)), theirs, format);
      }
      // The README is not data: said, never skipped in silence.
      expect(r.findings).toHaveLength(1);
      expect(r.findings[0]).toMatch(/^jinzhong\/README\.md:1:1: /);
    }
  }, 120_000);

  it('says the batch in a line: 11 counties, 3 periods, and in 2026-09 4 passed (榆次区, 祁县, 平遥县, 介休市), 7 failed', async () => {
    const kept = await scoreKeeping({ scheme: SCHEME, files: folder(FIXTURES, 'jinzhong'), lang: 'en' });
    const r = report(kept.result);
    expect(r.summary).toBe(
      '11 counties, 3 periods (2026-07, 2026-08, 2026-09); 2026-09: 4 passed, 7 failed. The ranking of the counties, the city summary and the trend are in the report below',
    );
    const doc = JSON.parse(bytes(await saveAs(kept.scored!, 'json')).toString('utf8'));
    expect(doc.kind).toBe('batch');
    expect(doc.periods).toEqual(['2026-07', '2026-08', '2026-09']);
    // 11 counties × 3 months; the trend over them.
    expect(doc.summary.assessments).toBe(33);
    expect(doc.trend).toBeDefined();
    expect(doc.sources.map((s: { source: string }) => s.source)).toEqual([
      'jinzhong/2026-07',
      'jinzhong/2026-08',
      'jinzhong/2026-09',
    ]);
  });

  it('one month of the city (one dataset of 11 counties): the lean batch of pinggu score 2026-09, byte for byte, and its workbook', async () => {
    const parent = join(FIXTURES, 'jinzhong');
    const kept = await scoreKeeping({ scheme: SCHEME, files: folder(parent, '2026-09'), lang: 'zh' });
    const r = report(kept.result);
    expect(r.batch).toBe(true);
    // 2026-09: 4 of the 11 counties pass (see fixtures/jinzhong/README.md); one period, no trend.
    expect(r.summary).toBe('11 个县、1 个期间（2026-09）；2026-09：4 个通过，7 个未通过。县际排名、全市汇总见下方报告');
    const args = ['score', '2026-09', '--lang', 'zh'];
    same(bytes(r.html), await cliBytes(parent, [...args, '--format', 'html'], 'r.html'));
    same(bytes(await saveAs(kept.scored!, 'json')), await cliBytes(parent, [...args, '--format', 'json'], 'r.json'));
    // The city workbook (one sheet per county) of one month.
    same(bytes(await saveAs(kept.scored!, 'xlsx')), await cliBytes(parent, args, 'r.xlsx'));
  }, 120_000);

  it('fixtures/xiyang picked as a folder is one county in one period: the single report of pinggu score xiyang', async () => {
    const kept = await scoreKeeping({ scheme: SCHEME, files: folder(FIXTURES, 'xiyang'), lang: 'zh' });
    const r = report(kept.result);
    expect(r.batch).toBe(false);
    expect(r.summary).toMatch(/^昔阳县：87\.18 \/ 100 分，未通过/);
    same(
      bytes(await saveAs(kept.scored!, 'json')),
      await cliBytes(FIXTURES, ['score', 'xiyang', '--format', 'json', '--lang', 'zh'], 'r.json'),
    );
  });

  describe('a 期间 column with two periods in the files given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinggu-app-batch-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    const withPeriod = (name: string): AppFile => {
      const [head, ...rows] = readFileSync(join(FIXTURES, 'xiyang', name), 'utf8')
        .replace(/^\ufeff/, '')
        .split(/\r?\n/)
        .filter((l) => l.trim());
      const text = [`期间,${head}`, ...rows.map((x) => `2026-08,${x}`), ...rows.map((x) => `2026-09,${x}`)].join('\n');
      writeFileSync(join(dir, name), text);
      return { name, bytes: new TextEncoder().encode(text) };
    };

    it('is a batch of two periods, as pinggu score county.csv townships.csv makes it', async () => {
      const files = [withPeriod('townships.csv'), withPeriod('county.csv')];
      const kept = await scoreKeeping({ scheme: SCHEME, files, lang: 'en' });
      const r = report(kept.result);
      // The same county twice: 87.18 in both months, so it fails in 2026-09.
      expect(r.summary).toBe(
        '1 county, 2 periods (2026-08, 2026-09); 2026-09: 0 passed, 1 failed. The ranking of the counties, the city summary and the trend are in the report below',
      );
      const args = ['score', 'county.csv', 'townships.csv', '--lang', 'en', '--format', 'json'];
      same(bytes(await saveAs(kept.scored!, 'json')), await cliBytes(dir, args, 'r.json'));
    });
  });
});

describe('jobsOfPaths: the jobs pinggu score makes of a folder', () => {
  it('groups fixtures/ as discoverJobs does: one job per county folder and month, the README left', () => {
    const io = fakeIo();
    io.cwd = FIXTURES;
    const cli = discoverJobs(io, ['jinzhong', 'xiyang']).map((j) => ({
      ...j,
      files: j.files.map((f) => relative(FIXTURES, f)),
    }));
    const page = jobsOfPaths([...folder(FIXTURES, 'xiyang'), ...folder(FIXTURES, 'jinzhong')].map((f) => f.name));
    expect(page.jobs).toEqual(cli);
    expect(page.jobs.map((j) => `${j.source} ${j.period}`)).toEqual([
      'jinzhong/2026-07 2026-07',
      'jinzhong/2026-08 2026-08',
      'jinzhong/2026-09 2026-09',
      'xiyang null',
    ]);
    expect(page.unread).toEqual(['jinzhong/README.md', 'xiyang/README.md']);
  });

  it('files given alone are one dataset first; a period in a file name splits it, a roster joins each', () => {
    const { jobs, unread } = jobsOfPaths(['乡镇-2026-09.csv', '县.csv', '乡镇-2026-08.csv', 'a/b/.hidden/x.csv']);
    expect(jobs).toEqual([
      {
        source: '乡镇-2026-08.csv, 乡镇-2026-09.csv, 县.csv',
        period: '2026-08',
        files: ['乡镇-2026-08.csv', '县.csv'],
      },
      {
        source: '乡镇-2026-08.csv, 乡镇-2026-09.csv, 县.csv',
        period: '2026-09',
        files: ['乡镇-2026-09.csv', '县.csv'],
      },
    ]);
    expect(unread).toEqual(['a/b/.hidden/x.csv']);
  });
});
