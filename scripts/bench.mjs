// `npm run bench`: start-up and a national-scale file, measured side by side in one
// run on this machine, written to docs/BENCHMARKS.md (the table between the BENCH
// markers; the prose around it is kept). Needs the build (dist/).
//
//   RUNS=21 NATIONAL_RUNS=3 node scripts/bench.mjs [--no-write]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNational } from './gen-national.mjs';
import { measureStartup, median, timeRun } from './bench-startup.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.RUNS ?? 21);
const nationalRuns = Number(process.env.NATIONAL_RUNS ?? 3);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pinggu-bench-'));
const log = (s) => process.stderr.write(`${s}\n`);
const mb = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;

function machine() {
  let distro = `${os.type()} ${os.release()}`;
  try {
    const m = /PRETTY_NAME="?([^"\n]+)/.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) distro = `${m[1]} (${os.type()} ${os.release()})`;
  } catch {}
  return { cpu: os.cpus()[0]?.model ?? '?', cores: os.cpus().length, ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`, node: process.version, os: distro };
}

log(`start-up: ${runs} alternating runs each …`);
const startup = measureStartup(runs, root);

log('generating the national file …');
const data = path.join(tmp, 'national');
const gen = writeNational({ scheme: 'jsyzfw-2008', out: data, townships: 40000, counties: 2800, cities: 340, seed: 20080101, sample: path.join(root, 'fixtures/xiyang'), dirty: 0.0005 });
const sizes = gen.files.map((f) => ({ name: path.basename(f), bytes: statSync(f).size }));
const inputBytes = sizes.reduce((s, f) => s + f.bytes, 0);

// The monthly job's run: JSON report to a file. Exit code 2 is expected (the file
// has a few rows broken on purpose); anything else is a failure of the bench.
const report = path.join(tmp, 'report.json');
const rssFile = path.join(tmp, 'rss');
const scoreArgs = [process.execPath, '--require', path.join(root, 'scripts/bench-rss.cjs'), 'bin/pinggu.js', 'score', ...gen.files, '--format', 'json', '-o', report];
const parseArgs = [process.execPath, path.join(root, 'scripts/bench-parse-only.mjs'), ...gen.files];
// The first python3 on PATH may be a pyenv or venv one without Debian's python3-pandas.
const python = ['python3', '/usr/bin/python3'].find((py) => spawnSync(py, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0);
const hasPandas = python !== undefined;
const pandasArgs = [python, path.join(root, 'scripts/bench_pandas.py'), gen.files[0], path.join(tmp, 'pandas.csv')];
const score = [];
const parse = [];
const pandas = [];
const rss = [];
let reportBytes = 0;
for (let i = 0; i < nationalRuns; i++) {
  log(`national run ${i + 1}/${nationalRuns} …`);
  const p = timeRun(parseArgs, { cwd: root });
  if (p.status !== 0) throw new Error('parse-only failed');
  parse.push(p.ms);
  const s = timeRun(scoreArgs, { cwd: root, env: { ...process.env, BENCH_RSS_FILE: rssFile } });
  if (s.status !== 0 && s.status !== 1 && s.status !== 2) throw new Error(`pinggu score failed (exit ${s.status})`);
  score.push(s.ms);
  log(`  parse-only ${ms(p.ms)}, pinggu ${ms(s.ms)} (exit ${s.status})`);
  rss.push(Number(readFileSync(rssFile, 'utf8')) * 1024);
  reportBytes = statSync(report).size;
  if (hasPandas) {
    const q = timeRun(pandasArgs, { cwd: root });
    if (q.status !== 0) throw new Error('pandas script failed');
    pandas.push(q.ms);
  }
}
rmSync(tmp, { recursive: true, force: true });

const met = (ok) => (ok ? 'met' : 'not met');
const m = machine();
const r = {
  startup: startup.score / startup.bare,
  national: median(score) / median(parse),
  rss: Math.max(...rss),
  rssTarget: 3 * inputBytes + 100 * 2 ** 20,
};
const table = `<!-- BENCH:BEGIN (written by npm run bench; do not edit by hand) -->
Measured ${new Date().toISOString().slice(0, 10)} on: ${m.cpu}, ${m.cores} cores, ${m.ram} RAM, Node ${m.node}, ${m.os}.

| measure | pinggu | baseline | ratio | target | |
|---|---|---|---|---|---|
| start-up: \`pinggu score fixtures/xiyang\` vs \`node -e ''\` (median of ${runs}, alternating) | ${ms(startup.score)} | ${ms(startup.bare)} | ${r.startup.toFixed(2)}× | ≤ 1.5× | ${met(r.startup <= 1.5)} |
| national: \`pinggu score … --format json -o report.json\` vs csv-parse alone (median of ${nationalRuns}) | ${ms(median(score))} | ${ms(median(parse))} | ${r.national.toFixed(1)}× | ≤ 1.5× | ${met(r.national <= 1.5)} |
| national: peak RSS of \`pinggu score\` (largest of ${nationalRuns}) | ${mb(r.rss)} | input ${mb(inputBytes)} | ${(r.rss / inputBytes).toFixed(0)}× input | ≤ 3× input + 100 MiB = ${mb(r.rssTarget)} | ${met(r.rss <= r.rssTarget)} |
| national: pandas peer (5 county ratio-of-sums items, median of ${nationalRuns}) | ${ms(median(score))} | ${hasPandas ? ms(median(pandas)) : 'pandas not installed'} | ${hasPandas ? `${(median(score) / median(pandas)).toFixed(1)}×` : '—'} | — | — |

National file: ${gen.townships.toLocaleString('en')} townships in ${gen.counties.toLocaleString('en')} counties (${gen.dirty} rows broken on purpose), ${sizes.map((f) => `${f.name} ${mb(f.bytes)}`).join(' + ')}; the JSON report written is ${mb(reportBytes)}.
<!-- BENCH:END -->`;
console.log(table);

if (!process.argv.includes('--no-write')) {
  const doc = path.join(root, 'docs/BENCHMARKS.md');
  const old = existsSync(doc) ? readFileSync(doc, 'utf8') : '# Benchmarks\n\n<!-- BENCH:BEGIN -->\n<!-- BENCH:END -->\n';
  const next = old.replace(/<!-- BENCH:BEGIN[^]*?<!-- BENCH:END -->/, table);
  writeFileSync(doc, next);
  log(`wrote ${path.relative(process.cwd(), doc)}`);
}
