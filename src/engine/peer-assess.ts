/**
 * The two-phase walk of a scheme that scores relative to peers (peers.ts): group by
 * group, bottom-up, every unit's fields first, then its items, each relative item
 * answered from its group's values. Said once per group: items that had no peers.
 */
import type { Finding } from '../diagnostics';
import type { Item, Scheme } from '../scheme/model';
import type { Node } from './node';
import { noPeersWarning, PeerGroup, type Relative } from './peers';

export interface PeerHooks {
  /** Fills the unit's field values (its children's are filled). */
  fields(node: Node): void;
  /** Scores the unit's items, `relative` giving how each relative item is scored. */
  score(node: Node, relative: (item: Item) => Relative | undefined): void;
  warnings: Finding[];
}

export function assessWithPeers(
  scheme: Scheme,
  roots: readonly Node[],
  asks: ReadonlyMap<string, string[]>,
  hooks: PeerHooks,
): void {
  const group = (nodes: readonly Node[], parent: string | undefined): void => {
    for (const n of nodes) if (n.children.length) group(n.children, n.unit.name);
    for (const n of nodes) hooks.fields(n);
    const g = new PeerGroup(scheme, nodes, parent);
    nodes.forEach((n, i) =>
      hooks.score(n, (item) => {
        const a = asks.get(item.id);
        return a ? g.relative(item, a, i) : undefined;
      }),
    );
    warnNoPeers(scheme, nodes, parent, hooks.warnings);
  };
  group(roots, undefined);
}

/** One warning for the items of the group left without peers (the first unit's counts). */
function warnNoPeers(scheme: Scheme, nodes: readonly Node[], parent: string | undefined, out: Finding[]): void {
  const items = new Map<string, Item>();
  let first: Parameters<typeof noPeersWarning>[1] | undefined;
  const all = [...scheme.items, ...(scheme.bonus?.items ?? [])];
  for (const n of nodes) {
    for (const r of n.items.values()) {
      if (r.calc.kind !== 'no-peers' || items.has(r.id)) continue;
      first ??= r.calc;
      const item = all.find((x) => x.id === r.id);
      if (item) items.set(r.id, item);
    }
  }
  if (first) out.push(noPeersWarning([...items.values()], first, parent));
}
