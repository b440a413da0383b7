#!/usr/bin/env node
// Synthetic national-scale data for any scheme, deterministic (seeded PRNG):
// townships.csv (one row per township of the scheme's lowest level, with parent
// columns for every level above) and county.csv (one row per unit of the second
// level with the fields of that scope). Values respect the field types and bounds,
// and the scheme's checks are repaired row by row, so the data is clean except for
// a few deliberately broken rows (--dirty). With --sample DIR, townships are drawn
// from a real sample (scaled and jittered), which keeps every field plausible.
//
//   node scripts/gen-national.mjs [--scheme FILE|ID] [--out DIR] [--townships N]
//     [--counties N] [--cities N] [--seed N] [--sample DIR] [--dirty RATE]
//
// The scheme is read through the project's own loader (dist/index.cjs: run the
// build first). A scheme whose units stop at the county level gets no city column
// unless its units include a third level.
import { mkdirSync, readFileSync, readdirSync, writeFileSync, existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const lib = createRequire(import.meta.url)(path.join(root, 'dist/index.cjs'));

export function parseArgs(argv) {
  const o = {
    scheme: 'jsyzfw-2008',
    out: 'bench-data/national',
    townships: 40000,
    counties: 2800,
    cities: 340,
    seed: 20080101,
    sample: undefined,
    dirty: 0.0005,
  };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i].replace(/^--/, '');
    if (!(k in o)) throw new Error(`unknown option ${argv[i]}`);
    const v = argv[++i];
    o[k] = typeof o[k] === 'number' ? Number(v) : v;
  }
  return o;
}

/** mulberry32: small, fast, good enough for test data, same numbers on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    uniform: (lo, hi) => lo + (hi - lo) * next(),
    int: (lo, hi) => lo + Math.floor((hi - lo + 1) * next()),
    pick: (xs) => xs[Math.floor(next() * xs.length)],
    /** Log-normal around `median` with spread `sigma` (Box–Muller). */
    lognormal: (median, sigma) =>
      median * Math.exp(sigma * Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next())),
  };
}

export function loadSchemeFile(ref) {
  const file = existsSync(ref) ? ref : path.join(root, 'criteria', `${ref}.yaml`);
  const r = lib.loadScheme(readFileSync(file, 'utf8'), file);
  if (!r.scheme) throw new Error(`${file}: ${r.diagnostics.map((d) => d.message.en).join('; ')}`);
  return { scheme: r.scheme, file };
}

const num = (r) => Number(r.n) / Number(r.d);

/** A formula's value on plain numbers (the generator's own, approximate; scoring stays exact). */
function calc(node, v) {
  switch (node.k) {
    case 'num':
      return num(node.v);
    case 'bool':
      return node.v;
    case 'ref':
      return v.get(node.name);
    case 'neg':
      return -calc(node.a, v);
    case 'not':
      return !calc(node.a, v);
    case 'call': {
      const xs = node.args.map((a) => calc(a, v));
      if (node.fn === 'min') return Math.min(...xs);
      if (node.fn === 'max') return Math.max(...xs);
      if (node.fn === 'abs') return Math.abs(xs[0]);
      if (node.fn === 'round') return Number(xs[0].toFixed(xs[1] ?? 0));
      if (node.fn === 'if') return xs[0] ? xs[1] : xs[2];
      return xs.filter((x) => x === true).length;
    }
    default: {
      const a = calc(node.a, v);
      const b = calc(node.b, v);
      switch (node.op) {
        case '+':
          return a + b;
        case '-':
          return a - b;
        case '*':
          return a * b;
        case '/':
          return b === 0 ? undefined : a / b;
        case '<':
          return a < b;
        case '<=':
          return a <= b + 1e-9;
        case '>':
          return a > b;
        case '>=':
          return a + 1e-9 >= b;
        case '==':
          return Math.abs(a - b) < 1e-9;
        case '!=':
          return a !== b;
        case 'and':
          return a && b;
        default:
          return a || b;
      }
    }
  }
}

const refsOf = (node, out = []) => {
  if (node.k === 'ref') out.push(node.name);
  for (const c of [node.a, node.b, ...(node.args ?? [])]) if (c) refsOf(c, out);
  return out;
};

/** The comparisons an assertion is made of (`a and b` → both). */
const comparisons = (node) =>
  node.k === 'bin' && node.op === 'and'
    ? [...comparisons(node.a), ...comparisons(node.b)]
    : node.k === 'bin' && ['<', '<=', '>', '>=', '=='].includes(node.op)
      ? [node]
      : [];

/**
 * Makes a failing comparison hold by changing one field of its left side: the last
 * one, solved from the rest (a single field is set inside the allowed range; a sum
 * `a + b == c` sets b = c − a, splitting c when a alone is too large).
 */
function repair(cmp, v, fields, rnd) {
  const target = calc(cmp.b, v);
  if (typeof target !== 'number' || !Number.isFinite(target)) return;
  const refs = refsOf(cmp.a).filter((r) => fields.has(r));
  if (!refs.length) return;
  const id = refs[refs.length - 1];
  const f = fields.get(id);
  const integer = f.type === 'count';
  const set = (x) => v.set(id, Math.max(0, integer ? Math.floor(x + 1e-9) : x));
  const rest = (() => {
    const saved = v.get(id);
    v.set(id, 0);
    const r = calc(cmp.a, v);
    v.set(id, saved);
    return r;
  })();
  const want = target - rest;
  if (cmp.op === '==') {
    if (want < 0) {
      // Split the target over the other fields, then solve the last one.
      for (const o of refs.slice(0, -1)) v.set(o, Math.floor(target / refs.length));
      return repair(cmp, v, fields, rnd);
    }
    return set(want);
  }
  if (cmp.op === '<=' || cmp.op === '<') return set(Math.max(0, want) * rnd.uniform(0.9, 1) - (cmp.op === '<' ? 1 : 0));
  return set(Math.ceil(want * rnd.uniform(1, 1.05)) + (cmp.op === '>' ? 1 : 0));
}

function fixChecks(scheme, v, rnd, level) {
  const checks = scheme.checks.filter((c) => c.fields.every((f) => scheme.fields.get(f).level === level));
  for (let pass = 0; pass < 8; pass++) {
    let bad = 0;
    for (const c of checks) {
      if (c.fields.some((f) => v.get(f) === undefined)) continue;
      for (const cmp of comparisons(c.assert.ast)) {
        if (calc(cmp, v) === true) continue;
        bad++;
        repair(cmp, v, scheme.fields, rnd);
      }
    }
    if (!bad) return;
  }
}

/** A value of a field from nothing but its type and bounds; `size` scales counts and money. */
function freshValue(f, size, rnd) {
  const lo = f.min ? num(f.min) : undefined;
  const hi = f.max ? num(f.max) : undefined;
  switch (f.type) {
    case 'boolean':
      return rnd.next() < 0.9;
    case 'percent':
      return clamp(rnd.uniform(0.8, 0.99), lo, hi);
    case 'score':
      return Math.round(clamp(rnd.uniform(lo ?? 0, hi ?? 10), lo, hi));
    case 'money':
      return Math.round(size * rnd.uniform(5, 20) * 100) / 100;
    case 'text':
      return `T${rnd.int(1, 999)}`;
    case 'count':
      return Math.round(size * rnd.uniform(0.01, 0.3));
    default:
      return Math.round(size * rnd.uniform(0.01, 0.3) * 100) / 100;
  }
}

const clamp = (x, lo, hi) => Math.min(hi ?? Infinity, Math.max(lo ?? -Infinity, x));

/** A sample unit's values, scaled to `factor` and jittered a little. */
function fromSample(f, x, factor, rnd) {
  if (x === undefined) return undefined;
  if (typeof x === 'boolean') return rnd.next() < 0.05 ? !x : x;
  const lo = f.min ? num(f.min) : undefined;
  const hi = f.max ? num(f.max) : undefined;
  const n = num(x);
  switch (f.type) {
    case 'count':
      return Math.max(0, Math.round(n * factor * rnd.uniform(0.97, 1.03)));
    case 'money':
      return Math.round(n * factor * rnd.uniform(0.95, 1.05) * 100) / 100;
    case 'percent':
      return clamp(n + rnd.uniform(-0.03, 0.03), lo, hi);
    case 'score':
      return Math.round(clamp(n + rnd.int(-1, 1), lo, hi));
    default:
      return n * factor;
  }
}

function cell(f, x) {
  if (x === undefined) return '';
  if (typeof x === 'boolean') return x ? '是' : '否';
  if (typeof x === 'string') return x;
  if (f.type === 'percent') return `${(x * 100).toFixed(1)}%`;
  if (f.type === 'money') return x.toFixed(2);
  if (f.type === 'count' || f.type === 'score') return String(Math.round(x));
  return String(Math.round(x * 100) / 100);
}

const csvCell = (s) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);
const csvLine = (cells) => `${cells.map(csvCell).join(',')}\n`;

const SYLLABLES =
  '安宝北长城东丰福高古广和河红华怀黄吉江金靖静康乐临龙隆罗梅明南宁平清庆仁荣瑞沙山上石双顺松太泰桃天通同万文西祥新兴阳永玉元云樟镇中'.split(
    '',
  );
const placeName = (rnd, len) => Array.from({ length: len }, () => rnd.pick(SYLLABLES)).join('');

/** Sample units of each level (values by field id) from a data folder, via the project's reader. */
function readSample(scheme, dir) {
  const files = readdirSync(dir)
    .filter((n) => /\.(csv|tsv)$/i.test(n))
    .sort()
    .map((n) => ({ name: n, bytes: readFileSync(path.join(dir, n)) }));
  const ds = lib.readDataset(scheme, files);
  return (level) => ds.units.filter((u) => u.level === level && u.sources.length && u.values.size);
}

export function generate(opts) {
  const { scheme } = loadSchemeFile(opts.scheme);
  const rnd = prng(opts.seed);
  const levels = scheme.levels;
  const fields = [...scheme.fields.values()];
  const own = (level) => fields.filter((f) => f.level === level);
  const sample = opts.sample ? readSample(scheme, opts.sample) : undefined;
  const sizeField = own(0).find((f) => f.type === 'count');

  // The hierarchy: cities → counties → townships, sizes varying around the mean.
  const nCities = levels.length > 2 ? opts.cities : 0;
  const counties = [];
  for (let c = 0; c < opts.counties; c++) {
    const city = nCities ? c % nCities : undefined;
    counties.push({ code: String(110000 + c * 7), name: `${placeName(rnd, 2)}${c}县`, city, townships: 1 });
  }
  for (let t = opts.counties; t < opts.townships; t++) counties[rnd.int(0, counties.length - 1)].townships++;
  const cities = Array.from({ length: nCities }, (_, i) => ({
    code: String(100 + i),
    name: `${placeName(rnd, 2)}${i}市`,
  }));

  const label = (lv, kind) => (kind === 'name' ? levels[lv].name[0] : levels[lv].key?.[0]);
  const upperCols = [];
  for (let lv = levels.length - 1; lv >= 1; lv--) {
    if (lv >= 3) continue; // township, county, city only
    upperCols.push({ lv, kind: 'name' });
    if (label(lv, 'key')) upperCols.push({ lv, kind: 'key' });
  }
  const parentCells = (county, lv, kind) => {
    const u = lv === 1 ? county : cities[county.city];
    return kind === 'name' ? u.name : u.code;
  };

  const tHead = [
    ...upperCols.map((c) => label(c.lv, c.kind)),
    label(0, 'name'),
    ...(label(0, 'key') ? [label(0, 'key')] : []),
    ...own(0).map((f) => f.label),
  ];
  const tOut = [csvLine(tHead)];
  const countySize = new Map();
  let dirty = 0;
  let rows = 0;
  const dirtyChecks = scheme.checks.filter(
    (c) => c.severity === 'error' && c.fields.every((f) => scheme.fields.get(f).level === 0),
  );
  for (const county of counties) {
    const names = new Set();
    let total = 0;
    for (let i = 0; i < county.townships; i++) {
      let name;
      do name = `${placeName(rnd, 2)}${rnd.next() < 0.6 ? '镇' : '乡'}`;
      while (names.has(name));
      names.add(name);
      const v = new Map();
      if (sample) {
        const base = rnd.pick(sample(0));
        const factor = rnd.lognormal(1, 0.5);
        for (const f of own(0)) v.set(f.id, fromSample(f, base.values.get(f.id), factor, rnd));
      } else {
        const size = rnd.lognormal(30000, 0.5);
        for (const f of own(0)) v.set(f.id, f === sizeField ? Math.round(size) : freshValue(f, size, rnd));
      }
      fixChecks(scheme, v, rnd, 0);
      if (dirtyChecks.length && rnd.next() < opts.dirty) {
        // A broken row: the first field of a check pushed past its bound.
        const c = rnd.pick(dirtyChecks);
        const cmp = comparisons(c.assert.ast)[0];
        const id = refsOf(cmp.a).find((r) => scheme.fields.has(r));
        if (id) {
          v.set(id, (v.get(id) ?? 0) + Math.max(1, Math.abs(calc(cmp.b, v) ?? 0)) + 1);
          dirty++;
        }
      }
      total += sizeField ? (v.get(sizeField.id) ?? 0) : 1;
      const code = `${county.code}${String(100 + i).padStart(3, '0')}`;
      tOut.push(
        csvLine([
          ...upperCols.map((c) => parentCells(county, c.lv, c.kind)),
          name,
          ...(label(0, 'key') ? [code] : []),
          ...own(0).map((f) => cell(f, v.get(f.id))),
        ]),
      );
      rows++;
    }
    countySize.set(county, total);
  }

  // County rows: the fields of the county scope, with parent columns above it.
  const cFields = own(1);
  const cUpper = upperCols.filter((c) => c.lv > 1);
  const cHead = [
    ...cUpper.map((c) => label(c.lv, c.kind)),
    label(1, 'name'),
    ...(label(1, 'key') ? [label(1, 'key')] : []),
    ...cFields.map((f) => f.label),
  ];
  const cOut = [csvLine(cHead)];
  const sampleCounties = sample ? sample(1) : [];
  for (const county of counties) {
    const v = new Map();
    const base = sampleCounties.length ? rnd.pick(sampleCounties) : undefined;
    const size = countySize.get(county);
    const basePop =
      base && sample
        ? sample(0).reduce((s, u) => s + (sizeField ? num(u.values.get(sizeField.id) ?? { n: 0n, d: 1n }) : 1), 0)
        : 0;
    for (const f of cFields)
      v.set(
        f.id,
        base ? fromSample(f, base.values.get(f.id), basePop ? size / basePop : 1, rnd) : freshValue(f, size, rnd),
      );
    fixChecks(scheme, v, rnd, 1);
    cOut.push(
      csvLine([
        ...cUpper.map((c) => parentCells(county, c.lv, c.kind)),
        county.name,
        ...(label(1, 'key') ? [county.code] : []),
        ...cFields.map((f) => cell(f, v.get(f.id))),
      ]),
    );
  }
  return {
    townships: tOut.join(''),
    county: cFields.length ? cOut.join('') : undefined,
    stats: { townships: rows, counties: counties.length, cities: nCities, dirty },
  };
}

export function writeNational(opts) {
  const out = generate(opts);
  mkdirSync(opts.out, { recursive: true });
  const files = [path.join(opts.out, 'townships.csv')];
  writeFileSync(files[0], out.townships);
  if (out.county) {
    files.push(path.join(opts.out, 'county.csv'));
    writeFileSync(files[1], out.county);
  }
  return { files, ...out.stats };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const opts = parseArgs(process.argv.slice(2));
  const t = Date.now();
  const r = writeNational(opts);
  console.log(
    `${r.townships} townships in ${r.counties} counties${r.cities ? ` in ${r.cities} cities` : ''} (${r.dirty} rows broken on purpose) → ${r.files.join(', ')} in ${Date.now() - t} ms`,
  );
}
