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
import type { AdjustmentInput, AdjustmentKey } from '../data/adjustments';
import { normalizeLabel } from '../labels';
import { message, type Message } from '../messages/codes';
import { Rational } from '../rational';
import type { Item, Scheme } from '../scheme/model';
import { rankUnits, unitTotals } from './totals';
import type { AdjustmentRecord, Assessment, ItemResult, Status, UnitResult } from './types';

export interface ResolvedAdjustments {
  /** Every line that passed the checks, applied or not (expired, not yet in force). */
  records: AdjustmentRecord[];
  /** Errors (the run cannot be trusted) and warnings (lines not applied). */
  findings: CodedDiagnostic[];
}

function allUnits(units: readonly UnitResult[]): UnitResult[] {
  return units.flatMap((u) => [u, ...allUnits(u.children)]);
}

function add<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k) ?? [];
  if (!list.includes(v)) list.push(v);
  m.set(k, list);
}

export function resolveAdjustments(
  scheme: Scheme,
  a: Assessment,
  inputs: readonly AdjustmentInput[],
  asOf: string,
): ResolvedAdjustments {
  const findings: CodedDiagnostic[] = [];
  const units = allUnits(a.units);
  const byCode = new Map<string, UnitResult[]>();
  const byName = new Map<string, UnitResult[]>();
  for (const u of units) {
    if (u.code) add(byCode, normalizeLabel(u.code), u);
    add(byCode, normalizeLabel(u.key), u);
    add(byName, normalizeLabel(u.name), u);
  }
  const items: Item[] = [...scheme.items, ...(scheme.bonus?.items ?? [])];
  const byTitle = new Map<string, Item[]>();
  for (const i of items) add(byTitle, normalizeLabel(i.title), i);

  const records: AdjustmentRecord[] = [];
  const seen = new Map<string, AdjustmentInput>();
  for (const x of inputs) {
    const at = (k: AdjustmentKey) => x.at[k] ?? { line: x.line, col: x.col };
    const error = (k: AdjustmentKey, m: Message) => findings.push({ severity: 'error', ...m, file: x.file, ...at(k) });
    const ref = normalizeLabel(x.unit);
    const us = byCode.get(ref) ?? byName.get(ref) ?? [];
    const u = us.length === 1 ? us[0] : undefined;
    if (!us.length) error('unit', message('adjust/unknown-unit', { unit: x.unit }));
    else if (!u)
      error('unit', message('adjust/ambiguous-unit', { unit: x.unit, codes: us.map((v) => v.code ?? v.key) }));
    const byId = items.find((i) => i.id === x.item);
    const its = byId ? [byId] : (byTitle.get(normalizeLabel(x.item)) ?? []);
    const item = its.length === 1 ? its[0] : undefined;
    if (!its.length) error('item', message('adjust/unknown-item', { item: x.item }));
    else if (!item) error('item', message('adjust/ambiguous-item', { item: x.item, ids: its.map((i) => i.id) }));
    if (!u || !item) continue;
    const result = u.items.find((i) => i.id === item.id);
    if (!result) {
      error(
        'item',
        message('adjust/not-scored', { id: item.id, title: item.title, unit: u.name, level: u.levelTitle }),
      );
      continue;
    }
    if (x.kind === 'override' && x.amount.gt(item.points)) {
      error('override', message('adjust/override-range', { amount: x.amount, points: item.points }));
      continue;
    }
    const key = `${u.level}:${u.key}:${item.id}`;
    const first = seen.get(key);
    if (first) {
      error('unit', message('adjust/duplicate', { unit: u.name, item: item.title, line: first.line }));
      continue;
    }
    seen.set(key, x);
    const expired = x.expires !== undefined && x.expires < asOf;
    const early = !expired && x.date > asOf;
    if (expired) {
      findings.push({
        severity: 'warning',
        ...message('adjust/expired', { unit: u.name, item: item.title, expires: x.expires!, asOf }),
        file: x.file,
        ...at('expires'),
      });
    } else if (early) {
      findings.push({
        severity: 'warning',
        ...message('adjust/not-yet', { unit: u.name, item: item.title, date: x.date, asOf }),
        file: x.file,
        ...at('date'),
      });
    }
    records.push({
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
      status: expired ? 'expired' : early ? 'not-yet' : 'applied',
    });
  }
  return { records, findings: sortDiagnostics(findings) };
}

/** The status an adjusted item shows, from its points: full, none, or some. */
function statusOf(points: Rational, full: Rational): Status {
  return points.ge(full) ? 'met' : points.isZero() ? 'failed' : 'partial';
}

/** An adjusted bonus, as a scored one: met when it earns points or its target holds, never partial (README, Bonus). */
function bonusStatus(i: ItemResult, points: Rational): Status {
  return points.sign() > 0 || i.met === true || (i.status === 'met' && i.met === undefined) ? 'met' : 'failed';
}

function adjustItem(i: ItemResult, r: AdjustmentRecord, full: Rational): ItemResult {
  const selfPoints = i.points;
  const points = r.kind === 'deduct' ? Rational.ZERO.max(selfPoints.sub(r.amount)) : r.amount;
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
): Assessment {
  const full = new Map([...scheme.items, ...(scheme.bonus?.items ?? [])].map((i) => [i.id, i.points]));
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
      const adjusted = adjustItem(i, r, full.get(i.id) ?? i.max);
      const rec = list[records.indexOf(r)]!;
      rec.selfPoints = i.points;
      rec.points = adjusted.points;
      return adjusted;
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
  return { ...a, units, adjustments: { asOf, list } };
}
