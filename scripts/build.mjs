// Bundles the CLI into one CommonJS file so start-up reads a single module, prepares
// the bundled schemes, then records V8's code cache for the bundle by running the
// bundled sample once (bin/pinggu.js uses the cache when present; a stale one is
// simply ignored by V8).
import { execFileSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { build } from 'esbuild';
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
await build({ ...common, entryPoints: ['src/cli/main.ts'], outfile: 'dist/pinggu.cjs', minify: true, plugins: [stubs] });
await build({ ...common, entryPoints: ['src/index.ts'], outfile: 'dist/index.cjs' });

// Bundled schemes parsed and checked ahead of time by the loader just built (with the
// text they came from): start-up skips the YAML parse, and for a clean scheme the
// schema and lint checks, unless the file changed or a finding needs line numbers.
rmSync('dist/criteria', { recursive: true, force: true });
mkdirSync('dist/criteria', { recursive: true });
const { loadScheme } = createRequire(import.meta.url)('../dist/index.cjs');
for (const f of readdirSync('criteria').filter((n) => /\.ya?ml$/.test(n))) {
  const text = readFileSync(`criteria/${f}`, 'utf8');
  const doc = parseDocument(text, { uniqueKeys: true, prettyErrors: false });
  if (doc.errors.length) continue;
  const loaded = loadScheme(text, f);
  const checked = Boolean(loaded.scheme) && loaded.diagnostics.length === 0;
  writeFileSync(`dist/criteria/${f}.json`, JSON.stringify({ source: text, data: doc.toJS({ maxAliasCount: 100 }), checked }));
}

rmSync('dist/pinggu.cache', { force: true });
try {
  execFileSync(process.execPath, ['bin/pinggu.js', 'score', 'fixtures/xiyang', '--fail-on', 'never'], {
    env: { ...process.env, PINGGU_WRITE_CODE_CACHE: '1' },
    stdio: 'ignore',
  });
} catch {
  // No cache: start-up is slower, nothing else changes.
  rmSync('dist/pinggu.cache', { force: true });
}
