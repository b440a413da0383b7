/**
 * `pinggu forecast DIR...`: the monthly reports of the statistical year so far (one
 * folder or file per month, as `score` finds them), projected to the year end and
 * scored with the engine (src/forecast). Exit 0 when it ran, 2 when it could not
 * (usage, scheme, unreadable data or data errors).
 */
import { hasErrors, type Finding } from '../diagnostics';
import { InputError, UsageError } from '../errors';
import { readDatasets } from '../data/dataset';
import { parsePeriod } from '../data/period';
import { forecast, type ForecastMonth } from '../forecast/forecast';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import type { Limits } from '../limits';
import { FORECAST, FORECAST_FORMATS, forecastFormatForFile } from '../report/forecast/registry';
import { visibleLine } from '../visible';
import {
  chooseLang,
  emit,
  encodingOf,
  EXIT,
  headerRowOf,
  oneOf,
  paramsOf,
  printFindings,
  tryWrite,
  type CommonOptions,
} from './commands';
import { useColor } from './conventions';
import { discoverJobs } from './discover';
import { loadInputs, resolveScheme } from './inputs';
import type { Io } from './io';
import { limitsOf } from './limits';
import { checkParams, outputsOf } from './score-flags';

export interface ForecastOptions extends CommonOptions {
  format?: string;
  output?: string[];
  param?: string[];
  /** Last year's monthly reports (folders or files). */
  lastYear?: string[];
  /** Forecast as of the end of this month: later months are left out. */
  through?: string;
}

/** The monthly datasets of some folders or files, each with its period; findings collected. */
async function readMonths(
  io: Io,
  scheme: Scheme,
  args: string[],
  o: ForecastOptions,
  limits: Limits,
  found: Finding[],
) {
  const read = { encoding: encodingOf(o), headerRow: headerRowOf(o) };
  const months: ForecastMonth[] = [];
  for (const job of discoverJobs(io, args, undefined, found)) {
    const files = await loadInputs(io, job.files, o.sheet, limits);
    for (const { period, dataset } of readDatasets(scheme, files, read)) {
      found.push(...dataset.findings);
      months.push({ period: period ?? job.period, dataset });
    }
  }
  return months;
}

export async function runForecast(io: Io, data: string[], o: ForecastOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const format = o.format === undefined ? undefined : oneOf('--format', o.format, FORECAST_FORMATS, 'table');
  const outputs = outputsOf(io, o.output, format, forecastFormatForFile, FORECAST_FORMATS);
  const params = paramsOf(o.param);
  const through = o.through === undefined ? undefined : parsePeriod(o.through);
  if (o.through !== undefined && !through?.includes('-'))
    throw new UsageError(message('forecast/not-a-month', { period: o.through }));
  const limits = limitsOf(o.limit);
  const { scheme, warnings } = await resolveScheme(io, o.scheme, limits);
  checkParams(scheme, params);
  const found: Finding[] = [];
  const all = await readMonths(io, scheme, data, o, limits, found);
  const months = through ? all.filter((m) => m.period !== null && m.period <= through) : all;
  const history = o.lastYear ? await readMonths(io, scheme, o.lastYear, o, limits, found) : undefined;
  if (hasErrors(found)) throw new InputError(found);
  const r = forecast(scheme, months, { params, history });
  if ('problem' in r) throw new UsageError(r.problem);
  let code: number = EXIT.ok;
  for (const out of outputs) {
    const failed = tryWrite(io, out.file, FORECAST[out.format].render(r.forecast, { lang, color: false }));
    if (failed) {
      printFindings(io, [failed], lang, false);
      code = EXIT.input;
    } else io.stderr(lang === 'zh' ? `已写入 ${visibleLine(out.file)}\n` : `wrote ${visibleLine(out.file)}\n`);
  }
  const f = format ?? 'table';
  if (!outputs.length)
    emit(io, FORECAST[f].render(r.forecast, { lang, color: f === 'table' && useColor(io, o.color) }));
  printFindings(io, [...found, ...warnings], lang, Boolean(o.verbose));
  return code;
}
