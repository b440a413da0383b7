/**
 * The CLI bundle as bin/pinggu.js reads it: latin1, the cheapest decode, which is
 * right only because the build leaves the bundle pure ASCII (scripts/build.mjs
 * escapes the characters esbuild leaves in regular expressions). A byte above 0x7f
 * would reach V8 as a different character: a Chinese header pattern, a full-width
 * colon, would silently stop matching.
 */
import { readFileSync } from 'node:fs';
import { isBuiltin } from 'node:module';
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

/**
 * What an install from the tarball (`npm pack`, then `npm i ./pinggu-*.tgz`) pulls
 * in: exactly the packages dist/ loads at run time (issue 11, point 10). Everything
 * the bundle holds is a devDependency; a package left external by scripts/build.mjs
 * (exceljs, iconv-lite) must be a dependency, or the installed CLI cannot load it.
 */
describe('the packed package', () => {
  const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
    dependencies?: Record<string, string>;
    devDependencies?: Record<string, string>;
    scripts?: Record<string, string>;
    files?: string[];
  };
  const required = (file: string): string[] => {
    const text = readFileSync(join(ROOT, file), 'utf8');
    const names = [...text.matchAll(/\brequire\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1]!);
    // A bare package name (its scope kept), not a Node built-in or a relative path.
    return names
      .filter((n) => !n.startsWith('.') && !n.startsWith('/') && !isBuiltin(n))
      .map((n) =>
        n
          .split('/')
          .slice(0, n.startsWith('@') ? 2 : 1)
          .join('/'),
      );
  };

  it('its dependencies are exactly what dist/ and bin/ require at run time', () => {
    const loaded = new Set([
      ...required('dist/pinggu.cjs'),
      ...required('dist/index.cjs'),
      ...required('bin/pinggu.js'),
    ]);
    expect(Object.keys(pkg.dependencies ?? {}).sort()).toEqual([...loaded].sort());
    // A package the bundle holds is still needed to build it: a devDependency.
    for (const name of ['commander', 'chalk', 'yaml', 'zod', 'jsep', 'csv-parse'])
      expect(pkg.devDependencies?.[name], name).toBeDefined();
  });

  it('runs no script on install from a tarball (no prepare, install or postinstall), and ships what it runs', () => {
    for (const s of ['prepare', 'preinstall', 'install', 'postinstall']) expect(pkg.scripts?.[s], s).toBeUndefined();
    // The bundle is built when the tarball is made (and for a git dependency).
    expect(pkg.scripts?.prepack).toMatch(/scripts\/build\.mjs/);
    for (const f of ['bin', 'dist', 'criteria']) expect(pkg.files).toContain(f);
  });
});
