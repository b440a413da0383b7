/**
 * rollup: all and rollup: share (80% 以上乡镇达标): a parent meets the item when every
 * unit below meets its target, or at least the item's `share` of them. Units where
 * the item is n/a (or not assessed) are not counted; one with missing or invalid
 * data makes the parent's item missing or invalid (it cannot be told), as the other
 * roll-ups do. All or nothing: full points when met, else 0. What it takes: the
 * smallest number of units that must come to meet the target, closest first.
 */
import { Rational } from '../rational';
import type { Item } from '../scheme/model';
import type { Node } from './node';
import { rollupValue } from './rollup';
import { unscored } from './score-at';
import type { ItemResult, UnitsToFix } from './types';

const meets = (r: ItemResult | undefined): boolean => r?.met === true || r?.status === 'met';

export function scoreShare(item: Item, node: Node): ItemResult {
  const roll = rollupValue(item, node);
  if (roll.calc) return unscored(item, undefined, roll.calc);
  const counted = node.children
    .map((c) => ({ name: c.unit.name, r: c.items.get(item.id) }))
    .filter((k) => k.r?.status !== 'na');
  const met = counted.filter((k) => meets(k.r)).length;
  const all = item.rollup === 'all';
  const need = all ? Rational.ONE : (item.share ?? Rational.ONE);
  const of = counted.length;
  if (!of) return unscored(item, undefined, { kind: 'missing', fields: item.fields, units: [] });
  const share = Rational.int(met).div(Rational.int(of))!;
  const ok = share.ge(need);
  const points = ok ? item.points : Rational.ZERO;
  const result: ItemResult = {
    id: item.id,
    title: item.title,
    section: item.section,
    bonus: item.bonus,
    value: share,
    kind: 'percent',
    target: all ? '== 100%' : `>= ${need.mul(Rational.HUNDRED).toDecimal(4)}%`,
    formula: item.formula.source,
    basis: item.basis,
    evidence: item.evidence,
    status: ok ? 'met' : 'failed',
    points,
    max: item.bonus ? Rational.ZERO : item.points,
    lost: item.bonus ? Rational.ZERO : item.points.sub(points),
    gap: ok ? Rational.ZERO : need.sub(share),
    met: ok,
    calc: { kind: 'share', all, met, of, need, share },
  };
  if (!ok) result.fix = unitsToFix(counted, met, need);
  return result;
}

/** The fewest units that must come to meet the target: ⌈need × of⌉ − met; the candidates closest first. */
function unitsToFix(counted: { name: string; r?: ItemResult }[], met: number, need: Rational): UnitsToFix {
  const want = need.mul(Rational.int(counted.length)).ceil();
  const units = counted
    .filter((k) => !meets(k.r))
    .map((k) => ({ name: k.name, gap: k.r?.gap }))
    .sort(
      (a, b) =>
        (a.gap && b.gap ? a.gap.cmp(b.gap) : a.gap ? -1 : b.gap ? 1 : 0) ||
        (a.name < b.name ? -1 : a.name > b.name ? 1 : 0),
    );
  return { count: Number(want.toDecimal(0)) - met, units };
}
