/**
 * Inspector adjustments (抽查核定) on an assessment. Pure: no fs, no process, no clock
 * (the reference date comes in as a YYYY-MM-DD string).
 *
 * `resolveAdjustments` checks the parsed lines against the assessment and the scheme:
 * the unit (name or code, at any level) and the item (id or title) must exist and the
 * item must be scored at that unit; an override must lie within the item's points; a
 * unit + item may be adjusted once. Each failure is an error with file:line:col. A
 * line whose `expires` date is before the reference date is expired, one dated after
 * it is not yet in force: each is a warning, and the line is not applied.
 *
 * `applyAdjustments` changes the items' points (deduct: points − amount, not below 0;
 * override: = amount), recomputes `lost`, then the unit's totals exactly as evaluate
 * does (`unitTotals`), keeping the self-assessed figures in `self` and `adjustment`.
 * An adjustment applies to the unit named only: a parent's items are scored on its
 * own roll-up of the data, so they do not change. Siblings are ranked again.
 */
import { sortDiagnostics, type CodedDiagnostic } from '../diagnostics';
import type { AdjustmentInput, AdjustmentKey, CaseInput } from '../data/adjustments';
import { applyCases, deductedTo, resolveCases, type ResolvedCase } from './cases';
import type { Lowest } from '../scheme/model-parts';
import { normalizeLabel } from '../labels';
import { message, type Message } from '../messages/codes';
import { Rational } from '../rational';
import type { Item, Scheme } from '../scheme/model';
import { rankUnits, unitTotals } from './totals';
import type { AdjustmentRecord, Assessment, ItemResult, Status, UnitResult } from './types';

/** What a line names and when, whether an adjustment or a case row. */
type Line = Omit<AdjustmentInput, 'kind' | 'amount'>;

export interface ResolvedAdjustments {
  /** Every line that passed the checks, applied or not (expired, not yet in force). */
  records: AdjustmentRecord[];
  /** Errors (the run cannot be trusted) and warnings (lines not applied). */
  findings: CodedDiagnostic[];
  /** Case rows in force, resolved (./cases.ts). */
  cases?: ResolvedCase[];
}

function allUnits(units: readonly UnitResult[]): UnitResult[] {
  return units.flatMap((u) => [u, ...allUnits(u.children)]);
}

function add<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k) ?? [];
  if (!list.includes(v)) list.push(v);
  m.set(k, list);
}

/** Units by code (or key) and by name, items by id and title: what an adjustment line may name. */
export interface Lookup {
  byCode: Map<string, UnitResult[]>;
  byName: Map<string, UnitResult[]>;
  items: Item[];
  byTitle: Map<string, Item[]>;
}

export function lookupOf(scheme: Scheme, a: Assessment): Lookup {
  const byCode = new Map<string, UnitResult[]>();
  const byName = new Map<string, UnitResult[]>();
  for (const u of allUnits(a.units)) {
    if (u.code) add(byCode, normalizeLabel(u.code), u);
    add(byCode, normalizeLabel(u.key), u);
    add(byName, normalizeLabel(u.name), u);
  }
  const items: Item[] = [...scheme.items, ...(scheme.bonus?.items ?? [])];
  const byTitle = new Map<string, Item[]>();
  for (const i of items) add(byTitle, normalizeLabel(i.title), i);
  return { byCode, byName, items, byTitle };
}

/** A finding at the cell of `k` in the line (the line's start when the cell is not known). */
function findingAt(severity: 'error' | 'warning', x: Line, k: AdjustmentKey, m: Message): CodedDiagnostic {
  return { severity, ...m, file: x.file, ...(x.at[k] ?? { line: x.line, col: x.col }) };
}

/** The one unit a line names; an error when it names none or several. */
export function unitOf(look: Lookup, x: Line, findings: CodedDiagnostic[]): UnitResult | undefined {
  const ref = normalizeLabel(x.unit);
  const us = look.byCode.get(ref) ?? look.byName.get(ref) ?? [];
  if (us.length === 1) return us[0];
  const m = us.length
    ? message('adjust/ambiguous-unit', { unit: x.unit, codes: us.map((v) => v.code ?? v.key) })
    : message('adjust/unknown-unit', { unit: x.unit });
  findings.push(findingAt('error', x, 'unit', m));
  return undefined;
}

/** The one item a line names (by id, else by title); an error when it names none or several. */
export function itemOf(look: Lookup, x: Line, findings: CodedDiagnostic[]): Item | undefined {
  const byId = look.items.find((i) => i.id === x.item);
  const its = byId ? [byId] : (look.byTitle.get(normalizeLabel(x.item)) ?? []);
  if (its.length === 1) return its[0];
  const m = its.length
    ? message('adjust/ambiguous-item', { item: x.item, ids: its.map((i) => i.id) })
    : message('adjust/unknown-item', { item: x.item });
  findings.push(findingAt('error', x, 'item', m));
  return undefined;
}

/** Whether the line may apply: the item is scored at the unit, an override is within its points, the first line for them. */
function admissible(
  x: AdjustmentInput,
  u: UnitResult,
  item: Item,
  seen: Map<string, AdjustmentInput>,
  findings: CodedDiagnostic[],
): boolean {
  if (!u.items.some((i) => i.id === item.id)) {
    const args = { id: item.id, title: item.title, unit: u.name, level: u.levelTitle };
    findings.push(findingAt('error', x, 'item', message('adjust/not-scored', args)));
    return false;
  }
  if (x.kind === 'override' && x.amount.gt(item.points)) {
    findings.push(
      findingAt('error', x, 'override', message('adjust/override-range', { amount: x.amount, points: item.points })),
    );
    return false;
  }
  const key = `${u.level}:${u.key}:${item.id}`;
  const first = seen.get(key);
  if (first) {
    const args = { unit: u.name, item: item.title, line: first.line };
    findings.push(findingAt('error', x, 'unit', message('adjust/duplicate', args)));
    return false;
  }
  seen.set(key, x);
  return true;
}

/** Whether the line is in force at the reference date; a warning when it has expired or is not yet in force. */
export function inForce(
  x: Line,
  u: UnitResult,
  item: Item,
  asOf: string,
  findings: CodedDiagnostic[],
): AdjustmentRecord['status'] {
  if (x.expires !== undefined && x.expires < asOf) {
    const args = { unit: u.name, item: item.title, expires: x.expires, asOf };
    findings.push(findingAt('warning', x, 'expires', message('adjust/expired', args)));
    return 'expired';
  }
  if (x.date > asOf) {
    const args = { unit: u.name, item: item.title, date: x.date, asOf };
    findings.push(findingAt('warning', x, 'date', message('adjust/not-yet', args)));
    return 'not-yet';
  }
  return 'applied';
}

function recordOf(x: AdjustmentInput, u: UnitResult, item: Item, status: AdjustmentRecord['status']): AdjustmentRecord {
  return {
    file: x.file,
    line: x.line,
    unit: { level: u.level, key: u.key, ...(u.code !== undefined ? { code: u.code } : {}), name: u.name },
    item: { id: item.id, title: item.title },
    kind: x.kind,
    amount: x.amount,
    reason: x.reason,
    authority: x.authority,
    ...(x.document !== undefined ? { document: x.document } : {}),
    date: x.date,
    ...(x.expires !== undefined ? { expires: x.expires } : {}),
    status,
  };
}

export function resolveAdjustments(
  scheme: Scheme,
  a: Assessment,
  inputs: readonly AdjustmentInput[],
  asOf: string,
  caseRows: readonly CaseInput[] = [],
): ResolvedAdjustments {
  const findings: CodedDiagnostic[] = [];
  const look = lookupOf(scheme, a);
  const records: AdjustmentRecord[] = [];
  const seen = new Map<string, AdjustmentInput>();
  for (const x of inputs) {
    const u = unitOf(look, x, findings);
    const item = itemOf(look, x, findings);
    if (!u || !item || !admissible(x, u, item, seen, findings)) continue;
    records.push(recordOf(x, u, item, inForce(x, u, item, asOf, findings)));
  }
  const cases = caseRows.length ? { cases: resolveCases(scheme, look, caseRows, asOf, findings) } : {};
  return { records, findings: sortDiagnostics(findings), ...cases };
}

/** The status an adjusted item shows, from its points: full, none, or some. */
function statusOf(points: Rational, full: Rational): Status {
  return points.ge(full) ? 'met' : points.isZero() ? 'failed' : 'partial';
}

/** An adjusted bonus, as a scored one: met when it earns points or its target holds, never partial (README, Bonus). */
function bonusStatus(i: ItemResult, points: Rational): Status {
  return points.sign() > 0 || i.met === true || (i.status === 'met' && i.met === undefined) ? 'met' : 'failed';
}

function adjustItem(i: ItemResult, r: AdjustmentRecord, full: Rational, lowest?: Lowest): ItemResult {
  const selfPoints = i.points;
  const points = r.kind === 'deduct' ? deductedTo(selfPoints, r.amount, lowest) : r.amount;
  // Inspectors who set the points of an item excluded as not applicable bring it back into the maximum.
  const max = r.kind === 'override' && !i.bonus && i.max.isZero() ? full : i.max;
  const lost = i.bonus ? Rational.ZERO : max.sub(points).max(Rational.ZERO);
  const { remedy, ...rest } = i;
  // The remedy comes from the data; it cannot recover more than the item now loses.
  const kept =
    remedy && lost.sign() > 0 ? { remedy: { ...remedy, ...(remedy.gain ? { gain: remedy.gain.min(lost) } : {}) } } : {};
  return {
    ...rest,
    ...kept,
    points,
    max,
    lost,
    status:
      points.eq(selfPoints) && max.eq(i.max) ? i.status : i.bonus ? bonusStatus(i, points) : statusOf(points, full),
    adjustment: {
      kind: r.kind,
      amount: r.amount,
      selfPoints,
      reason: r.reason,
      authority: r.authority,
      ...(r.document !== undefined ? { document: r.document } : {}),
      date: r.date,
      ...(r.expires !== undefined ? { expires: r.expires } : {}),
    },
  };
}

/**
 * The assessment with the applied records put in; every record (applied or not) is
 * listed in `adjustments`, with the item's points before and after when applied.
 * The input assessment is not changed.
 */
export function applyAdjustments(
  scheme: Scheme,
  a: Assessment,
  records: readonly AdjustmentRecord[],
  asOf: string,
  cases: readonly ResolvedCase[] = [],
): Assessment {
  if (cases.length) a = applyCases(scheme, a, cases);
  const full = new Map([...scheme.items, ...(scheme.bonus?.items ?? [])].map((i) => [i.id, i.points]));
  const lowests = new Map(scheme.items.flatMap((i) => (i.lowest !== undefined ? [[i.id, i.lowest] as const] : [])));
  const applied = new Map<string, AdjustmentRecord[]>();
  for (const r of records) if (r.status === 'applied') add(applied, `${r.unit.level}:${r.unit.key}`, r);
  const list = records.map((r) => ({ ...r }));
  const mapUnit = (u: UnitResult): UnitResult => {
    const children = u.children.map(mapUnit);
    rankUnits(children);
    const mine = applied.get(`${u.level}:${u.key}`);
    if (!mine) return { ...u, children };
    const items = u.items.map((i) => {
      const r = mine.find((x) => x.item.id === i.id);
      if (!r) return i;
      const adjusted = adjustItem(i, r, full.get(i.id) ?? i.max, lowests.get(i.id));
      const rec = list[records.indexOf(r)]!;
      rec.selfPoints = i.points;
      rec.points = adjusted.points;
      return adjusted;
    });
    const self = u.self ?? {
      score: u.score,
      scaled: u.scaled,
      passed: u.passed,
      ...(u.grade !== undefined ? { grade: u.grade } : {}),
    };
    return { ...u, ...unitTotals(scheme, items, u.vetoes, u.unitType), items, children, self };
  };
  const units = a.units.map(mapUnit);
  rankUnits(units);
  return { ...a, units, adjustments: { asOf, list, ...(cases.length ? { cases: cases.length } : {}) } };
}
