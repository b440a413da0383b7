/**
 * The workbook report (.xlsx) for the bureau's Excel/WPS: a summary sheet (verdict,
 * vetoes, the scheme), an items sheet (one row per unit × item at every level), a
 * ranking sheet (the units below each unit, best first, with their worst items) and
 * the action list (整改清单). Numbers are real numbers (6 decimal places, as in the
 * JSON report) with number formats: percent items as `0.00%` of the exact fraction.
 *
 * Safe with any input text: every text cell is written as a string value (never a
 * formula object), so a township named `=HYPERLINK(...)` stays inert text; text cells
 * also get the text number format `@`, so editing one in Excel keeps it text.
 *
 * Deterministic: the workbook's dates are fixed and the zip entries' timestamps are
 * set to a fixed time, so identical input gives identical bytes. exceljs is loaded
 * only when a workbook is asked for.
 */
import { gapText, valueText } from '../shared/item-words';
import { plainOps, plainTarget, plainValue } from '../shared/plain';
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Assessment, ItemResult, UnitResult } from '../../engine/types';
import { actionList } from './actions';
import { explainItem, remedyText } from './explain';
import { fixText } from './explain-lines';
import { statusWord, t, type Word } from '../shared/i18n';
import { childrenByRank } from '../shared/order';
import { stampParts, type Stamp } from '../shared/heading';
import {
  int,
  leverCell,
  points,
  STATUS_TONE,
  text,
  valueCell,
  writeWorkbook,
  type Cell,
  type Sheet,
} from '../shared/xlsx-cells';

export { fixZipTimes, STATUS_TONE } from '../shared/xlsx-cells';
import { summarySheet, vetoSummary, verdict, walk, words } from './xlsx-summary';
import { adjustmentsSheet } from './xlsx-adjustments';

export interface XlsxContext extends Stamp {
  lang: Lang;
}

/** The fixed time stamped into the workbook and its zip entries: 1980-01-01, the earliest a zip entry can carry. */
export async function formatXlsx(a: Assessment, ctx: XlsxContext): Promise<Uint8Array> {
  const sheets = [
    summarySheet(a, ctx.lang, ctx),
    itemsSheet(a, ctx.lang),
    rankingSheet(a, ctx.lang),
    actionsSheet(a, ctx.lang),
    ...(a.adjustments ? [adjustmentsSheet(a, ctx.lang)] : []),
  ];
  // The period (and --as-of) in the file's properties too, so the file itself says its month.
  const stamp = stampParts(ctx, ctx.lang);
  return writeWorkbook(sheets, {
    title: a.scheme.title,
    subject: stamp.length ? stamp.join(' · ') : undefined,
    keywords: ctx.period ?? undefined,
  });
}

// ---------------------------------------------------------------------------------
// The sheets, as cells

/** An item's cells from its value to its remedy: value, target, status, points, max, lost, gap, what it takes. */
export function itemCells(u: UnitResult, i: ItemResult, lang: Lang, shown: string): Cell[] {
  return [
    valueCell(i.value, i.kind, shown),
    text(plainTarget(u.fields, i) ?? i.target),
    statusCell(i, lang),
    points(i.points),
    points(i.max),
    points(i.lost),
    i.gap === undefined
      ? {}
      : valueCell(i.gap, i.kind === 'boolean' ? 'number' : i.kind, gapText(i) ?? i.gap.toDecimal(2)),
    text(i.remedy ? remedyText(i.remedy, lang) : fixText(i, u, lang)),
  ];
}

export function statusCell(i: ItemResult, lang: Lang): Cell {
  // A bonus not earned costs nothing: grey, as the terminal table words it.
  if (i.bonus && i.status === 'failed') return text(t(lang, 'notEarned'), { tone: 'grey' });
  return text(statusWord(lang, i.status), { tone: STATUS_TONE[i.status] });
}

function itemsSheet(a: Assessment, lang: Lang): Sheet {
  const w = words(lang);
  const section = new Map(a.scheme.sections.map((s) => [s.id, s.title]));
  const header: Word[] = [
    'xlsxUnit',
    'xlsxCode',
    'xlsxLevel',
    'xlsxSection',
    'xlsxItemId',
    'xlsxItem',
    'xlsxValue',
    'xlsxTarget',
    'xlsxStatus',
    'xlsxPoints',
    'xlsxMax',
    'xlsxLost',
    'xlsxGap',
    'xlsxRemedy',
    'xlsxExplanation',
  ];
  const rows: Cell[][] = [header.map((h) => text(w(h)))];
  walk(a.units, (u) => {
    for (const i of u.items) {
      const shown = plainValue(u.fields, i, lang);
      rows.push([
        text(u.name),
        text(u.code),
        text(u.levelTitle),
        text(section.get(i.section) ?? (i.bonus ? t(lang, 'bonusItems') : i.section)),
        text(i.id),
        text(i.title),
        ...itemCells(u, i, lang, shown),
        text(plainOps(explainItem(u.fields, i, lang, a.scheme.labels, valueText(u.fields, i)))),
      ]);
    }
  });
  return {
    name: w('xlsxSheetItems'),
    rows,
    heads: [1],
    freeze: { x: 1, y: 1 },
    filter: { row: 1, cols: header.length },
    maxLast: 120,
  };
}

export function worstItems(u: UnitResult, lang: Lang): string {
  const worst = u.items
    .map((x, k) => [x, k] as const)
    .filter(([x]) => x.lost.sign() > 0)
    .sort((p, q) => q[0].lost.cmp(p[0].lost) || p[1] - q[1])
    .slice(0, 3)
    .map(
      ([i]) =>
        `${i.title} ${i.status === 'missing' || i.status === 'invalid' ? statusWord(lang, i.status) : plainValue(u.fields, i, lang)} −${showPoints(i.lost)}`,
    );
  return worst.length ? worst.join(lang === 'zh' ? '；' : '; ') : t(lang, 'none');
}

function rankingSheet(a: Assessment, lang: Lang): Sheet {
  const w = words(lang);
  const header: Word[] = [
    'xlsxRank',
    'xlsxUnit',
    'xlsxCode',
    'xlsxLevel',
    'xlsxParent',
    'xlsxScore',
    'xlsxMax',
    'xlsxScaled',
    'xlsxGrade',
    'xlsxResult',
    'xlsxVetoes',
    'xlsxWorst',
  ];
  const rows: Cell[][] = [header.map((h) => text(w(h)))];
  walk(a.units, (u) => {
    const kids = childrenByRank(u);
    for (const k of kids) {
      rows.push([
        int(k.rank),
        text(k.name),
        text(k.code),
        text(k.levelTitle),
        text(u.name),
        points(k.score),
        points(k.max),
        points(k.scaled),
        text(k.grade),
        verdict(k, lang),
        vetoSummary(k, lang),
        text(worstItems(k, lang)),
      ]);
    }
  });
  return {
    name: w('xlsxSheetRanking'),
    rows,
    heads: [1],
    freeze: { x: 2, y: 1 },
    filter: { row: 1, cols: header.length },
    maxLast: 100,
  };
}

function actionsSheet(a: Assessment, lang: Lang): Sheet {
  const w = words(lang);
  const header: Word[] = [
    'xlsxUnit',
    'xlsxCode',
    'xlsxLevel',
    'xlsxItemId',
    'xlsxItem',
    'xlsxLever',
    'xlsxFrom',
    'xlsxChange',
    'xlsxTo',
    'xlsxGain',
    'xlsxText',
  ];
  const rows: Cell[][] = [header.map((h) => text(w(h)))];
  for (const x of actionList(a)) {
    const r = x.remedy;
    rows.push([
      text(x.unit.name),
      text(x.unit.code),
      text(x.unit.levelTitle),
      text(x.item.id),
      text(x.item.title),
      text(r.label),
      leverCell(r.from, r.kind),
      leverCell(r.change, r.kind),
      leverCell(r.to, r.kind),
      points(r.gain),
      text(remedyText(r, lang)),
    ]);
  }
  return {
    name: w('xlsxSheetActions'),
    rows,
    heads: [1],
    freeze: { x: 1, y: 1 },
    filter: { row: 1, cols: header.length },
    maxLast: 80,
  };
}
