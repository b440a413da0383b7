/**
 * The plan as an .xlsx workbook: one sheet 整改计划 (Plan), a row per unit change (the
 * township, the item, the concrete change, from → to, the effort of the step) and an
 * empty owner column (责任人) for the county to fill in; the heading lines above.
 */
import type { Lang } from '../../diagnostics';
import type { PlanResult } from '../../plan/types';
import { points, text, writeWorkbook, type Cell, type Sheet } from '../shared/xlsx-cells';
import { blockerLines, changeText, leverValue, pw, summaryLines } from './words';

function planSheet(p: PlanResult, lang: Lang): Sheet {
  const heading = summaryLines(p, lang).map((l, i): Cell[] => [text(l, { bold: i === 0, overflow: true })]);
  const head = [pw(lang, 'unit'), pw(lang, 'item'), pw(lang, 'lever'), pw(lang, 'change'), pw(lang, 'fromTo')];
  const cols = [...head, pw(lang, 'effort'), pw(lang, 'owner')].map((h) => text(h, { bold: true }));
  const rows: Cell[][] = p.steps.flatMap((s) =>
    s.units.map((u) => [
      text(u.name),
      text(s.title),
      text(s.label),
      text(changeText(u.change, s.kind, lang)),
      text(`${leverValue(u.from, s.kind)} → ${leverValue(u.to, s.kind)}`),
      points(s.effort),
      {},
    ]),
  );
  const blockers = p.found ? [] : blockerLines(p, lang).map((l): Cell[] => [text(`• ${l}`, { overflow: true })]);
  const top = heading.length + 1;
  return {
    name: lang === 'zh' ? '整改计划' : '整改计划 Plan',
    rows: [...heading, [], cols, ...rows, ...(blockers.length ? [[], ...blockers] : [])],
    heads: [top + 1],
    freeze: { x: 0, y: top + 1 },
    filter: rows.length ? { row: top + 1, cols: cols.length } : undefined,
  };
}

export function formatPlanXlsx(p: PlanResult, lang: Lang): Promise<Uint8Array> {
  return writeWorkbook([planSheet(p, lang)], {
    title: `${pw(lang, 'title')}: ${p.unit.name}`,
    subject: p.scheme.title,
  });
}
