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
import { batchJsonDoc } from '../report/batch/json';
import { gatesHtml, trendHtml, TREND_CSS } from '../report/trend/html';
import type { RunCheck } from '../report/single/junit';
import { gateLines, nothingComparedWarning } from '../report/trend/lines';
import { trendJson } from '../report/trend/json';
import { gatesMarkdown, trendMarkdownSection } from '../report/trend/md';
import { formatTrendText } from '../report/trend/text';
import { buildTrend } from '../trend/diff';
import { gateTrend, type GateResult } from '../trend/gate';
import { parseReport, type Snapshot } from '../trend/read';
import { gateOptions, readReportFile } from './compare';
import { shown } from './inputs';
import type { Io } from './io';
import type { BatchOutput } from './score-batch';
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
  extra: NonNullable<BatchOutput['extra']>;
  gate?: GateResult;
  /** Said on stderr even with --quiet: a gate that cannot fail. */
  warning?: string;
}

/** Builds the trend for a batch and renders it for every summary format. */
export function batchTrend(io: Io, b: Batch, o: TrendOptions, lang: Lang, color: boolean): TrendResult | undefined {
  if (!wantsTrend(o) && b.periods.length < 2) return undefined;
  const gates = gateOptions(o);
  const current = parseReport(batchJsonDoc(b, { lang }), '<current>').snapshots;
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
  // The summary pages show the counties; the JSON keeps every level.
  const top = { ...trend, units: trend.units.filter((u) => u.depth === 0) };
  return {
    gate,
    warning: nothingComparedWarning(trend, gate, lang),
    extra: {
      ...(gate
        ? {
            top: {
              table: [gateLines(lang, gate).join('\n')],
              md: [gatesMarkdown(lang, gate)],
              html: [gatesHtml(lang, gate)],
            },
            checks: gateChecks(
              o,
              gate,
              lang,
              trend.units.some((u) => u.diff),
            ),
          }
        : {}),
      table: [formatTrendText(top, { lang, color, gate })],
      md: [trendMarkdownSection(top, { lang, gate })],
      html: [`<style>${TREND_CSS}</style>`, trendHtml(top, { lang, gate })],
      json: { trend: trendJson(trend, gate) },
    },
  };
}

/** One JUnit test case per gate asked for: failed with its reasons, or passed. */
function gateChecks(o: TrendOptions, gate: GateResult, lang: Lang, compared: boolean): RunCheck[] {
  if (!compared) {
    const skipped = lang === 'zh' ? '没有更早的数据可比较' : 'nothing earlier to compare with';
    return [
      ...(o.failOnRegression !== undefined ? [{ name: `--fail-on-regression ${o.failOnRegression}`, skipped }] : []),
      ...(o.failOnNewFailure ? [{ name: '--fail-on-new-failure', skipped }] : []),
    ];
  }
  const why = (kind: GateResult['reasons'][number]['kind']) =>
    gateLines(lang, { exitCode: 1, reasons: gate.reasons.filter((r) => r.kind === kind) })
      .slice(1)
      .map((l) => l.trim())
      .join('\n');
  const out: RunCheck[] = [];
  if (o.failOnRegression !== undefined)
    out.push({ name: `--fail-on-regression ${o.failOnRegression}`, failure: why('regression') || undefined });
  if (o.failOnNewFailure) out.push({ name: '--fail-on-new-failure', failure: why('new-failure') || undefined });
  return out;
}
