/**
 * The HTML report as a browser draws and prints it: Debian's Chromium (/usr/bin/chromium,
 * never a downloaded browser) driven by playwright-core opens the sample's report from a
 * file, offline. No request may leave the page, no console error, every part and chart
 * drawn, Chinese text drawn with a real CJK font, a screenshot kept in test-artifacts/,
 * and the print layout gives A4 pages without cut table rows.
 *
 * Without /usr/bin/chromium the test is skipped with a warning, unless
 * PINGGU_REQUIRE_BROWSER=1 (set by .ci/run, which installs chromium and
 * fonts-wqy-microhei), where a missing browser fails.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromium, describeInChromium } from './chromium';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

// Callbacks given to page.evaluate run in the page. The project compiles without the DOM
// library (so src/ cannot use it by mistake); the page's globals are declared here, loosely.
declare const document: any;
declare function getComputedStyle(e: unknown): { [k: string]: string };

const ARTIFACTS = join(ROOT, 'test-artifacts');
const TIMEOUT = 60_000;

async function reportHtml(lang: 'zh' | 'en' | 'probe'): Promise<string> {
  // A page that does reach out: proves the harness sees and blocks such requests.
  if (lang === 'probe')
    return '<!DOCTYPE html><html><body><img src="http://127.0.0.1:9/x.png"><link rel="stylesheet" href="https://fonts.example/x.css"></body></html>';
  const io = fakeIo();
  await main(['score', 'fixtures/xiyang', '--format', 'html', '--lang', lang], io);
  expect(io.err).toBe('');
  return io.out;
}

/** Fonts that carry Chinese, as named in the report's font stack (and their usual platform names). */
const CJK_FONT = /WenQuanYi|Noto Sans CJK|Noto Sans SC|Source Han|PingFang|Microsoft YaHei|Droid Sans Fallback/i;

interface Opened {
  page: Page;
  /** Every request the page tried that was not the report file itself. */
  foreign: string[];
  consoleErrors: string[];
}

describeInChromium('the HTML report in Chromium', () => {
  let browser: Browser;
  let dir: string;

  beforeAll(async () => {
    browser = await chromium();
    dir = mkdtempSync(join(tmpdir(), 'pinggu-html-'));
    mkdirSync(ARTIFACTS, { recursive: true });
  }, TIMEOUT);

  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  async function open(lang: 'zh' | 'en' | 'probe'): Promise<Opened> {
    const file = join(dir, `xiyang.${lang}.html`);
    writeFileSync(file, await reportHtml(lang));
    const url = pathToFileURL(file).href;
    const context = await browser.newContext({
      offline: true,
      viewport: { width: 900, height: 1200 },
      deviceScaleFactor: 1,
    });
    const page = await context.newPage();
    const foreign = new Set<string>();
    const consoleErrors: string[] = [];
    // Anything but the file itself is counted and aborted.
    await context.route('**/*', (route) => {
      if (route.request().url() === url) return route.continue();
      foreign.add(route.request().url());
      return route.abort();
    });
    // And every request the page makes at all, in case one passed by the route.
    page.on('request', (r) => {
      if (r.url() !== url) foreign.add(r.url());
    });
    page.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(m.text());
    });
    page.on('pageerror', (e) => consoleErrors.push(String(e)));
    await page.goto(url, { waitUntil: 'load' });
    await page.evaluate(() => document.fonts.ready.then(() => undefined));
    return { page, foreign: [...foreign].sort(), consoleErrors };
  }

  it(
    'the harness counts and blocks a request that leaves the page',
    async () => {
      const { page, foreign } = await open('probe');
      expect(foreign).toEqual(['http://127.0.0.1:9/x.png', 'https://fonts.example/x.css']);
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    'opens offline without a request or a console error, draws every part and chart, in both languages',
    async () => {
      for (const lang of ['zh', 'en'] as const) {
        const { page, foreign, consoleErrors } = await open(lang);
        expect(foreign).toEqual([]);
        expect(consoleErrors).toEqual([]);
        expect(await page.evaluate(() => document.scripts.length)).toBe(0);
        const parts = await page.$$eval('[data-part]', (els) => els.map((e) => e.id));
        expect(parts).toEqual(['verdict', 'lost', 'items', 'actions', 'heatmap', 'ranking', 'data']);
        // Each chart is there and has a size on the page.
        const charts = await page.$$eval('[data-chart]', (els) =>
          els.map((e) => {
            const r = e.getBoundingClientRect();
            return { id: e.id, kind: e.getAttribute('data-chart'), w: Math.round(r.width), h: Math.round(r.height) };
          }),
        );
        expect(charts.map((c) => c.id)).toEqual(['gauge', 'lost-chart', 'heatmap-table', 'ranking-chart']);
        for (const c of charts) {
          expect(c.w, c.id).toBeGreaterThan(400);
          expect(c.h, c.id).toBeGreaterThan(50);
        }
        expect(await page.locator('svg.chart').count()).toBe(3);
        expect(await page.locator('#gauge .pass-line').count()).toBe(1);
        expect(await page.locator('#lost-chart g.bar').count()).toBe(10);
        expect(await page.locator('#ranking-chart g.bar').count()).toBe(12);
        expect(await page.locator('#heatmap-table td.cell').count()).toBe(12 * 16);
        // Bars have widths: the largest loss (4 of 4) fills its whole back bar.
        const firstLost = await page
          .locator('#lost-chart g.bar')
          .first()
          .locator('rect')
          .evaluateAll((rs) => rs.map((r) => (r as unknown as { getBBox(): { width: number } }).getBBox().width));
        expect(firstLost[0]).toBeGreaterThan(100);
        expect(firstLost[1]).toBeCloseTo(firstLost[0]!, 0);
        // Status colours reach the cells (not the default transparent background).
        const bg = await page.$eval('#heatmap-table td.cell.st-partial', (e) => getComputedStyle(e).backgroundColor);
        expect(bg).toBe('rgb(253, 233, 184)');
        await page.context().close();
      }
    },
    TIMEOUT,
  );

  it(
    'draws Chinese with a CJK font from the stack (no missing-glyph boxes)',
    async () => {
      const { page } = await open('zh');
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument', { depth: -1 });
      for (const selector of ['h1', '#verdict h2', '#lost-chart .bar-label', '#heatmap-table th.it', '#items td']) {
        const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector });
        expect(nodeId, selector).toBeGreaterThan(0);
        const text = await page.$eval(selector, (e) => e.textContent ?? '');
        const han = [...text].filter((ch) => /\p{Script=Han}/u.test(ch)).length;
        expect(han, selector).toBeGreaterThan(0);
        const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
        const cjk = fonts.filter((f) => CJK_FONT.test(f.familyName)).reduce((s, f) => s + f.glyphCount, 0);
        expect(cjk, `${selector}: ${JSON.stringify(fonts)}`).toBeGreaterThanOrEqual(han);
      }
      // And by pixels: two different Han characters draw differently (missing glyphs draw the same box).
      const distinct = await page.evaluate(() => {
        const draw = (ch: string) => {
          const c = document.createElement('canvas');
          c.width = 40;
          c.height = 40;
          const g = c.getContext('2d')!;
          g.font = `32px ${getComputedStyle(document.body).fontFamily}`;
          g.fillText(ch, 2, 32);
          return c.toDataURL();
        };
        return draw('评') !== draw('估') && draw('估') !== draw('\u{10FFFD}');
      });
      expect(distinct).toBe(true);
      await page.screenshot({ path: join(ARTIFACTS, 'html-report.png'), fullPage: true });
      await page.screenshot({ path: join(ARTIFACTS, 'html-report.first-screen.png') });
      await page.context().close();
    },
    TIMEOUT,
  );

  it(
    'prints on A4 pages, a page per part, rows never cut, headers repeated',
    async () => {
      const { page } = await open('zh');
      await page.emulateMedia({ media: 'print' });
      const layout = await page.evaluate(() => ({
        rows: [...document.querySelectorAll('tr')].map((e) => getComputedStyle(e).breakInside),
        groups: [...document.querySelectorAll('tbody.row')].map((e) => getComputedStyle(e).breakInside),
        heads: [...document.querySelectorAll('thead')].map((e) => getComputedStyle(e).display),
        breaks: [...document.querySelectorAll('[data-part]')].map((e) => getComputedStyle(e).breakBefore),
        charts: [...document.querySelectorAll('.chart')].map((e) => getComputedStyle(e).breakInside),
      }));
      expect(layout.rows.length).toBeGreaterThan(100);
      expect(new Set(layout.rows)).toEqual(new Set(['avoid']));
      expect(new Set(layout.groups)).toEqual(new Set(['avoid']));
      expect(new Set(layout.heads)).toEqual(new Set(['table-header-group']));
      expect(new Set(layout.charts)).toEqual(new Set(['avoid']));
      // The verdict and its chart share the first page; every other part starts a page.
      expect(layout.breaks).toEqual(['auto', 'auto', 'page', 'page', 'page', 'page', 'page']);
      const pdf = await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true });
      writeFileSync(join(ARTIFACTS, 'html-report.pdf'), pdf);
      const text = pdf.toString('latin1');
      const pages = text.match(/\/Type\s*\/Page(?![s\w])/g) ?? [];
      expect(pages.length).toBeGreaterThanOrEqual(6);
      expect(pages.length).toBeLessThanOrEqual(16);
      // Every page is A4: 595 × 842 points (210 × 297 mm).
      const boxes = [...text.matchAll(/\/MediaBox\s*\[\s*0\s+0\s+([\d.]+)\s+([\d.]+)\s*\]/g)].map((m) => [
        Number(m[1]),
        Number(m[2]),
      ]);
      expect(boxes.length).toBeGreaterThanOrEqual(pages.length);
      for (const [w, h] of boxes) {
        expect(Math.abs(w! - 595.28)).toBeLessThan(2);
        expect(Math.abs(h! - 841.89)).toBeLessThan(2);
      }
      await page.context().close();
    },
    TIMEOUT,
  );
});
