/**
 * The formats a forecast (`pinggu forecast`) is written in, one typed signature for
 * all: the forecast and one context in, text out. The CLI reaches the forecast's
 * formatters only through this registry, which also gives its --format choices.
 */
import type { Lang } from '../../diagnostics';
import type { Forecast } from '../../forecast/types';
import { formatForecastHtml } from './html';
import { formatForecastJson } from './json';
import { formatForecastMarkdown } from './md';
import { formatForecastText } from './text';

export interface ForecastContext {
  lang: Lang;
  color: boolean;
}

export interface ForecastFormatter {
  extensions: readonly string[];
  render(f: Forecast, ctx: ForecastContext): string;
}

export type ForecastFormat = 'table' | 'json' | 'md' | 'html';

export const FORECAST = {
  table: { extensions: ['.txt'], render: (f, c) => formatForecastText(f, c) },
  json: { extensions: ['.json'], render: (f) => formatForecastJson(f) },
  md: { extensions: ['.md', '.markdown'], render: (f, c) => formatForecastMarkdown(f, c) },
  html: { extensions: ['.html', '.htm'], render: (f, c) => formatForecastHtml(f, c) },
} satisfies Record<ForecastFormat, ForecastFormatter>;

export const FORECAST_FORMATS = Object.keys(FORECAST) as ForecastFormat[];

/** The format a file's extension names, if any. */
export function forecastFormatForFile(file: string): ForecastFormat | undefined {
  const lower = file.toLowerCase();
  return FORECAST_FORMATS.find((f) => FORECAST[f].extensions.some((e) => lower.endsWith(e)));
}
