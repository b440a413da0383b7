/**
 * The build's compiled bundled schemes (dist/criteria/<file>.compiled.json, made by
 * scripts/build.mjs): equal to a fresh compile of the YAML for every bundled scheme,
 * served only for the very text they were made from and only to the build that made
 * them; an edited criteria/ file is loaded from its text.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { compiledCache } from '../../src/cli/inputs';
import { loadScheme } from '../../src/scheme/load';
import { packScheme } from '../../src/scheme/packed';
import { fakeIo, ROOT } from './fake-io';

const bundled = readdirSync(join(ROOT, 'criteria')).filter((f) => /\.ya?ml$/.test(f));
const entryOf = (f: string) =>
  JSON.parse(readFileSync(join(ROOT, 'dist', 'criteria', `${f}.compiled.json`), 'utf8')) as {
    build: string;
    source: string;
  };

describe('the compiled scheme cache', () => {
  it.each(bundled)('%s: the cached scheme equals a fresh compile of the YAML', (f) => {
    const file = join(ROOT, 'criteria', f);
    const text = readFileSync(file, 'utf8');
    const fresh = loadScheme(text, `criteria/${f}`).scheme!;
    const cached = compiledCache(fakeIo(), file, text, `criteria/${f}`, entryOf(f).build)!;
    expect(cached).toBeDefined();
    expect(cached.diagnostics).toEqual([]);
    expect(cached.scheme).toStrictEqual(fresh);
    expect(packScheme(cached.scheme)).toEqual(packScheme(fresh));
    // The CLI bundle of this build is the one that reads it.
    expect(readFileSync(join(ROOT, 'dist', 'pinggu.cjs'), 'latin1')).toContain(JSON.stringify(entryOf(f).build));
  });

  it.each(bundled)('%s: not served for a changed text, to another build, or from the sources', (f) => {
    const file = join(ROOT, 'criteria', f);
    const text = readFileSync(file, 'utf8');
    const { build } = entryOf(f);
    expect(compiledCache(fakeIo(), file, `${text}\n`, f, build)).toBeUndefined();
    expect(compiledCache(fakeIo(), file, text.replace(/title: /, 'title: X'), f, build)).toBeUndefined();
    expect(compiledCache(fakeIo(), file, text, f, `${build}0`)).toBeUndefined();
    expect(compiledCache(fakeIo(), file, text, f, undefined)).toBeUndefined();
    // Only for the bundled folder: the same text elsewhere is a user's scheme.
    expect(compiledCache(fakeIo(), join(ROOT, 'tests', f), text, f, build)).toBeUndefined();
  });

  describe('an edited criteria/ file, through the built CLI', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pinggu-cache-'));
    afterAll(() => rmSync(dir, { recursive: true, force: true }));
    for (const d of ['bin', 'dist', 'criteria', 'fixtures']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
    symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
    const run = () =>
      spawnSync(
        process.execPath,
        [join(dir, 'bin/pinggu.js'), 'score', 'fixtures/xiyang', '--format', 'json', '--fail-on', 'never'],
        { cwd: dir, encoding: 'utf8', env: { ...process.env, LANG: 'C' } },
      );

    it('scores from the cache what it scores from the YAML', () => {
      const cached = run();
      expect(cached.status).toBe(0);
      rmSync(join(dir, 'dist', 'criteria'), { recursive: true });
      const fromYaml = run();
      expect(fromYaml.status).toBe(0);
      expect(cached.stdout).toBe(fromYaml.stdout);
      cpSync(join(ROOT, 'dist', 'criteria'), join(dir, 'dist', 'criteria'), { recursive: true });
    });

    it('reads the edited text, not the cache', () => {
      const file = join(dir, 'criteria', 'jsyzfw-2008.yaml');
      const text = readFileSync(file, 'utf8');
      const title = /^title: (.*)$/m.exec(text)![1]!;
      writeFileSync(file, text.replace(/^title: .*$/m, 'title: 改过的标题'));
      const r = run();
      expect(r.status).toBe(0);
      const report = JSON.parse(r.stdout) as { scheme: { title: string } };
      expect(report.scheme.title).toBe('改过的标题');
      expect(r.stdout).not.toContain(title);
    });
  });
});
