/**
 * The formats a trend (two or more reports compared, `pinggu compare`) is written in,
 * one typed signature for all: the trend and one context in, text out. The sentences
 * the CLI says on stderr about a trend (the gates' verdict, a gate with nothing to
 * compare) come from here too, so the CLI reaches the trend's words through one module.
 */
import type { Lang } from '../../diagnostics';
import type { Trend } from '../../trend/diff';
import type { GateResult } from '../../trend/gate';
import { formatTrendJson } from './json';
import { gateLines, nothingComparedWarning } from './lines';
import { formatTrendMarkdown } from './md';
import { formatTrendText } from './text';

export interface TrendContext {
  lang: Lang;
  color: boolean;
  /** Title line: the scheme's title and version. */
  title: string;
  gate?: GateResult;
  /** The reports compared, as given: the earlier ones and the current one (the JSON names them). */
  before: string[];
  after: string;
}

export interface TrendFormatter {
  render(t: Trend, ctx: TrendContext): string;
}

export type TrendFormat = 'table' | 'json' | 'md';

export const TREND = {
  table: { render: (t, c) => formatTrendText(t, { lang: c.lang, title: c.title, gate: c.gate, color: c.color }) },
  json: { render: (t, c) => formatTrendJson(t, { before: c.before, after: c.after, gate: c.gate }) },
  md: { render: (t, c) => formatTrendMarkdown(t, { lang: c.lang, title: c.title, gate: c.gate }) },
} satisfies Record<TrendFormat, TrendFormatter>;

/** The lines the CLI says on stderr about a trend. */
export const TREND_LINES = {
  /** The gates' verdict and its reasons (none without a gate). */
  gates: (lang: Lang, gate: GateResult | undefined): string[] => gateLines(lang, gate),
  /** A gate asked for with nothing earlier to compare with can never fail: said (undefined otherwise). */
  nothingCompared: (t: Trend, gate: GateResult | undefined, lang: Lang): string | undefined =>
    nothingComparedWarning(t, gate, lang),
};
