#!/usr/bin/env node
// Micro-benchmark of Rational (exact numbers) on the work scoring does: data cells
// parsed, percent cells divided by 100, ratios of sums, comparisons with targets,
// points per step, rounding and the numbers a JSON report prints. Not a test.
//
//   node scripts/bench-rational.mjs [BUNDLE ...] [--rounds N] [--data DIR]
//
// Each BUNDLE is a built dist/index.cjs (default: this checkout's). With two or
// more (e.g. a copy of an older build), they run alternately in one process and
// the medians are compared (CPU time of the process, not wall time). Every bundle
// must compute the same checksum text.
// --data DIR (townships.csv and county.csv from scripts/gen-national.mjs) also
// times the engine's evaluate() on that data with the bundled scheme, alternately,
// after reading it once per bundle.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let rounds = 7;
let data;
const bundles = [];
for (let i = 0; i < args.length && args[0] !== '--engine'; i++) {
  if (args[i] === '--rounds') rounds = Number(args[++i]);
  else if (args[i] === '--data') data = path.resolve(args[++i]);
  else bundles.push(path.resolve(args[i]));
}
if (!bundles.length) bundles.push(path.join(root, 'dist/index.cjs'));
const require = createRequire(import.meta.url);

/** Deterministic cell texts like a township file's: counts, money, percents with decimals. */
function cells(count) {
  let a = 20080101;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out = [];
  for (let i = 0; i < count; i++) {
    const k = i % 4;
    if (k === 0) out.push(String(Math.floor(next() * 5000)));
    else if (k === 1) out.push(String(Math.floor(next() * 200)));
    else if (k === 2) out.push((80 + next() * 20).toFixed(1));
    else out.push((next() * 1e6).toFixed(2));
  }
  return out;
}

function workload(Rational, texts) {
  const HUNDRED = Rational.HUNDRED;
  const target = Rational.parse('95').div(HUNDRED);
  const step = Rational.of(1n, 1000n);
  const points = Rational.int(10);
  let sumA = Rational.ZERO;
  let sumB = Rational.ZERO;
  let met = 0;
  let total = Rational.ZERO;
  let printed = 0;
  let text = 0;
  for (let i = 0; i + 3 < texts.length; i += 4) {
    const births = Rational.parse(texts[i]);
    const policy = Rational.parse(texts[i + 1]);
    const pct = Rational.parse(texts[i + 2]).div(HUNDRED);
    const money = Rational.parse(texts[i + 3]);
    sumA = sumA.add(policy);
    sumB = sumB.add(births);
    const ratio = births.isZero() ? pct : policy.div(births).min(Rational.ONE);
    if (ratio.ge(target)) met++;
    // Points lost per 0.1 percentage point short, floored at zero.
    const short = target.sub(pct).div(step).floor();
    const lost = short.sign() > 0 ? short.mul(Rational.of(1n, 10n)).min(points) : Rational.ZERO;
    total = total.add(points.sub(lost));
    printed += ratio.toNumber(6) + pct.toNumber(6) + money.toNumber(6);
    text += ratio.toDecimal(6).length + lost.toDecimal(2).length + money.round(1).toFixed(1).length;
  }
  const county = sumA.div(sumB);
  return `${met} ${total} ${county.toDecimal(12)} ${printed.toFixed(3)} ${text}`;
}

if (args[0] === '--engine') {
  engineChild(path.resolve(args[1]), path.resolve(args[2]));
  process.exit(0);
}
const texts = cells(400_000);
const runs = bundles.map((b) => ({ file: b, Rational: require(b).Rational, ms: [], check: '' }));
for (const r of runs) r.check = workload(r.Rational, texts.slice(0, 40_000)); // warm-up
for (let k = 0; k < rounds; k++) {
  for (const r of k % 2 ? [...runs].reverse() : runs) {
    const t0 = cpuMs();
    const check = workload(r.Rational, texts);
    r.ms.push(cpuMs() - t0);
    if (k === 0) r.check = check;
  }
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
report(runs, '100,000 rows');

if (data) {
  // Each bundle's engine in its own process (one heap each: the garbage collector's
  // work is part of what is measured), the processes alternating.
  const engines = bundles.map((b) => ({ file: b, ms: [], check: '' }));
  for (let k = 0; k < Math.max(3, rounds >> 1); k++) {
    for (const e of k % 2 ? [...engines].reverse() : engines) {
      const out = execFileSync(process.execPath, [fileURLToPath(import.meta.url), '--engine', e.file, data], {
        encoding: 'utf8',
        maxBuffer: 1 << 20,
      });
      const r = JSON.parse(out);
      e.ms.push(r.ms);
      e.check = r.check;
    }
  }
  report(engines, `evaluate() on ${path.relative(process.cwd(), data)} (second call in a process)`);
}

/** In a child: read the data, evaluate() twice (the first warms up), print the second's time. */
function engineChild(bundle, dir) {
  const lib = require(bundle);
  const scheme = lib.loadScheme(
    readFileSync(path.join(root, 'criteria/jsyzfw-2008.yaml'), 'utf8'),
    'jsyzfw-2008.yaml',
  ).scheme;
  const files = ['townships.csv', 'county.csv'].map((f) => ({ name: f, bytes: readFileSync(path.join(dir, f)) }));
  const set = lib.readDataset(scheme, files);
  let a = lib.evaluate(scheme, set);
  a = undefined;
  const t0 = cpuMs();
  a = lib.evaluate(scheme, set);
  const ms = cpuMs() - t0;
  const check = `${a.units.length} units, scores hash ${hash(a.units.map((u) => `${u.scaled}`).join(' '))}`;
  process.stdout.write(JSON.stringify({ ms, check }));
}

/** CPU time of this process (user + system, garbage collector threads included), in ms: steadier than wall time on a shared machine. */
function cpuMs() {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
}

function hash(text) {
  let h = 5381;
  for (let i = 0; i < text.length; i++) h = (Math.imul(h, 33) + text.charCodeAt(i)) >>> 0;
  return h.toString(16);
}

function report(runs, what) {
  for (const r of runs) {
    const ms = r.ms.map((x) => x.toFixed(0)).join(', ');
    console.log(
      `${path.relative(process.cwd(), r.file) || r.file}: median ${median(r.ms).toFixed(0)} ms CPU of ${r.ms.length} (${ms}) for ${what}; checksum ${r.check}`,
    );
  }
  if (runs.length > 1) {
    const base = median(runs[0].ms);
    for (const r of runs.slice(1))
      console.log(
        `${path.relative(process.cwd(), r.file)}: ${(base / median(r.ms)).toFixed(2)}× the speed of the first`,
      );
    if (new Set(runs.map((r) => r.check)).size > 1) {
      console.error('checksums differ: the bundles do not compute the same numbers');
      process.exitCode = 1;
    }
  }
}
