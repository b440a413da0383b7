/**
 * The formats a plan (`pinggu plan`) is written in, one typed signature for all: the
 * plan and the language in, text or bytes out. The CLI reaches them only through here.
 */
import type { Lang } from '../../diagnostics';
import type { PlanResult } from '../../plan/types';
import { formatPlanHtml } from './html';
import { formatPlanJson } from './json';
import { formatPlanMarkdown } from './md';
import { formatPlanTable } from './table';
import { formatPlanXlsx } from './xlsx';

export interface PlanFormatter {
  render(p: PlanResult, lang: Lang): string | Promise<Uint8Array>;
}

export type PlanFormat = 'table' | 'json' | 'md' | 'html' | 'xlsx';

export const PLAN = {
  table: { render: formatPlanTable },
  json: { render: formatPlanJson },
  md: { render: formatPlanMarkdown },
  html: { render: formatPlanHtml },
  xlsx: { render: formatPlanXlsx },
} satisfies Record<PlanFormat, PlanFormatter>;

export const PLAN_FORMATS = Object.keys(PLAN) as PlanFormat[];

/** The format a file's extension names (.txt for the table), if any. */
export function planFormatForFile(file: string): PlanFormat | undefined {
  const ext = /\.([a-z]+)$/i.exec(file)?.[1]?.toLowerCase();
  const byExt: Record<string, PlanFormat> = {
    txt: 'table',
    json: 'json',
    md: 'md',
    html: 'html',
    htm: 'html',
    xlsx: 'xlsx',
  };
  return ext ? byExt[ext] : undefined;
}
