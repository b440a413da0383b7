/** Maps a path inside the YAML document to file:line:col. */
import { isMap, isScalar, isSeq, LineCounter, type Document, type Node, type Pair } from 'yaml';
import type { Path } from './path';

export { showPath, type Path } from './path';
export interface Pos {
  line: number;
  col: number;
}

export class Positions {
  /** `text` is the source the document was parsed from (to map offsets inside scalars). */
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
    private readonly text?: string,
  ) {}

  private at(offset: number): Pos {
    const p = this.lines.linePos(offset);
    return { line: p.line, col: p.col };
  }

  /**
   * The pair of `key` in a mapping. Keys are compared as text, so `1:` or `true:` is
   * found too; with a duplicated key the last pair wins, as in the parsed data.
   */
  private pair(map: unknown, key: string | number): Pair | undefined {
    if (!isMap(map)) return undefined;
    const want = String(key);
    let found: Pair | undefined;
    for (const p of map.items) if (isScalar(p.key) && String(p.key.value) === want) found = p;
    return found;
  }

  /** The deepest node that exists along the path. */
  private node(path: Path): { node: Node | null; depth: number } {
    let node: unknown = this.doc.contents;
    let depth = 0;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) next = this.pair(node, key)?.value;
      else if (isSeq(node) && typeof key === 'number') next = node.items[key];
      if (next === undefined || next === null) break;
      node = next;
      depth++;
    }
    return { node: (node as Node) ?? null, depth };
  }

  /** Position of the value at `path`, or of its closest existing ancestor. */
  of(path: Path): Pos {
    const { node } = this.node(path);
    return node?.range ? this.at(node.range[0]) : { line: 1, col: 1 };
  }

  /** Whether the value at `path` exists in the document (not only an ancestor). */
  has(path: Path): boolean {
    return this.node(path).depth === path.length;
  }

  /** Position of a mapping key (for unknown keys). */
  ofKey(path: Path, key: string): Pos {
    const { node, depth } = this.node(path);
    if (depth === path.length) {
      const k = this.pair(node, key)?.key as Node | undefined;
      if (k?.range) return this.at(k.range[0]);
    }
    return this.of(path);
  }

  /**
   * Position of a character inside a scalar's text (formula errors). The index is
   * into the parsed value; it is mapped through the scalar's source, so folded
   * lines, quotes and block scalars keep the right line and column. When the value
   * cannot be matched against its source (escapes), the scalar's start is given.
   */
  inside(path: Path, index: number): Pos {
    const { node, depth } = this.node(path);
    if (depth !== path.length || !isScalar(node) || !node.range) return this.of(path);
    const [start, end] = node.range;
    const value = String(node.value);
    const src = this.text?.slice(start, end);
    if (src === undefined) return this.at(start);
    const mapped = mapInto(value, src, node.type);
    if (!mapped) return this.at(start);
    const i = Math.max(0, Math.min(index, value.length));
    return this.at(start + (i < value.length ? mapped[i]! : mapped[value.length]!));
  }
}

/**
 * For each character of `value` (and one past its end), its offset in `src`, the
 * scalar's source text; undefined when they cannot be aligned. The value is the
 * source with quotes or a block header removed and line breaks folded or kept:
 * its characters appear in the source in order, with only whitespace between.
 */
function mapInto(value: string, src: string, type: string | undefined): number[] | undefined {
  let j = 0;
  if (type === 'QUOTE_DOUBLE' || type === 'QUOTE_SINGLE') j = 1;
  else if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED') {
    const nl = src.indexOf('\n');
    if (nl < 0) return undefined;
    j = nl + 1;
  }
  const direct = src.indexOf(value, j);
  if (value && direct >= 0 && src.slice(j, direct).trim() === '') {
    return Array.from({ length: value.length + 1 }, (_, i) => direct + i);
  }
  const ws = (c: string | undefined) => c === ' ' || c === '\t' || c === '\n' || c === '\r';
  const out: number[] = [];
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (ws(c)) {
      if (j >= src.length) out.push(j);
      else if (ws(src[j])) out.push(j++);
      else return undefined;
      continue;
    }
    while (j < src.length && src[j] !== c && ws(src[j])) j++;
    if (src[j] !== c) return undefined;
    if ((type === 'QUOTE_DOUBLE' && c === '\\') || (type === 'QUOTE_SINGLE' && c === "'")) return undefined;
    out.push(j++);
  }
  out.push(j);
  return out;
}
