/**
 * The action list (整改清单): every unit's items that a lever change would fix,
 * ordered by the points the change recovers (then by unit and item, for stable output).
 */
import type { Rational } from '../../rational';
import type { Assessment, ItemResult, Remedy, UnitResult } from '../../engine/types';

export interface Action {
  unit: UnitResult;
  item: ItemResult;
  remedy: Remedy & { change: Rational; gain: Rational };
}

export function actionList(a: Assessment): Action[] {
  const out: Action[] = [];
  const walk = (u: UnitResult) => {
    for (const item of u.items) {
      const r = item.remedy;
      if (r?.reachable && r.change && r.gain && r.gain.sign() > 0)
        out.push({ unit: u, item, remedy: r as Action['remedy'] });
    }
    u.children.forEach(walk);
  };
  a.units.forEach(walk);
  return out
    .map((x, i) => [x, i] as const)
    .sort((p, q) => q[0].remedy.gain.cmp(p[0].remedy.gain) || p[1] - q[1])
    .map(([x]) => x);
}
