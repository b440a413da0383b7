/**
 * The JSON report: a versioned, deterministic document for machines. Exact numbers
 * are written as decimals rounded to 6 places (no binary floating-point artefacts).
 */
import { findingText, type Finding, type Lang } from '../../diagnostics';
import { say } from '../../messages/catalog';
import type { Rational } from '../../rational';
import type { Assessment, ItemResult, UnitResult } from '../../engine/types';
import { actionList } from './actions';
import { documentChunks, joinChunks, lazyArray, type Chunked } from '../shared/json-chunks';
import { notAppliedWhy } from './adjustments';
import { explainItem, remedyText } from './explain';
import { itemLinesJson, unitLinesJson } from './json-lines';
import { partsJson } from './json-parts';
import { valueText, vetoWords } from '../shared/item-words';

export interface JsonContext {
  lang: Lang;
}

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));
const v = (x: Rational | boolean | undefined): number | boolean | null =>
  x === undefined ? null : typeof x === 'boolean' ? x : x.toNumber(6);

function item(u: UnitResult, i: ItemResult, lang: Lang, labels: Record<string, string>): Record<string, unknown> {
  const shown = valueText(u.fields, i);
  return {
    id: i.id,
    title: i.title,
    section: i.section,
    bonus: i.bonus,
    value: v(i.value),
    display: shown,
    target: i.target ?? null,
    status: i.status,
    points: n(i.points),
    max: n(i.max),
    lost: n(i.lost),
    gap: n(i.gap),
    remedy: i.remedy
      ? {
          lever: i.remedy.lever,
          label: i.remedy.label,
          from: n(i.remedy.from),
          to: n(i.remedy.to),
          change: n(i.remedy.change),
          reachable: i.remedy.reachable,
          gain: n(i.remedy.gain),
          ...(i.remedy.relative ? { relative: true } : {}),
        }
      : null,
    zeroedBy: i.zeroedBy ?? [],
    formula: i.formula,
    explanation: explainItem(u.fields, i, lang, labels, shown),
    basis: i.basis ?? null,
    evidence: i.evidence ?? null,
    ...itemLinesJson(i),
    ...partsJson(u, i, lang, labels, item),
    // Only on adjusted items, so a run without adjustments gives the same document as before.
    ...(i.adjustment
      ? {
          adjustment: {
            kind: i.adjustment.kind,
            amount: n(i.adjustment.amount),
            selfPoints: n(i.adjustment.selfPoints),
            reason: i.adjustment.reason,
            authority: i.adjustment.authority,
            document: i.adjustment.document ?? null,
            date: i.adjustment.date,
            expires: i.adjustment.expires ?? null,
          },
        }
      : {}),
    // Only on items scored relative to their peers (docs/json.md).
    ...(i.peers ? { peers: i.peers.map(peerJson) } : {}),
  };
}

const peerJson = (p: NonNullable<ItemResult['peers']>[number]) => ({
  item: p.item,
  parent: p.parent ?? null,
  units: p.units,
  count: p.count,
  mean: n(p.mean),
  best: n(p.best),
  worst: n(p.worst),
  rank: p.rank ?? null,
});

export function unitJson(u: UnitResult, lang: Lang, labels: Record<string, string>): unknown {
  return {
    level: u.level,
    key: u.key,
    code: u.code ?? null,
    name: u.name,
    score: n(u.score),
    max: n(u.max),
    scaled: n(u.scaled),
    bonus: n(u.bonus),
    passed: u.passed,
    grade: u.grade ?? null,
    rank: u.rank,
    of: u.of,
    ...unitLinesJson(u),
    vetoes: u.vetoes.map((x) => {
      const w = vetoWords(u, x);
      return {
        id: x.id,
        title: x.title,
        triggered: x.triggered,
        checked: x.checked,
        reason: x.reason ? say(x.reason, lang) : null,
        value: v(x.value),
        display: w.display,
        condition: w.condition,
      };
    }),
    items: u.items.map((i) => item(u, i, lang, labels)),
    children: u.children.map((c) => unitJson(c, lang, labels)),
    ...(u.self
      ? {
          self: {
            score: n(u.self.score),
            scaled: n(u.self.scaled),
            passed: u.self.passed,
            grade: u.self.grade ?? null,
          },
        }
      : {}),
  };
}

/** Every line of the adjustments file that passed the checks, applied or not (with why). */
export function adjustmentsJson(a: Assessment, lang: Lang) {
  const asOf = a.adjustments!.asOf;
  return a.adjustments!.list.map((r) => ({
    level: r.unit.level,
    unit: r.unit.name,
    key: r.unit.key,
    code: r.unit.code ?? null,
    item: r.item.id,
    title: r.item.title,
    kind: r.kind,
    amount: n(r.amount),
    reason: r.reason,
    authority: r.authority,
    document: r.document ?? null,
    date: r.date,
    expires: r.expires ?? null,
    asOf,
    status: r.status,
    applied: r.status === 'applied',
    why: notAppliedWhy(r, asOf, lang) ?? null,
    selfPoints: n(r.selfPoints),
    points: n(r.points),
    file: r.file,
    line: r.line,
  }));
}

export function schemeJson(a: Assessment) {
  return {
    id: a.scheme.id,
    title: a.scheme.title,
    version: a.scheme.version,
    issuer: a.scheme.issuer ?? null,
    document: a.scheme.document ?? null,
    total: n(a.scheme.total),
    pass: n(a.scheme.pass),
    sections: a.scheme.sections.map((x) => ({
      id: x.id,
      title: x.title,
      points: n(x.points),
      parent: x.parent ?? null,
    })),
  };
}

export function actionsJson(a: Assessment, lang: Lang) {
  return actionList(a).map((x) => ({
    level: x.unit.level,
    unit: x.unit.name,
    code: x.unit.code ?? null,
    item: x.item.id,
    title: x.item.title,
    lever: x.remedy.lever,
    label: x.remedy.label,
    change: n(x.remedy.change),
    to: n(x.remedy.to),
    gain: n(x.remedy.gain),
    text: remedyText(x.remedy, lang),
  }));
}

export function findingsJson(ds: readonly Finding[], lang: Lang) {
  return ds.map((d) => ({
    severity: d.severity,
    code: d.code,
    file: d.file ?? null,
    line: d.line ?? null,
    col: d.col ?? null,
    message: findingText(d, lang),
  }));
}

export function dataJson(a: Assessment, lang: Lang) {
  return {
    read: a.data.read,
    used: a.data.used,
    rejected: a.data.rejected,
    files: a.data.files,
    findings: findingsJson(a.data.findings, lang),
  };
}

/** `period`: written only when known (a run over one unit in one named period). */
export function formatJson(a: Assessment, ctx: JsonContext & { period?: string | null }): string {
  return [...jsonChunks(a, ctx)].join('');
}

/** As formatJson, as pieces to stream when the report is large (a national file). */
export function formatJsonBytes(a: Assessment, ctx: JsonContext & { period?: string | null }): string | Chunked {
  return joinChunks(jsonChunks(a, ctx));
}

function jsonChunks(a: Assessment, ctx: JsonContext & { period?: string | null }): Generator<string> {
  return documentChunks({
    schemaVersion: a.schemaVersion,
    period: ctx.period || undefined,
    scheme: schemeJson(a),
    units: lazyArray(a.units, (u) => unitJson(u, ctx.lang, a.scheme.labels)),
    actions: actionsJson(a, ctx.lang),
    adjustments: a.adjustments ? adjustmentsJson(a, ctx.lang) : undefined,
    data: dataJson(a, ctx.lang),
  });
}
