/**
 * Which top-level units (counties) a dataset's errors concern: an error on a row
 * belongs to the unit of that row and the units above it; an error not on a unit's
 * row (a header, a file that cannot be read, a rejected row) concerns them all.
 */
import type { Finding } from '../diagnostics';
import type { DataUnit, Dataset } from '../data/model';

/** Whether the data's errors concern the top-level unit of this key. */
export function errorsByRoot(dataset: Dataset): (rootKey: string) => boolean {
  const errors = dataset.findings.filter((d) => d.severity === 'error');
  if (!errors.length) return () => false;
  // Worked out at once, so that the answer holds a set of keys and not the dataset's units.
  const { everyone, hit } = rootsHit(dataset, errors);
  return (rootKey) => everyone || hit.has(rootKey);
}

/** The key of each unit's top-level unit, by the unit. */
function rootKeys(units: readonly DataUnit[]): (u: DataUnit) => string {
  const byKey = new Map(units.map((u) => [`${u.level}\u0000${u.key}`, u]));
  return (u) => {
    let top = u;
    for (
      let p = byKey.get(`${top.level + 1}\u0000${top.parent}`);
      top.parent !== undefined && p;
      p = byKey.get(`${top.level + 1}\u0000${top.parent}`)
    )
      top = p;
    return top.key;
  };
}

function rootsHit(dataset: Dataset, errors: Finding[]): { everyone: boolean; hit: Set<string> } {
  const rootOf = rootKeys(dataset.units);
  const rowOwner = new Map<string, string>();
  for (const u of dataset.units) for (const s of u.sources) rowOwner.set(`${s.file}\u0000${s.line}`, rootOf(u));
  const hit = new Set<string>();
  let everyone = false;
  for (const d of errors) {
    const owner = d.line !== undefined ? rowOwner.get(`${d.file}\u0000${d.line}`) : undefined;
    if (owner === undefined) everyone = true;
    else hit.add(owner);
  }
  return { everyone, hit };
}
