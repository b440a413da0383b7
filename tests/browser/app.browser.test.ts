/**
 * The offline page (`pinggu app`, docs/app.md) in Debian's Chromium, opened from a file
 * with the network off: the sample county's files put into the file input are scored
 * in the page's worker, and what the page shows and saves is what the command line
 * gives for the same bytes (the JSON, CSV and HTML reports, an item's explanation, a
 * broken scheme's line:col error); the language switches; no request leaves the page.
 *
 * Skipped without /usr/bin/chromium, unless PINGGU_REQUIRE_BROWSER=1 (as in
 * html.browser.test.ts).
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, afterEach, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { chromium, describeInChromium } from './chromium';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';
import { cli, cliFile, openPage, saved, type Opened } from './app-harness';
import { writePage } from './page-file';

// Callbacks given to page.evaluate run in the page; its globals, loosely (no DOM library here).
declare const document: any;
declare const window: any;

const TIMEOUT = 90_000;
const XIYANG = join(ROOT, 'fixtures', 'xiyang');
const BROKEN = 'id: broken\ntitle: [oops\n';

describeInChromium('the offline page (pinggu app) in Chromium', () => {
  let browser: Browser;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pinggu-app-'));
    const file = join(dir, 'pinggu.html');
    writePage(file);
    url = pathToFileURL(file).href;
    writeFileSync(join(dir, 'broken.yaml'), BROKEN);
    // The sample's township sheet as an analyst's workbook (numbers as numbers), beside its county sheet.
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('乡镇');
    const rows: string[][] = parse(readFileSync(join(XIYANG, 'townships.csv'), 'utf8'), { bom: true });
    for (const [n, row] of rows.entries())
      ws.addRow(
        n === 0
          ? row
          : row.map((c) => (/^[\d,]+(\.\d+)?$/.test(c) && !/^0\d/.test(c) ? Number(c.replace(/,/g, '')) : c)),
      );
    writeFileSync(join(dir, 'townships.xlsx'), new Uint8Array(await wb.xlsx.writeBuffer()));
    copyFileSync(join(XIYANG, 'county.csv'), join(dir, 'county.csv'));
    browser = await chromium();
  }, TIMEOUT);

  afterAll(async () => {
    await shared?.page.context().close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  /** A page of the test's own, closed after it whether it passed or not (the browser is the worker's). */
  const own: Opened[] = [];
  const open = async (init?: () => void): Promise<Opened> => {
    const opened = await openPage(browser, url, init);
    own.push(opened);
    return opened;
  };
  afterEach(async () => {
    for (const o of own.splice(0)) await o.page.context().close();
  });

  /**
   * One page for the tests that need none of their own (opening one costs a second or
   * more: a renderer, the file, the scoring worker). They run in order on it; each
   * leaves it in Chinese with a bundled scheme and gives it its own files.
   */
  let shared: Opened | undefined;
  const sharedPage = async (): Promise<Opened> => (shared ??= await openPage(browser, url));

  /** `act` (files given to the page), then the summary of its new result (the last one's is cleared first). */
  async function rescored(page: Page, act: () => Promise<unknown>): Promise<void> {
    await page.evaluate(() => {
      document.getElementById('summary').textContent = '';
    });
    await act();
    await page.waitForSelector('#summary:not(:empty)');
  }

  async function dropXiyang(page: Page): Promise<void> {
    await rescored(page, () =>
      page.setInputFiles('#files', [join(XIYANG, 'townships.csv'), join(XIYANG, 'county.csv')]),
    );
  }

  it(
    'forbids every request by its Content-Security-Policy: a fetch, an image, a stylesheet are refused before they leave',
    async () => {
      const { page, foreign, refused } = await open();
      await page.waitForFunction(() => /尚无数据/.test(document.getElementById('status').textContent));
      const blocked = await page.evaluate(async () => {
        // Each refusal is an event; the test goes on when the three have come (no fixed wait).
        const seen = new Set<string>();
        const all = new Promise<void>((ok) =>
          document.addEventListener('securitypolicyviolation', (e: any) => {
            seen.add(e.violatedDirective);
            if (seen.size === 3) ok();
          }),
        );
        const fetched = await fetch('http://127.0.0.1:9/x').then(
          () => 'fetched',
          () => 'refused',
        );
        const img = document.createElement('img');
        img.src = 'http://127.0.0.1:9/x.png';
        document.body.append(img);
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = 'https://fonts.example/x.css';
        document.head.append(link);
        await all;
        return { fetched, seen: [...seen].sort() };
      });
      expect(blocked.fetched).toBe('refused');
      expect(blocked.seen).toEqual(['connect-src', 'img-src', 'style-src-elem']);
      // The harness sees what the page asks for: the image and the stylesheet, refused.
      await expect
        .poll(() => [...new Set(refused)].sort())
        .toEqual(['http://127.0.0.1:9/x.png', 'https://fonts.example/x.css']);
      expect(foreign()).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "scores fixtures/xiyang as the command line does: the verdict, the report, the JSON and CSV saved, an item's explanation",
    async () => {
      const { page, foreign, errors } = await sharedPage();
      await dropXiyang(page);
      const json = await cli(XIYANG, [
        'score',
        'county.csv',
        'townships.csv',
        '--format',
        'json',
        '--lang',
        'zh',
        '--fail-on',
        'never',
      ]);
      expect(json.code).toBe(0);
      const report = JSON.parse(json.out);
      const unit = report.units[0];
      const summary = await page.textContent('#summary');
      expect(summary).toContain(unit.name);
      expect(summary).toContain(`${Number(unit.score).toFixed(2)} / 100`);
      expect(summary).toContain(unit.passed ? '，通过' : '，未通过');
      // The report shown is the command line's --format html, verdict first.
      const html = await cli(XIYANG, [
        'score',
        'county.csv',
        'townships.csv',
        '--format',
        'html',
        '--lang',
        'zh',
        '--fail-on',
        'never',
      ]);
      expect(await page.$eval('#report', (f: any) => f.srcdoc)).toBe(html.out);
      const frame = page.frameLocator('#report');
      expect(await frame.locator('[data-part]').first().getAttribute('id')).toBe('verdict');
      expect(await frame.locator('#verdict').textContent()).toContain(unit.name);
      // Saved files: the same bytes as the command line writes.
      expect((await saved(page, 'pinggu-report.json')).toString('utf8')).toBe(json.out);
      const csv = await cli(XIYANG, [
        'score',
        'county.csv',
        'townships.csv',
        '--format',
        'csv',
        '--lang',
        'zh',
        '--fail-on',
        'never',
      ]);
      expect(csv.out.startsWith('\ufeff')).toBe(true);
      expect(await saved(page, 'pinggu-report.csv')).toEqual(Buffer.from(csv.out, 'utf8'));
      // And in GB18030 (offered first in Chinese), as --csv-encoding gb18030 writes it.
      const gbk = await cliFile(
        XIYANG,
        [
          'score',
          'county.csv',
          'townships.csv',
          '--format',
          'csv',
          '--csv-encoding',
          'gb18030',
          '--lang',
          'zh',
          '--fail-on',
          'never',
        ],
        'r.csv',
      );
      expect(await page.getAttribute('#report-downloads button[data-file$=".csv"]', 'data-file')).toBe(
        'pinggu-report.gb18030.csv',
      );
      expect(await saved(page, 'pinggu-report.gb18030.csv')).toEqual(gbk);
      // The item that lost most, opened: `pinggu explain` for it.
      const first = page.locator('#items > details').first();
      const id = (await first.getAttribute('data-item'))!;
      await first.locator('summary').click();
      const explain = await cli(XIYANG, ['explain', id, 'county.csv', 'townships.csv', '--lang', 'zh']);
      expect(await first.locator('pre.explain').isVisible()).toBe(true);
      expect((await first.locator('pre.explain').textContent())!.trim()).toBe(explain.out.trim());
      expect(foreign()).toEqual([]);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'reads a workbook as the command line does, and saves the report as a workbook with the same cells',
    async () => {
      const { page, foreign, errors } = await sharedPage();
      await rescored(page, () => page.setInputFiles('#files', [join(dir, 'townships.xlsx'), join(dir, 'county.csv')]));
      const args = ['score', 'county.csv', 'townships.xlsx', '--lang', 'zh', '--fail-on', 'never'];
      const json = await cli(dir, [...args, '--format', 'json']);
      expect(JSON.parse(json.out).data.files.map((f: { file: string }) => f.file)).toEqual([
        'county.csv',
        'townships.xlsx',
      ]);
      expect((await saved(page, 'pinggu-report.json')).toString('utf8')).toBe(json.out);
      // The workbook report: every sheet and cell as the command line's (the same exceljs, in the browser).
      const io = fakeIo();
      io.cwd = dir;
      expect(await main([...args, '-o', 'r.xlsx'], io)).toBe(0);
      const cells = async (bytes: Uint8Array) => {
        const book = new ExcelJS.Workbook();
        await book.xlsx.load(Buffer.from(bytes) as never);
        return book.worksheets.map((w) => ({ name: w.name, rows: w.getSheetValues().map((r) => JSON.stringify(r)) }));
      };
      const mine = await saved(page, 'pinggu-report.xlsx');
      const theirs = [...io.written.entries()].find(([p]) => p.endsWith('r.xlsx'))![1] as Uint8Array;
      expect(await cells(mine)).toEqual(await cells(theirs));
      expect(mine.equals(Buffer.from(theirs)), 'the same bytes').toBe(true);
      expect(foreign()).toEqual([]);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'switches to English and back: the page, the report and its files in the chosen language',
    async () => {
      const { page, foreign, errors } = await sharedPage();
      await dropXiyang(page);
      await page.click('#lang');
      await page.waitForFunction(
        () => document.documentElement.lang === 'en' && /points/.test(document.getElementById('summary').textContent),
      );
      expect(await page.textContent('h1')).toContain('score a county offline');
      const html = await cli(XIYANG, [
        'score',
        'county.csv',
        'townships.csv',
        '--format',
        'html',
        '--lang',
        'en',
        '--fail-on',
        'never',
      ]);
      await page.waitForFunction((want: string) => document.getElementById('report').srcdoc === want, html.out);
      const json = await cli(XIYANG, [
        'score',
        'county.csv',
        'townships.csv',
        '--format',
        'json',
        '--lang',
        'en',
        '--fail-on',
        'never',
      ]);
      expect((await saved(page, 'pinggu-report.json')).toString('utf8')).toBe(json.out);
      await page.click('#lang');
      await page.waitForFunction(
        () => document.documentElement.lang === 'zh-CN' && /分/.test(document.getElementById('summary').textContent),
      );
      expect(foreign()).toEqual([]);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    "shows a broken scheme's errors as pinggu check prints them (file:line:col), and scores again with a bundled one",
    async () => {
      const { page, foreign, errors } = await sharedPage();
      await page.setInputFiles('#scheme-file', join(dir, 'broken.yaml'));
      await page.waitForSelector('#scheme-error-lines');
      const check = await cli(dir, ['check', '--scheme', 'broken.yaml', '--lang', 'zh']);
      expect(check.code).toBe(2);
      expect(check.err).toMatch(/^broken\.yaml:2:\d+: /);
      expect(await page.textContent('#scheme-error-lines')).toBe(check.err.trimEnd());
      expect(await page.isHidden('#result')).toBe(true);
      // No bundled scheme is shown as chosen, so that choosing it (the only one) is a change.
      expect(await page.$eval('#scheme', (s: any) => s.selectedIndex)).toBe(-1);
      // The bundled scheme scores the files the page holds; then they are given again.
      await rescored(page, () => page.selectOption('#scheme', 'criteria/jsyzfw-2008.yaml'));
      await dropXiyang(page);
      expect(await page.locator('#scheme-error-lines').count()).toBe(0);
      expect(foreign()).toEqual([]);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'saves the blank data sheets of the scheme, as pinggu template writes them (UTF-8 with BOM, GB18030)',
    async () => {
      const { page } = await sharedPage();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#template-downloads button[data-file="template.csv"]'),
      ]);
      const io = fakeIo();
      io.cwd = dir;
      expect(await main(['template', '--encoding', 'utf-8', '-o', 't.csv', '--lang', 'zh'], io)).toBe(0);
      const written = [...io.written.entries()].find(([p]) => p.endsWith('t.csv'))![1];
      expect(readFileSync(await download.path())).toEqual(Buffer.from(written as Uint8Array));
      // In GB18030 (made by the scoring code), as pinggu template writes it in Chinese by default.
      const [gbk] = await Promise.all([
        page.waitForEvent('download'),
        page.click('#template-downloads button[data-file="template.gb18030.csv"]'),
      ]);
      expect(readFileSync(await gbk.path())).toEqual(await cliFile(dir, ['template', '--lang', 'zh'], 'g.csv'));
    },
    TIMEOUT,
  );

  it(
    'scores the files dropped on the drop zone',
    async () => {
      const { page, foreign, errors } = await sharedPage();
      const files = ['townships.csv', 'county.csv'].map((name) => ({
        name,
        bytes: [...readFileSync(join(XIYANG, name))],
      }));
      // A drop as the browser makes it, with the files in its DataTransfer.
      const dt = await page.evaluateHandle((fs: { name: string; bytes: number[] }[]) => {
        const t = new window.DataTransfer();
        for (const f of fs) t.items.add(new window.File([new Uint8Array(f.bytes)], f.name, { type: 'text/csv' }));
        return t;
      }, files);
      await page.dispatchEvent('#drop', 'dragover', { dataTransfer: dt });
      expect(await page.getAttribute('#drop', 'class')).toContain('over');
      await rescored(page, () => page.dispatchEvent('#drop', 'drop', { dataTransfer: dt }));
      expect(await page.textContent('#summary')).toContain('昔阳县');
      expect(await page.textContent('#status')).toContain('2 个文件');
      expect(foreign()).toEqual([]);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'scores the same files again when they are picked again (edited in a spreadsheet meanwhile)',
    async () => {
      const { page, foreign, errors } = await sharedPage();
      const edited = join(dir, 'again');
      mkdirSync(edited, { recursive: true });
      copyFileSync(join(XIYANG, 'county.csv'), join(edited, 'county.csv'));
      copyFileSync(join(XIYANG, 'townships.csv'), join(edited, 'townships.csv'));
      const pick = () =>
        rescored(page, () => page.setInputFiles('#files', [join(edited, 'townships.csv'), join(edited, 'county.csv')]));
      await pick();
      const before = await page.textContent('#summary');
      // A township's figure corrected and saved under the same name, then the same files picked.
      // (乐平镇's 落实避孕措施人数 10,760 → 5,000: 87.18 → 81.18 points.)
      const text = readFileSync(join(edited, 'townships.csv'), 'utf8');
      writeFileSync(join(edited, 'townships.csv'), text.replace('"10,760"', '"5,000"'));
      await pick();
      expect(before).toContain('87.18 / 100');
      expect(await page.textContent('#summary')).toContain('81.18 / 100');
      expect(foreign()).toEqual([]);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );

  it(
    'scores in the page itself where no worker can be made',
    async () => {
      const { page, foreign, errors } = await open(() => {
        delete window.Worker;
      });
      await dropXiyang(page);
      expect(await page.textContent('#summary')).toContain('昔阳县');
      expect(foreign()).toEqual([]);
      expect(errors).toEqual([]);
    },
    TIMEOUT,
  );
});
