/**
 * The forecast's HTML page as a browser draws it: Debian's Chromium (/usr/bin/chromium)
 * driven by playwright-core opens the forecast of fixtures/jinzhong (July–September
 * read, as of August: September projected) from a file, offline. No request may leave
 * the page, no script; each chart of an item at risk is drawn with the reported months
 * solid, the projection dashed, the band and the pass line. A screenshot is kept in
 * test-artifacts/. Launch and skip as tests/browser/html.browser.test.ts.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { chromium, describeInChromium } from './chromium';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

// The page's globals, loosely (the project compiles without the DOM library).
declare const document: any;
declare function getComputedStyle(e: unknown): { [k: string]: string };

const ARTIFACTS = join(ROOT, 'test-artifacts');
const TIMEOUT = 60_000;

async function forecastHtml(lang: 'zh' | 'en'): Promise<string> {
  const io = fakeIo();
  const code = await main(
    ['forecast', 'fixtures/jinzhong', '--through', '2026-08', '--format', 'html', '--lang', lang],
    io,
  );
  expect([code, io.err]).toEqual([0, '']);
  return io.out;
}

describeInChromium('the forecast HTML in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await chromium();
    dir = mkdtempSync(join(tmpdir(), 'pinggu-forecast-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, TIMEOUT);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    'draws each chart offline: reported months solid, projection dashed, band, pass line; no request',
    async () => {
      for (const lang of ['zh', 'en'] as const) {
        const file = join(dir, `forecast.${lang}.html`);
        writeFileSync(file, await forecastHtml(lang));
        const url = pathToFileURL(file).href;
        const context = await browser.newContext({ offline: true, viewport: { width: 900, height: 1200 } });
        const page = await context.newPage();
        const foreign = new Set<string>();
        await context.route('**/*', (route) => {
          if (route.request().url() === url) return route.continue();
          foreign.add(route.request().url());
          return route.abort();
        });
        page.on('request', (r) => {
          if (r.url() !== url) foreign.add(r.url());
        });
        await page.goto(url, { waitUntil: 'load' });
        expect([...foreign]).toEqual([]);
        expect(await page.evaluate(() => document.scripts.length)).toBe(0);
        // 灵石县 and 和顺县: 基本生殖健康服务覆盖率 may miss 80% by the band (September projected).
        const charts = await page.$$eval('svg.forecast-chart', (els: any[]) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            const dash = e.querySelector('polyline.projection');
            return {
              w: Math.round(r.width),
              h: Math.round(r.height),
              dashed: dash ? getComputedStyle(dash).strokeDasharray : 'none',
              solid: getComputedStyle(e.querySelector('polyline.actual')).strokeDasharray,
              pass: e.querySelectorAll('line.pass-line').length,
              band: e.querySelectorAll('polygon.band').length,
            };
          }),
        );
        expect(charts.length).toBe(2);
        for (const c of charts) {
          expect(c.w).toBeGreaterThan(400);
          expect(c.h).toBeGreaterThan(100);
          expect(c.dashed).not.toBe('none');
          expect(c.solid).toBe('none');
          expect([c.pass, c.band]).toEqual([1, 1]);
        }
        await page.screenshot({ path: join(ARTIFACTS, `forecast.${lang}.png`), fullPage: true });
        await context.close();
      }
    },
    TIMEOUT,
  );
});
