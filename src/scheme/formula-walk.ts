/**
 * The one walk over a parsed formula's tree (./formula.ts): a node's children, every
 * node in the order it is written, and a visitor that dispatches on a node's kind.
 * The parser's list of names, lint's rules and the kind checks use these instead of
 * switches of their own.
 */
import type { Node } from './formula';
import { PEER_FNS } from './formula-relative';

export type NodeKind = Node['k'];
export type NodeOf<K extends NodeKind> = Extract<Node, { k: K }>;
/** One function per kind of node. */
export type Visitor<T> = { [K in NodeKind]: (n: NodeOf<K>) => T };

/** The visitor's function for the node's kind, applied to the node. */
export function visit<T>(n: Node, visitor: Visitor<T>): T {
  return (visitor[n.k] as (n: Node) => T)(n);
}

/** A node's operands, left to right. */
export function children(n: Node): readonly Node[] {
  switch (n.k) {
    case 'num':
    case 'bool':
    case 'ref':
      return [];
    case 'neg':
    case 'not':
      return [n.a];
    case 'bin':
      return [n.a, n.b];
    case 'call':
      // A peer function's argument is an item id, not a name the formula reads.
      return PEER_FNS.has(n.fn) ? [] : n.args;
  }
}

/** Every node of the tree, each before its operands: the order they are written in. */
export function nodes(root: Node): Node[] {
  const out: Node[] = [];
  const go = (n: Node): void => {
    out.push(n);
    for (const c of children(n)) go(c);
  };
  go(root);
  return out;
}

/** Whether some node of the tree satisfies `test`. */
export function someNode(root: Node, test: (n: Node) => boolean): boolean {
  return test(root) || children(root).some((c) => someNode(c, test));
}

/** The names a tree reads, in order of first appearance. */
export function namesIn(root: Node): string[] {
  return [...new Set(nodes(root).flatMap((n) => (n.k === 'ref' ? [n.name] : [])))];
}
