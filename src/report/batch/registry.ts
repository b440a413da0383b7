/**
 * The formats a batch (many counties or periods) can be written in, one document
 * each, with one typed signature: a plain-data batch report (the batch, and the trend,
 * gates and further checks of the run) and one context in; each format renders every
 * part itself.
 */
import type { Batch, BatchEntry } from '../../batch/types';
import type { SingleContext } from '../single/registry';
import type { Chunked } from '../shared/json-chunks';
import { formatBatchCsv } from './csv';
import { DETAILS, type Detail } from './detail';
import { formatBatchHtml } from './html';
import { formatBatchJson } from './json';
import { formatBatchJunit } from './junit';
import { formatBatchMarkdown } from './md';
import { formatBatchTable } from './table';
import type { BatchParts } from './trend-parts';
import { formatBatchXlsx } from './xlsx';

export { DETAILS, type Detail };
/** The compact one-line form of the units below a county, made as a lean batch goes (the JSON's `townships`). */
export { compactLines } from './compact';
export type { AskedGates } from './trend-parts';
export type { RunCheck } from './junit';

/** A batch and what its summary shows besides it, all plain data. */
export interface BatchReport extends BatchParts {
  batch: Batch;
}

export interface BatchContext extends SingleContext {
  /** Relative link to each entry's own report (--output-dir). */
  links?: (e: BatchEntry) => string | undefined;
  /** How much of the units below each county the JSON holds (--detail; default summary). */
  detail?: Detail;
}

export interface BatchFormatter {
  render(r: BatchReport, ctx: BatchContext): string | Uint8Array | Chunked | Promise<Uint8Array>;
}

export type BatchFormat = 'table' | 'json' | 'md' | 'html' | 'junit' | 'xlsx' | 'csv';

/** The run's parts without the batch itself. */
const parts = ({ trend, gate, gates, checks }: BatchReport): BatchParts => ({ trend, gate, gates, checks });

export const BATCH = {
  table: {
    render: (r, c) =>
      formatBatchTable(r.batch, { lang: c.lang, asOf: c.asOf, color: c.color, verbose: c.verbose, ...parts(r) }),
  },
  json: { render: (r, c) => formatBatchJson(r.batch, { lang: c.lang, detail: c.detail, ...parts(r) }) },
  md: { render: (r, c) => formatBatchMarkdown(r.batch, { lang: c.lang, asOf: c.asOf, links: c.links, ...parts(r) }) },
  html: { render: (r, c) => formatBatchHtml(r.batch, { lang: c.lang, asOf: c.asOf, links: c.links, ...parts(r) }) },
  // For CI: the newest period only (older months are in the JSON), and the trend gates first.
  junit: { render: (r, c) => formatBatchJunit(r.batch, { lang: c.lang, failOn: c.failOn, asOf: c.asOf, ...parts(r) }) },
  // The city workbook: summary, ranking, the items × counties league table, one sheet per county.
  xlsx: { render: (r, c) => formatBatchXlsx(r.batch, { lang: c.lang, asOf: c.asOf }) },
  csv: { render: (r, c) => formatBatchCsv(r.batch, c) },
} satisfies Record<BatchFormat, BatchFormatter>;

export const BATCH_FORMATS = Object.keys(BATCH) as BatchFormat[];
