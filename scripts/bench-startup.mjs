// Start-up of `pinggu score` on the bundled sample, both paths (the table, as `npm
// start` prints it, and `--format json`, as the monthly job asks for it; output to
// /dev/null), against a bare `node -e ''`, measured side by side in one run:
// alternating runs, median of each. `npm run bench` runs this as part of the full
// bench (docs/BENCHMARKS.md).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Wall time of one child process, in ms (stdio to /dev/null unless opts say otherwise). */
export function timeRun(args, opts = {}) {
  const t = process.hrtime.bigint();
  const r = spawnSync(args[0], args.slice(1), { stdio: 'ignore', ...opts });
  if (r.error) throw r.error;
  return { ms: Number(process.hrtime.bigint() - t) / 1e6, status: r.status };
}

export function measureStartup(runs, cwd) {
  const cmds = {
    bare: [process.execPath, '-e', ''],
    score: [process.execPath, 'bin/pinggu.js', 'score', 'fixtures/xiyang'],
    json: [process.execPath, 'bin/pinggu.js', 'score', 'fixtures/xiyang', '--format', 'json'],
  };
  const all = { bare: [], score: [], json: [] };
  for (let i = 0; i < runs; i++) {
    for (const [k, args] of Object.entries(cmds)) {
      const r = timeRun(args, { cwd });
      if (k !== 'bare' && r.status !== 0 && r.status !== 1)
        throw new Error(`${args.slice(1).join(' ')} failed (exit ${r.status})`);
      all[k].push(r.ms);
    }
  }
  return { runs, bare: median(all.bare), score: median(all.score), json: median(all.json), all };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const r = measureStartup(
    Number(process.env.RUNS ?? 21),
    path.join(path.dirname(fileURLToPath(import.meta.url)), '..'),
  );
  console.log(`node -e ''                              median ${r.bare.toFixed(1)} ms`);
  console.log(
    `pinggu score (sample, table)           median ${r.score.toFixed(1)} ms  ratio ${(r.score / r.bare).toFixed(2)}`,
  );
  console.log(
    `pinggu score (sample, --format json)   median ${r.json.toFixed(1)} ms  ratio ${(r.json / r.bare).toFixed(2)}`,
  );
  console.log(`(${r.runs} runs each, alternating; output to /dev/null; node ${process.version})`);
}
