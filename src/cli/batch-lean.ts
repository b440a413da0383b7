/**
 * A lean batch's assessment of one dataset: each top-level unit (county) evaluated
 * on its own and the units below, made compact at once and dropped, so that memory
 * holds one county in full at a time, not a nation's townships.
 *
 * The result is that of evaluating the whole dataset: the same units, scores and
 * ranks below the counties, and the same findings in the same order (the warnings
 * about absent columns said once). The counties' own rank/of are set by the batch's
 * ranking, as always. Where a county alone could be judged differently (a column
 * its rows lack that other counties' rows have), or where the counties are each
 * other's peers (relative scoring), the whole dataset is evaluated.
 */
import { sortDiagnostics, type Finding } from '../diagnostics';
import type { DataUnit, Dataset } from '../data/model';
import { absentColumns, absentColumnWarnings } from '../engine/data-warnings';
import { evaluate } from '../engine/evaluate';
import { peerItems } from '../engine/peers';
import type { Assessment, UnitResult } from '../engine/types';
import type { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import { compactLines } from '../report/batch/registry';

export interface LeanAssessment {
  assessment: Assessment;
  /** The compact JSON lines (UTF-8) of the units below each top-level unit, which has none left. */
  townships: Map<UnitResult, Uint8Array>;
}

/**
 * The units below each top-level unit made compact and dropped (the top-level units
 * keep their own items); without `lines` (no batch JSON asked for) only dropped.
 */
export function dropChildren(
  a: Assessment,
  townships: Map<UnitResult, Uint8Array> = new Map(),
  lines = true,
): LeanAssessment {
  const units = a.units.map((root) => {
    const slim: UnitResult = { ...root, children: [] };
    if (lines) townships.set(slim, Buffer.from(compactLines(root.children).join('\n')));
    return slim;
  });
  return { assessment: { ...a, units }, townships };
}

/** Each top-level unit's units (itself and all below), in dataset order; the groups in the order of their top unit. */
function groups(units: readonly DataUnit[]): DataUnit[][] {
  const byKey = new Map(units.map((u) => [`${u.level}\u0000${u.key}`, u]));
  const parentOf = (u: DataUnit) => (u.parent !== undefined ? byKey.get(`${u.level + 1}\u0000${u.parent}`) : undefined);
  const topOf = new Map<DataUnit, DataUnit>();
  const top = (u: DataUnit): DataUnit => {
    let t = topOf.get(u);
    if (t) return t;
    const p = parentOf(u);
    t = p ? top(p) : u;
    topOf.set(u, t);
    return t;
  };
  const members = new Map<DataUnit, DataUnit[]>();
  for (const u of units) {
    const t = top(u);
    const list = members.get(t) ?? [];
    list.push(u);
    members.set(t, list);
  }
  // As the engine: the top-level units are those of the highest level with no parent present.
  const level = Math.max(...[...members.keys()].map((t) => t.level));
  return units.filter((u) => members.has(u) && u.level === level).map((t) => members.get(t)!);
}

/**
 * Undefined for a dataset of fewer than two top-level units (its report may be the
 * single one, in full). Otherwise the dataset is handed over: its unit list is
 * emptied, so that each county's data can go once it is scored.
 */
export function evaluateLean(
  scheme: Scheme,
  dataset: Dataset,
  params: Map<string, Rational>,
  lines = true,
): LeanAssessment | undefined {
  const parts = groups(dataset.units);
  if (parts.length < 2) return undefined;
  const absent = absentColumns(scheme, dataset.units);
  // The townships' remedies are never printed from a lean batch: made for the counties only.
  const top = parts[0]!.reduce((m, u) => Math.max(m, u.level), 0);
  const same = (s: ReadonlySet<string>) => s.size === absent.size && [...s].every((x) => absent.has(x));
  // Relative scoring: the counties are each other's peers, so they are scored together.
  if (peerItems(scheme) || !parts.every((p) => same(absentColumns(scheme, p))))
    return dropChildren(evaluate(scheme, dataset, { params, remediesFrom: top }), new Map(), lines);
  const townships = new Map<UnitResult, Uint8Array>();
  const units: UnitResult[] = [];
  const warnings: Finding[] = absentColumnWarnings(scheme, absent);
  let first: Assessment | undefined;
  dataset.units.length = 0;
  for (let i = 0; i < parts.length; i++) {
    const one = evaluate(
      scheme,
      { units: parts[i]!, files: dataset.files, findings: [] },
      { params, remediesFrom: top, absent },
    );
    parts[i] = [];
    first ??= one;
    // Each part says the absent columns again: kept once, from `warnings`.
    warnings.push(...one.data.findings.filter((d) => d.code !== 'data/optional-column-absent'));
    units.push(...dropChildren(one, townships, lines).assessment.units);
  }
  return {
    assessment: {
      ...first!,
      units,
      data: {
        ...first!.data,
        findings: warnings.length ? sortDiagnostics([...dataset.findings, ...warnings]) : dataset.findings,
      },
    },
    townships,
  };
}
