/**
 * The flags of `pinggu score`, checked before any work: a bad one is a usage error
 * (exit 2) before a file is read.
 */
import * as path from 'node:path';
import type { Lang } from '../diagnostics';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { normalizeEncodingName } from '../data/decode';
import { parsePeriod, type Period } from '../data/period';
import type { Rational } from '../rational';
import type { Scheme } from '../scheme/model';
import { FAIL_ON, type FailOn } from '../batch/gate';
import {
  SINGLE_FORMATS as FORMAT_NAMES,
  formatForFile,
  type SingleFormat as FormatName,
} from '../report/single/registry';
import { DETAILS, type Detail } from '../report/batch/registry';
import { chooseLang, oneOf, paramsOf } from './commands';
import { gateOptions } from './compare';
import type { Io } from './io';
import type { ScoreOptions } from './score';

/** The flags of `score`, checked before any work (a bad one is a usage error). */
export interface ScoreFlags {
  lang: Lang;
  failOn: FailOn;
  sort: 'lost' | 'scheme';
  format?: FormatName;
  detail: Detail;
  params: Map<string, Rational>;
  csvEncoding?: 'utf-8' | 'gb18030';
  outputs: { file: string; format: FormatName }[];
  period?: Period;
  verbose: boolean;
  quiet: boolean;
}

export function scoreFlags(io: Io, o: ScoreOptions): ScoreFlags {
  const lang = chooseLang(io, o.lang);
  const failOn = oneOf('--fail-on', o.failOn, FAIL_ON, 'fail');
  const sort = oneOf('--sort', o.sort, ['lost', 'scheme'] as const, 'lost');
  const format = o.format === undefined ? undefined : oneOf('--format', o.format, FORMAT_NAMES, 'table');
  const detail = oneOf('--detail', o.detail, DETAILS, 'summary');
  const params = paramsOf(o.param);
  const csvEncoding = csvEncodingOf(o.csvEncoding);
  const outputs = outputsOf(io, o.output, format, formatForFile, FORMAT_NAMES);
  const period = o.period === undefined ? undefined : parsePeriod(o.period);
  if (o.period !== undefined && !period) throw new UsageError(message('cli/bad-period', { period: o.period }));
  gateOptions(o); // a bad --fail-on-regression is a usage error before any work
  const [verbose, quiet] = [Boolean(o.verbose), Boolean(o.quiet)];
  return { lang, failOn, sort, format, detail, params, csvEncoding, outputs, period, verbose, quiet };
}

/** --csv-encoding: UTF-8 or GB18030 under any of their names. */
function csvEncodingOf(given: string | undefined): 'utf-8' | 'gb18030' | undefined {
  const wanted = given === undefined ? undefined : normalizeEncodingName(given);
  const csvEncoding = wanted === 'utf-8' || wanted === 'gb18030' ? wanted : undefined;
  if (given !== undefined && !csvEncoding) throw new UsageError(message('cli/csv-encoding', { encoding: given }));
  return csvEncoding;
}

/**
 * The -o files of a command (score, plan, forecast): none a folder, each in --format or
 * the format its extension says (`byFile`, from the command's registry).
 */
export function outputsOf<F extends string>(
  io: Io,
  files: string[] | undefined,
  format: F | undefined,
  byFile: (file: string) => F | undefined,
  formats: readonly F[],
): { file: string; format: F }[] {
  return (files ?? []).map((file) => {
    if (io.listDir(path.resolve(io.cwd, file))) throw new UsageError(message('cli/output-folder', { file }));
    const f = format ?? byFile(file);
    if (!f) throw new UsageError(message('cli/output-format', { file, formats: [...formats] }));
    return { file, format: f };
  });
}

export function checkParams(scheme: Scheme, params: Map<string, Rational>): void {
  const unknown = [...params.keys()].filter((k) => !scheme.params.has(k));
  if (unknown.length)
    throw new UsageError(message('cli/unknown-param', { param: unknown[0]!, known: [...scheme.params.keys()] }));
}
