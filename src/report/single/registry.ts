/** Every output format in one typed map; it also feeds the CLI's --format choices. */
import type { Lang } from '../../diagnostics';
import type { Assessment } from '../../engine/types';
import { formatCsv } from './csv';
import { formatHtml } from './html';
import { formatJsonBytes } from './json';
import type { Chunked } from '../shared/json-chunks';
import { formatJunit } from './junit';
import { formatMarkdown } from './markdown';
import { formatTable } from './table';
import { formatXlsx } from './xlsx';

export interface FormatContext {
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
export interface Formatter {
  /** File extensions that select this format for --output. */
  extensions: string[];
  render(a: Assessment, ctx: FormatContext): string | Uint8Array | Chunked | Promise<string | Uint8Array>;
}

export const FORMATS = {
  table: { extensions: ['.txt'], render: (a, ctx) => formatTable(a, ctx) },
  json: { extensions: ['.json'], render: (a, ctx) => formatJsonBytes(a, ctx) },
  csv: { extensions: ['.csv'], render: (a, ctx) => formatCsv(a, ctx) },
  junit: { extensions: ['.xml', '.junit'], render: (a, ctx) => formatJunit(a, ctx) },
  md: { extensions: ['.md'], render: (a, ctx) => formatMarkdown(a, ctx) },
  html: { extensions: ['.html', '.htm'], render: (a, ctx) => formatHtml(a, ctx) },
  xlsx: { extensions: ['.xlsx'], render: (a, ctx) => formatXlsx(a, ctx) },
} satisfies Record<string, Formatter>;

export type FormatName = keyof typeof FORMATS;
export const FORMAT_NAMES = Object.keys(FORMATS) as FormatName[];

export function formatForFile(path: string): FormatName | undefined {
  const lower = path.toLowerCase();
  return FORMAT_NAMES.find((f) => FORMATS[f].extensions.some((e) => lower.endsWith(e)));
}
