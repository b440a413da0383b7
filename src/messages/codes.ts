/**
 * The codes of the messages that are made as data (`{code, args}`) and put into
 * words only where they are printed, from the catalog (`./catalog.ts`, one renderer
 * per language). A closed union: a message is one of these codes with its arguments.
 * Arguments are names as written in the scheme or the data (labels, titles, unit
 * names) and numbers, never words of a language.
 *
 * Each area keeps its codes and their words in its own file (`./engine.ts`,
 * `./data.ts`, …); a code in an area's interface without both renderers does not compile.
 */
import type { Msg } from '../diagnostics';
import type { AppArgs } from './app';
import type { CliArgs } from './cli';
import type { DataArgs } from './data';
import type { PlanArgs } from './plan';
import type { EngineArgs } from './engine';
import type { ForecastArgs } from './forecast';
import type { LinesArgs } from './lines';
import type { RelativeArgs } from './relative';
import type { PartsArgs } from './parts';
import type { CombosArgs } from './combos';
import type { ReportArgs } from './report';
import type { SchemeArgs } from './scheme';
import type { TrendArgs } from './trend';

export type { NaPolicyCode } from './engine';

/** Every area's codes with their arguments: one file per area (engine, data, scheme, cli, trend, report, app). */
export interface MessageArgs
  extends
    EngineArgs,
    DataArgs,
    SchemeArgs,
    CliArgs,
    TrendArgs,
    ReportArgs,
    AppArgs,
    ForecastArgs,
    PlanArgs,
    LinesArgs,
    RelativeArgs,
    PartsArgs,
    CombosArgs {}

export type Code = keyof MessageArgs;

/** One message as data: a code and its arguments. */
export type Message = { [K in Code]: { code: K; args: MessageArgs[K] } }[Code];

/** A message made as data, or (not yet moved to the catalog) already in both languages. */
export type Text = Message | Msg;

export const message = <K extends Code>(code: K, args: MessageArgs[K]): Message => ({ code, args }) as Message;
