/**
 * Text from files shown, never acted on: `visible` writes control characters and bidi
 * overrides as escapes; `visibleData` does so through a whole report input without
 * copying what is clean; `neutralizeFormula` closes every formula prefix of issue #9.
 */
import { describe, expect, it } from 'vitest';
import { neutralizeFormula, visible, visibleData, visibleLine } from '../../src/report/shared/escape';
import { Rational } from '../../src/rational';

/** Every character `visible` must never let through raw. */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('visible', () => {
  it('writes ESC sequences (OSC 52, clear screen), BEL, CR, DEL and C1 as \\xHH', () => {
    expect(visible('a\u001b]52;c;SGVsbG8=\u0007b')).toBe('a\\x1b]52;c;SGVsbG8=\\x07b');
    expect(visible('\u001b[2J乐平镇')).toBe('\\x1b[2J乐平镇');
    expect(visible('x\ry\u007f\u0080\u009b\u0000')).toBe('x\\x0dy\\x7f\\x80\\x9b\\x00');
  });
  it('writes bidi marks, embeddings, overrides and isolates as \\uHHHH', () => {
    expect(visible('abc\u202edcba\u202c')).toBe('abc\\u202edcba\\u202c');
    expect(visible('\u2066\u2067\u2068\u2069\u200e\u200f\u061c\u202a\u202b\u202d')).toBe(
      '\\u2066\\u2067\\u2068\\u2069\\u200e\\u200f\\u061c\\u202a\\u202b\\u202d',
    );
  });
  it('keeps tab, line feed and ordinary text (Chinese, full-width, emoji) as they are', () => {
    for (const s of ['乐平镇', 'a\tb\nc', '＝１', '😀 85% – 100%', 'C:\\data\\x.csv', '']) expect(visible(s)).toBe(s);
  });
  it('visibleLine also escapes line feeds: one line', () => {
    expect(visibleLine('a\nb\tc\u001b')).toBe('a\\x0ab\tc\\x1b');
  });
  it('leaves nothing active for any code unit below U+3000, and is idempotent', () => {
    for (let u = 0; u < 0x3000; u++) {
      const s = `x${String.fromCharCode(u)}y`;
      const v = visible(s);
      expect(ACTIVE.test(v), `U+${u.toString(16)}`).toBe(false);
      expect(visible(v)).toBe(v);
    }
  });
});

describe('visibleData', () => {
  it('returns clean input as the very same object', () => {
    const a = { name: '乐平镇', items: [{ title: 'x', points: Rational.of(5n) }], n: 3 };
    expect(visibleData(a)).toBe(a);
  });
  it('copies only what changed, keeps class instances and shared objects shared', () => {
    const points = Rational.of(5n);
    const unit = { name: '乐平\u202e镇', points };
    const clean = { title: 'ok' };
    const a = { units: [unit], byRank: [unit], clean, msg: { en: 'bad \u001b[2J', zh: '坏' } };
    const v = visibleData(a);
    expect(v).not.toBe(a);
    expect(v.units[0]!.name).toBe('乐平\\u202e镇');
    expect(v.units[0]!.points).toBe(points);
    expect(v.units[0]).toBe(v.byRank[0]);
    expect(v.clean).toBe(clean);
    expect(v.msg).toEqual({ en: 'bad \\x1b[2J', zh: '坏' });
    // The input is not touched.
    expect(a.units[0]!.name).toBe('乐平\u202e镇');
  });
});

describe('neutralizeFormula: every formula prefix (issue #9)', () => {
  it('prefixes a formula after a line feed, small and full-width signs, NBSP, zero-width characters and a BOM', () => {
    for (const s of [
      '\n=1+1',
      '\n',
      '\nabc',
      '﹦1+1',
      '﹢1',
      '﹣1',
      '﹫A1',
      '\u00a0=1',
      '\u200b=1',
      '\u200c+1',
      '\u200d-x',
      '\u2060@x',
      '\ufeff=1',
      '\u3000\u00a0\u200b＝1',
      ' \t=1',
      '\u2003=1',
      '\u180e=1',
    ]) {
      expect(neutralizeFormula(s), JSON.stringify(s)).toBe(`'${s}`);
    }
  });
  it('still leaves numbers (negative ones too) and text with a sign inside alone', () => {
    for (const s of ['-6', '-1.2%', '1,234', '乐平镇', 'a=b', '\u00a0a', '\u200b乐平镇', '\ufeffabc', '>= 95%'])
      expect(neutralizeFormula(s), JSON.stringify(s)).toBe(s);
  });
});
