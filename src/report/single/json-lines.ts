/**
 * The JSON fields of weighted lines, unit types and rollup all/share (docs/json.md),
 * present only where they apply, so the document of a scheme without them is as before.
 */
import type { ItemResult, UnitResult } from '../../engine/types';
import type { Rational } from '../../rational';

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));

/** `unitType` (the type whose points and target scored it) and `fix` (units below to bring to the target). */
export function itemLinesJson(i: ItemResult) {
  return {
    ...(i.unitType !== undefined ? { unitType: i.unitType } : {}),
    ...(i.fix ? { fix: { count: i.fix.count, units: i.fix.units.map((u) => ({ name: u.name, gap: n(u.gap) })) } } : {}),
  };
}

/** `unitType` (from the unit's type cell) and `lines` (each weighted line's own score). */
export function unitLinesJson(u: UnitResult) {
  return {
    ...(u.unitType !== undefined ? { unitType: u.unitType } : {}),
    ...(u.lines
      ? {
          lines: u.lines.map((l) => ({
            id: l.id,
            title: l.title,
            weight: n(l.weight),
            full: n(l.full),
            points: n(l.points),
            max: n(l.max),
            score: n(l.score),
            weighted: n(l.weighted),
          })),
        }
      : {}),
  };
}
