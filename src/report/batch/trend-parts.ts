/**
 * What a batch summary shows besides the batch itself, as plain data (the trend, the
 * gates' verdict, more JUnit test cases), and how each format renders it: the gates'
 * verdict first, the trend of the counties after the batch's own parts; the JSON keeps
 * every level of the trend.
 */
import type { Lang } from '../../diagnostics';
import type { Trend } from '../../trend/diff';
import type { GateResult } from '../../trend/gate';
import type { RunCheck } from './junit';
import { gatesHtml, trendHtml, TREND_CSS } from '../trend/html';
import { trendJson } from '../trend/json';
import { gateLines } from '../trend/lines';
import { gatesMarkdown, trendMarkdownSection } from '../trend/md';
import { formatTrendText } from '../trend/text';

/** The gates a run asked for, by their flags (`--fail-on-regression 5`, `--fail-on-new-failure`). */
export interface AskedGates {
  /** The points given to --fail-on-regression, as written. */
  regression?: string;
  newFailure: boolean;
}

export interface BatchParts {
  /** This run compared with its earlier periods or earlier reports. */
  trend?: Trend;
  /** The verdict of the gates asked for (with the trend). */
  gate?: GateResult;
  gates?: AskedGates;
  /** Further JUnit test cases of the run (the earlier periods' verdicts), after the gates'. */
  checks?: RunCheck[];
}

/** The summary pages show the counties; the JSON keeps every level. */
const counties = (t: Trend): Trend => ({ ...t, units: t.units.filter((u) => u.depth === 0) });

/** The text table: the gates' verdict under the title, the trend at the end. */
export function tableParts(p: BatchParts, lang: Lang, color: boolean): { top: string[]; end: string[] } {
  return {
    top: p.gate ? [gateLines(lang, p.gate).join('\n')] : [],
    end: p.trend ? [formatTrendText(counties(p.trend), { lang, color, gate: p.gate })] : [],
  };
}

export function markdownParts(p: BatchParts, lang: Lang): { top: string[]; end: string[] } {
  return {
    top: p.gate ? [gatesMarkdown(lang, p.gate)] : [],
    end: p.trend ? [trendMarkdownSection(counties(p.trend), { lang, gate: p.gate })] : [],
  };
}

export function htmlParts(p: BatchParts, lang: Lang): { top: string[]; end: string[] } {
  return {
    top: p.gate ? [gatesHtml(lang, p.gate)] : [],
    end: p.trend ? [`<style>${TREND_CSS}</style>`, trendHtml(counties(p.trend), { lang, gate: p.gate })] : [],
  };
}

/** The JSON's further top-level sections: the whole trend with the gates. */
export const jsonParts = (p: BatchParts): Record<string, unknown> =>
  p.trend ? { trend: trendJson(p.trend, p.gate) } : {};

/** JUnit: one test case per gate asked for (failed with its reasons, passed, or skipped), then the run's own. */
export function junitChecks(p: BatchParts, lang: Lang): RunCheck[] {
  const gates =
    p.gate && p.gates && p.trend
      ? gateChecks(
          p.gates,
          p.gate,
          lang,
          p.trend.units.some((u) => u.diff),
        )
      : [];
  return [...gates, ...(p.checks ?? [])];
}

function gateChecks(o: AskedGates, gate: GateResult, lang: Lang, compared: boolean): RunCheck[] {
  const regression = o.regression !== undefined ? `--fail-on-regression ${o.regression}` : undefined;
  if (!compared) {
    const skipped = lang === 'zh' ? '没有更早的数据可比较' : 'nothing earlier to compare with';
    return [
      ...(regression !== undefined ? [{ name: regression, skipped }] : []),
      ...(o.newFailure ? [{ name: '--fail-on-new-failure', skipped }] : []),
    ];
  }
  const why = (kind: GateResult['reasons'][number]['kind']) =>
    gateLines(lang, { exitCode: 1, reasons: gate.reasons.filter((r) => r.kind === kind) })
      .slice(1)
      .map((l) => l.trim())
      .join('\n');
  const out: RunCheck[] = [];
  if (regression !== undefined) out.push({ name: regression, failure: why('regression') || undefined });
  if (o.newFailure) out.push({ name: '--fail-on-new-failure', failure: why('new-failure') || undefined });
  return out;
}
