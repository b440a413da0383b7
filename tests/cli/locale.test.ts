/**
 * Issue #9, locale: the same input gives the same bytes under `LC_ALL=C` (cron) and
 * `LC_ALL=zh_CN.UTF-8` (a shell). Spawns the built CLI (`node scripts/build.mjs`
 * first), since the locale is read from the environment at start-up. The third
 * dataset has findings in two files whose names sort differently by locale
 * (`county.csv`, `乡镇.csv`): a bare localeCompare put them in different orders.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from './fake-io';

const BIN = join(ROOT, 'bin', 'pinggu.js');
const LOCALES = ['C', 'zh_CN.UTF-8', 'en_US.UTF-8'];

/** The environment without any locale variable, then the one asked for. */
function envFor(locale: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(LC_|LANG$|LANGUAGE$)/.test(k)));
  return { ...env, LC_ALL: locale, LANG: locale, NO_COLOR: '1' };
}

interface Ran {
  status: number | null;
  out: Buffer;
  err: Buffer;
}

/** The built CLI under a locale; each locale and arguments run once (the three locales of a case at once). */
const runs = new Map<string, Promise<Ran>>();
function run(locale: string, args: string[]): Promise<Ran> {
  const key = JSON.stringify([locale, args]);
  let r = runs.get(key);
  if (!r) runs.set(key, (r = spawnRun(locale, args)));
  return r;
}

function spawnRun(locale: string, args: string[]): Promise<Ran> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: envFor(locale) });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (b: Buffer) => out.push(b));
    child.stderr.on('data', (b: Buffer) => err.push(b));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, out: Buffer.concat(out), err: Buffer.concat(err) }));
  });
}

const named = mkdtempSync(join(tmpdir(), 'pinggu-locale-'));
afterAll(() => rmSync(named, { recursive: true, force: true }));
for (const [from, to] of [
  ['townships.csv', '乡镇.csv'],
  ['county.csv', 'county.csv'],
]) {
  const text = readFileSync(join(ROOT, 'fixtures', 'xiyang', from!), 'utf8');
  writeFileSync(join(named, to!), text.replace(/\n/, ',备注\n'));
}

describe('output bytes do not depend on the locale', () => {
  it('the CLI is built (node scripts/build.mjs)', () => {
    expect(existsSync(join(ROOT, 'dist', 'pinggu.cjs')), 'run node scripts/build.mjs first').toBe(true);
  });

  const cases: [string, string[]][] = [
    ['the sample county', ['score', 'fixtures/xiyang', '--format', 'json', '--lang', 'en']],
    ['a batch of months and counties', ['score', 'fixtures/jinzhong', '--format', 'json', '--lang', 'en']],
    ['findings in county.csv and 乡镇.csv', ['score', named, '--format', 'json', '--lang', 'en']],
    ['findings in county.csv and 乡镇.csv, as a table', ['score', named, '--lang', 'en']],
    ['check of the same', ['check', named, '--lang', 'en']],
  ];
  for (const [name, args] of cases) {
    it(`${name}: pinggu ${args.join(' ')}`, async () => {
      const [first, ...rest] = await Promise.all(LOCALES.map((l) => run(l, args)));
      expect(first!.out.length).toBeGreaterThan(100);
      expect(first!.status).not.toBeNull(); // not killed
      for (const [i, r] of rest.entries()) {
        expect(r.status, LOCALES[i + 1]).toBe(first!.status);
        expect(r.out.equals(first!.out), `stdout under ${LOCALES[i + 1]} differs from C`).toBe(true);
        expect(r.err.equals(first!.err), `stderr under ${LOCALES[i + 1]} differs from C`).toBe(true);
      }
    }, 60_000);
  }

  it('the findings of the two files come in code-point order: county.csv before 乡镇.csv', async () => {
    const r = await run('zh_CN.UTF-8', ['score', named, '--format', 'json', '--lang', 'en']);
    const files = r.err
      .toString('utf8')
      .split('\n')
      .filter(Boolean)
      .map((l) => l.slice(named.length + 1).split(':')[0]);
    expect(files).toEqual(['county.csv', '乡镇.csv']);
  }, 60_000);
});
