/**
 * The offline page's test harness (tests/browser/app.browser.test.ts): the command
 * line run in-process, the page opened offline with every request it tries counted,
 * and a file it saves.
 */
import { readFileSync } from 'node:fs';
import { expect } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { main } from '../../src/cli/main';
import { fakeIo } from '../cli/fake-io';

/** What `pinggu <args>` prints on stdout, run in `cwd` (so files are named as the page names them). */
export async function cli(cwd: string, args: string[]): Promise<{ out: string; err: string; code: number }> {
  const io = fakeIo();
  io.cwd = cwd;
  const code = await main(args, io);
  return { out: io.out, err: io.err, code };
}

/** The bytes `pinggu <args> -o <out>` writes (a GB18030 CSV is bytes, not text). */
export async function cliFile(cwd: string, args: string[], out: string): Promise<Buffer> {
  const io = fakeIo();
  io.cwd = cwd;
  expect(await main([...args, '-o', out], io)).toBe(0);
  const data = [...io.written.entries()].find(([p]) => p.endsWith(out))![1];
  return Buffer.from(typeof data === 'string' ? new TextEncoder().encode(data) : data);
}

export interface Opened {
  page: Page;
  /**
   * Requests other than the page's file and its own blob: URLs (the worker, saved
   * files) that got past the page's Content-Security-Policy: each reached the
   * browser's network layer (where the route aborts it) or is not known to be refused.
   */
  foreign: () => string[];
  /** Requests the policy refused before they were sent. */
  refused: string[];
  errors: string[];
}

/** The page at `url` in a new offline context, `init` run before its own script. */
export async function openPage(browser: Browser, url: string, init?: () => void): Promise<Opened> {
  const context = await browser.newContext({
    offline: true,
    acceptDownloads: true,
    viewport: { width: 1100, height: 1400 },
  });
  const page = await context.newPage();
  const routed: string[] = [];
  const requested: string[] = [];
  const refused: string[] = [];
  const errors: string[] = [];
  const own = (u: string) => u === url || u.startsWith('blob:');
  await context.route('**/*', (route) => {
    if (own(route.request().url())) return route.continue();
    routed.push(route.request().url());
    return route.abort();
  });
  page.on('request', (r) => {
    if (!own(r.url())) requested.push(r.url());
  });
  page.on('requestfailed', (r) => {
    if (r.failure()?.errorText === 'csp') refused.push(r.url());
  });
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  page.on('pageerror', (e) => errors.push(String(e)));
  if (init) await page.addInitScript(init);
  await page.goto(url, { waitUntil: 'load' });
  const foreign = () => [...new Set([...routed, ...requested.filter((u) => !refused.includes(u))])].sort();
  return { page, foreign, refused, errors };
}

/** The report file the page saves when its button is clicked. */
export async function saved(page: Page, file: string): Promise<Buffer> {
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.click(`#report-downloads button[data-file="${file}"]`),
  ]);
  expect(download.suggestedFilename()).toBe(file);
  return readFileSync(await download.path());
}
