/** The layers of DESIGN.md: imports flow scheme/data → engine → batch, trend → report → cli (or app, the offline page), never back. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const SRC = join(__dirname, '..', 'src');
const LAYERS = ['scheme', 'data', 'engine', 'batch', 'trend', 'report', 'app', 'cli'] as const;
type Layer = (typeof LAYERS)[number];

/** What each layer may import from the others (leaves such as rational.ts are open to all). */
const ALLOWED: Record<Layer, Layer[]> = {
  scheme: ['scheme'],
  data: ['data', 'scheme'],
  engine: ['engine', 'scheme', 'data'],
  batch: ['batch', 'engine', 'scheme', 'data'],
  trend: ['trend', 'data'],
  report: ['report', 'trend', 'batch', 'engine', 'scheme', 'data'],
  // The offline page: the pure layers in a browser, never the command line.
  app: ['app', 'report', 'trend', 'batch', 'engine', 'scheme', 'data'],
  cli: LAYERS.slice() as Layer[],
};
/** Modules a pure layer must never import; the report layer may colour (chalk with an explicit level). */
const IMPURE = /^(node:)?(fs|child_process|process|os|path)$|^chalk$/;
const impure = (layer: Layer | undefined, spec: string) => layer !== 'cli' && IMPURE.test(spec) && !(layer === 'report' && spec === 'chalk');
/** The library API (src/index.ts) may export every layer but the command line. */
const API = 'index.ts';

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? files(p) : p.endsWith('.ts') ? [p] : [];
  });
}

function imports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g)].map((m) => m[1] ?? m[2]!);
}

const layerOf = (file: string): Layer | undefined => LAYERS.find((l) => relative(SRC, file).startsWith(`${l}/`));

describe('layers', () => {
  const all = files(SRC);
  it('finds the source files', () => expect(all.length).toBeGreaterThan(20));

  for (const file of all) {
    const layer = layerOf(file);
    const rel = relative(SRC, file);
    it(`${rel} imports only what its layer may`, () => {
      const bad: string[] = [];
      for (const spec of imports(file)) {
        if (spec.startsWith('.')) {
          const target = layerOf(join(file, '..', spec));
          if (layer && target && !ALLOWED[layer].includes(target)) bad.push(`${spec} (${layer} → ${target})`);
          if (!layer && rel === API && target === 'cli') bad.push(`${spec} (the library API importing the cli)`);
          if (!layer && rel !== API && target) bad.push(`${spec} (a leaf importing ${target})`);
        } else if (impure(layer, spec)) {
          bad.push(`${spec} (only the cli touches the outside world)`);
        }
      }
      const text = readFileSync(file, 'utf8');
      if (layer !== 'cli' && /\bprocess\./.test(text)) bad.push('uses process');
      if (/\beval\s*\(|new\s+Function\s*\(/.test(text)) bad.push('eval or new Function');
      expect(bad).toEqual([]);
    });
  }

  it('catches a violation (the checker itself works)', () => {
    expect(ALLOWED.engine.includes('report')).toBe(false);
    expect(layerOf(join(SRC, 'engine', 'x.ts'))).toBe('engine');
    expect(IMPURE.test('node:fs')).toBe(true);
    expect(impure('engine', 'chalk')).toBe(true);
    expect(impure('report', 'chalk')).toBe(false);
    expect(impure('report', 'node:fs')).toBe(true);
  });
});
