/** The plan as text for the terminal: heading lines, the steps and the units' changes as tables, or what blocks it. */
import type { Lang } from '../../diagnostics';
import type { PlanResult } from '../../plan/types';
import { grid, textWidth } from '../shared/grid';
import { blockerLines, pw, stepCells, stepHead, summaryLines, unitCells, unitHead } from './words';

/** Column widths: as wide as the widest cell, at most `max`. */
function widths(head: string[], rows: string[][], max = 36): number[] {
  return head.map((h, i) => Math.min(max, Math.max(textWidth(h), ...rows.map((r) => textWidth(r[i] ?? '')))));
}

export function formatPlanTable(p: PlanResult, lang: Lang): string {
  const out = summaryLines(p, lang);
  if (p.found && p.steps.length) {
    const rows = p.steps.map((s) => stepCells(s, lang));
    out.push('', grid(rows, { head: stepHead(lang), widths: widths(stepHead(lang), rows) }).trimEnd());
    const units = p.steps.flatMap((s) => s.units.map((u) => unitCells(s, u, lang)));
    out.push('', `${pw(lang, 'where')}:`);
    out.push(grid(units, { head: unitHead(lang), widths: widths(unitHead(lang), units) }).trimEnd());
  }
  if (!p.found && p.blockers.length)
    out.push('', `${pw(lang, 'blocked')}:`, ...blockerLines(p, lang).map((l) => `  • ${l}`));
  return `${out.join('\n')}\n`;
}
