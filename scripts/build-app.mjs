// Builds the offline page (`pinggu app`, `npm run app`, docs/app.md): one HTML file with
// the scoring code (worker bundle), the page's code and the bundled schemes inlined, and a
// Content-Security-Policy that allows no request at all. Writes dist/pinggu-app.html, or
// the file after -o; prints its size (the budget is 3 MB).
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { parse } from 'yaml';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUDGET = 3 * 1024 * 1024;
const args = process.argv.slice(2);
const out = args.includes('-o')
  ? path.resolve(args[args.indexOf('-o') + 1])
  : path.join(ROOT, 'dist', 'pinggu-app.html');

const browser = {
  bundle: true,
  platform: 'browser',
  format: 'iife',
  target: ['chrome100', 'firefox100', 'safari15'],
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
  write: false,
  absWorkingDir: ROOT,
  charset: 'utf8',
};

// Node modules in the browser: the workbook reader and writer are exceljs's own browser
// build (without its polyfills: the browsers the page is for need none); node:zlib is a
// shim on DecompressionStream (src/app/shims/zlib.ts), and the few Buffer calls of the
// data readers a shim injected where they name it (src/app/shims/buffer.ts). iconv-lite
// (the GB18030 CSV, as the CLI writes it) is bundled with its GB18030 codec alone (below)
// and the npm `buffer` package its safer-buffer asks for; every other node module is left out.
const noNode = {
  name: 'no-node-modules',
  setup(b) {
    b.onResolve({ filter: /^exceljs$/ }, () => ({
      path: path.join(ROOT, 'node_modules', 'exceljs', 'dist', 'exceljs.bare.min.js'),
    }));
    b.onResolve({ filter: /^(node:)?zlib$/ }, () => ({ path: path.join(ROOT, 'src', 'app', 'shims', 'zlib.ts') }));
    b.onResolve({ filter: /^node:/ }, (a) => ({ path: a.path, namespace: 'absent' }));
    b.onLoad({ filter: /.*/, namespace: 'absent' }, (a) => ({
      contents: `throw new Error(${JSON.stringify(`${a.path} is not in the offline page`)});`,
      loader: 'js',
    }));
  },
};
// iconv-lite's list of encodings requires every codec and table (Japanese, Korean, Big5, ...):
// in the page, GB18030 alone, with the same definition and tables (iconv-lite's dbcs-data.js).
const gb18030Only = {
  name: 'iconv-gb18030-only',
  setup(b) {
    b.onLoad({ filter: /[\\/]iconv-lite[\\/]encodings[\\/]index\.js$/ }, () => ({
      contents: `exports._dbcs = require("./dbcs-codec")._dbcs;
exports.gb18030 = { type: "_dbcs", table: function () { return require("./tables/cp936.json").concat(require("./tables/gbk-added.json")) }, gb18030: function () { return require("./tables/gb18030-ranges.json") }, encodeSkipVals: [0x80], encodeAdd: { "\\u20ac": 0xA2E3 } };`,
      loader: 'js',
      resolveDir: path.join(ROOT, 'node_modules', 'iconv-lite', 'encodings'),
    }));
  },
};

// The bundled schemes, inlined as text (each checked by the same loader when chosen).
const schemes = readdirSync(path.join(ROOT, 'criteria'))
  .filter((f) => /\.ya?ml$/.test(f))
  .sort()
  .map((f) => {
    const text = readFileSync(path.join(ROOT, 'criteria', f), 'utf8');
    return { id: f.replace(/\.ya?ml$/, ''), file: `criteria/${f}`, title: String(parse(text)?.title ?? f), text };
  });
const inlineSchemes = {
  name: 'inline-schemes',
  setup(b) {
    b.onLoad({ filter: /[\\/]src[\\/]app[\\/]schemes\.ts$/ }, () => ({
      contents: `export const SCHEMES = ${JSON.stringify(schemes)};`,
      loader: 'js',
    }));
  },
};

// csv-parse's browser build (its own Buffer polyfill inside), for the Node one.
const csvParse = {
  name: 'csv-parse-browser',
  setup(b) {
    b.onResolve({ filter: /^csv-parse\/sync$/ }, () => ({
      path: path.join(ROOT, 'node_modules', 'csv-parse', 'dist', 'esm', 'sync.js'),
    }));
  },
};

const worker = await build({
  ...browser,
  entryPoints: ['src/app/worker.ts'],
  plugins: [noNode, csvParse, gb18030Only],
  inject: ['src/app/shims/buffer.ts'],
});
const workerCode = worker.outputFiles[0].text;
const page = await build({
  ...browser,
  entryPoints: ['src/app/page.ts'],
  plugins: [noNode, inlineSchemes],
});
// The scoring code goes in as it is, in a <script type="text/plain"> that the page reads
// (src/app/page-scoring.ts): raw text ends only at `</script`, and `<!--` or `<script`
// in it would change how the parser looks for that end; the bundle has none of them.
if (/<\/script|<!--|<script|\0/i.test(workerCode)) {
  console.error('the scoring code holds </script, <!--, <script or a NUL: it cannot go in the page as raw text');
  process.exit(1);
}
// Inside <script>, `</script` and `<!--` would end or confuse the element; in JS text `<\/` means `</`.
const script = page.outputFiles[0].text.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
const hash = createHash('sha256').update(script).digest('base64');

// No network, no storage: nothing but this page's own script (by hash), its inline
// styles (also the report's), the worker and the files the user saves (blob:), and the
// report frame (srcdoc, same document).
const csp = [
  "default-src 'none'",
  `script-src 'sha256-${hash}' blob:`,
  'worker-src blob:',
  "style-src 'unsafe-inline'",
  'img-src data: blob:',
  "frame-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');

const css = readFileSync(path.join(ROOT, 'src', 'app', 'page.css'), 'utf8');
const html = readFileSync(path.join(ROOT, 'src', 'app', 'page.html'), 'utf8')
  .replace('%CSP%', csp)
  .replace('%CSS%', () => css)
  .replace('%SCRIPT%', () => script)
  .replace('%WORKER%', () => workerCode);

mkdirSync(path.dirname(out), { recursive: true });
writeFileSync(out, html);
const size = Buffer.byteLength(html);
console.log(
  `${path.relative(process.cwd(), out) || out}: ${(size / 1024 / 1024).toFixed(2)} MB (budget 3 MB; scoring code ${(Buffer.byteLength(workerCode) / 1024).toFixed(0)} KB)`,
);
if (size > BUDGET) {
  console.error(`the offline page is over its 3 MB budget (${size} bytes)`);
  process.exit(1);
}
