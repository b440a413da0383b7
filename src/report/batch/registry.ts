/** The formats a batch (many counties or periods) can be written in, one document each. */
import type { Batch, BatchEntry } from '../../batch/types';
import { formatBatchHtml } from './html';
import { formatBatchJson } from './json';
import type { Detail } from './detail';
import { formatBatchMarkdown } from './md';
import { formatBatchTable } from './table';
import { formatBatchXlsx } from './xlsx';
import { csvHeader, csvRecords, encodeCsv, periodHead } from '../single/csv';
import { csvRecord } from '../shared/escape';
import { formatJunitMany, type RunCheck } from '../single/junit';
import type { FormatContext } from '../single/registry';

export interface BatchFormatContext extends FormatContext {
  /** Further parts (the trend), rendered per format; plain data for JSON. */
  extra?: {
    table?: string[];
    md?: string[];
    html?: string[];
    json?: Record<string, unknown>;
    /** Said first in the summaries: the verdict of the gates. */
    top?: { table?: string[]; md?: string[]; html?: string[] };
    /** The gates as test cases for JUnit. */
    checks?: RunCheck[];
  };
  /** Relative link to each entry's own report (--output-dir). */
  links?: (e: BatchEntry) => string | undefined;
  /** How much of the units below each county the JSON holds (--detail; default summary). */
  detail?: Detail;
}

export const BATCH_FORMATS = {
  table: {
    render: (b: Batch, c: BatchFormatContext) =>
      formatBatchTable(b, {
        lang: c.lang,
        asOf: c.asOf,
        color: c.color,
        verbose: c.verbose,
        extra: c.extra?.table,
        top: c.extra?.top?.table,
      }),
  },
  json: {
    render: (b: Batch, c: BatchFormatContext) =>
      formatBatchJson(b, { lang: c.lang, extra: c.extra?.json, detail: c.detail }),
  },
  md: {
    render: (b: Batch, c: BatchFormatContext) =>
      formatBatchMarkdown(b, { lang: c.lang, asOf: c.asOf, extra: c.extra?.md, top: c.extra?.top?.md, links: c.links }),
  },
  html: {
    render: (b: Batch, c: BatchFormatContext) =>
      formatBatchHtml(b, { lang: c.lang, asOf: c.asOf, extra: c.extra?.html, top: c.extra?.top?.html, links: c.links }),
  },
  // For CI: the newest period only (older months are in the JSON), and the trend gates first.
  junit: {
    render: (b: Batch, c: BatchFormatContext) => {
      const newest = b.periods[b.periods.length - 1] ?? null;
      const parts = b.entries
        .filter((e) => e.period === newest)
        .map((e) => ({ a: e.assessment, prefix: e.period ?? '', period: e.period }));
      return formatJunitMany(
        b.entries[0]?.assessment.scheme.title ?? '',
        parts,
        { lang: c.lang, failOn: c.failOn, asOf: c.asOf },
        c.extra?.checks ?? [],
      );
    },
  },
  // The city workbook: summary, ranking, the items × counties league table, one sheet per county.
  xlsx: { render: (b: Batch, c: BatchFormatContext) => formatBatchXlsx(b, { lang: c.lang, asOf: c.asOf }) },
  csv: {
    // Period first; the item's rank among the counties of the period last (blank below the county).
    render: (b: Batch, c: BatchFormatContext) => {
      const zh = c.lang === 'zh';
      const adjusted = b.entries.some((e) => e.assessment.adjustments !== undefined);
      const lines = [csvRecord([periodHead(c.lang), ...csvHeader(c.lang, adjusted), zh ? '单项名次' : 'Item rank'])];
      const itemRank = new Map<string, string>();
      for (const r of b.rankings)
        for (const i of r.items)
          for (const u of i.units) itemRank.set(`${r.period ?? ''}\u0000${u.key}\u0000${i.id}`, `${u.rank}/${u.of}`);
      for (const e of b.entries) {
        const root = e.assessment.units[0]!;
        for (const r of csvRecords(e.assessment, c.lang)) {
          const rank =
            r.unit === root ? (itemRank.get(`${e.period ?? ''}\u0000${root.key}\u0000${r.item.id}`) ?? '') : '';
          lines.push(csvRecord([e.period ?? '', ...r.cells, rank]));
        }
      }
      return encodeCsv(lines.join(''), c.csvEncoding);
    },
  },
};

export type BatchFormatName = keyof typeof BATCH_FORMATS;
