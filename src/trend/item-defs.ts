/**
 * What defines an item as far as a report shows it (title, points where it applies,
 * target, formula), and the scheme changes of a trend: the items added, removed or
 * redefined between two snapshots of a unit (diff.ts).
 */
import type { ItemChange, ItemDefChange, SchemeChange } from './diff-types';
import type { ItemSnap, SchemeInfo, Snapshot } from './read';

/** What defines an item, as far as a report shows it; `max` only where the item applies (not na). */
const def = (i: ItemSnap) => ({
  title: i.title,
  max: i.status === 'na' ? null : i.max,
  target: i.target,
  formula: i.formula,
});

export function defFields(a: ItemSnap, b: ItemSnap): ItemDefChange['fields'] {
  const out: ItemDefChange['fields'] = [];
  if (a.title !== b.title) out.push('title');
  if (a.status !== 'na' && b.status !== 'na' && !a.max.eq(b.max)) out.push('max');
  if (a.target !== b.target) out.push('target');
  if (a.formula !== b.formula) out.push('formula');
  return out;
}

export function collectScheme(
  out: Map<string, SchemeChange>,
  b: SchemeInfo,
  a: SchemeInfo,
  items: ItemChange[],
  bs: Snapshot,
  as: Snapshot,
): void {
  const k = JSON.stringify([b.id, b.version, a.id, a.version]);
  const sc = out.get(k) ?? {
    before: { id: b.id, version: b.version, title: b.title },
    after: { id: a.id, version: a.version, title: a.title },
    items: [],
  };
  out.set(k, sc);
  for (const i of items) {
    if (!i.schemeChanged || sc.items.some((x) => x.id === i.id)) continue;
    const bi = bs.items.get(i.id);
    const ai = as.items.get(i.id);
    sc.items.push({
      id: i.id,
      title: i.title,
      kind: !bi ? 'added' : !ai ? 'removed' : 'changed',
      fields: bi && ai ? defFields(bi, ai) : [],
      before: bi ? def(bi) : null,
      after: ai ? def(ai) : null,
    });
  }
}
