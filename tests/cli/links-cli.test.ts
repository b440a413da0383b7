/**
 * Links and patterns through the real bin (its Io resolves links with the file
 * system): two `self -> .` links end, the county read once; `[z-a]` exits 2 in one line.
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from './fake-io';

let T = '';
beforeAll(() => {
  T = fs.mkdtempSync(join(tmpdir(), 'pinggu-links-bin-'));
  fs.mkdirSync(join(T, 'data', '2026-09'), { recursive: true });
  for (const f of ['townships.csv', 'county.csv'])
    fs.copyFileSync(join(ROOT, 'fixtures/xiyang', f), join(T, 'data', '2026-09', f));
});
afterAll(() => {
  if (T) fs.rmSync(T, { recursive: true, force: true });
});

const run = (...args: string[]) =>
  spawnSync(process.execPath, [join(ROOT, 'bin/pinggu.js'), ...args], {
    cwd: T,
    encoding: 'utf8',
    env: { ...process.env, LANG: 'C' },
  });

describe('the real bin', () => {
  it.runIf(process.platform !== 'win32')(
    'two self-links: the run ends, the county is scored once, each link said',
    () => {
      const before = run('score', 'data', '--format', 'json');
      expect([before.status, JSON.parse(before.stdout).units[0].name, before.stderr]).toEqual([1, '昔阳县', '']);
      fs.symlinkSync('.', join(T, 'data', 'self'));
      fs.symlinkSync('.', join(T, 'data', 'self2'));
      try {
        for (const arg of ['data', 'data/**/*.csv']) {
          const r = run('score', arg, '--format', 'json');
          expect([r.status, r.stdout]).toEqual([before.status, before.stdout]);
          expect(r.stderr).toBe(
            [
              'data/self: warning: a link to data, which is already searched; skipped',
              'data/self2: warning: a link to data, which is already searched; skipped',
              '',
            ].join('\n'),
          );
        }
      } finally {
        fs.rmSync(join(T, 'data', 'self'));
        fs.rmSync(join(T, 'data', 'self2'));
      }
    },
  );

  it('[z-a]: exit 2, one line, no stack trace', () => {
    const r = run('score', 'data/[z-a]*');
    expect([r.status, r.stdout, r.stderr]).toEqual([
      2,
      '',
      'pinggu: data/[z-a]*: invalid pattern at character 7: the range z-a runs backwards (write a-z)\n',
    ]);
  });
});
