/**
 * Links in data folders (issue 9): each real folder searched once, each real file read
 * once, loops terminate, and what is skipped is said. Trees made on disk with symlinks
 * (skipped where the system cannot make them).
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findingText, type Diagnostic, type Finding } from '../../src/diagnostics';
import { discoverJobs } from '../../src/cli/discover';
import { expandGlob } from '../../src/cli/glob';
import type { Io } from '../../src/cli/io';
import { main } from '../../src/cli/main';
import { walkFolders } from '../../src/cli/walk';
import { fakeIo, ROOT } from '../cli/fake-io';

let T = '';
let canLink = true;
const put = (rel: string, text = 'x\n') => {
  fs.mkdirSync(path.dirname(path.join(T, rel)), { recursive: true });
  fs.writeFileSync(path.join(T, rel), text);
};
const link = (target: string, rel: string) => fs.symlinkSync(target, path.join(T, rel));

beforeAll(() => {
  T = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-links-'));
  const xiyang = (f: string) => fs.readFileSync(path.join(ROOT, 'fixtures/xiyang', f), 'utf8');
  // A county folder with two links to itself and one to its month folder.
  put('county/2026-07/townships.csv', xiyang('townships.csv'));
  put('county/2026-07/county.csv', xiyang('county.csv'));
  try {
    link('.', 'county/self');
  } catch {
    canLink = false;
    return;
  }
  link('.', 'county/again');
  link('2026-07', 'county/latest');
  // A loop of two links: a/b -> ../c, c/d -> ../a (a and c hold no data, so they are searched below).
  put('loop/a/sub/x.csv');
  put('loop/c/sub/y.csv');
  link('../c', 'loop/a/b');
  link('../a', 'loop/c/d');
  // A link to a file beside it, and a folder whose only file is a link into another.
  put('files/townships.csv');
  link('townships.csv', 'files/a-copy.csv');
  put('other/2026-08/townships.csv');
  fs.mkdirSync(path.join(T, 'other/2026-09'));
  link('../2026-08/townships.csv', 'other/2026-09/townships.csv');
  // A county folder holding a second name for its township file (what check and explain list themselves).
  put('twice/townships.csv', xiyang('townships.csv'));
  put('twice/county.csv', xiyang('county.csv'));
  link('townships.csv', 'twice/a-link.csv');
});

afterAll(() => {
  if (T) fs.rmSync(T, { recursive: true, force: true });
});

function io() {
  const o = fakeIo();
  o.cwd = T;
  return o;
}
const rel = (f: string) => path.relative(T, f).split(path.sep).join('/');
function discover(args: string[]) {
  const findings: Finding[] = [];
  const jobs = discoverJobs(io(), args, undefined, findings).map((j) => ({
    source: j.source,
    period: j.period,
    files: j.files.map(rel),
  }));
  return { jobs, said: findings.map((d) => `${d.severity} ${d.code} ${d.file}: ${findingText(d, 'en')}`) };
}

describe.runIf(process.platform !== 'win32')('links in data folders', () => {
  it('self -> . twice and a link to a month folder: the county is one job, each link said once', () => {
    if (!canLink) return;
    expect(discover(['county'])).toEqual({
      jobs: [
        {
          source: 'county/2026-07',
          period: '2026-07',
          files: ['county/2026-07/county.csv', 'county/2026-07/townships.csv'],
        },
      ],
      said: [
        'warning data/link-visited county/again: a link to county, which is already searched; skipped',
        'warning data/link-visited county/latest: a link to county/2026-07, which is already searched; skipped',
        'warning data/link-visited county/self: a link to county, which is already searched; skipped',
      ],
    });
  });

  it('** over self-links lists each real folder once and terminates', () => {
    if (!canLink) return;
    const said: Diagnostic[] = [];
    expect(expandGlob(io(), 'county/**/*.csv', said).map(rel)).toEqual([
      'county/2026-07/county.csv',
      'county/2026-07/townships.csv',
    ]);
    expect(said.map((d) => d.file)).toEqual(['county/again', 'county/latest', 'county/self']);
    expect(discover(['county/**/*.csv']).jobs.map((j) => [j.period, j.files])).toEqual([
      ['2026-07', ['county/2026-07/county.csv', 'county/2026-07/townships.csv']],
    ]);
  });

  it('** over a loop of two links terminates; each folder once, under the path first met', () => {
    if (!canLink) return;
    expect(expandGlob(io(), 'loop/**').map(rel)).toEqual(['loop', 'loop/a', 'loop/a/sub', 'loop/c', 'loop/c/sub']);
    const r = discover(['loop']);
    expect(r.jobs.map((j) => j.files)).toEqual([['loop/a/sub/x.csv'], ['loop/c/sub/y.csv']]);
    expect(r.said).toEqual([
      'warning data/link-visited loop/a/b: a link to loop/c, which is already searched; skipped',
      'warning data/link-visited loop/c/d: a link to loop/a, which is already searched; skipped',
    ]);
  });

  it('a link to a file is read once, as the file itself, and said', () => {
    if (!canLink) return;
    expect(discover(['files'])).toEqual({
      jobs: [{ source: 'files', period: null, files: ['files/townships.csv'] }],
      said: [
        'warning data/link-same-file files/a-copy.csv: the same file as files/townships.csv (through a link); read once',
      ],
    });
    // Named directly beside its folder, or twice through a glob: still once.
    expect(discover(['files/a-copy.csv', 'files']).jobs).toEqual([
      { source: 'files', period: null, files: ['files/townships.csv'] },
    ]);
    expect(discover(['other']).jobs).toEqual([
      { source: 'other/2026-08', period: '2026-08', files: ['other/2026-08/townships.csv'] },
    ]);
    expect(discover(['other']).said).toEqual([
      'warning data/link-same-file other/2026-09/townships.csv: the same file as other/2026-08/townships.csv (through a link); read once',
    ]);
  });

  it('score over self-links: the same report as the month folder alone, the links said on stderr (en and zh)', async () => {
    if (!canLink) return;
    const run = async (args: string[]) => {
      const o = io();
      const code = await main(['score', ...args, '--format', 'json'], o);
      return { code, out: o.out, err: o.err };
    };
    const alone = await run(['county/2026-07']);
    const linked = await run(['county']);
    expect(linked.code).toBe(alone.code);
    expect(linked.code).not.toBe(2);
    expect(linked.out).toBe(alone.out);
    expect(linked.err).toBe(
      [
        'county/again: warning: a link to county, which is already searched; skipped',
        'county/latest: warning: a link to county/2026-07, which is already searched; skipped',
        'county/self: warning: a link to county, which is already searched; skipped',
        '',
      ].join('\n') + alone.err,
    );
    const zh = await run(['county', '--lang', 'zh']);
    expect(zh.err).toContain('county/self: 警告: 指向 county 的链接，该文件夹已搜索过，跳过\n');
  });
});

describe.runIf(process.platform !== 'win32')('check and explain read each real file once', () => {
  const run = async (args: string[]) => {
    const o = io();
    const code = await main(args, o);
    return { code, out: o.out, err: o.err };
  };
  const plain = ['twice/county.csv', 'twice/townships.csv'];
  const said = 'twice/a-link.csv: warning: the same file as twice/townships.csv (through a link); read once';

  it('check over a folder with a link to its township file: the file once, the link said (text and json)', async () => {
    if (!canLink) return;
    const alone = await run(['check', ...plain]);
    const linked = await run(['check', 'twice']);
    expect(alone.code).toBe(0);
    expect(linked.code).toBe(0);
    expect(alone.out).not.toContain('duplicate');
    expect(alone.out).toContain('\nTotal: 0 errors, 0 warnings, 1 note\n');
    expect(linked.out).toBe(
      alone.out.replace(
        '\nTotal: 0 errors, 0 warnings',
        `\nOther\n  1 warning\n    ${said}\n\nTotal: 0 errors, 1 warning`,
      ),
    );
    const json = JSON.parse((await run(['check', 'twice', '--format', 'json'])).out) as {
      files: { file: string }[];
      findings: Diagnostic[];
    };
    expect(json.files.map((f) => f.file)).toEqual(plain);
    expect(json.findings.filter((d) => d.code === 'data/link-same-file').map((d) => [d.severity, d.file])).toEqual([
      ['warning', 'twice/a-link.csv'],
    ]);
    // The link named with the file itself on the command line: the same.
    expect((await run(['check', 'twice/a-link.csv', ...plain])).out).toContain(said);
  });

  it('explain over the same folder: the same explanation, the link said on stderr', async () => {
    if (!canLink) return;
    const alone = await run(['explain', 'jfbz_per_capita', ...plain]);
    const linked = await run(['explain', 'jfbz_per_capita', 'twice']);
    expect([linked.code, linked.out]).toEqual([alone.code, alone.out]);
    expect(alone.err).toBe('');
    expect(linked.err).toBe(`${said}\n`);
    expect((await run(['explain', 'jfbz_per_capita', 'twice', '--lang', 'zh'])).err).toBe(
      'twice/a-link.csv: 警告: 与 twice/townships.csv 是同一文件（经由链接），只读取一次\n',
    );
  });
});

describe('the walk has no recursion', () => {
  // The recursive walk before issue 9 overflowed the stack at 5,000 levels (in vitest).
  it('a folder chain 6,000 deep (an Io in memory) is walked without overflowing the stack', () => {
    const depth = 6000;
    const level = (p: string) => (p === '/r' ? 0 : (p.length - 2) / 2);
    const deep: Io = {
      ...fakeIo(),
      listDir: (p) => (p.startsWith('/r') ? (level(p) < depth ? ['d'] : []) : undefined),
      exists: (p) => p.startsWith('/r'),
      realPath: (p) => p,
    };
    const found: Diagnostic[] = [];
    const dirs = walkFolders(deep, '/r', (_d, entries) => entries, found);
    expect(dirs.length).toBe(depth + 1);
    expect(dirs[depth]).toBe(`/r${'/d'.repeat(depth)}`);
    expect(found).toEqual([]);
  });
});
