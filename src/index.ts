/** Library API: load a scheme, read data, evaluate, format — no command line. */
export { loadScheme } from './scheme/load';
export type { Scheme } from './scheme/model';
export { schemeJsonSchema } from './scheme/schema';
export { readDataset, type InputFile } from './data/dataset';
export type { Dataset } from './data/model';
export { evaluate } from './engine/evaluate';
export type { Assessment, UnitResult, ItemResult, Status } from './engine/types';
export { forecast, type ForecastMonth } from './forecast/forecast';
export type { Forecast } from './forecast/types';
export { makePlan, type PlanOptions } from './plan/plan';
export { parseGoal } from './plan/goal';
export type { Goal, PlanResult, PlanStep, UnitChange } from './plan/types';
export { PLAN as PLAN_FORMATS, type PlanFormat } from './report/plan/registry';
export {
  SINGLE as FORMATS,
  type SingleFormat as FormatName,
  type SingleContext as FormatContext,
} from './report/single/registry';
export {
  formulaText,
  gapText,
  inputsOf,
  substitutedText,
  targetText,
  valueText,
  vetoWords,
} from './report/shared/item-words';
export { formatDiagnostic, findingText, type CodedDiagnostic, type Diagnostic, type Finding } from './diagnostics';
export { say } from './messages/catalog';
export type { Code, Message, MessageArgs, Text } from './messages/codes';
export { Rational } from './rational';
