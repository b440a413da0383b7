import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { decode, normalizeEncodingName } from '../../src/data/decode';
import { utf8 } from './helpers';

/** 乡镇,出生人数\n乐平镇,294\n encoded as GB18030 (written once with python3). */
const GB_FILE = fileURLToPath(new URL('../fixtures/data/gb.csv', import.meta.url));
const GB_TEXT = '乡镇,出生人数\n乐平镇,294\n';

const bytes = (...xs: number[]) => Uint8Array.from(xs);
const concat = (...parts: Uint8Array[]) => Uint8Array.from(parts.flatMap((p) => [...p]));
function utf16le(text: string): Uint8Array {
  const out: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out.push(c & 0xff, c >> 8);
  }
  return Uint8Array.from(out);
}
const utf16be = (text: string) => {
  const le = utf16le(text);
  const out = new Uint8Array(le.length);
  for (let i = 0; i < le.length; i += 2) [out[i], out[i + 1]] = [le[i + 1]!, le[i]!];
  return out;
};

describe('decode', () => {
  it('reads plain UTF-8', () => {
    expect(decode(utf8('乡镇,出生人数\n乐平镇,294\n'))).toEqual({
      text: '乡镇,出生人数\n乐平镇,294\n',
      encoding: 'utf-8',
      lossy: false,
    });
  });

  it('reads ASCII as UTF-8', () => {
    expect(decode(utf8('a,b\n1,2\n'))).toEqual({ text: 'a,b\n1,2\n', encoding: 'utf-8', lossy: false });
  });

  it('reads an empty file as empty UTF-8 text', () => {
    expect(decode(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', lossy: false });
  });

  it('strips a UTF-8 BOM', () => {
    const d = decode(concat(bytes(0xef, 0xbb, 0xbf), utf8('乡镇,出生人数\n')));
    expect(d).toEqual({ text: '乡镇,出生人数\n', encoding: 'utf-8', lossy: false });
    expect(d.text.charCodeAt(0)).toBe('乡'.charCodeAt(0));
  });

  it('strips a UTF-8 BOM when utf-8 is forced too', () => {
    expect(decode(concat(bytes(0xef, 0xbb, 0xbf), utf8('乡镇')), 'utf-8').text).toBe('乡镇');
  });

  it('detects GB18030 when the bytes are not valid UTF-8', () => {
    const gb = new Uint8Array(readFileSync(GB_FILE));
    expect(gb.length).toBe(25); // 9 Chinese characters × 2 bytes + 7 ASCII bytes: guards the fixture
    expect(decode(gb)).toEqual({ text: GB_TEXT, encoding: 'gb18030', lossy: false });
  });

  it('reads GB18030 bytes when gb18030 is forced', () => {
    const gb = new Uint8Array(readFileSync(GB_FILE));
    expect(decode(gb, 'gb18030')).toEqual({ text: GB_TEXT, encoding: 'gb18030', lossy: false });
  });

  it('reports lossy decoding when utf-8 is forced on GB18030 bytes', () => {
    const gb = new Uint8Array(readFileSync(GB_FILE));
    const d = decode(gb, 'utf-8');
    expect(d.encoding).toBe('utf-8');
    expect(d.lossy).toBe(true);
    expect(d.text).toContain('\ufffd');
    expect(d.text).toContain(',294\n');
  });

  it('reads UTF-16LE with a BOM and strips the BOM', () => {
    const d = decode(concat(bytes(0xff, 0xfe), utf16le('乡镇\t出生人数\r\n乐平镇\t294\r\n')));
    expect(d).toEqual({ text: '乡镇\t出生人数\r\n乐平镇\t294\r\n', encoding: 'utf-16le', lossy: false });
  });

  it('reads UTF-16BE with a BOM and strips the BOM', () => {
    const d = decode(concat(bytes(0xfe, 0xff), utf16be('乡镇,出生人数\n')));
    expect(d).toEqual({ text: '乡镇,出生人数\n', encoding: 'utf-16be', lossy: false });
  });

  it('reads UTF-16LE without a BOM only when forced', () => {
    expect(decode(utf16le('乡镇'), 'utf-16le')).toEqual({ text: '乡镇', encoding: 'utf-16le', lossy: false });
  });
});

describe('normalizeEncodingName', () => {
  it.each([
    ['utf-8', 'utf-8'],
    ['UTF8', 'utf-8'],
    ['utf_8', 'utf-8'],
    ['utf-16', 'utf-16le'],
    ['UTF-16LE', 'utf-16le'],
    ['utf-16be', 'utf-16be'],
    ['GBK', 'gb18030'],
    ['gb2312', 'gb18030'],
    ['GB-18030', 'gb18030'],
    ['cp936', 'gb18030'],
  ])('%s → %s', (name, expected) => {
    expect(normalizeEncodingName(name)).toBe(expected);
  });

  it.each(['latin1', 'big5', 'shift_jis', ''])('%j is not supported', (name) => {
    expect(normalizeEncodingName(name)).toBeUndefined();
  });
});
