/**
 * One item of one unit over the year: its value in each reported month (to date) and
 * each projected month (central, with the band), its year-end points in the three
 * scenarios, the target's threshold(s) for the chart's pass line, and its risk.
 */
import type { Assessment, ItemResult, Status, UnitResult } from '../engine/types';
import { Rational } from '../rational';
import { evaluate as evalFormula } from '../scheme/formula';
import type { Scheme } from '../scheme/model';
import { targetFormulas } from '../scheme/target';
import { riskOf } from './risk';
import type { ForecastItem, ItemPoint } from './types';

/** The assessments a forecast is made of. */
export interface Scored {
  reported: { period: string; index: number; assessment: Assessment }[];
  projected: { period: string; index: number; mid: Assessment; low: Assessment; high: Assessment }[];
}

export interface YearEnd {
  mid: UnitResult;
  low: UnitResult;
  high: UnitResult;
}

const unit = (a: Assessment, key: string): UnitResult | undefined => a.units.find((u) => u.key === key);

/** The unit at year end in the three scenarios (all three the last report when the year is complete). */
export function yearEndOf(s: Scored, key: string): YearEnd {
  const p = s.projected.at(-1);
  if (!p) {
    const u = unit(s.reported.at(-1)!.assessment, key)!;
    return { mid: u, low: u, high: u };
  }
  return { mid: unit(p.mid, key)!, low: unit(p.low, key)!, high: unit(p.high, key)! };
}

const itemIn = (u: UnitResult | undefined, id: string): ItemResult | undefined => u?.items.find((i) => i.id === id);
const num = (v: ItemResult['value']): Rational | undefined => (v instanceof Rational ? v : undefined);

/** The month-by-month path of an item, with each point's scenario statuses. */
function pathOf(key: string, id: string, s: Scored): { path: ItemPoint[]; statuses: Status[][] } {
  const path: ItemPoint[] = [];
  const statuses: Status[][] = [];
  for (const r of s.reported) {
    const i = itemIn(unit(r.assessment, key), id);
    if (!i) continue;
    path.push({ period: r.period, index: r.index, projected: false, value: i.value, status: i.status });
    statuses.push([i.status]);
  }
  for (const p of s.projected) {
    const [m, l, h] = [p.mid, p.low, p.high].map((a) => itemIn(unit(a, key), id));
    if (!m) continue;
    const band = [m, l, h].flatMap((x) => (x ? (num(x.value) ?? []) : []));
    path.push({
      period: p.period,
      index: p.index,
      projected: true,
      value: m.value,
      status: m.status,
      ...(band.length ? { low: band.reduce((a, b) => a.min(b)), high: band.reduce((a, b) => a.max(b)) } : {}),
    });
    statuses.push([m, l, h].map((x) => x?.status ?? m.status));
  }
  return { path, statuses };
}

/** The target's threshold(s) at the unit (a comparison's value, or both ends of `between`). */
function linesOf(scheme: Scheme, id: string, u: UnitResult): Rational[] {
  const t = [...scheme.items, ...(scheme.bonus?.items ?? [])].find((i) => i.id === id)?.target;
  if (!t || t.kind === 'formula') return [];
  return targetFormulas(t).flatMap((f) => num(evalFormula(f.ast, u.fields.env)) ?? []);
}

export function itemOf(scheme: Scheme, key: string, id: string, s: Scored, end: YearEnd): ForecastItem {
  const [mid, low, high] = [end.mid, end.low, end.high].map((u) => itemIn(u, id)!) as [
    ItemResult,
    ItemResult,
    ItemResult,
  ];
  const { path, statuses } = pathOf(key, id, s);
  const pts = [mid.points, low.points, high.points];
  const risk = riskOf({ path, statuses, yearEnd: { mid, low, high } });
  return {
    id,
    title: mid.title,
    kind: mid.kind,
    ...(mid.target ? { target: mid.target } : {}),
    lines: linesOf(scheme, id, end.mid),
    max: mid.max,
    path,
    points: mid.points,
    lowPoints: pts.reduce((a, b) => a.min(b)),
    highPoints: pts.reduce((a, b) => a.max(b)),
    ...(risk ? { risk } : {}),
  };
}
