/**
 * The offline page for a browser test, written to `file`. Under `npm test` the
 * `pretest` build has just written dist/pinggu-app.html from the same sources, so it
 * is copied (the three page tests built it again each, several seconds of a run);
 * run any other way (`npx vitest run tests/browser/…`), the page is built here, so a
 * test never opens a page older than the sources.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from '../cli/fake-io';

export function writePage(file: string): void {
  const built = join(ROOT, 'dist', 'pinggu-app.html');
  if (process.env.npm_lifecycle_event === 'test' && existsSync(built)) copyFileSync(built, file);
  else execFileSync(process.execPath, ['scripts/build-app.mjs', '-o', file], { cwd: ROOT, stdio: 'ignore' });
}
