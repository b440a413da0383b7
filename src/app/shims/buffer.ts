/**
 * The little of Node's Buffer that the data readers use (src/data/xlsx.ts,
 * xlsx-limits.ts, zip-entries.ts), for the offline page: a view of bytes, latin1 text of
 * them, several joined. scripts/build-app.mjs injects it where those modules name `Buffer`.
 */
class Bytes extends Uint8Array {
  toString(encoding?: string): string {
    if (encoding !== 'latin1' && encoding !== 'binary') return new TextDecoder('utf-8').decode(this);
    let s = '';
    for (let i = 0; i < this.length; i += 0x8000) s += String.fromCharCode(...this.subarray(i, i + 0x8000));
    return s;
  }
}

export const Buffer = {
  from(data: ArrayBuffer | Uint8Array, offset = 0, length?: number): Bytes {
    if (data instanceof Uint8Array) return new Bytes(data.buffer as ArrayBuffer, data.byteOffset, data.byteLength);
    return new Bytes(data, offset, length ?? data.byteLength - offset);
  },
  concat(parts: readonly Uint8Array[]): Bytes {
    const out = new Bytes(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      out.set(p, at);
      at += p.length;
    }
    return out;
  },
  isBuffer(x: unknown): boolean {
    return x instanceof Bytes;
  },
};
