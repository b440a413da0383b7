/**
 * The CLI bundle as bin/pinggu.js reads it: latin1, the cheapest decode, which is
 * right only because the build leaves the bundle pure ASCII (scripts/build.mjs
 * escapes the characters esbuild leaves in regular expressions). A byte above 0x7f
 * would reach V8 as a different character: a Chinese header pattern, a full-width
 * colon, would silently stop matching.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from './fake-io';

describe('the CLI bundle', () => {
  it('is pure ASCII (bin/pinggu.js reads it as latin1)', () => {
    const bytes = readFileSync(join(ROOT, 'dist', 'pinggu.cjs'));
    const at = bytes.findIndex((b) => b > 0x7f);
    expect(at, at < 0 ? '' : `byte ${at}: ${bytes.subarray(Math.max(0, at - 40), at + 10).toString('utf8')}`).toBe(-1);
  });
});
