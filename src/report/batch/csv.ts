/** The batch as CSV: every entry's rows, the period first and the item's rank among the counties of the period last (blank below the county). */
import type { Lang } from '../../diagnostics';
import type { Batch } from '../../batch/types';
import { csvHeader, csvRecords, encodeCsv, periodHead } from '../single/csv';
import { csvRecord } from '../shared/escape';

export interface BatchCsvContext {
  lang: Lang;
  csvEncoding?: 'utf-8' | 'gb18030';
}

/** `period \0 unit key \0 item id` → `rank/of`, over every period's ranking. */
function itemRanks(b: Batch): Map<string, string> {
  const itemRank = new Map<string, string>();
  for (const r of b.rankings)
    for (const i of r.items)
      for (const u of i.units) itemRank.set(`${r.period ?? ''}\u0000${u.key}\u0000${i.id}`, `${u.rank}/${u.of}`);
  return itemRank;
}

export function formatBatchCsv(b: Batch, c: BatchCsvContext): string | Promise<Uint8Array> {
  const zh = c.lang === 'zh';
  const adjusted = b.entries.some((e) => e.assessment.adjustments !== undefined);
  const lines = [csvRecord([periodHead(c.lang), ...csvHeader(c.lang, adjusted), zh ? '单项名次' : 'Item rank'])];
  const itemRank = itemRanks(b);
  for (const e of b.entries) {
    const root = e.assessment.units[0]!;
    for (const r of csvRecords(e.assessment, c.lang)) {
      const rank = r.unit === root ? (itemRank.get(`${e.period ?? ''}\u0000${root.key}\u0000${r.item.id}`) ?? '') : '';
      lines.push(csvRecord([e.period ?? '', ...r.cells, rank]));
    }
  }
  return encodeCsv(lines.join(''), c.csvEncoding);
}
