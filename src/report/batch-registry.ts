/** The formats a batch (many counties or periods) can be written in, one document each. */
import type { Batch, BatchEntry } from '../batch/types';
import { formatBatchHtml } from './batch-html';
import { formatBatchJson } from './batch-json';
import { formatBatchMarkdown } from './batch-md';
import { formatBatchTable } from './batch-table';
import { csvHeader, csvRows, encodeCsv } from './csv';
import { csvRecord } from './escape';
import { formatJunitMany } from './junit';
import type { FormatContext } from './registry';

export interface BatchFormatContext extends FormatContext {
  /** Further parts (the trend), rendered per format; plain data for JSON. */
  extra?: { table?: string[]; md?: string[]; html?: string[]; json?: Record<string, unknown> };
  /** Relative link to each entry's own report (--output-dir). */
  links?: (e: BatchEntry) => string;
}

const periodHead = (lang: 'zh' | 'en') => (lang === 'zh' ? '期间' : 'Period');

export const BATCH_FORMATS = {
  table: { render: (b: Batch, c: BatchFormatContext) => formatBatchTable(b, { lang: c.lang, color: c.color, verbose: c.verbose, extra: c.extra?.table }) },
  json: { render: (b: Batch, c: BatchFormatContext) => formatBatchJson(b, { lang: c.lang, extra: c.extra?.json }) },
  md: { render: (b: Batch, c: BatchFormatContext) => formatBatchMarkdown(b, { lang: c.lang, extra: c.extra?.md, links: c.links }) },
  html: { render: (b: Batch, c: BatchFormatContext) => formatBatchHtml(b, { lang: c.lang, extra: c.extra?.html, links: c.links }) },
  junit: {
    render: (b: Batch, c: BatchFormatContext) =>
      formatJunitMany(b.entries[0]?.assessment.scheme.title ?? '', b.entries.map((e) => ({ a: e.assessment, prefix: e.period ?? '' })), { lang: c.lang }),
  },
  csv: {
    render: (b: Batch, c: BatchFormatContext) => {
      const lines = [csvRecord([periodHead(c.lang), ...csvHeader(c.lang, b.entries.some((e) => e.assessment.adjustments !== undefined))])];
      for (const e of b.entries) for (const r of csvRows(e.assessment, c.lang)) lines.push(csvRecord([e.period ?? '', ...r]));
      return encodeCsv(lines.join(''), c.csvEncoding);
    },
  },
};

export type BatchFormatName = keyof typeof BATCH_FORMATS;
