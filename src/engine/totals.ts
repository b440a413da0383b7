/**
 * A unit's totals from its scored items and vetoes: points, applicable maximum,
 * capped bonus, the score scaled to the scheme's total, pass and grade. Shared by
 * evaluate (the self-assessed figures) and adjust (the figures after inspection).
 */
import { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import { weightedLines } from './lines';
import { competitionRanks } from './rank';
import type { ItemResult, UnitResult, VetoResult } from './types';

export type Totals = Pick<UnitResult, 'score' | 'max' | 'bonus' | 'scaled' | 'passed' | 'grade' | 'lines'>;

export function unitTotals(
  scheme: Pick<Scheme, 'total' | 'pass' | 'grades' | 'bonus' | 'sections'>,
  items: readonly ItemResult[],
  vetoes: readonly VetoResult[],
  /** The unit's type (unit_types): a weighted line's points may depend on it. */
  type?: string,
): Totals {
  const scored = items.filter((i) => !i.bonus);
  const points = scored.reduce((a, i) => a.add(i.points), Rational.ZERO);
  const max = scored.reduce((a, i) => a.add(i.max), Rational.ZERO);
  const rawBonus = items.filter((i) => i.bonus).reduce((a, i) => a.add(i.points), Rational.ZERO);
  const bonus = scheme.bonus ? rawBonus.min(scheme.bonus.cap) : Rational.ZERO;
  const lined = weightedLines(scheme.sections, scheme.total, scored, type);
  const scaled = (lined ? lined.sum : max.isZero() ? Rational.ZERO : points.mul(scheme.total).div(max)!).add(bonus);
  const vetoed = vetoes.some((v) => v.triggered);
  return {
    ...(lined ? { lines: lined.lines } : {}),
    score: lined ? scaled : points.add(bonus),
    max: lined ? scheme.total : max,
    bonus,
    scaled,
    // Passing needs every veto checked (decided by the data) and none triggered.
    passed: !vetoed && vetoes.every((v) => v.checked) && scaled.ge(scheme.pass),
    // A vetoed unit takes the lowest grade whatever its score.
    grade: vetoed ? scheme.grades[scheme.grades.length - 1]?.name : scheme.grades.find((g) => scaled.ge(g.min))?.name,
  };
}

/** Ranks siblings by scaled score (vetoed last; ties share a rank) and records how many there are. */
export function rankUnits(units: UnitResult[]): void {
  const ranks = competitionRanks(
    units,
    (u) => u.scaled,
    (u) => u.vetoes.some((v) => v.triggered),
  );
  units.forEach((u, i) => {
    u.rank = ranks[i]!;
    u.of = units.length;
  });
}
