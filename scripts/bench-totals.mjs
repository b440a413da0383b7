// The bench's check that pinggu and the pandas peer computed the same thing: every
// county's total (scaled score) equal to 1e-6 and the same rank within the run.
// pinggu's totals are read from its batch JSON (`rankings[0].units`, docs/batch-json.md)
// without parsing the whole report, which at national size is too large for one string.
//
//   node scripts/bench-totals.mjs report.json pandas.csv
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The value of a top-level key of a JSON document, read from the front of the file only as far as needed. */
export function readTopLevelKey(file, key) {
  const fd = openSync(file, 'r');
  const buf = Buffer.alloc(1 << 20);
  const decoder = new TextDecoder('utf-8');
  let text = '';
  let i = 0;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let strStart = -1;
  let lastString;
  let start = -1;
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      text += decoder.decode(buf.subarray(0, n), { stream: n > 0 });
      for (; i < text.length; i++) {
        const c = text[i];
        if (inString) {
          if (escaped) escaped = false;
          else if (c === '\\') escaped = true;
          else if (c === '"') {
            inString = false;
            if (depth === 1 && start < 0) lastString = text.slice(strStart, i);
          }
          continue;
        }
        if (c === '"') {
          inString = true;
          strStart = i + 1;
        } else if (c === '{' || c === '[') depth++;
        else if (c === '}' || c === ']') {
          depth--;
          if (start >= 0 && depth === 1) return JSON.parse(text.slice(start, i + 1));
          if (depth === 0) return undefined;
        } else if (c === ':' && depth === 1 && start < 0 && lastString === key) start = i + 1;
        else if (c === ',' && depth === 1 && start >= 0) return JSON.parse(text.slice(start, i));
      }
      if (n === 0) return undefined;
      if (start < 0 && depth === 1 && !inString) {
        // Drop what lies before the key; keep the string being read, if any.
        text = text.slice(i);
        i = 0;
      }
    }
  } finally {
    closeSync(fd);
  }
}

/** pinggu's county totals and ranks: key → {scaled, rank, name}. Single-county JSON: its one unit. */
export function pingguTotals(file) {
  const rankings = readTopLevelKey(file, 'rankings');
  if (rankings) {
    if (rankings.length !== 1) throw new Error(`${file}: expected one period in rankings, found ${rankings.length}`);
    return new Map(rankings[0].units.map((u) => [String(u.key), { scaled: u.scaled, rank: u.rank, name: u.name }]));
  }
  const units = readTopLevelKey(file, 'units');
  if (!units) throw new Error(`${file}: neither rankings nor units found`);
  return new Map(units.map((u) => [String(u.key), { scaled: Number(u.scaled), rank: u.rank, name: u.name }]));
}

/** The peer's output (scripts/bench_pandas.py): key → {total, rank}. */
export function pandasTotals(file) {
  const [head, ...rows] = readFileSync(file, 'utf8')
    .trim()
    .split('\n')
    .map((l) => l.split(','));
  const col = (name) => {
    const i = head.indexOf(name);
    if (i < 0) throw new Error(`${file}: no column ${name}`);
    return i;
  };
  const [k, t, r] = [col('key'), col('total'), col('rank')];
  return new Map(rows.map((row) => [row[k], { total: Number(row[t]), rank: Number(row[r]) }]));
}

/** Every county in both, totals within `tol`, same rank; returns the list of mismatches (empty when they agree). */
export function compareTotals(pinggu, pandas, tol = 1e-6) {
  const bad = [];
  for (const [key, p] of pinggu) {
    const q = pandas.get(key);
    if (!q) bad.push(`${p.name} (${key}): pinggu ${p.scaled}, pandas has no such county`);
    else if (!(Math.abs(p.scaled - q.total) <= tol))
      bad.push(
        `${p.name} (${key}): total pinggu ${p.scaled}, pandas ${q.total} (difference ${(p.scaled - q.total).toExponential(2)})`,
      );
    else if (p.rank !== q.rank)
      bad.push(`${p.name} (${key}): rank pinggu ${p.rank}, pandas ${q.rank} (total ${p.scaled})`);
  }
  for (const key of pandas.keys())
    if (!pinggu.has(key)) bad.push(`${key}: pandas ${pandas.get(key).total}, not in pinggu's report`);
  return bad;
}

/** Throws, naming the counties and both values, unless the two agree on every county. */
export function assertTotalsAgree(report, pandasCsv) {
  const p = pingguTotals(report);
  const bad = compareTotals(p, pandasTotals(pandasCsv));
  if (bad.length) {
    const shown = bad.slice(0, 20).join('\n  ');
    throw new Error(
      `pinggu and the pandas peer disagree on ${bad.length} of ${p.size} counties:\n  ${shown}${bad.length > 20 ? '\n  …' : ''}`,
    );
  }
  return p.size;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const n = assertTotalsAgree(process.argv[2], process.argv[3]);
    console.log(`totals agree: ${n} counties (to 1e-6), ranks equal`);
  } catch (e) {
    console.error(e.message);
    process.exit(1);
  }
}
