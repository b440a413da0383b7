// Bundles the CLI into one CommonJS file so start-up reads a single module, prepares
// the bundled schemes, then records V8's code cache for the bundle by running the
// bundled sample once (bin/pinggu.js uses the cache when present; a stale one is
// simply ignored by V8).
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createRequire } from 'node:module';
import { analyzeMetafile, build } from 'esbuild';
import { parseDocument } from 'yaml';

// Heavy readers and writers stay outside the bundle and load only when a run needs them.
// import() becomes require() (bin/pinggu.js runs the bundle as a vm.Script, where a
// real dynamic import has no loader).
const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  legalComments: 'none',
  logLevel: 'warning',
  external: ['exceljs', 'iconv-lite'],
  supported: { 'dynamic-import': false },
};
// Two modules the command line never uses are replaced by stubs in its bundle, so that
// start-up does not load them: commander's child_process (only for executable
// subcommands, which pinggu has none of; loading it pulls in net, stream and more)
// and chalk's terminal probe (every Chalk of ours is given its colour level).
const stubs = {
  name: 'startup-stubs',
  setup(b) {
    b.onResolve({ filter: /^(node:)?child_process$/ }, (args) =>
      /[\\/]commander[\\/]/.test(args.importer) ? { path: 'child_process', namespace: 'stub' } : undefined,
    );
    b.onResolve({ filter: /^#supports-color$/ }, (args) =>
      /[\\/]chalk[\\/]/.test(args.importer) ? { path: 'supports-color', namespace: 'stub' } : undefined,
    );
    b.onLoad({ filter: /.*/, namespace: 'stub' }, (args) => ({
      contents:
        args.path === 'child_process'
          ? "exports.spawn = () => { throw new Error('pinggu has no executable subcommands'); };"
          : 'export default { stdout: false, stderr: false };',
      loader: 'js',
    }));
  },
};
// What this build is made of (the sources and the locked dependencies): the CLI bundle
// knows it (PINGGU_BUILD) and reads only the compiled schemes made by the same build.
const buildId = (() => {
  const h = createHash('sha256');
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) =>
      a.name < b.name ? -1 : a.name > b.name ? 1 : 0,
    )) {
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else h.update(`${p}\0`).update(readFileSync(p)).update('\0');
    }
  };
  walk('src');
  h.update(readFileSync('package-lock.json'));
  return h.digest('hex').slice(0, 16);
})();

// `--no-minify` keeps names for profiling (`node --cpu-prof bin/pinggu.js …`);
// `--analyze` prints what each module adds to the CLI bundle.
const args = process.argv.slice(2);
const cli = await build({
  ...common,
  entryPoints: ['src/cli/main.ts'],
  outfile: 'dist/pinggu.cjs',
  minify: !args.includes('--no-minify'),
  metafile: args.includes('--analyze'),
  plugins: [stubs],
  define: { PINGGU_BUILD: JSON.stringify(buildId) },
});
if (cli.metafile) console.log(await analyzeMetafile(cli.metafile));
asciiOnly('dist/pinggu.cjs');

// esbuild escapes non-ASCII text in strings and templates but not in regular
// expression literals; a few such characters make Node decode the whole bundle as
// UTF-8 into a two-byte string (several ms). \uXXXX means the same character in a
// regular expression (with or without the u flag), a string or a comment, so the
// bundle is made pure ASCII and bin/pinggu.js reads it as latin1, the cheapest decode.
function asciiOnly(file) {
  const WRAP = ['(function (exports, require, module, __filename, __dirname) { ', '\n});'];
  // An escaped character (`\：`, an identity escape) is the character itself: its
  // backslash is dropped, not doubled.
  const text = readFileSync(file, 'utf8').replace(
    /(\\*)([^\x00-\x7f])/g,
    (_, slashes, c) =>
      `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  // Written already wrapped as Node wraps a CommonJS module, so that bin/pinggu.js hands
  // V8 the file's text itself (Module.wrap would make a second 600 KB string to flatten).
  writeFileSync(file, `${WRAP[0]}${text}${WRAP[1]}`);
}
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.cjs' });
// The offline page (`pinggu app`): dist/pinggu-app.html.
await import('./build-app.mjs');

// Bundled schemes parsed, checked and compiled ahead of time by a loader built from the
// same sources: start-up skips the YAML parse, and for a clean scheme the schema and
// lint checks (<file>.json, with the text it came from) and compiling (<file>.compiled
// .json, also with its text, read only by the CLI bundle of this build; running from
// the sources compiles `data`), unless the file changed or a finding needs line numbers.
rmSync('dist/criteria', { recursive: true, force: true });
mkdirSync('dist/criteria', { recursive: true });
const loaderDir = mkdtempSync(path.join(tmpdir(), 'pinggu-build-'));
try {
  await build({
    ...common,
    stdin: {
      contents: "export { loadScheme } from './src/scheme/load'; export { packScheme } from './src/scheme/packed';",
      resolveDir: '.',
      loader: 'ts',
    },
    outfile: path.join(loaderDir, 'loader.cjs'),
  });
  const { loadScheme, packScheme } = createRequire(import.meta.url)(path.join(loaderDir, 'loader.cjs'));
  for (const f of readdirSync('criteria').filter((n) => /\.ya?ml$/.test(n))) {
    const text = readFileSync(`criteria/${f}`, 'utf8');
    const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
    if (doc.errors.length) continue;
    const loaded = loadScheme(text, f);
    const checked = Boolean(loaded.scheme) && loaded.diagnostics.length === 0;
    let compiled;
    try {
      compiled = checked ? packScheme(loaded.scheme) : undefined;
    } catch (e) {
      console.warn(`${f}: not cached compiled (${e.message}); it is compiled at each start`);
    }
    writeFileSync(
      `dist/criteria/${f}.json`,
      JSON.stringify({ source: text, data: doc.toJS({ maxAliasCount: 100 }), checked }),
    );
    if (compiled)
      writeFileSync(`dist/criteria/${f}.compiled.json`, JSON.stringify({ build: buildId, source: text, compiled }));
  }
} finally {
  rmSync(loaderDir, { recursive: true, force: true });
}

// The cache holds the code of both default paths: the table on stdout (`npm start`)
// and the monthly job's JSON written to a file. The second run starts from the first
// run's cache and adds what it compiled on top.
rmSync('dist/pinggu.cache', { force: true });
const scratch = mkdtempSync(path.join(tmpdir(), 'pinggu-build-'));
try {
  for (const extra of [[], ['-o', path.join(scratch, 'report.json')]]) {
    execFileSync(process.execPath, ['bin/pinggu.js', 'score', 'fixtures/xiyang', '--fail-on', 'never', ...extra], {
      env: { ...process.env, PINGGU_WRITE_CODE_CACHE: '1' },
      stdio: 'ignore',
    });
  }
} catch {
  // No cache: start-up is slower, nothing else changes.
  rmSync('dist/pinggu.cache', { force: true });
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
