/**
 * Runs a batch: each job's files read into a dataset and evaluated; each top-level
 * unit becomes one entry (county × period); the units of each period are ranked
 * together. A job whose files cannot be read is reported and the others go on.
 */
import type { Finding } from '../diagnostics';
import { InputError } from '../errors';
import type { Dataset } from '../data/model';
import type { SheetOptions } from '../data/sheet';
import type { Assessment } from '../engine/types';
import type { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import { loadInputs } from './inputs';
import type { Io } from './io';
import type { Job } from './discover';
import type { Limits } from '../limits';
import { collect } from '../batch/collect';
import { assessFiles, type JobResult } from '../batch/assess';
import type { Batch } from '../batch/types';
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

export type { JobResult };

export { collect };

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
  const lean = o.lean ? (d: Dataset) => evaluateLean(scheme, d, o.params, o.leanLines !== false) : undefined;
  return assessFiles(scheme, files, job, { read: o.read, params: o.params, lean });
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
