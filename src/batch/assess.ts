/**
 * One job's files, already read, scored: one result per period of the data (a file
 * with a period column has several; the column's periods win over the job's). Pure:
 * the command line reads the files (src/cli/batch-run.ts), the offline page is given
 * them (src/app/run.ts).
 */
import { readDatasets, type InputFile } from '../data/dataset';
import type { Dataset } from '../data/model';
import type { SheetOptions } from '../data/sheet';
import { evaluate } from '../engine/evaluate';
import type { Assessment, UnitResult } from '../engine/types';
import type { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import type { ScoredJob } from './collect';
import { errorsByRoot } from './data-errors';
import type { Job } from './jobs';

/** A dataset scored county by county with the units below dropped (src/cli/batch-lean.ts), or undefined to score it whole. */
export type LeanScore = (
  dataset: Dataset,
) => { assessment: Assessment; townships: Map<UnitResult, Uint8Array> } | undefined;

/** One dataset read and scored (what collect makes entries of), with the job it came from. */
export interface JobResult extends ScoredJob {
  job: Job;
}

export function assessFiles(
  scheme: Scheme,
  files: InputFile[],
  job: Job,
  o: { read?: SheetOptions; params: Map<string, Rational>; lean?: LeanScore },
): JobResult[] {
  const sets = readDatasets(scheme, files, o.read);
  // Several periods in one file: the trend between them reads every unit in full.
  const lean = sets.length === 1 ? o.lean : undefined;
  return sets.map(({ period, dataset }) => {
    const dataErrors = errorsByRoot(dataset);
    const slim = lean?.(dataset);
    return {
      job: period ? { ...job, period } : job,
      assessment: slim?.assessment ?? evaluate(scheme, dataset, { params: o.params }),
      dataErrors,
      ...(slim ? { townships: slim.townships } : {}),
    };
  });
}
