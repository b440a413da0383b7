/**
 * Weighted lines (综合得分由领导责任线、基层工作线按6:4的比例组成): each top-level
 * section with a `weight` is scored on its own points, scaled back over the items
 * that apply as a unit is, and the lines combine by weight into the unit's score on
 * the scheme's total. A line where nothing applies is left out, and the weights of
 * the others count in full (each weight ÷ the sum of theirs). Exact arithmetic.
 */
import { Rational } from '../rational';
import type { Section } from '../scheme/model';
import type { ItemResult, LineResult } from './types';

/** The lines and their weighted sum on the total scale (before bonus), or nothing when no section has a weight. */
export function weightedLines(
  sections: readonly Section[],
  total: Rational,
  items: readonly ItemResult[],
  type: string | undefined,
): { lines: LineResult[]; sum: Rational } | undefined {
  if (!sections[0]?.weight) return undefined;
  const lineOf = linesOf(sections);
  const lines = sections.map((s) => lineResult(s, type, items, lineOf));
  const applying = lines.filter((l) => !l.max.isZero());
  const weights = applying.reduce((a, l) => a.add(l.weight), Rational.ZERO);
  let sum = Rational.ZERO;
  for (const l of applying) {
    l.weighted = l.weight.div(weights)!.mul(l.score).mul(total).div(l.full) ?? Rational.ZERO;
    sum = sum.add(l.weighted);
  }
  return { lines, sum };
}

const LINE_OF = new WeakMap<readonly Section[], Map<string, string>>();

/** Each item's line (top-level section), made once per scheme. */
function linesOf(sections: readonly Section[]): Map<string, string> {
  let lineOf = LINE_OF.get(sections);
  if (lineOf) return lineOf;
  lineOf = new Map<string, string>();
  const mark = (s: Section, line: string) => {
    for (const it of s.items) lineOf.set(it.id, line);
    for (const sub of s.sections) mark(sub, line);
  };
  for (const s of sections) mark(s, s.id);
  LINE_OF.set(sections, lineOf);
  return lineOf;
}

function lineResult(
  s: Section,
  type: string | undefined,
  items: readonly ItemResult[],
  lineOf: Map<string, string>,
): LineResult {
  let points = Rational.ZERO;
  let max = Rational.ZERO;
  for (const i of items) {
    if (i.bonus || lineOf.get(i.id) !== s.id) continue;
    points = points.add(i.points);
    max = max.add(i.max);
  }
  const full = (type !== undefined ? s.byType?.get(type) : undefined) ?? s.points;
  const score = max.isZero() ? Rational.ZERO : points.mul(full).div(max)!;
  return {
    id: s.id,
    title: s.title,
    weight: s.weight ?? Rational.ZERO,
    full,
    points,
    max,
    score,
    weighted: Rational.ZERO,
  };
}
