/**
 * The offline page (`pinggu app`, docs/app.md) in Firefox: Debian's firefox-esr driven
 * over WebDriver BiDi by a small client (./app-bidi.ts; playwright-core 1.65 asks Firefox
 * 140 for a command it does not have). Opened
 * from a file, the sample county's files dropped on the drop zone are scored (in the
 * page's worker) to the command line's verdict and score, and no request leaves the page.
 *
 * Skipped without /usr/bin/firefox-esr (apt-get install firefox-esr), unless
 * PINGGU_REQUIRE_FIREFOX=1.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../cli/fake-io';
import { cli } from './app-harness';
import { launchFirefox, type Firefox } from './app-bidi';
import { writePage } from './page-file';

const FIREFOX = process.env.PINGGU_FIREFOX || '/usr/bin/firefox-esr';
const TIMEOUT = 120_000;
const XIYANG = join(ROOT, 'fixtures', 'xiyang');
/** A 1×1 transparent GIF. */
const PIXEL = 'data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw==';
const haveFirefox = existsSync(FIREFOX);
const required = process.env.PINGGU_REQUIRE_FIREFOX === '1';
if (!haveFirefox && !required)
  console.warn(`\n⚠ SKIPPED: the offline page's Firefox test needs ${FIREFOX} (apt-get install firefox-esr).\n`);

/** An expression run in the page: the result as a string (BiDi's script.evaluate, awaited). */
async function run(ff: Firefox, context: string, expression: string): Promise<string> {
  const r = await ff.send('script.evaluate', { expression, target: { context }, awaitPromise: true });
  if (r.type !== 'success') throw new Error(`in the page: ${JSON.stringify(r.exceptionDetails?.text ?? r)}`);
  return String(r.result?.value);
}

describe.runIf(haveFirefox || required)('the offline page (pinggu app) in Firefox', () => {
  let ff: Firefox;
  let dir: string;
  let url: string;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'pinggu-app-ff-'));
    const file = join(dir, 'pinggu.html');
    writePage(file);
    url = pathToFileURL(file).href;
    ff = await launchFirefox(FIREFOX);
  }, TIMEOUT);

  afterAll(async () => {
    await ff?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it(
    "scores the files dropped on it to the command line's verdict and score, and asks for nothing",
    async () => {
      const tree = await ff.send('browsingContext.getTree', {});
      const context = tree.contexts[0].context as string;
      await ff.send('browsingContext.navigate', { context, url, wait: 'complete' });
      const files = ['townships.csv', 'county.csv'].map((name) => ({
        name,
        base64: readFileSync(join(XIYANG, name)).toString('base64'),
      }));
      // A drop as the browser makes it, with the files in its DataTransfer; then the summary, when shown.
      const summary = await run(
        ff,
        context,
        `(async () => {
          const t = new DataTransfer();
          for (const f of ${JSON.stringify(files)})
            t.items.add(new File([Uint8Array.from(atob(f.base64), (c) => c.charCodeAt(0))], f.name, { type: 'text/csv' }));
          document.getElementById('drop').dispatchEvent(new DragEvent('drop', { dataTransfer: t, bubbles: true, cancelable: true }));
          const shown = document.getElementById('summary');
          if (!shown.textContent)
            await new Promise((ok) =>
              new MutationObserver((_, seen) => {
                if (shown.textContent) seen.disconnect(), ok();
              }).observe(shown, { childList: true, characterData: true, subtree: true }),
            );
          // The probe: an image the policy allows (data:) and one it refuses (the network).
          // Each image's load or error, and the refusal's event, awaited (no fixed wait).
          const refusal = new Promise((ok) => document.addEventListener('securitypolicyviolation', (e) => ok(e.violatedDirective), { once: true }));
          await Promise.all(['${PIXEL}', 'http://127.0.0.1:9/x.png'].map((src) => new Promise((ok) => {
            const img = Object.assign(new Image(), { src });
            img.onload = img.onerror = ok;
            document.body.append(img);
          })));
          const seen = await refusal;
          return [document.getElementById('summary').textContent, document.getElementById('status').textContent, seen].join('\\n');
        })()`,
      );
      const json = await cli(XIYANG, ['score', 'county.csv', 'townships.csv', '--format', 'json', '--lang', 'zh']);
      const unit = JSON.parse(json.out).units[0];
      // 昔阳县: 87.18 of 100, below the pass line of 90.
      expect(unit.name).toBe('昔阳县');
      expect(Number(unit.score).toFixed(2)).toBe('87.18');
      expect(unit.passed).toBe(false);
      const [shown, status, refused] = summary.split('\n');
      expect(shown).toMatch(/^昔阳县：87\.18 \/ 100 分，未通过/);
      expect(status).toContain('2 个文件');
      // The listener sees what the page sends (the allowed data: image); the policy refused the network
      // image before it was sent; nothing but data: and blob: URLs (the page's own bytes) was asked for.
      // (Firefox loads a data: font of its own in headless mode; a file: page is no request over BiDi.)
      expect(refused).toBe('img-src');
      // (The request's event comes over the socket on its own; it may follow the script's answer.)
      await expect.poll(() => ff.requests).toContain(PIXEL);
      expect(ff.requests.filter((u) => !/^(blob|data):/.test(u))).toEqual([]);
    },
    TIMEOUT,
  );
});
