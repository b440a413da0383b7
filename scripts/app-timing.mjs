// How fast the offline page scores (docs/app.md): opens dist/pinggu-app.html from
// file:// in Debian's Chromium, offline, puts the files into the input and times the
// summary and the report; also the longest stall of the page's own thread meanwhile.
//   node scripts/app-timing.mjs [--runs N] FILE...   (default: fixtures/xiyang's two files)
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';

const args = process.argv.slice(2);
const runs = args.includes('--runs') ? Number(args.splice(args.indexOf('--runs'), 2)[1]) : 5;
const files = args.length ? args : ['fixtures/xiyang/townships.csv', 'fixtures/xiyang/county.csv'];
const url = pathToFileURL(path.resolve('dist/pinggu-app.html')).href;
const browser = await chromium.launch({
  executablePath: process.env.PINGGU_CHROMIUM || '/usr/bin/chromium',
  args: ['--headless', '--no-sandbox', '--disable-gpu'],
});
try {
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ offline: true });
    const page = await context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.getElementById('status').textContent.length > 0);
    await page.evaluate(() => {
      window.gaps = [];
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        window.gaps.push(now - last);
        last = now;
      }, 20);
    });
    const t0 = Date.now();
    await page.setInputFiles('#files', files);
    await page.waitForSelector('#summary:not(:empty)', { timeout: 600_000 });
    const shown = Date.now() - t0;
    const r = await page.evaluate(() => ({
      status: document.getElementById('status').textContent,
      stall: Math.round(Math.max(0, ...window.gaps)),
    }));
    console.log(JSON.stringify({ shown, ...r }));
    await context.close();
  }
} finally {
  await browser.close();
}
