/** The layers of DESIGN.md (rules in tests/layer-rules.ts): every file of src/ obeys them, and the checker catches planted violations. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ALLOWED, checkSource, layerOf } from './layer-rules';

const SRC = join(__dirname, '..', 'src');

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

describe('layers', () => {
  const all = files(SRC);
  it('finds the source files in every layer', () => {
    expect(all.length).toBeGreaterThan(20);
    const seen = new Set(all.map((f) => layerOf(relative(SRC, f).split(sep).join('/'))));
    for (const l of Object.keys(ALLOWED)) expect(seen.has(l as never), l).toBe(true);
  });

  for (const file of all) {
    const rel = relative(SRC, file).split(sep).join('/');
    it(`${rel} imports only what its layer may`, () => {
      expect(checkSource(rel, readFileSync(file, 'utf8'))).toEqual([]);
    });
  }
});

/** Each planted source breaks one rule; the checker must name it. */
const PLANTED: [rel: string, text: string, expected: RegExp][] = [
  ['engine/rank.ts', `import { readFileSync } from 'node:fs';`, /node:fs \(only the cli/],
  ['engine/rank.ts', `import * as fs from 'fs';`, /^fs \(only the cli/],
  ['engine/rank.ts', `const fs = require('fs');`, /^require/],
  ['engine/rank.ts', `export const a = () => process.env.HOME;`, /process\.env \(uses process/],
  ['engine/rank.ts', `export const a = () => process;`, /uses process/],
  ['engine/rank.ts', `import chalk from 'chalk';`, /^chalk/],
  ['engine/rank.ts', `export function f() { console.log('x'); }`, /console\.log \(prints/],
  ['engine/rank.ts', `export const t = () => Date.now();`, /Date\.now \(clock/],
  ['engine/rank.ts', `export const t = () => new Date();`, /new Date\(\)/],
  ['engine/rank.ts', `export const r = () => Math.random();`, /Math\.random/],
  ['engine/rank.ts', `export const r = () => performance.now();`, /performance\.now/],
  ['engine/rank.ts', `export const e = (s: string) => eval(s);`, /eval/],
  ['engine/rank.ts', `export const e = new Function('return 1');`, /eval or new Function/],
  ['report/table.ts', `import { main } from '../cli/main';`, /report → cli/],
  ['report/table.ts', `export const m = () => import('../cli/main');`, /report → cli/],
  ['scheme/load.ts', `import { evaluate } from '../engine/evaluate';`, /scheme → engine/],
  ['engine/rank.ts', `import { formatTable } from '../report/table';`, /engine → report/],
  ['engine/rank.ts', `export { x } from '../batch/run';`, /engine → batch/],
  ['engine/rank.ts', `import { normalizeLabel } from '../data/normalize';`, /engine → data, types only/],
  ['engine/rank.ts', `import { type Dataset, normalize } from '../data/model';`, /engine → data, types only/],
  ['data/sheet.ts', `import type { Assessment } from '../engine/types';`, /data → engine/],
  ['rational.ts', `import { evaluate } from './engine/evaluate';`, /a leaf importing engine/],
  ['index.ts', `export { main } from './cli/main';`, /library API importing the cli/],
  ['app/page.ts', `import { main } from '../cli/main';`, /app → cli/],
  ['app/page.ts', `import { readFileSync } from 'node:fs';`, /node:fs/],
  ['data/xlsx.ts', `import { inflateRawSync } from 'node:zlib';`, /node:zlib/], // allowed only in zip-entries.ts
  ['trend/diff.ts', `import type { X } from '../report/x';`, /trend → report/],
  ['plan/plan.ts', `import { SINGLE } from '../report/single/registry';`, /plan → report/],
  ['plan/plan.ts', `import { readFileSync } from 'node:fs';`, /node:fs \(only the cli/],
];

/** The same sources, made lawful: the checker must stay quiet (no false alarms). */
const LAWFUL: [rel: string, text: string][] = [
  ['engine/rank.ts', `import type { Dataset } from '../data/model';\nimport { type Cell } from '../data/model';`],
  ['engine/rank.ts', `export type T = import('../data/model').Dataset;`],
  [
    'engine/rank.ts',
    `// console.log and Date.now() in a comment\nexport const s = 'process.env and Math.random() in a string';`,
  ],
  ['engine/rank.ts', `export const d = new Date(Date.UTC(2026, 0, 1));\nexport const o = { process: 1 };`],
  ['report/table.ts', `import { Chalk } from 'chalk';\nimport { evaluate } from '../engine/evaluate';`],
  ['data/zip-entries.ts', `import { createInflateRaw } from 'node:zlib';`],
  ['app/worker.ts', `const t0 = Date.now();\nimport { formatHtml } from '../report/html';`],
  ['cli/main.ts', `import { readFileSync } from 'node:fs';\nconsole.log(process.argv, Date.now());`],
  ['index.ts', `export { evaluate } from './engine/evaluate';`],
];

describe('the checker', () => {
  for (const [rel, text, expected] of PLANTED) {
    it(`catches ${rel}: ${text}`, () => {
      const found = checkSource(rel, text);
      expect(
        found.some((p) => expected.test(p)),
        found.join('; ') || '(nothing reported)',
      ).toBe(true);
    });
  }
  for (const [rel, text] of LAWFUL) {
    it(`lets ${rel} be: ${text.split('\n')[0]}`, () => expect(checkSource(rel, text)).toEqual([]));
  }
  it('the allowed edges only point back along the flow (no cycles)', () => {
    const order = ['scheme', 'data', 'engine', 'batch', 'trend', 'report'];
    for (const [from, tos] of Object.entries(ALLOWED))
      for (const to of tos)
        if (order.includes(from)) expect(order.indexOf(to), `${from} → ${to}`).toBeLessThanOrEqual(order.indexOf(from));
  });
});
