/**
 * The script of docs/monthly-jobs.md (docs/examples/monthly.sh, shown verbatim in the
 * doc) run by bash against a temporary data repository: a month whose data has not
 * arrived fails loudly and writes nothing; a month re-run while a later one is there
 * scores that month, not the later one (issue 11, point 8).
 */
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ROOT } from './fake-io';

const SCRIPT = path.join(ROOT, 'docs/examples/monthly.sh');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-monthly-sh-'));
  for (const m of ['2026-07', '2026-08', '2026-09'])
    fs.cpSync(path.join(ROOT, 'fixtures/jinzhong', m), path.join(dir, 'data', m), { recursive: true });
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function job(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync('bash', [SCRIPT, ...args], {
    cwd: dir,
    encoding: 'utf8',
    env: {
      PATH: process.env.PATH ?? '',
      LANG: 'C',
      PINGGU: `${process.execPath} ${path.join(ROOT, 'bin/pinggu.js')}`,
      ...env,
    },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

describe('docs/examples/monthly.sh', () => {
  it('is the script docs/monthly-jobs.md shows', () => {
    const doc = fs.readFileSync(path.join(ROOT, 'docs/monthly-jobs.md'), 'utf8');
    const shown = /\n## The script: monthly\.sh\n[^#]*?```sh\n([\s\S]*?)```\n/.exec(doc);
    expect(shown, 'a ```sh block in the section "The script: monthly.sh"').not.toBeNull();
    expect(shown![1]).toBe(fs.readFileSync(SCRIPT, 'utf8'));
  });

  it('fails loudly when the month has not arrived, and writes nothing', () => {
    const r = job(['2026-10']);
    expect(r.code).toBe(2);
    expect(r.err).toBe(
      'monthly.sh: data/2026-10 has not arrived (no such folder, or it is empty): nothing scored, reports/2026-10 not written\n',
    );
    expect(fs.existsSync(path.join(dir, 'reports'))).toBe(false);
    // An empty folder is not a month that arrived either; said in Chinese under a Chinese locale.
    fs.mkdirSync(path.join(dir, 'data/2026-10'));
    const zh = job(['2026-10'], { LANG: 'zh_CN.UTF-8' });
    expect(zh.code).toBe(2);
    expect(zh.err).toMatch(/^monthly\.sh: data\/2026-10 的数据尚未到齐/);
    expect(fs.existsSync(path.join(dir, 'reports'))).toBe(false);
  });

  it("scores the month with the months before it, never a later one; the CI copy of the JUnit is that month's", () => {
    // October has arrived too (with other numbers); September is run again.
    fs.cpSync(path.join(ROOT, 'fixtures/jinzhong/2026-07'), path.join(dir, 'data/2026-10'), { recursive: true });
    const r = job(['2026-09'], { PINGGU_JUNIT: 'junit.xml' });
    expect(r.err).not.toMatch(/error/);
    expect(r.code).toBe(0); // 08 → 09 lose no points: the gates pass (07 → 10 would not)
    const summary = JSON.parse(fs.readFileSync(path.join(dir, 'reports/2026-09/summary.json'), 'utf8'));
    expect(summary.periods).toEqual(['2026-07', '2026-08', '2026-09']);
    const junit = fs.readFileSync(path.join(dir, 'junit.xml'), 'utf8');
    expect(junit).toBe(fs.readFileSync(path.join(dir, 'reports/2026-09/junit.xml'), 'utf8'));
    expect(junit).toMatch(/<testsuite name="2026-09 \//);
    expect(junit).not.toMatch(/2026-10/);
    expect(junit).toMatch(/<testsuites [^>]*failures="0" errors="0"/);
    // A month that is not YYYY-MM is refused before anything runs.
    expect(job(['2026-8']).code).toBe(2);
  });
});
