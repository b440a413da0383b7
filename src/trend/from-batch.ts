/**
 * The trend's snapshots of a batch, made from the Batch itself: the same snapshots
 * read.ts makes of the batch's JSON (`--detail full`), numbers rounded to 6 places
 * as that JSON writes them, so that this run compares with earlier reports alike.
 *
 * The words of an item's value (its `display`) are report's: passed in. A lean
 * batch's units below a county exist only as compact JSON lines: read as read.ts
 * reads a summary's, their item fields passed in too.
 */
import type { Batch, BatchEntry } from '../batch/types';
import type { UnitFields } from '../engine/fields';
import type { ItemResult, UnitResult } from '../engine/types';
import { Rational } from '../rational';
import type { ItemSnap, SchemeInfo, Snapshot } from './read-types';
import { units as readUnits } from './read-units';

export interface SnapshotWords {
  /** How the item's value is shown (report/item-words.ts `valueText`). */
  display: (fields: UnitFields, item: ItemResult) => string;
  /** The order of a compact item's values (report/batch/compact.ts `ITEM_FIELDS`), for a lean batch's townships. */
  compactFields: readonly string[];
}

/** As the JSON writes a number and read.ts reads it back: rounded to 6 decimal places. */
const written = (r: Rational): Rational => Rational.fromNumber(r.toNumber(6));

export function batchSnapshots(b: Batch, words: SnapshotWords): Snapshot[] {
  const first = b.entries[0]?.assessment;
  if (!first) return [];
  const scheme: SchemeInfo = {
    id: first.scheme.id,
    version: first.scheme.version,
    title: first.scheme.title,
    total: written(first.scheme.total),
    pass: written(first.scheme.pass),
    sections: new Map(first.scheme.sections.map((s) => [s.id, s.title])),
  };
  const out: Snapshot[] = [];
  for (const e of b.entries) for (const u of e.assessment.units) unitSnapshots(e, u, scheme, words, [], [], out);
  attachItemRanks(b, out);
  return out;
}

function unitSnapshots(
  e: BatchEntry,
  u: UnitResult,
  scheme: SchemeInfo,
  words: SnapshotWords,
  up: string[],
  upNames: string[],
  out: Snapshot[],
): void {
  const path = [...up, u.key];
  const names = [...upNames, u.name];
  const items = new Map(u.items.map((i) => [i.id, itemSnap(u.fields, i, words)]));
  out.push({
    period: e.period,
    source: e.source,
    unitKey: u.key,
    unitName: u.name,
    level: u.level,
    path,
    names,
    depth: up.length,
    scaled: written(u.scaled),
    passed: u.passed,
    grade: u.grade ?? null,
    rank: u.rank,
    of: u.of,
    vetoed: u.vetoes.some((v) => v.triggered),
    items,
    scheme,
  });
  for (const c of u.children) unitSnapshots(e, c, scheme, words, path, names, out);
  // A lean batch: the county has no children left, the units below are its compact lines.
  if (e.townships && up.length === 0) leanSnapshots(e, scheme, words, { path, names, top: items }, out);
}

function itemSnap(fields: UnitFields, i: ItemResult, words: SnapshotWords): ItemSnap {
  return {
    id: i.id,
    title: i.title,
    section: i.section,
    bonus: i.bonus,
    points: written(i.points),
    max: written(i.max),
    lost: written(i.lost),
    value: i.value === undefined ? null : typeof i.value === 'boolean' ? i.value : written(i.value),
    display: words.display(fields, i),
    status: i.status,
    target: i.target ?? null,
    formula: i.formula,
    rank: null,
    of: null,
  };
}

/** The compact units below a lean batch's county, read as a summary JSON's. */
function leanSnapshots(
  e: BatchEntry,
  scheme: SchemeInfo,
  words: SnapshotWords,
  up: { path: string[]; names: string[]; top: Map<string, ItemSnap> },
  out: Snapshot[],
): void {
  const text = new TextDecoder().decode(e.townships);
  if (!text) return;
  const [ids, ...below] = text.split('\n').map((line) => JSON.parse(line) as unknown);
  const ctx = { period: e.period, source: e.source, scheme, fields: [...words.compactFields], shared: new Map() };
  readUnits(below, 'townships', ctx, { ...up, ids: ids as string[] }, out);
}

/** Each county's rank on each item among the counties of its period (the batch's rankings). */
function attachItemRanks(b: Batch, snapshots: Snapshot[]): void {
  const ranks = new Map<string, { rank: number; of: number }>();
  for (const r of b.rankings)
    for (const it of r.items)
      for (const u of it.units) ranks.set(JSON.stringify([r.period, it.id, u.key]), { rank: u.rank, of: u.of });
  for (const s of snapshots) {
    if (s.depth !== 0) continue;
    for (const it of s.items.values()) {
      const r = ranks.get(JSON.stringify([s.period, it.id, s.unitKey]));
      if (r) {
        it.rank = r.rank;
        it.of = r.of;
      }
    }
  }
}
