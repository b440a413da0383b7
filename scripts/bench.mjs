// `npm run bench`: the targets of issue #10, measured side by side in one run on this
// machine, written to docs/BENCHMARKS.md (the table between the BENCH markers; the
// prose around it is kept). Needs the build (dist/). Fails, writing nothing, if
// pinggu's county totals differ from the pandas peer's (scripts/bench-totals.mjs).
//
//   RUNS=21 NATIONAL_RUNS=3 TABLE_RUNS=5 NATIONAL_TOWNSHIPS=40000 node scripts/bench.mjs [--no-write]
//
// NATIONAL_TOWNSHIPS shrinks the national file for a quick check of the script
// (counties scale with it, 7 per 100 townships); the table then says its size.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeNational } from './gen-national.mjs';
import { measureStartup, median, timeRun } from './bench-startup.mjs';
import { assertTotalsAgree } from './bench-totals.mjs';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const runs = Number(process.env.RUNS ?? 21);
const nationalRuns = Number(process.env.NATIONAL_RUNS ?? 3);
const tableRuns = Number(process.env.TABLE_RUNS ?? 5);
const nationalTownships = Number(process.env.NATIONAL_TOWNSHIPS ?? 40000);
const tmp = mkdtempSync(path.join(os.tmpdir(), 'pinggu-bench-'));
const log = (s) => process.stderr.write(`${s}\n`);
const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
const ms = (x) => `${Math.round(x).toLocaleString('en')} ms`;
const list = (xs) => xs.map((x) => Math.round(x).toLocaleString('en')).join(', ');
const met = (ok) => (ok ? 'met' : 'not met');
const pinggu = (extra, rss = false) => [
  process.execPath,
  ...(rss ? ['--require', path.join(root, 'scripts/bench-rss.cjs')] : []),
  'bin/pinggu.js',
  'score',
  ...extra,
];
/** pinggu exits 2 on the rows broken on purpose, 1 when a county fails; anything else is a failure of the bench. */
const scored = (r, what) => {
  if (r.status !== 0 && r.status !== 1 && r.status !== 2) throw new Error(`${what} failed (exit ${r.status})`);
  return r.ms;
};

function machine() {
  let distro = `${os.type()} ${os.release()}`;
  try {
    const m = /PRETTY_NAME="?([^"\n]+)/.exec(readFileSync('/etc/os-release', 'utf8'));
    if (m) distro = `${m[1]} (${os.type()} ${os.release()})`;
  } catch {}
  return {
    cpu: os.cpus()[0]?.model ?? '?',
    cores: os.cpus().length,
    ram: `${(os.totalmem() / 2 ** 30).toFixed(1)} GiB`,
    node: process.version,
    os: distro,
  };
}

function generate(name, townships) {
  const counties = Math.max(1, Math.round(townships * 0.07));
  const gen = writeNational({
    scheme: 'jsyzfw-2008',
    out: path.join(tmp, name),
    townships,
    counties,
    cities: 340,
    seed: 20080101,
    sample: path.join(root, 'fixtures/xiyang'),
    dirty: 0.0005,
  });
  return { ...gen, bytes: gen.files.reduce((s, f) => s + statSync(f).size, 0) };
}

// The first python3 on PATH may be a pyenv or venv one without Debian's python3-pandas.
const python = ['python3', '/usr/bin/python3'].find(
  (py) => spawnSync(py, ['-c', 'import pandas'], { stdio: 'ignore' }).status === 0,
);

let failed = false;
try {
  log(`start-up: ${runs} alternating runs each …`);
  const startup = measureStartup(runs, root);

  // 4,000 townships, the table on stdout (sent to /dev/null): a province's monthly look.
  log(`4,000 townships, table: ${tableRuns} runs …`);
  const small = generate('province', 4000);
  const table = [];
  for (let i = 0; i < tableRuns; i++)
    table.push(scored(timeRun(pinggu(small.files), { cwd: root }), 'pinggu score (table)'));

  log(`generating the national file (${nationalTownships.toLocaleString('en')} townships) …`);
  const nat = generate('national', nationalTownships);
  const report = path.join(tmp, 'report.json');
  const rssFile = path.join(tmp, 'rss');
  const pandasOut = path.join(tmp, 'pandas.csv');
  const t = { parse: [], score: [], pandas: [] };
  const rss = [];
  let reportBytes = 0;
  let agreed = 0;
  for (let i = 0; i < nationalRuns; i++) {
    log(`national run ${i + 1}/${nationalRuns} …`);
    const p = timeRun([process.execPath, path.join(root, 'scripts/bench-parse-only.mjs'), ...nat.files], { cwd: root });
    if (p.status !== 0) throw new Error('parse-only failed');
    t.parse.push(p.ms);
    t.score.push(
      scored(
        timeRun(pinggu([...nat.files, '--format', 'json', '-o', report], true), {
          cwd: root,
          env: { ...process.env, BENCH_RSS_FILE: rssFile },
        }),
        'pinggu score --format json',
      ),
    );
    rss.push(Number(readFileSync(rssFile, 'utf8')) * 1024);
    reportBytes = statSync(report).size;
    if (python) {
      const q = timeRun([python, path.join(root, 'scripts/bench_pandas.py'), ...nat.files, pandasOut], { cwd: root });
      if (q.status !== 0) throw new Error('pandas peer failed');
      t.pandas.push(q.ms);
      // Same data, same scheme: the same county totals and ranks, or the comparison means nothing.
      if (i === 0) agreed = assertTotalsAgree(report, pandasOut);
    }
    log(`  parse-only ${ms(p.ms)}, pinggu ${ms(t.score.at(-1))}${python ? `, pandas ${ms(t.pandas.at(-1))}` : ''}`);
  }

  const m = machine();
  const med = { parse: median(t.parse), score: median(t.score), pandas: python ? median(t.pandas) : undefined };
  const r = {
    startup: startup.score / startup.bare,
    json: startup.json / startup.bare,
    table: median(table),
    parse: med.score / med.parse,
    rss: Math.max(...rss),
    size: reportBytes / nat.bytes,
  };
  const RSS_TARGET = 400e6;
  const natName = `national ${nat.townships.toLocaleString('en')}`;
  const rows = [
    `| start-up: \`pinggu score fixtures/xiyang\` (table) vs \`node -e ''\` (median of ${runs}, alternating) | ${ms(startup.score)} | ${ms(startup.bare)} | ${r.startup.toFixed(2)}× | ≤ 1.5× | ${met(r.startup <= 1.5)} |`,
    `| start-up: \`pinggu score fixtures/xiyang --format json\` vs \`node -e ''\` (same runs) | ${ms(startup.json)} | ${ms(startup.bare)} | ${r.json.toFixed(2)}× | ≤ 1.5× | ${met(r.json <= 1.5)} |`,
    `| 4,000 townships, table on stdout (median of ${tableRuns}) | ${ms(r.table)} | — | — | ≤ 1,000 ms | ${met(r.table <= 1000)} |`,
    python
      ? `| ${natName} → batch JSON vs the full pandas peer (median of ${nationalRuns}, alternating) | ${ms(med.score)} | ${ms(med.pandas)} | ${(med.score / med.pandas).toFixed(2)}× | faster than pandas (< 1×) | ${met(med.score < med.pandas)} |`
      : `| ${natName} → batch JSON vs the full pandas peer | ${ms(med.score)} | pandas not installed | — | faster than pandas (< 1×) | not measured |`,
    `| ${natName} → batch JSON vs csv-parse parse-only (median of ${nationalRuns}, alternating) | ${ms(med.score)} | ${ms(med.parse)} | ${r.parse.toFixed(1)}× | ≤ 3× | ${met(r.parse <= 3)} |`,
    `| ${natName}: peak RSS of \`pinggu score\` (largest of ${nationalRuns}) | ${mib(r.rss)} | — | — | ≤ 400 MB (${mib(RSS_TARGET)}) | ${met(r.rss <= RSS_TARGET)} |`,
    `| ${natName}: default batch JSON size vs the input CSV | ${mib(reportBytes)} | ${mib(nat.bytes)} | ${r.size.toFixed(1)}× | ≤ 10× | ${met(r.size <= 10)} |`,
  ];
  const check = python
    ? `pinggu's and the pandas peer's county totals agree on all ${agreed.toLocaleString('en')} counties (to 1e-6), ranks equal.`
    : '**pandas not installed: the peer was not run and the totals were not compared.**';
  const doc = `<!-- BENCH:BEGIN (written by npm run bench; do not edit by hand) -->
Measured ${new Date().toISOString().slice(0, 10)} on: ${m.cpu}, ${m.cores} cores, ${m.ram} RAM, Node ${m.node}, ${m.os}.

| measure | pinggu | baseline | ratio | target | |
|---|---|---|---|---|---|
${rows.join('\n')}

National file: ${nat.townships.toLocaleString('en')} townships in ${nat.counties.toLocaleString('en')} counties (${nat.dirty} rows broken on purpose), ${nat.files.map((f) => `${path.basename(f)} ${mib(statSync(f).size)}`).join(' + ')}. ${check}
Each run in order (ms): pinggu ${list(t.score)}; pandas ${python ? list(t.pandas) : '—'}; csv-parse ${list(t.parse)}; 4,000-township table ${list(table)}.
<!-- BENCH:END -->`;
  console.log(doc);

  if (!process.argv.includes('--no-write')) {
    const file = path.join(root, 'docs/BENCHMARKS.md');
    const old = existsSync(file)
      ? readFileSync(file, 'utf8')
      : '# Benchmarks\n\n<!-- BENCH:BEGIN -->\n<!-- BENCH:END -->\n';
    writeFileSync(file, old.replace(/<!-- BENCH:BEGIN[^]*?<!-- BENCH:END -->/, doc));
    log(`wrote ${path.relative(process.cwd(), file)}`);
  }
} catch (e) {
  failed = true;
  log(`bench failed: ${e.message}\n(data and outputs kept in ${tmp})`);
  process.exitCode = 1;
} finally {
  if (!failed) rmSync(tmp, { recursive: true, force: true });
}
