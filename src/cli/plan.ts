/**
 * `pinggu plan`: reads the scheme and the data as `score` does, asks src/plan for the
 * least-effort plan that reaches the goal, and writes it in the formats asked for.
 * Exit codes: 0 a plan reaches the goal (or it is reached already), 1 no plan does,
 * 2 could not assess (docs/plan.md#exit-codes).
 */
import { hasErrors, formatDiagnostic, type Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { readDataset } from '../data/dataset';
import type { Dataset } from '../data/model';
import { parseGoal } from '../plan/goal';
import { makePlan } from '../plan/plan';
import { PLAN, PLAN_FORMATS, planFormatForFile } from '../report/plan/registry';
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
import { loadInputs, resolveScheme } from './inputs';
import { limitsOf } from './limits';
import type { Io } from './io';
import { checkParams, outputsOf } from './score-flags';

export interface PlanCliOptions extends CommonOptions {
  goal?: string;
  unit?: string;
  format?: string;
  output?: string[];
  param?: string[];
}

/** The names of the units at the top of the data (for "name one with --unit"). */
function topNames(data: Dataset): string[] {
  const top = Math.max(...data.units.map((u) => u.level));
  return data.units.filter((u) => u.level === top).map((u) => u.name);
}

export async function runPlan(io: Io, data: string[], o: PlanCliOptions): Promise<number> {
  const lang = chooseLang(io, o.lang);
  const goal = parseGoal(o.goal ?? 'pass');
  if (!goal) throw new UsageError(message('plan/bad-goal', { goal: String(o.goal) }));
  const format = o.format === undefined ? undefined : oneOf('--format', o.format, PLAN_FORMATS, 'table');
  const outputs = outputsOf(io, o.output, format, planFormatForFile, PLAN_FORMATS);
  if (!outputs.length && format === 'xlsx' && io.isTTY) throw new UsageError(message('cli/xlsx-stdout', {}));
  const limits = limitsOf(o.limit);
  const { scheme, warnings } = await resolveScheme(io, o.scheme, limits);
  const params = paramsOf(o.param);
  checkParams(scheme, params);
  const said: Finding[] = [];
  const read = { encoding: encodingOf(o), headerRow: headerRowOf(o) };
  const dataset = readDataset(scheme, await loadInputs(io, data, o.sheet, limits, said), read);
  const verbose = Boolean(o.verbose);
  printFindings(io, [...warnings, ...said, ...dataset.findings], lang, verbose);
  if (!dataset.units.length) return EXIT.input;
  const plan = makePlan(scheme, dataset, { goal, unit: o.unit, params });
  if (!plan) {
    if (o.unit !== undefined) throw new UsageError(message('cli/unknown-unit', { unit: o.unit }));
    throw new UsageError(message('plan/which-unit', { units: topNames(dataset) }));
  }
  let code: number = plan.found ? EXIT.ok : EXIT.gate;
  for (const out of outputs) {
    const failed = tryWrite(io, out.file, await PLAN[out.format].render(plan, lang));
    if (failed) io.stderr(`${formatDiagnostic(failed, lang)}\n`);
    if (failed) code = EXIT.input;
    else io.stderr(lang === 'zh' ? `已写入 ${visibleLine(out.file)}\n` : `wrote ${visibleLine(out.file)}\n`);
  }
  if (!outputs.length) emit(io, await PLAN[format ?? 'table'].render(plan, lang));
  return hasErrors(dataset.findings) ? EXIT.input : code;
}
