// Preloaded with `node --require` by the bench: on exit, writes the process's peak
// resident set size (KiB, from process.resourceUsage) to the file named by BENCH_RSS_FILE.
'use strict';
const fs = require('node:fs');

process.on('exit', () => {
  if (process.env.BENCH_RSS_FILE) fs.writeFileSync(process.env.BENCH_RSS_FILE, String(process.resourceUsage().maxRSS));
});
