// Start-up of `pinggu score` on the bundled sample against a bare `node -e ''`,
// measured side by side in one run: alternating runs, median of each.
import { spawnSync } from 'node:child_process';

const runs = Number(process.env.RUNS ?? 21);
const time = (args) => {
  const t = process.hrtime.bigint();
  const r = spawnSync(process.execPath, args, { stdio: 'ignore' });
  if (r.error) throw r.error;
  return Number(process.hrtime.bigint() - t) / 1e6;
};
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const bare = [];
const score = [];
for (let i = 0; i < runs; i++) {
  bare.push(time(['-e', '']));
  score.push(time(['bin/pinggu.js', 'score', 'fixtures/xiyang']));
}
const b = median(bare);
const s = median(score);
console.log(`node -e ''            median ${b.toFixed(1)} ms`);
console.log(`pinggu score (sample) median ${s.toFixed(1)} ms`);
console.log(`ratio ${(s / b).toFixed(2)} (${runs} runs each, alternating; node ${process.version})`);
