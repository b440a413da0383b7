/**
 * An indented JSON document whose small records are written one per line: the
 * layout JSON.stringify(doc, null, 2) gives, except that a value wrapped in `Line`
 * is written on one line without spaces, and a `Raw` is placed as the JSON text it
 * holds. The large top-level arrays are made element by element when written.
 */
import { isLazy } from './json-chunks';

/** A record written on one line (JSON.stringify without spaces). */
export class Line {
  constructor(readonly value: unknown) {}
}

/** JSON text already made (one line), placed as is. */
export class Raw {
  constructor(readonly text: string) {}
}

export const lines = (list: readonly unknown[]): Line[] => list.map((x) => new Line(x));

/** `v` as JSON.stringify(v, null, 2) writes it at indentation `ind`, with Line and Raw kept as they are. */
export function pretty(v: unknown, ind: string): string {
  return put(v, ind, '');
}

/** `s` followed by `pretty(v, ind)`: one string grown in place, no array of parts per object (the national JSON's counties). */
function put(v: unknown, ind: string, s: string): string {
  if (v instanceof Line) return s + JSON.stringify(v.value);
  if (v instanceof Raw) return s + v.text;
  if (Array.isArray(v)) {
    if (!v.length) return `${s}[]`;
    const inner = `${ind}  `;
    for (let k = 0; k < v.length; k++) {
      s += (k ? ',\n' : '[\n') + inner;
      const x: unknown = v[k];
      s = x === undefined ? `${s}null` : put(x, inner, s);
    }
    return `${s}\n${ind}]`;
  }
  if (typeof v === 'object' && v !== null) {
    const o = v as Record<string, unknown>;
    const inner = `${ind}  `;
    let first = true;
    for (const k of Object.keys(o)) {
      const x = o[k];
      if (x === undefined) continue;
      s += `${first ? '{\n' : ',\n'}${inner}${JSON.stringify(k)}: `;
      first = false;
      s = put(x, inner, s);
    }
    return first ? `${s}{}` : `${s}\n${ind}}`;
  }
  return s + JSON.stringify(v);
}

/** The document's pieces, each top-level lazy array element made and written in turn. */
export function* lineChunks(doc: Record<string, unknown>): Generator<string> {
  const keys = Object.keys(doc).filter((k) => doc[k] !== undefined);
  yield '{';
  for (const [n, k] of keys.entries()) {
    const v = doc[k];
    yield `${n ? ',' : ''}\n  ${JSON.stringify(k)}: `;
    if (!isLazy(v)) yield pretty(v, '  ');
    else if (!v.lazy.length) yield '[]';
    else {
      for (let i = 0; i < v.lazy.length; i++)
        yield `${i ? ',' : '['}\n    ${pretty(v.make(v.lazy[i] as never), '    ')}`;
      yield '\n  ]';
    }
  }
  yield '\n}\n';
}
