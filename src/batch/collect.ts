/**
 * Results → Batch: each top-level unit (county) of each scored dataset becomes one
 * entry (county × period) with its own exit code; the same unit twice in one
 * period is an error and only the first is kept; the units of each period are
 * ranked together.
 */
import { hasErrors, type Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Assessment, UnitResult } from '../engine/types';
import { comparePeriods, type Period } from '../data/period';
import { compareCodePoints } from '../compare';
import { rankBatch } from './rank';
import type { Batch, BatchEntry } from './types';

/** One dataset scored: where it came from, its assessment, and which of its counties its data errors concern. */
export interface ScoredJob {
  job: { period: Period | null; source: string };
  assessment: Assessment;
  /** Whether the data has errors that concern this top-level unit (its rows, or the file as a whole). */
  dataErrors: (rootKey: string) => boolean;
  /** In a lean batch: the compact lines of the units below each (emptied) top-level unit. */
  townships?: Map<UnitResult, Uint8Array>;
}

/** One entry per top-level unit of each job, ranked within its period. */
export function collect(results: ScoredJob[], gate: (a: Assessment) => number, findings: Finding[] = []): Batch {
  const all = results.flatMap((r) => entriesOf(r, gate, findings));
  const entries = dropDuplicates(all, findings);
  const rankings = rankBatch(entries);
  entries.sort(
    (x, y) =>
      comparePeriods(x.period, y.period) ||
      x.assessment.units[0]!.rank - y.assessment.units[0]!.rank ||
      compareCodePoints(x.assessment.units[0]!.key, y.assessment.units[0]!.key),
  );
  const periods = rankings.map((r) => r.period);
  const exit = Math.max(0, ...entries.map((e) => e.exit), hasErrors(findings) ? 2 : 0);
  return { periods, entries, rankings, findings, exit };
}

/** The entries of one job, one per top-level unit; a job with none has its findings kept with the batch's. */
function entriesOf(r: ScoredJob, gate: (a: Assessment) => number, findings: Finding[]): BatchEntry[] {
  const { job, assessment: a, dataErrors, townships } = r;
  // Nothing to assess (every row rejected): its findings must still be seen.
  if (a.units.length === 0) findings.push(...(a.data.findings.length ? a.data.findings : [noUnits(job.source)]));
  return a.units.map((root) => {
    const one: Assessment = {
      ...a,
      units: [root],
      ...(a.adjustments ? { adjustments: ownAdjustments(a.adjustments, root) } : {}),
    };
    const below = townships?.get(root);
    return {
      period: job.period,
      source: job.source,
      assessment: one,
      exit: dataErrors(root.key) ? 2 : gate(one),
      ...(below ? { townships: below } : {}),
    };
  });
}

/**
 * The same unit twice in one period: an error, and only the first is ranked and
 * counted (the errors and warnings of a source left with no entry are kept with the
 * batch's). Returns the entries kept, in order.
 */
function dropDuplicates(entries: BatchEntry[], findings: Finding[]): BatchEntry[] {
  const dup = duplicates(entries);
  findings.push(...dup.findings);
  const kept = new Set(entries.filter((e) => !dup.later.has(e)).map((e) => `${e.period ?? ''}\u0000${e.source}`));
  const dropped = new Set<string>();
  for (const e of dup.later) {
    const k = `${e.period ?? ''}\u0000${e.source}`;
    if (kept.has(k) || dropped.has(k)) continue;
    dropped.add(k);
    findings.push(...e.assessment.data.findings.filter((d) => d.severity !== 'note'));
  }
  return entries.filter((e) => !dup.later.has(e));
}

/** The adjustments of one top-level unit and the units below it (a file may hold several counties). */
function ownAdjustments(
  all: NonNullable<Assessment['adjustments']>,
  root: UnitResult,
): NonNullable<Assessment['adjustments']> {
  const keys = new Set<string>();
  const walk = (u: UnitResult) => {
    keys.add(`${u.level}\u0000${u.key}`);
    u.children.forEach(walk);
  };
  walk(root);
  return { ...all, list: all.list.filter((r) => keys.has(`${r.unit.level}\u0000${r.unit.key}`)) };
}

function noUnits(source: string): Finding {
  return { severity: 'error', file: source, ...message('batch/no-units', {}) };
}

/** The same unit twice in one period (two folders for one county, or --period forcing two months together). */
function duplicates(entries: BatchEntry[]): { findings: Finding[]; later: Set<BatchEntry> } {
  const first = new Map<string, BatchEntry>();
  const findings: Finding[] = [];
  const later = new Set<BatchEntry>();
  for (const e of entries) {
    const u = e.assessment.units[0]!;
    const k = `${e.period ?? ''}\u0000${u.key}`;
    const before = first.get(k);
    if (!before) {
      first.set(k, e);
      continue;
    }
    later.add(e);
    const p = e.period ?? '—';
    findings.push({
      severity: 'error',
      file: e.source,
      ...message('batch/duplicate-unit', { unit: u.name, period: p, source: before.source }),
    });
  }
  return { findings, later };
}
