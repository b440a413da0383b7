/**
 * The entries of a zip file (an .xlsx workbook) from its central directory, without
 * inflating anything, and a streaming inflate of one entry that can stop early. Only
 * what the workbook limits need: a zip this cannot read (zip64, an unknown method)
 * gives undefined and is left to the workbook reader, which says what is wrong.
 */
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  /** As the directory declares it (a zip bomb may lie: inflate to know). */
  declaredSize: number;
  /** The entry's compressed bytes. */
  data: Uint8Array;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

export function zipEntries(bytes: Uint8Array): ZipEntry[] | undefined {
  const v = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => v.getUint16(at, true);
  const u32 = (at: number) => v.getUint32(at, true);
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(i) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0) return undefined;
  const total = u16(end + 10);
  let at = u32(end + 16);
  if (total === 0xffff || at === 0xffffffff) return undefined; // zip64
  const names = new TextDecoder('utf-8');
  const out: ZipEntry[] = [];
  for (let n = 0; n < total; n++) {
    if (at + 46 > bytes.length || u32(at) !== CENTRAL) return undefined;
    const method = u16(at + 10);
    const compressed = u32(at + 20);
    const declaredSize = u32(at + 24);
    const nameLength = u16(at + 28);
    const skip = nameLength + u16(at + 30) + u16(at + 32);
    const local = u32(at + 42);
    if (at + 46 + nameLength > bytes.length || local + 30 > bytes.length || u32(local) !== LOCAL) return undefined;
    const name = names.decode(bytes.subarray(at + 46, at + 46 + nameLength));
    const start = local + 30 + u16(local + 26) + u16(local + 28);
    if (start + compressed > bytes.length || compressed === 0xffffffff || declaredSize === 0xffffffff) return undefined;
    out.push({ name, method, declaredSize, data: bytes.subarray(start, start + compressed) });
    at += 46 + skip;
  }
  return out;
}

/**
 * Inflates an entry chunk by chunk; `take` returns false to stop (the rest is never
 * inflated). Resolves false when the entry is not readable (a bad stream, an unknown
 * method), true otherwise.
 */
export function inflateEntry(entry: ZipEntry, take: (chunk: Uint8Array) => boolean): Promise<boolean> {
  if (entry.method === 0) {
    take(entry.data);
    return Promise.resolve(true);
  }
  if (entry.method !== 8) return Promise.resolve(false);
  return new Promise((resolve) => {
    const inflate = createInflateRaw();
    let done = false;
    const finish = (ok: boolean) => {
      if (done) return;
      done = true;
      inflate.removeAllListeners('data');
      inflate.destroy();
      resolve(ok);
    };
    inflate.on('data', (chunk: Buffer) => {
      if (!done && !take(chunk)) finish(true);
    });
    inflate.on('end', () => finish(true));
    inflate.on('error', () => finish(false));
    inflate.end(entry.data);
  });
}

/** A small entry whole (workbook.xml and its relations), at most `max` bytes of it. */
export async function entryText(entry: ZipEntry, max: number): Promise<string | undefined> {
  const parts: Uint8Array[] = [];
  let size = 0;
  const ok = await inflateEntry(entry, (c) => {
    parts.push(c);
    size += c.length;
    return size <= max;
  });
  if (!ok || size > max) return undefined;
  return new TextDecoder('utf-8').decode(Buffer.concat(parts));
}
