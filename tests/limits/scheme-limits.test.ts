/** Scheme size limits: the file's size before the YAML parse, each string's length right after. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatDiagnostic } from '../../src/diagnostics';
import { loadScheme, loadSchemeBytes } from '../../src/scheme/load';

const SCHEME = readFileSync(join(__dirname, '..', '..', 'criteria', 'jsyzfw-2008.yaml'), 'utf8');
const lines = (ds: { diagnostics: Parameters<typeof formatDiagnostic>[0][] }, lang: 'en' | 'zh' = 'en') =>
  ds.diagnostics.map((d) => formatDiagnostic(d, lang));
/** The bundled scheme with `title:` holding `value` (its line is the title's line). */
const withTitle = (value: string) => SCHEME.replace(/^title: .*$/m, `title: "${value}"`);
const titleLine = SCHEME.split('\n').findIndex((l) => l.startsWith('title:')) + 1;

describe('scheme limits', () => {
  it('a 200 KB string is one error at its line:col, and nothing else runs', () => {
    const r = loadScheme(withTitle('长'.repeat(200_000)), 'big.yaml');
    expect(r.scheme).toBeUndefined();
    expect(lines(r)).toEqual([
      `big.yaml:${titleLine}:8: error: a text of 200,000 characters, over the limit of 65,536 characters for one key or value in a scheme; if the file is right, raise the limit with --limit scheme-string=…`,
    ]);
    expect(r.diagnostics[0]!.code).toBe('limit/scheme-string');
    expect(lines(r, 'zh')[0]).toBe(
      `big.yaml:${titleLine}:8: 错误: 一段文字长 200,000 个字符，超过方案中单个键或值的上限 65,536 个字符；如文件无误，可用 --limit scheme-string=… 提高上限`,
    );
  });

  it('a long key (YAML allows one only as an explicit key) and a long block scalar are found too, each at its position', () => {
    const text = `${SCHEME}\n? ${'k'.repeat(70_000)}\n: 1\nnote: |\n  ${'z'.repeat(70_000)}\n`;
    const n = SCHEME.split('\n').length;
    const r = loadScheme(text, 'x.yaml');
    expect(r.diagnostics.map((d) => [d.code, d.line, d.col])).toEqual([
      ['limit/scheme-string', n + 1, 3],
      ['limit/scheme-string', n + 3, 7],
    ]);
  });

  it('a string at the limit loads; raising the limit lets a longer one through to the ordinary checks', () => {
    expect(loadScheme(withTitle('a'.repeat(65_536)), 'x.yaml').scheme?.title).toHaveLength(65_536);
    const r = loadScheme(withTitle('长'.repeat(200_000)), 'x.yaml', undefined, { schemeString: 300_000 });
    expect(r.diagnostics).toEqual([]);
    expect(r.scheme?.title).toHaveLength(200_000);
  });

  it('a file over the size limit is refused before it is parsed, as text or as bytes', () => {
    // Not even YAML: the parser would report it if it ran.
    const text = `{{{ ${'x'.repeat(6 * 1024 * 1024)}`;
    const expected = [
      'huge.yaml:1:1: error: the scheme file is 6.0 MB, over the limit of 5 MB for a scheme file; if the file is right, raise the limit with --limit scheme-size=…',
    ];
    expect(lines(loadScheme(text, 'huge.yaml'))).toEqual(expected);
    expect(lines(loadSchemeBytes(new TextEncoder().encode(text), 'huge.yaml'))).toEqual(expected);
    expect(loadScheme(text, 'huge.yaml').diagnostics[0]!.code).toBe('limit/scheme-size');
  });

  it('counts bytes, not characters: 2,000 Chinese characters are 6,000 bytes', () => {
    const text = withTitle('长'.repeat(2000));
    const bytes = new TextEncoder().encode(text).length;
    expect(loadScheme(text, 'x.yaml', undefined, { schemeSize: bytes }).scheme).toBeDefined();
    expect(lines(loadScheme(text, 'x.yaml', undefined, { schemeSize: bytes - 1 }))[0]).toMatch(
      /^x\.yaml:1:1: error: the scheme file is 33\.\d KB, over the limit of 33\.\d KB/,
    );
  });

  it('alias bombs are still refused', () => {
    const bomb =
      'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: &d [*c, *c, *c, *c, *c, *c, *c, *c, *c]\ne: [*d, *d, *d, *d, *d, *d, *d, *d, *d]\n';
    const r = loadScheme(bomb, 'bomb.yaml');
    expect(r.scheme).toBeUndefined();
    expect(r.diagnostics).toHaveLength(1);
    expect(r.diagnostics[0]!.severity).toBe('error');
  });
});
