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
import { msg, sortDiagnostics, type Diagnostic, type Msg } from '../diagnostics';
import type { AdjustmentInput, AdjustmentKey } from '../data/adjustments';
import { normalizeLabel } from '../data/normalize';
import { Rational } from '../rational';
import type { Item, Scheme } from '../scheme/model';
import { showPoints } from './display';
import { rankUnits, unitTotals } from './totals';
import type { AdjustmentRecord, Assessment, ItemResult, Status, UnitResult } from './types';

export interface ResolvedAdjustments {
  /** Every line that passed the checks, applied or not (expired, not yet in force). */
  records: AdjustmentRecord[];
  /** Errors (the run cannot be trusted) and warnings (lines not applied). */
  findings: Diagnostic[];
}

function allUnits(units: readonly UnitResult[]): UnitResult[] {
  return units.flatMap((u) => [u, ...allUnits(u.children)]);
}

function add<K, V>(m: Map<K, V[]>, k: K, v: V): void {
  const list = m.get(k) ?? [];
  if (!list.includes(v)) list.push(v);
  m.set(k, list);
}

export function resolveAdjustments(scheme: Scheme, a: Assessment, inputs: readonly AdjustmentInput[], asOf: string): ResolvedAdjustments {
  const findings: Diagnostic[] = [];
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
    const error = (k: AdjustmentKey, code: string, m: Msg) => findings.push({ severity: 'error', code: `adjust/${code}`, message: m, file: x.file, ...at(k) });
    const ref = normalizeLabel(x.unit);
    const us = byCode.get(ref) ?? byName.get(ref) ?? [];
    const u = us.length === 1 ? us[0] : undefined;
    if (!us.length) error('unit', 'unknown-unit', msg(`unit "${x.unit}": no unit of that name or code in the data`, `单位“${x.unit}”：数据中没有此名称或代码的单位`));
    else if (!u) error('unit', 'ambiguous-unit', msg(`unit "${x.unit}": ${us.length} units have that name (${us.map((v) => v.code ?? v.key).join(', ')}); give the code`, `单位“${x.unit}”：有 ${us.length} 个同名单位（${us.map((v) => v.code ?? v.key).join('、')}）；请填写代码`));
    const byId = items.find((i) => i.id === x.item);
    const its = byId ? [byId] : (byTitle.get(normalizeLabel(x.item)) ?? []);
    const item = its.length === 1 ? its[0] : undefined;
    if (!its.length) error('item', 'unknown-item', msg(`item "${x.item}": no item of that id or title in the scheme`, `指标“${x.item}”：方案中没有此 id 或名称的指标`));
    else if (!item) error('item', 'ambiguous-item', msg(`item "${x.item}": ${its.length} items have that title (${its.map((i) => i.id).join(', ')}); give the id`, `指标“${x.item}”：有 ${its.length} 个同名指标（${its.map((i) => i.id).join('、')}）；请填写指标 id`));
    if (!u || !item) continue;
    const result = u.items.find((i) => i.id === item.id);
    if (!result) {
      error('item', 'not-scored', msg(`item ${item.id} (${item.title}) is not scored at ${u.name} (${u.levelTitle})`, `指标 ${item.id}（${item.title}）不在“${u.name}”（${u.levelTitle}）计分`));
      continue;
    }
    if (x.kind === 'override' && x.amount.gt(item.points)) {
      error('override', 'override-range', msg(`override (核定得分) ${showPoints(x.amount)} is above the item's ${showPoints(item.points)} points`, `核定得分 ${showPoints(x.amount)} 超过该指标的分值 ${showPoints(item.points)} 分`));
      continue;
    }
    const key = `${u.level}:${u.key}:${item.id}`;
    const first = seen.get(key);
    if (first) {
      error('unit', 'duplicate', msg(`${u.name} / ${item.title} is adjusted twice (first on line ${first.line}); one line per unit and item`, `${u.name} / ${item.title} 重复核定（第一次在第 ${first.line} 行）；每个单位的每项指标只能核定一次`));
      continue;
    }
    seen.set(key, x);
    const expired = x.expires !== undefined && x.expires < asOf;
    const early = !expired && x.date > asOf;
    if (expired) {
      findings.push({ severity: 'warning', code: 'adjust/expired', file: x.file, ...at('expires'), message: msg(`adjustment of ${u.name} / ${item.title} expired on ${x.expires} (reference date ${asOf}): not applied`, `${u.name} / ${item.title} 的核定已于 ${x.expires} 失效（基准日 ${asOf}）：未采用`) });
    } else if (early) {
      findings.push({ severity: 'warning', code: 'adjust/not-yet', file: x.file, ...at('date'), message: msg(`adjustment of ${u.name} / ${item.title} is dated ${x.date}, after the reference date ${asOf}: not yet in force, not applied`, `${u.name} / ${item.title} 的核定日期 ${x.date} 晚于基准日 ${asOf}：尚未生效，未采用`) });
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

function adjustItem(i: ItemResult, r: AdjustmentRecord, full: Rational): ItemResult {
  const selfPoints = i.points;
  const points = r.kind === 'deduct' ? Rational.ZERO.max(selfPoints.sub(r.amount)) : r.amount;
  // Inspectors who set the points of an item excluded as not applicable bring it back into the maximum.
  const max = r.kind === 'override' && !i.bonus && i.max.isZero() ? full : i.max;
  const lost = i.bonus ? Rational.ZERO : max.sub(points).max(Rational.ZERO);
  const { remedy, ...rest } = i;
  // The remedy comes from the data; it cannot recover more than the item now loses.
  const kept = remedy && lost.sign() > 0 ? { remedy: { ...remedy, ...(remedy.gain ? { gain: remedy.gain.min(lost) } : {}) } } : {};
  return {
    ...rest,
    ...kept,
    points,
    max,
    lost,
    status: points.eq(selfPoints) && max.eq(i.max) ? i.status : statusOf(points, full),
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
export function applyAdjustments(scheme: Scheme, a: Assessment, records: readonly AdjustmentRecord[], asOf: string): Assessment {
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
    const self = { score: u.score, scaled: u.scaled, passed: u.passed, ...(u.grade !== undefined ? { grade: u.grade } : {}) };
    return { ...u, ...unitTotals(scheme, items, u.vetoes), items, children, self };
  };
  const units = a.units.map(mapUnit);
  rankUnits(units);
  return { ...a, units, adjustments: { asOf, list } };
}
