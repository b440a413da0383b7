/** Maps a path inside the YAML document to file:line:col. */
import { isMap, isScalar, isSeq, LineCounter, type Document, type Node } from 'yaml';

export type Path = readonly (string | number)[];
export interface Pos {
  line: number;
  col: number;
}

export class Positions {
  constructor(
    private readonly doc: Document,
    private readonly lines: LineCounter,
  ) {}

  private at(offset: number): Pos {
    const p = this.lines.linePos(offset);
    return { line: p.line, col: p.col };
  }

  /** The deepest node that exists along the path. */
  private node(path: Path): { node: Node | null; depth: number } {
    let node: unknown = this.doc.contents;
    let depth = 0;
    for (const key of path) {
      let next: unknown;
      if (isMap(node)) next = node.get(key, true);
      else if (isSeq(node) && typeof key === 'number') next = node.get(key, true);
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

  /** Position of a mapping key (for unknown keys). */
  ofKey(path: Path, key: string): Pos {
    const { node, depth } = this.node(path);
    if (depth === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      const k = pair?.key as Node | undefined;
      if (k?.range) return this.at(k.range[0]);
    }
    return this.of(path);
  }

  /** Position of a character inside a scalar's text (formula errors). */
  inside(path: Path, index: number): Pos {
    const { node, depth } = this.node(path);
    if (depth !== path.length || !isScalar(node) || !node.range) return this.of(path);
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE' ? 1 : 0;
    if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return this.at(node.range[0]);
    return this.at(node.range[0] + quoted + index);
  }
}

export const showPath = (path: Path): string =>
  path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('');
