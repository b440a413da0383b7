// The floor the national bench compares against: read the data files and parse them
// with csv-parse alone (sync API, records as arrays, the options pinggu uses), nothing else.
//   node scripts/bench-parse-only.mjs FILE...
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';

let rows = 0;
for (const file of process.argv.slice(2)) {
  const text = new TextDecoder('utf-8').decode(readFileSync(file)).replace(/\r\n?/g, '\n');
  const records = parse(text, {
    delimiter: ',',
    record_delimiter: '\n',
    bom: true,
    relax_column_count: true,
    skip_empty_lines: false,
  });
  rows += records.length;
}
if (process.env.BENCH_VERBOSE) console.log(`${rows} records`);
