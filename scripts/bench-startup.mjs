// Start-up of `pinggu score` on the bundled sample against a bare `node -e ''`,
// measured side by side in one run: alternating runs, median of each.
// `npm run bench` runs this as part of the full bench (docs/BENCHMARKS.md). Extra
// arguments go to `pinggu score`: `node scripts/bench-startup.mjs --format json`.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of one child process, in ms. */
export function timeRun(args, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(args[0], args.slice(1), { stdio: 'ignore', ...opts });
  if (r.error) throw r.error;
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status };
}

export function measureStartup(runs, cwd, extra = []) {
  const bare = [];
  const score = [];
  for (let i = 0; i < runs; i++) {
    bare.push(timeRun([process.execPath, '-e', ''], { cwd }).ms);
    score.push(timeRun([process.execPath, 'bin/pinggu.js', 'score', 'fixtures/xiyang', ...extra], { cwd }).ms);
  }
  return { runs, bare: median(bare), score: median(score), bareAll: bare, scoreAll: score };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const extra = process.argv.slice(2);
  const r = measureStartup(Number(process.env.RUNS ?? 21), path.join(path.dirname(fileURLToPath(import.meta.url)), '..'), extra);
  console.log(`node -e ''            median ${r.bare.toFixed(1)} ms`);
  console.log(`pinggu score (sample)${extra.length ? ` ${extra.join(' ')}` : ''} median ${r.score.toFixed(1)} ms`);
  console.log(`ratio ${(r.score / r.bare).toFixed(2)} (${r.runs} runs each, alternating; node ${process.version})`);
}
