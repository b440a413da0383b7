/**
 * One Chromium per test worker for the browser test files: each launched its own, a
 * second or two apiece on the 2-core machine. A file opens its own contexts and closes
 * them; the browser stays for the worker's next browser file (with `isolate: false` a
 * worker keeps this module from file to file) and goes with the worker: Playwright
 * closes what it launched when the process exits, and Chromium leaves when its pipe does.
 */
import { existsSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { describe, it } from 'vitest';

/** Debian's Chromium; PINGGU_CHROMIUM overrides the path (e.g. to see the missing-browser behaviour). */
export const CHROMIUM = process.env.PINGGU_CHROMIUM || '/usr/bin/chromium';

const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

let launched: Promise<Browser> | undefined;

/** The worker's Chromium, launched on first use (again if it went away). */
export function chromium(): Promise<Browser> {
  launched ??= import('playwright-core')
    .then(({ chromium }) => chromium.launch({ executablePath: CHROMIUM, args: ARGS, headless: true }))
    .then((browser) => {
      browser.on('disconnected', () => (launched = undefined));
      return browser;
    })
    .catch((e: unknown) => {
      launched = undefined; // the next file tries again
      throw e;
    });
  return launched;
}

/**
 * A browser test file's tests, where Chromium is installed. Where it is missing: one
 * failing test under PINGGU_REQUIRE_BROWSER=1 (`.ci/run` installs it and sets that),
 * else one skipped test and a warning naming what is not tested.
 */
export function describeInChromium(title: string, body: () => void): void {
  if (existsSync(CHROMIUM)) return void describe(title, body);
  const required = process.env.PINGGU_REQUIRE_BROWSER === '1';
  if (!required)
    console.warn(
      `\n⚠ SKIPPED: "${title}" needs ${CHROMIUM} (apt-get install chromium fonts-wqy-microhei); .ci/run installs it and sets PINGGU_REQUIRE_BROWSER=1.\n`,
    );
  describe(title, () => {
    if (required)
      it('has a browser (PINGGU_REQUIRE_BROWSER=1)', () => {
        throw new Error(
          `PINGGU_REQUIRE_BROWSER=1 but ${CHROMIUM} is missing: apt-get install chromium fonts-wqy-microhei`,
        );
      });
    else it.skip(`skipped: ${CHROMIUM} is missing`, () => {});
  });
}
