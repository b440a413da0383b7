/**
 * JSON.stringify(doc, null, 2), written a piece at a time: the large top-level
 * arrays (units, assessments) element by element, each made only when written. A
 * national report is larger than the longest string V8 can hold, so a large one
 * comes back as pieces for the writer to stream; a small one as the same text
 * JSON.stringify gives.
 */

/** A top-level array whose elements are made when written. */
export interface LazyArray {
  lazy: readonly unknown[];
  make: (x: never) => unknown;
}

export const lazyArray = <T>(list: readonly T[], make: (x: T) => unknown): LazyArray => ({
  lazy: list,
  make: make,
});

export const isLazy = (v: unknown): v is LazyArray => typeof v === 'object' && v !== null && 'lazy' in v && 'make' in v;

/** A value as JSON.stringify(…, null, 2) writes it `depth` levels deep (no re-indenting of large text). */
function nested(value: unknown, depth: 1 | 2): string {
  if (depth === 1) return JSON.stringify({ v: value }, null, 2).slice('{\n  "v": '.length, -'\n}'.length);
  return JSON.stringify({ v: [value] }, null, 2).slice('{\n  "v": [\n    '.length, -'\n  ]\n}'.length);
}

export function* documentChunks(doc: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(doc).filter((k) => doc[k] !== undefined);
  yield '{';
  for (const [n, k] of keys.entries()) {
    const v = doc[k];
    yield `${n ? ',' : ''}\n  ${JSON.stringify(k)}: `;
    if (!isLazy(v)) yield nested(v, 1);
    else if (!v.lazy.length) yield '[]';
    else {
      for (let i = 0; i < v.lazy.length; i++) yield `${i ? ',' : '['}\n    ${nested(v.make(v.lazy[i] as never), 2)}`;
      yield '\n  ]';
    }
  }
  yield '\n}\n';
}

/** A large document: its pieces, to be written one after another (never held whole). */
export interface Chunked {
  chunks: Iterable<string>;
}

export const isChunked = (x: unknown): x is Chunked => typeof x === 'object' && x !== null && 'chunks' in x;

/** The pieces as one text when small (under a million characters), else as pieces to stream. */
export function joinChunks(chunks: Iterable<string>): string | Chunked {
  const it = chunks[Symbol.iterator]();
  const head: string[] = [];
  let length = 0;
  for (let r = it.next(); !r.done; r = it.next()) {
    head.push(r.value);
    length += r.value.length;
    if (length > 1 << 20) return { chunks: rest(head, it) };
  }
  return head.join('');
}

function* rest(head: string[], it: Iterator<string>): Generator<string> {
  yield head.join('');
  for (let x = it.next(); !x.done; x = it.next()) yield x.value;
}
