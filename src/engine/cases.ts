/**
 * Case rows (docs/adjustments.md, "Case rows"): each line of the adjustments file
 * that names a part is one case of a `cases` part. `resolveCases` checks it against
 * the assessment and the scheme (unit, item, part, inspection level, dates);
 * `applyCases` scores each case — its count capped at the rule's `case_max`, times
 * `deduct`, times the item's factor for the level that found it (省级发现的加倍扣分) —
 * and puts the part's loss into its item (combineParts), keeping the self-assessed
 * figures in `self`. Pure, exact.
 */
import type { CodedDiagnostic } from '../diagnostics';
import type { CaseInput } from '../data/adjustments';
import { message } from '../messages/codes';
import { Rational } from '../rational';
import type { Item, Scheme } from '../scheme/model';
import type { Lowest } from '../scheme/model-parts';
import { inForce, itemOf, unitOf, type Lookup } from './adjust';
import { combineParts } from './parts';
import { rankUnits, unitTotals } from './totals';
import type { Assessment, CaseLoss, ItemResult, UnitResult } from './types';

/** A case row in force, with the unit, item, part and level it names. */
export interface ResolvedCase {
  unit: { level: string; key: string };
  item: string;
  part: string;
  row: CaseInput;
  /** The inspection level's id and title, when the row names one. */
  level?: string;
  levelTitle?: string;
}

/** A deduction down to the item's lowest (0 when it has none), never raising the points. */
export function deductedTo(points: Rational, amount: Rational, lowest: Lowest | undefined): Rational {
  const to = points.sub(amount);
  if (lowest === 'none') return to;
  return to.max((lowest ?? Rational.ZERO).min(points));
}

function levelOf(
  scheme: Scheme,
  x: CaseInput,
  findings: CodedDiagnostic[],
): { id: string; title: string } | undefined | false {
  if (x.level === undefined) return undefined;
  const levels = scheme.inspections ?? [];
  const found = levels.find((l) => l.id === x.level || l.title === x.level);
  if (found) return found;
  const at = x.at.level ?? { line: x.line, col: x.col };
  const names = levels.map((l) => `${l.id}/${l.title}`);
  findings.push({
    severity: 'error',
    ...message('adjust/case-level', { level: x.level, levels: names }),
    file: x.file,
    ...at,
  });
  return false;
}

function partOf(item: Item, x: CaseInput, findings: CodedDiagnostic[]): Item | undefined {
  const part = item.parts?.find((p) => p.id === x.part && p.cases);
  if (part) return part;
  const parts = (item.parts ?? []).filter((p) => p.cases).map((p) => p.id);
  const at = x.at.part ?? { line: x.line, col: x.col };
  findings.push({
    severity: 'error',
    ...message('adjust/case-part', { part: x.part, item: item.id, parts }),
    file: x.file,
    ...at,
  });
  return undefined;
}

export function resolveCases(
  scheme: Scheme,
  look: Lookup,
  rows: readonly CaseInput[],
  asOf: string,
  findings: CodedDiagnostic[],
): ResolvedCase[] {
  const out: ResolvedCase[] = [];
  for (const x of rows) {
    const u = unitOf(look, x, findings);
    const item = itemOf(look, x, findings);
    if (!u || !item) continue;
    if (!u.items.some((i) => i.id === item.id)) {
      const args = { id: item.id, title: item.title, unit: u.name, level: u.levelTitle };
      findings.push({ severity: 'error', ...message('adjust/not-scored', args), file: x.file, ...(x.at.item ?? x) });
      continue;
    }
    const part = partOf(item, x, findings);
    const level = levelOf(scheme, x, findings);
    if (!part || level === false || inForce(x, u, item, asOf, findings) !== 'applied') continue;
    out.push({
      unit: { level: u.level, key: u.key },
      item: item.id,
      part: part.id,
      row: x,
      ...(level ? { level: level.id, levelTitle: level.title } : {}),
    });
  }
  return out;
}

/** One case's loss: its count capped at case_max, × deduct, × the level's factor. */
function caseLoss(item: Item, part: Item, c: ResolvedCase): CaseLoss {
  const rule = part.cases!;
  const counted = rule.caseMax ? c.row.count.min(rule.caseMax) : c.row.count;
  const factor = (c.level !== undefined ? item.factors?.get(c.level) : undefined) ?? Rational.ONE;
  const x = c.row;
  return {
    file: x.file,
    line: x.line,
    count: x.count,
    counted,
    ...(c.level !== undefined ? { level: c.level, levelTitle: c.levelTitle ?? c.level } : {}),
    factor,
    lost: counted.mul(rule.deduct).mul(factor),
    reason: x.reason,
    authority: x.authority,
    ...(x.document !== undefined ? { document: x.document } : {}),
    date: x.date,
  };
}

/** A cases part's result with its cases: their losses summed, capped at the rule's max and the part's points. */
function withCases(item: Item, part: Item, r: ItemResult, cs: ResolvedCase[]): ItemResult {
  const rule = part.cases!;
  const cases = cs.map((c) => caseLoss(item, part, c));
  const raw = cases.reduce((a, c) => a.add(c.lost), Rational.ZERO);
  let lost = raw;
  let cap: 'max' | 'points' | undefined;
  if (rule.max && lost.gt(rule.max)) [lost, cap] = [rule.max, 'max'];
  if (part.lowest === undefined && lost.gt(part.points)) [lost, cap] = [part.points, 'points'];
  const points = part.points.sub(lost);
  const calc = {
    kind: 'cases' as const,
    cases,
    deduct: rule.deduct,
    caseMax: rule.caseMax,
    lost,
    ...(cap ? { cap } : {}),
  };
  const status = !cases.length ? 'met' : points.sign() > 0 ? 'partial' : 'failed';
  return { ...r, value: Rational.int(cases.length), points, lost, status, met: !cases.length, calc };
}

/** An item's result with its case rows put into its parts, then put together again. */
function itemWithCases(scheme: Scheme, i: ItemResult, cs: ResolvedCase[]): ItemResult {
  const item = scheme.items.find((x) => x.id === i.id);
  if (!item?.parts || !i.parts) return i;
  const parts = i.parts.map((r) => {
    const part = item.parts!.find((p) => p.id === r.id);
    const mine = cs.filter((c) => c.part === r.id);
    return part?.cases && mine.length ? withCases(item, part, r, mine) : r;
  });
  // A part left without a score (missing, invalid data) keeps the item so.
  return parts.some((p) => p.status === 'missing' || p.status === 'invalid')
    ? { ...i, parts }
    : combineParts(item, parts);
}

export function applyCases(scheme: Scheme, a: Assessment, cases: readonly ResolvedCase[]): Assessment {
  const mapUnit = (u: UnitResult): UnitResult => {
    const children = u.children.map(mapUnit);
    rankUnits(children);
    const mine = cases.filter((c) => c.unit.level === u.level && c.unit.key === u.key);
    if (!mine.length) return { ...u, children };
    const items = u.items.map((i) => {
      const cs = mine.filter((c) => c.item === i.id);
      return cs.length ? itemWithCases(scheme, i, cs) : i;
    });
    const self = {
      score: u.score,
      scaled: u.scaled,
      passed: u.passed,
      ...(u.grade !== undefined ? { grade: u.grade } : {}),
    };
    return { ...u, ...unitTotals(scheme, items, u.vetoes), items, children, self };
  };
  const units = a.units.map(mapUnit);
  rankUnits(units);
  return { ...a, units };
}
