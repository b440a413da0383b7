/**
 * Bytes → text. Detection looks at the whole file: a BOM (UTF-8, UTF-16LE/BE),
 * else strict UTF-8, else GB18030 (what Excel and WPS write on Chinese Windows).
 * `gb18030` is a superset of GBK; the decoder is the built-in TextDecoder.
 */
export type Encoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';
export const ENCODINGS: readonly Encoding[] = ['utf-8', 'utf-16le', 'utf-16be', 'gb18030'];

export function normalizeEncodingName(name: string): Encoding | undefined {
  const n = name.toLowerCase().replace(/[^a-z0-9]/g, '');
  if (n === 'utf8') return 'utf-8';
  if (n === 'utf16le' || n === 'utf16') return 'utf-16le';
  if (n === 'utf16be') return 'utf-16be';
  if (n === 'gb18030' || n === 'gbk' || n === 'gb2312' || n === 'cp936') return 'gb18030';
  return undefined;
}

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** True when a forced encoding met bytes it could not decode (replaced by U+FFFD). */
  lossy: boolean;
}

export function decode(bytes: Uint8Array, forced?: Encoding): Decoded {
  const bom = sniffBom(bytes);
  if (!forced && !bom) {
    // Strict UTF-8 is both the test and the text: the file is decoded once, not checked and then decoded.
    const text = utf8(bytes);
    if (text !== undefined) return { text, encoding: 'utf-8', lossy: false };
  }
  const encoding = forced ?? bom?.encoding ?? 'gb18030';
  const skip = bom && bom.encoding === encoding ? bom.length : 0;
  const body = bytes.subarray(skip);
  try {
    return { text: new TextDecoder(encoding, { fatal: true }).decode(body), encoding, lossy: false };
  } catch {
    return { text: new TextDecoder(encoding).decode(body), encoding, lossy: true };
  }
}

function sniffBom(b: Uint8Array): { encoding: Encoding; length: number } | undefined {
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (b[0] === 0xff && b[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (b[0] === 0xfe && b[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return undefined;
}

/** The text of strict UTF-8 bytes, or undefined when they are not. */
function utf8(b: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    return undefined;
  }
}
