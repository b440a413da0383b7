/** The names of --output-dir's report files (src/batch/file-names.ts) and the links to them (src/report/href.ts). */
import { describe, expect, it } from 'vitest';
import { safeName, STEM_BYTES, uniqueStems } from '../../src/batch/file-names';
import { hrefOf } from '../../src/report/shared/href';

const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const folded = (s: string) => s.normalize('NFC').toLowerCase();

describe('safeName', () => {
  it('replaces path separators, characters Windows refuses and control characters', () => {
    expect(safeName('a/b')).toBe('a_b');
    expect(safeName('a\\b')).toBe('a_b');
    expect(safeName('a<b>c:d"e|f?g*h')).toBe('a_b_c_d_e_f_g_h');
    expect(safeName('a\u0000b\tc\nd\u007fe\u0085f')).toBe('a_b_c_d_e_f');
    expect(safeName('榆次区')).toBe('榆次区');
    expect(safeName('a#b %c&d')).toBe('a#b %c&d'); // legal in file names; the link encodes them
  });

  it('leading dots, trailing dots and spaces, and empty names', () => {
    expect(safeName('..')).toBe('__');
    expect(safeName('.hidden')).toBe('_hidden');
    expect(safeName('abc.')).toBe('abc_');
    expect(safeName('abc. ')).toBe('abc__');
    expect(safeName('')).toBe('_');
  });

  it('Windows device names, in any case and with any extension, get a leading _', () => {
    for (const n of ['CON', 'con', 'Nul', 'PRN', 'AUX', 'COM1', 'lpt9', 'COM¹', 'NUL.txt', 'con.tar.gz'])
      expect(safeName(n), n).toBe(`_${n}`);
    for (const n of ['CONSOLE', 'NULL', 'COM10', 'XCON', 'aux1']) expect(safeName(n), n).toBe(n);
  });

  it('a lone surrogate (broken UTF-16 from the data) is replaced, so the name encodes', () => {
    expect(safeName('a\ud800b')).toBe('a_b');
    expect(safeName('a😀b')).toBe('a😀b');
  });

  it('names longer than STEM_BYTES are cut on a character boundary and end in ~ and a hash of the whole name', () => {
    const ascii90 = 'x'.repeat(90);
    const zh90 = '县'.repeat(90); // 270 bytes
    const zh300 = '乡'.repeat(300);
    for (const n of [ascii90, zh90, zh300, 'x'.repeat(300), '😀'.repeat(40)]) {
      const s = safeName(n);
      expect(bytes(s), n.slice(0, 5)).toBeLessThanOrEqual(STEM_BYTES);
      expect(s).toMatch(/~[0-9a-f]{8}$/);
      expect(n.startsWith(s.slice(0, -9))).toBe(true);
      expect(s).not.toContain('\ufffd');
    }
    expect(safeName(zh90)).toBe(`${'县'.repeat(23)}~${safeName(zh90).slice(-8)}`);
    // Two long names with the same beginning differ in the hash.
    expect(safeName(`${'县'.repeat(40)}甲`)).not.toBe(safeName(`${'县'.repeat(40)}乙`));
    // Deterministic.
    expect(safeName(zh300)).toBe(safeName(zh300));
    // At the limit: kept whole.
    expect(safeName('x'.repeat(STEM_BYTES))).toBe('x'.repeat(STEM_BYTES));
  });
});

describe('uniqueStems', () => {
  it('a/b, a_b and a\\b become three files; the name already safe keeps its own', () => {
    expect(uniqueStems(['a/b', 'a_b', 'a\\b'])).toEqual(['a_b-2', 'a_b', 'a_b-3']);
    // Whatever the input order: a county keeps its file from month to month.
    expect(uniqueStems(['a\\b', 'a/b', 'a_b'])).toEqual(['a_b-3', 'a_b-2', 'a_b']);
  });

  it('names that differ only in case or Unicode normalization are distinct files on Windows and macOS', () => {
    const stems = uniqueStems(['Abc', 'abc', 'ABC', 'e\u0301', '\u00e9']);
    expect(new Set(stems.map(folded)).size).toBe(5);
    // In the order of the names (code units): ABC, Abc, abc; e + combining accent before é.
    expect(stems).toEqual(['Abc-2', 'abc-3', 'ABC', 'e\u0301', '\u00e9-2']);
  });

  it('a suffix never takes the name of another county', () => {
    expect(uniqueStems(['a/b', 'a_b', 'a_b-2'])).toEqual(['a_b-3', 'a_b', 'a_b-2']);
  });

  it('long names that cut to the same stem stay distinct, and within the limit with their suffix', () => {
    const long = ['甲', '乙', '丙'].map((c) => `${'县'.repeat(100)}${c}`);
    const stems = uniqueStems([...long, long[0]!.toUpperCase()]);
    expect(new Set(stems.map(folded)).size).toBe(4);
    for (const s of stems) expect(bytes(`${s}.html`)).toBeLessThanOrEqual(100);
  });

  it('reserved names and their safe spellings', () => {
    expect(uniqueStems(['CON', '_CON', 'con'])).toEqual(['_CON-2', '_CON', '_con-3']);
  });
});

describe('hrefOf', () => {
  it('percent-encodes each segment, keeping the slashes', () => {
    expect(hrefOf('2026-09/a#b.html')).toBe('2026-09/a%23b.html');
    expect(hrefOf('2026-09/a?b %c.html')).toBe('2026-09/a%3Fb%20%25c.html');
    expect(hrefOf('2026-09/x (y).md')).toBe('2026-09/x%20%28y%29.md');
    expect(hrefOf('2026-09/榆次区.html')).toBe(`2026-09/${encodeURIComponent('榆次区')}.html`);
    for (const name of ['a#b', 'a?b', 'a%b', 'a b', '榆次区', "a'b!(c)*", 'a&b']) {
      const h = hrefOf(`p/${name}.html`);
      expect(h).toMatch(/^[A-Za-z0-9\-._~%/]+$/);
      expect(h.split('/').map(decodeURIComponent).join('/')).toBe(`p/${name}.html`);
    }
  });
});
