/**
 * Output files (issue 9): --output-dir with county names that are unsafe, equal
 * once made safe, or too long; links in the summaries; writes that fail (one line
 * naming the file, exit 2, the other files still written, no partial file); stdout
 * on a full disk. In-process on a temporary folder with real files (the Io's
 * writeFile is nodeIo's), and one spawned run of bin/pinggu.js.
 */
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { nodeIo } from '../../src/cli/io';
import { fakeIo, ROOT } from './fake-io';

const MONTH = path.join(ROOT, 'fixtures/jinzhong/2026-09');
/** The 11 counties of the sample renamed: names that clash once made safe, in any case, reserved, long, with URL characters. */
const RENAME: Record<string, string> = {
  榆次区: 'a/b',
  太谷区: 'a_b',
  榆社县: 'a\\b',
  左权县: 'A_B',
  和顺县: 'a#b',
  昔阳县: 'CON',
  寿阳县: '寿'.repeat(90),
  祁县: 'a?b %c',
  平遥县: '..',
  灵石县: 'x (y)',
  介休市: 'x'.repeat(300),
};
const NAMES = Object.values(RENAME);

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-out-'));
  fs.mkdirSync(path.join(dir, 'd/2026-09'), { recursive: true });
  for (const f of ['townships.csv', 'county.csv']) {
    const lines = fs.readFileSync(path.join(MONTH, f), 'utf8').split('\n');
    const renamed = lines.map((l) => {
      const c = l.slice(0, l.indexOf(','));
      return c in RENAME ? `${RENAME[c]}${l.slice(c.length)}` : l;
    });
    fs.writeFileSync(path.join(dir, 'd/2026-09', f), renamed.join('\n'));
  }
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

/** The CLI in-process with real files under `dir`; `writeFile` may be replaced to make a write fail. */
async function score(args: string[], o: { writeFile?: (p: string, d: string | Uint8Array) => void } = {}) {
  const io = fakeIo();
  const real = nodeIo(ROOT);
  io.cwd = dir;
  io.writeFile = o.writeFile ?? real.writeFile.bind(real);
  io.writeChunks = o.writeFile ? undefined : real.writeChunks?.bind(real);
  const code = await main(['score', ...args], io);
  // The data's own warning (A_B and a_b are one name read with two codes) is not what these tests are about.
  const err = io.err
    .split('\n')
    .filter((l) => !/county\.csv:\d+:\d+: (warning|警告)/.test(l))
    .join('\n');
  return { code, out: io.out, err };
}

/** Every file under `root`, relative, with `/`. */
function files(root: string): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(root, p).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out.sort();
}

const unescapeHtml = (s: string) =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&');
/** The county links of the summary's ranking table: [name, href]. */
const rankingLinks = (html: string) =>
  [...html.matchAll(/<td class="unit"><a href="([^"]+)">([^<]*)<\/a><\/td>/g)].map(
    (m) => [unescapeHtml(m[2]!), unescapeHtml(m[1]!)] as const,
  );
const resolve = (href: string) => href.split('/').map(decodeURIComponent).join(path.sep);

describe('--output-dir with county names that are unsafe, clash or are too long', () => {
  it('writes one file per county and format, each ≤ 100 bytes, and says how many', async () => {
    const r = await score(['d', '--output-dir', 'out', '--lang', 'en']);
    expect(r.code).toBe(1); // assessed; counties below the pass line, no write failed
    expect(r.err).toBe('wrote out: 11 reports and the summary\n');
    const written = files(path.join(dir, 'out'));
    expect(written).toHaveLength(2 * 11 + 2);
    expect(written).toContain('summary.json');
    expect(written).toContain('summary.html');
    expect(written.filter((f) => f.endsWith('.tmp') || path.basename(f).startsWith('.'))).toEqual([]);
    for (const f of written) expect(Buffer.byteLength(path.basename(f)), f).toBeLessThanOrEqual(100);
    // Distinct also where the file system ignores case (Windows, macOS).
    expect(new Set(written.map((f) => f.toLowerCase())).size).toBe(written.length);
    // Each county's JSON is its own.
    const owners = written
      .filter((f) => f.startsWith('2026-09/') && f.endsWith('.json'))
      .map(
        (f) =>
          (JSON.parse(fs.readFileSync(path.join(dir, 'out', f), 'utf8')) as { units: { name: string }[] }).units[0]!
            .name,
      );
    expect(owners.sort()).toEqual([...NAMES].sort());
    // Names already safe keep theirs, the first in code-unit order where only case differs.
    expect(written).toContain('2026-09/A_B.json');
    expect(written).toContain('2026-09/a_b-2.json');
    expect(written).toContain('2026-09/_CON.json');
    expect(written).toContain('2026-09/__.json');
  });

  it('every link of summary.html opens the report of the county it names', async () => {
    await score(['d', '--output-dir', 'out', '--quiet']);
    const html = fs.readFileSync(path.join(dir, 'out/summary.html'), 'utf8');
    const links = rankingLinks(html);
    expect(links.map(([n]) => n).sort()).toEqual([...NAMES].sort());
    for (const [name, href] of links) {
      expect(href).not.toMatch(/[#?\s]/); // a fragment or query would cut the path
      const page = path.join(dir, 'out', resolve(href));
      expect(fs.existsSync(page), href).toBe(true);
      const own = JSON.parse(fs.readFileSync(page.replace(/\.html$/, '.json'), 'utf8')) as {
        units: { name: string }[];
      };
      expect(own.units[0]!.name).toBe(name);
    }
  });

  it('summary.md links the same files, one link target each', async () => {
    await score(['d', '--output-dir', 'out', '--format', 'md', '--quiet']);
    const md = fs.readFileSync(path.join(dir, 'out/summary.md'), 'utf8');
    const hrefs = [...md.matchAll(/\]\(([^)\s]+)\)/g)].map((m) => m[1]!);
    expect(hrefs).toHaveLength(11);
    for (const h of hrefs) expect(fs.existsSync(path.join(dir, 'out', resolve(h))), h).toBe(true);
    expect(new Set(hrefs).size).toBe(11);
  });
});

describe('a write that fails', () => {
  it('is one line naming the file and the cause; the other reports are written, the summary does not link it, exit 2', async () => {
    // A folder where one report should go: that file cannot be written (EISDIR, even as root).
    fs.mkdirSync(path.join(dir, 'out/2026-09/A_B.html'), { recursive: true });
    const r = await score(['d', '--output-dir', 'out', '--lang', 'en']);
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines).toEqual([
      `${path.join('out', '2026-09', 'A_B.html')}: error: cannot write: it is a folder (EISDIR)`,
      'wrote out: 10 of 11 reports and the summary',
    ]);
    const written = files(path.join(dir, 'out'));
    expect(written).toHaveLength(2 * 11 + 2 - 1);
    expect(written).toContain('2026-09/A_B.json');
    expect(written).not.toContain('2026-09/A_B.html');
    expect(written).toContain('2026-09/a_b-2.html');
    const links = rankingLinks(fs.readFileSync(path.join(dir, 'out/summary.html'), 'utf8'));
    expect(links.map(([n]) => n)).not.toContain('A_B');
    expect(links).toHaveLength(10);
    for (const [, href] of links) expect(fs.existsSync(path.join(dir, 'out', resolve(href))), href).toBe(true);
  });

  it('a full disk: every failure said (up to ten, then counted) in Chinese, nothing half written, exit 2', async () => {
    const full = (p: string) => {
      throw Object.assign(new Error(`ENOSPC: no space left on device, write '${p}'`), { code: 'ENOSPC' });
    };
    const r = await score(['d', '--output-dir', 'out', '-o', 'all.json', '--lang', 'zh'], { writeFile: full });
    expect(r.code).toBe(2);
    const lines = r.err.trimEnd().split('\n');
    expect(lines[0]).toBe('all.json: 错误: 无法写入：磁盘已满（ENOSPC）');
    expect(lines.slice(0, 10).every((l) => l.endsWith(': 错误: 无法写入：磁盘已满（ENOSPC）'))).toBe(true);
    expect(lines.slice(10)).toEqual(['错误: 另有 15 个文件未能写入', '已写入 out：11 份报告中的 0 份（汇总未能写入）']);
    expect(fs.existsSync(path.join(dir, 'out'))).toBe(false);
  });

  it('a single report to -o: the other -o files are still written', async () => {
    fs.writeFileSync(path.join(dir, 'f'), '');
    const r = await score([
      path.join(ROOT, 'fixtures/xiyang'),
      '-o',
      'a.md',
      '-o',
      'f/g/b.json',
      '-o',
      'c.json',
      '--lang',
      'en',
      '--quiet',
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toBe('f/g/b.json: error: cannot write: a part of the path is a file, not a folder (ENOTDIR)\n');
    expect(fs.existsSync(path.join(dir, 'a.md'))).toBe(true);
    expect(fs.existsSync(path.join(dir, 'c.json'))).toBe(true);
  });
});

describe('writing whole or not at all', () => {
  it('a failure half way leaves the old file as it was and no temporary file', () => {
    const target = path.join(dir, 'r.json');
    fs.writeFileSync(target, 'old');
    const io = nodeIo(ROOT);
    function* chunks() {
      yield '{"half":';
      throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    }
    expect(() => io.writeChunks!(target, chunks())).toThrow(/ENOSPC/);
    expect(fs.readFileSync(target, 'utf8')).toBe('old');
    expect(fs.readdirSync(dir).sort()).toEqual(['d', 'r.json']);
    io.writeChunks!(target, ['{"whole":', 'true}']);
    expect(fs.readFileSync(target, 'utf8')).toBe('{"whole":true}');
    expect(fs.readdirSync(dir).sort()).toEqual(['d', 'r.json']);
  });

  it('a symbolic link stays a link to the file it names, which gets the new content', () => {
    fs.writeFileSync(path.join(dir, 'real.txt'), 'old');
    fs.symlinkSync('real.txt', path.join(dir, 'link.txt'));
    nodeIo(ROOT).writeFile(path.join(dir, 'link.txt'), 'new');
    expect(fs.lstatSync(path.join(dir, 'link.txt')).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(path.join(dir, 'real.txt'), 'utf8')).toBe('new');
  });
});

describe.skipIf(!fs.existsSync('/dev/full') || !fs.existsSync(path.join(ROOT, 'dist/pinggu.cjs')))(
  'stdout on a full disk (spawned bin/pinggu.js)',
  () => {
    const run = (args: string[]) => {
      const fd = fs.openSync('/dev/full', 'w');
      try {
        return spawnSync(process.execPath, [path.join(ROOT, 'bin/pinggu.js'), ...args], {
          cwd: ROOT,
          encoding: 'utf8',
          stdio: ['ignore', fd, 'pipe'],
          env: { ...process.env, LANG: 'C' },
        });
      } finally {
        fs.closeSync(fd);
      }
    };

    it('score > /dev/full: one line on stderr, exit 2, no stack trace', () => {
      const r = run(['score', 'fixtures/xiyang']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('error: cannot write to standard output: the disk is full (ENOSPC)\n');
    });

    it('--lang zh; --verbose adds the stack', () => {
      expect(run(['score', 'fixtures/xiyang', '--lang', 'zh']).stderr).toBe(
        '错误: 无法写入标准输出：磁盘已满（ENOSPC）\n',
      );
      const v = run(['score', 'fixtures/xiyang', '--verbose']);
      expect(v.status).toBe(2);
      expect(v.stderr.split('\n')[0]).toBe('error: cannot write to standard output: the disk is full (ENOSPC)');
      expect(v.stderr).toMatch(/\n {4}at /);
    });

    it('-o /dev/full: one line naming it, exit 2', () => {
      const r = run(['score', 'fixtures/xiyang', '--format', 'json', '-o', '/dev/full']);
      expect(r.status).toBe(2);
      expect(r.stderr).toBe('/dev/full: error: cannot write: the disk is full (ENOSPC)\n');
    });

    it('-o /dev/stdout with stdout appended to a log: the log keeps its lines, the report is added below', () => {
      const log = path.join(fs.mkdtempSync(path.join(tmpdir(), 'pinggu-append-')), 'log.txt');
      fs.writeFileSync(log, 'earlier line\n');
      const fd = fs.openSync(log, 'a');
      try {
        const r = spawnSync(
          process.execPath,
          [
            path.join(ROOT, 'bin/pinggu.js'),
            'score',
            'fixtures/xiyang',
            '--format',
            'md',
            '-o',
            '/dev/stdout',
            '--quiet',
          ],
          { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', fd, 'pipe'], env: { ...process.env, LANG: 'C' } },
        );
        expect(r.stderr).toBe('');
      } finally {
        fs.closeSync(fd);
      }
      const text = fs.readFileSync(log, 'utf8');
      expect(text.startsWith('earlier line\n# ')).toBe(true);
      expect(fs.readdirSync(path.dirname(log))).toEqual(['log.txt']);
    });

    it('piped into a reader that goes away (head): quiet, as before', async () => {
      const child = spawn(
        process.execPath,
        [path.join(ROOT, 'bin/pinggu.js'), 'score', 'fixtures/jinzhong', '--format', 'json'],
        { cwd: ROOT, env: { ...process.env, LANG: 'C' } },
      );
      let err = '';
      child.stderr.on('data', (d: Buffer) => (err += d.toString()));
      child.stdout.once('data', () => child.stdout.destroy());
      const status = await new Promise<number | null>((done) => child.on('close', (code) => done(code)));
      expect(err).toBe('');
      expect([0, 1]).toContain(status);
    });
  },
);
