/**
 * Runs a batch: each job's files read into a dataset and evaluated; each top-level
 * unit becomes one entry (county × period); the units of each period are ranked
 * together. A job whose files cannot be read is reported and the others go on.
 */
import { hasErrors, type Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { InputError } from '../errors';
import { readDatasets } from '../data/dataset';
import type { SheetOptions } from '../data/sheet';
import { evaluate } from '../engine/evaluate';
import type { Assessment, UnitResult } from '../engine/types';
import type { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import type { DataUnit, Dataset } from '../data/model';
import { loadInputs } from './inputs';
import type { Io } from './io';
import type { Job } from './discover';
import type { Limits } from '../limits';
import { comparePeriods } from '../data/period';
import { rankBatch } from '../batch/rank';
import type { Batch, BatchEntry } from '../batch/types';
import { compareCodePoints } from '../compare';
import { dropChildren, evaluateLean } from './batch-lean';
import { boundHeapGrowth } from './heap-growth';

export interface BatchOptions {
  sheet?: string;
  /** Size limits on the files read (default: src/limits.ts). */
  limits?: Limits;
  read: SheetOptions;
  params: Map<string, Rational>;
  /** The exit code of one assessment that has no data errors (the --fail-on gate). */
  gate: (a: Assessment) => number;
  /** Applied to all results before they are ranked (inspector adjustments). */
  adjust?: (results: JobResult[]) => Promise<JobResult[]>;
  /** Called after each job (a progress bar). */
  progress?: (done: number, total: number, job: Job) => void;
  /**
   * Drop the units below each county as soon as a job is assessed, keeping them as
   * compact JSON lines (what the default batch JSON writes of them): for outputs that
   * need no more of them (see `leanOutputs` in score.ts). Memory then holds the
   * counties, not their townships.
   */
  lean?: boolean;
  /** In a lean batch, whether the compact lines are made: only the batch JSON writes them (default: made). */
  leanLines?: boolean;
}

export interface JobResult {
  job: Job;
  assessment: Assessment;
  /** Whether the data has errors that concern this top-level unit (its rows, or the file as a whole). */
  dataErrors: (rootKey: string) => boolean;
  /** In a lean batch: the compact lines of the units below each (emptied) top-level unit. */
  townships?: Map<UnitResult, Uint8Array>;
}

/**
 * Reads and evaluates one job: one result, or one per period when a file has a
 * period column (the column's periods win over --period and names). An
 * unreadable file throws InputError.
 */
export async function assessJob(
  io: Io,
  scheme: Scheme,
  job: Job,
  o: Pick<BatchOptions, 'sheet' | 'read' | 'params' | 'limits' | 'lean' | 'leanLines'>,
): Promise<JobResult[]> {
  const files = await loadInputs(io, job.files, o.sheet, o.limits);
  boundHeapGrowth(files.reduce((n, f) => n + f.bytes.length, 0));
  const sets = readDatasets(scheme, files, o.read);
  // Several periods in one file: the trend between them reads every unit in full.
  const lean = o.lean && sets.length === 1;
  return sets.map(({ period, dataset }) => {
    const dataErrors = errorsByRoot(dataset);
    const slim = lean ? evaluateLean(scheme, dataset, o.params, o.leanLines !== false) : undefined;
    return {
      job: period ? { ...job, period } : job,
      assessment: slim?.assessment ?? evaluate(scheme, dataset, { params: o.params }),
      dataErrors,
      ...(slim ? { townships: slim.townships } : {}),
    };
  });
}

/**
 * Which top-level units the data's errors concern: an error on a row belongs to the
 * unit of that row and the units above it; an error not on a unit's row (a header, a
 * file that cannot be read, a rejected row) concerns them all.
 */
function errorsByRoot(dataset: Dataset): (rootKey: string) => boolean {
  const errors = dataset.findings.filter((d) => d.severity === 'error');
  if (!errors.length) return () => false;
  // Worked out at once, so that the answer holds a set of keys and not the dataset's units.
  const { everyone, hit } = rootsHit(dataset, errors);
  return (rootKey) => everyone || hit.has(rootKey);
}

function rootsHit(dataset: Dataset, errors: Finding[]): { everyone: boolean; hit: Set<string> } {
  const byKey = new Map(dataset.units.map((u) => [`${u.level}\u0000${u.key}`, u]));
  const rootOf = (u: DataUnit): string => {
    let top = u;
    for (
      let p = byKey.get(`${top.level + 1}\u0000${top.parent}`);
      top.parent !== undefined && p;
      p = byKey.get(`${top.level + 1}\u0000${top.parent}`)
    )
      top = p;
    return top.key;
  };
  const rowOwner = new Map<string, string>();
  for (const u of dataset.units) for (const s of u.sources) rowOwner.set(`${s.file}\u0000${s.line}`, rootOf(u));
  const hit = new Set<string>();
  let everyone = false;
  for (const d of errors) {
    const owner = d.line !== undefined ? rowOwner.get(`${d.file}\u0000${d.line}`) : undefined;
    if (owner === undefined) everyone = true;
    else hit.add(owner);
  }
  return { everyone, hit };
}

export async function runBatch(io: Io, scheme: Scheme, jobs: Job[], o: BatchOptions): Promise<Batch> {
  const results: JobResult[] = [];
  const findings: Finding[] = [];
  for (const [n, job] of jobs.entries()) {
    try {
      const rs = await assessJob(io, scheme, job, o);
      // A lean job of one county (evaluateLean keeps it whole) drops its townships here.
      results.push(
        ...(o.lean && rs.length === 1
          ? rs.map((r) => (r.townships ? r : { ...r, ...dropChildren(r.assessment, new Map(), o.leanLines !== false) }))
          : rs),
      );
    } catch (e) {
      if (!(e instanceof InputError)) throw e;
      findings.push(...e.diagnostics);
    }
    o.progress?.(n + 1, jobs.length, job);
  }
  return collect(o.adjust ? await o.adjust(results) : results, o.gate, findings);
}

/** One entry per top-level unit of each job, ranked within its period. */
export function collect(results: JobResult[], gate: (a: Assessment) => number, findings: Finding[] = []): Batch {
  const entries: BatchEntry[] = [];
  for (const { job, assessment: a, dataErrors, townships } of results) {
    // Nothing to assess (every row rejected): its findings must still be seen.
    if (a.units.length === 0) findings.push(...(a.data.findings.length ? a.data.findings : [noUnits(job)]));
    for (const root of a.units) {
      const one: Assessment = {
        ...a,
        units: [root],
        ...(a.adjustments ? { adjustments: ownAdjustments(a.adjustments, root) } : {}),
      };
      const below = townships?.get(root);
      entries.push({
        period: job.period,
        source: job.source,
        assessment: one,
        exit: dataErrors(root.key) ? 2 : gate(one),
        ...(below ? { townships: below } : {}),
      });
    }
  }
  // The same unit twice in one period: an error, and only the first is ranked and counted
  // (the errors and warnings of a source left with no entry are kept with the batch's).
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
  entries.splice(0, entries.length, ...entries.filter((e) => !dup.later.has(e)));
  const rankings = rankBatch(entries);
  entries.sort(
    (x, y) =>
      comparePeriods(x.period, y.period) ||
      x.assessment.units[0]!.rank - y.assessment.units[0]!.rank ||
      cmp(x.assessment.units[0]!.key, y.assessment.units[0]!.key),
  );
  const periods = rankings.map((r) => r.period);
  const exit = Math.max(0, ...entries.map((e) => e.exit), hasErrors(findings) ? 2 : 0);
  return { periods, entries, rankings, findings, exit };
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

function noUnits(job: Job): Finding {
  return { severity: 'error', file: job.source, ...message('batch/no-units', {}) };
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

const cmp = compareCodePoints;
