/**
 * Every output format of one assessment in one typed map (it also feeds the CLI's
 * --format choices), and the other reports of one run the CLI writes: `explain` and
 * `check`. The CLI reaches the single formatters only through this module.
 */
import type { Finding, Lang } from '../../diagnostics';
import type { Assessment } from '../../engine/types';
import type { Chunked } from '../shared/json-chunks';
import { formatCheckJson, formatCheckText, type CheckReport } from './check';
import { formatCsv } from './csv';
import { findUnits, formatExplain } from './explain-item';
import { formatHtml } from './html';
import { formatJsonBytes } from './json';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import type { SarifContext } from './sarif';
import { formatTable } from './table';
import { formatXlsx } from './xlsx';

export type { CheckReport };

export interface SingleContext {
  lang: Lang;
  color: boolean;
  sort: 'lost' | 'scheme';
  verbose: boolean;
  /** CSV only: UTF-8 with a BOM (the default) or GB18030 for old Excel/WPS. */
  csvEncoding?: 'utf-8' | 'gb18030';
  /** The assessed period, when known (`2026-09`, `2026h1`). */
  period?: string | null;
  /** JUnit: the --fail-on gate the run exits by (default fail), so that its red tests agree with the exit code. */
  failOn?: 'veto' | 'fail' | 'never';
  /** The reference date given with `--as-of`, shown in the heading only then. */
  asOf?: string;
}

/**
 * A formatter is pure: the assessment and the context in, text or bytes out. One that
 * needs a module only some runs use (a workbook writer) may return a promise.
 */
export interface SingleFormatter {
  /** File extensions that select this format for --output. */
  extensions: string[];
  render(a: Assessment, ctx: SingleContext): string | Uint8Array | Chunked | Promise<string | Uint8Array>;
}

export type SingleFormat = 'table' | 'json' | 'csv' | 'junit' | 'md' | 'html' | 'xlsx';

export const SINGLE = {
  table: { extensions: ['.txt'], render: (a, ctx) => formatTable(a, ctx) },
  json: { extensions: ['.json'], render: (a, ctx) => formatJsonBytes(a, ctx) },
  csv: { extensions: ['.csv'], render: (a, ctx) => formatCsv(a, ctx) },
  junit: { extensions: ['.xml', '.junit'], render: (a, ctx) => formatJunit(a, ctx) },
  md: { extensions: ['.md'], render: (a, ctx) => formatMarkdown(a, ctx) },
  html: { extensions: ['.html', '.htm'], render: (a, ctx) => formatHtml(a, ctx) },
  xlsx: { extensions: ['.xlsx'], render: (a, ctx) => formatXlsx(a, ctx) },
} satisfies Record<SingleFormat, SingleFormatter>;

export const SINGLE_FORMATS = Object.keys(SINGLE) as SingleFormat[];

export function formatForFile(path: string): SingleFormat | undefined {
  const lower = path.toLowerCase();
  return SINGLE_FORMATS.find((f) => SINGLE[f].extensions.some((e) => lower.endsWith(e)));
}

/** `pinggu check`: the data-quality report as text or JSON, and every finding as SARIF. */
export const CHECK = {
  table: (r: CheckReport, ctx: { lang: Lang; verbose: boolean }): string => formatCheckText(r, ctx),
  json: (r: CheckReport, ctx: { lang: Lang }): string => formatCheckJson(r, ctx),
  /** Loaded on first use: only `check --format sarif` needs it. */
  sarif: async (findings: readonly Finding[], ctx: SarifContext): Promise<string> =>
    (await import('./sarif')).formatSarif(findings, ctx),
};

/** `pinggu explain`: the units a name or code picks, and one item at one unit explained. */
export const EXPLAIN = { findUnits, render: formatExplain };
