/**
 * The trend in `pinggu score`: this run compared with earlier reports
 * (`--baseline PREV.json`, `--history DIR`) or, in a batch of several periods, with
 * its own earlier periods; and the gates `--fail-on-regression POINTS` and
 * `--fail-on-new-failure` on it.
 */
import * as path from 'node:path';
import { type Lang } from '../diagnostics';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import type { Batch } from '../batch/types';
import { ITEM_FIELDS } from '../report/batch/compact';
import { valueText } from '../report/shared/item-words';
import type { AskedGates } from '../report/batch/registry';
import { TREND_LINES } from '../report/trend/registry';
import { buildTrend, type Trend } from '../trend/diff';
import { gateTrend, type GateResult } from '../trend/gate';
import { batchSnapshots } from '../trend/from-batch';
import type { Snapshot } from '../trend/read';
import { gateOptions, readReportFile } from './compare';
import { shown } from './inputs';
import type { Io } from './io';
import { compareCodePoints } from '../compare';

export interface TrendOptions {
  baseline?: string;
  history?: string;
  failOnRegression?: string;
  failOnNewFailure?: boolean;
}

/** Whether a run needs the trend: a baseline, a history, a gate, or several periods. */
export const wantsTrend = (o: TrendOptions): boolean =>
  o.baseline !== undefined ||
  o.history !== undefined ||
  o.failOnRegression !== undefined ||
  Boolean(o.failOnNewFailure);

/** The reports of --history DIR: every .json in it and every summary.json one folder below, by name; none when DIR does not exist yet. */
export function historyFiles(io: Io, dir: string): string[] {
  const abs = path.resolve(io.cwd, dir);
  // No folder yet (the first month): no history; the gates then say they have nothing to compare with.
  if (!io.exists(abs)) return [];
  const entries = io.listDir(abs);
  if (!entries) throw new UsageError(message('cli/history-file', { dir }));
  const out: string[] = [];
  for (const e of [...entries].sort(compareCodePoints)) {
    const p = path.join(abs, e);
    if (/\.json$/i.test(e) && !io.listDir(p)) out.push(p);
    else if (io.listDir(p) && io.exists(path.join(p, 'summary.json'))) out.push(path.join(p, 'summary.json'));
  }
  return out;
}

export interface TrendResult {
  trend: Trend;
  gate?: GateResult;
  /** The gates asked for, by their flags (JUnit names a test case after each). */
  gates: AskedGates;
  /** Said on stderr even with --quiet: a gate that cannot fail. */
  warning?: string;
}

/** Builds the trend for a batch, with the gates' verdict when gates were asked for. */
export function batchTrend(io: Io, b: Batch, o: TrendOptions, lang: Lang): TrendResult | undefined {
  if (!wantsTrend(o) && b.periods.length < 2) return undefined;
  const gates = gateOptions(o);
  const current = batchSnapshots(b, { display: valueText, compactFields: ITEM_FIELDS });
  const here = new Set(current.map((s) => `${s.period ?? ''}\u0000${s.path.join('/')}`));
  // A period of a unit scored again in this run replaces the earlier report's.
  const fresh = (ss: Snapshot[]) =>
    ss.filter((s) => s.period === null || !here.has(`${s.period}\u0000${s.path.join('/')}`));
  const history: Snapshot[][] = [];
  if (o.history !== undefined)
    for (const f of historyFiles(io, o.history)) history.push(fresh(readReportFile(io, shown(io, f)).snapshots));
  if (o.baseline !== undefined) history.push(fresh(readReportFile(io, o.baseline).snapshots));
  const trend = buildTrend(history, current);
  const gate = gates.regression !== undefined || gates.newFailure ? gateTrend(trend, gates) : undefined;
  return {
    trend,
    gate,
    gates: { regression: o.failOnRegression, newFailure: Boolean(o.failOnNewFailure) },
    warning: TREND_LINES.nothingCompared(trend, gate, lang),
  };
}
