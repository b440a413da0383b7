/**
 * The city workbook of a batch (`--format xlsx` with many counties or months): a
 * summary sheet (each county's newest score, rank, verdict and vetoes, with its
 * scaled score in the earlier periods beside it), a ranking sheet (every period, rank
 * order, with each county's worst items), a league table of the newest period (items
 * × counties, each cell the county's value coloured by its status), and one sheet per
 * county and period: the single report's summary sheet followed by the county's own
 * items. Sheet names are Excel-safe and unique (xlsx-cells.ts). Deterministic as the
 * single workbook is.
 */
import type { Batch, BatchEntry } from '../../batch/types';
import type { Lang } from '../../diagnostics';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';
import { periodLabel } from './summary';
import { periodSpan, stampParts, type Stamp } from '../shared/heading';
import { t, type Word } from '../shared/i18n';
import { plainTarget, plainValue } from '../shared/plain';
import { itemCells, worstItems } from '../single/xlsx';
import { summarySheet, vetoSummary, verdict } from '../single/xlsx-summary';
import { int, points, STATUS_TONE, text, valueCell, writeWorkbook, type Cell, type Sheet } from '../shared/xlsx-cells';

export interface BatchXlsxContext {
  lang: Lang;
  asOf?: string;
}

const root = (e: BatchEntry) => e.assessment.units[0]!;

function summary(b: Batch, lang: Lang, stamp: Stamp): Sheet {
  const w = (x: Word) => t(lang, x);
  const scheme = b.entries[0]!.assessment.scheme;
  const newest = b.periods[b.periods.length - 1] ?? null;
  const earlier = b.periods.slice(0, -1);
  const rows: Cell[][] = [
    [
      text([`${scheme.title}  ${scheme.version}`, ...stampParts(stamp, lang)].join('  '), {
        bold: true,
        overflow: true,
      }),
    ],
  ];
  const head = [
    w('xlsxUnit'),
    w('xlsxCode'),
    w('xlsxScaled'),
    w('xlsxRank'),
    w('xlsxOf'),
    w('xlsxResult'),
    w('xlsxGrade'),
    w('xlsxVetoes'),
    ...earlier.map((p) => `${w('xlsxScaled')} ${periodLabel(p, lang)}`),
  ];
  rows.push(head.map((h) => text(h)));
  const byPeriod = new Map(b.entries.map((e) => [`${e.period ?? ''}\u0000${root(e).key}`, e]));
  for (const e of b.entries.filter((x) => x.period === newest)) {
    const u = root(e);
    const before = earlier.map((p) => {
      const old = byPeriod.get(`${p ?? ''}\u0000${u.key}`);
      return old ? points(root(old).scaled) : {};
    });
    rows.push([
      text(u.name),
      text(u.code),
      points(u.scaled),
      int(u.rank),
      int(u.of),
      verdict(u, lang),
      text(u.grade),
      vetoSummary(u, lang),
      ...before,
    ]);
  }
  return {
    name: w('xlsxSheetSummary'),
    rows,
    heads: [2],
    freeze: { x: 1, y: 2 },
    filter: { row: 2, cols: head.length },
    maxWidth: 30,
  };
}

function ranking(b: Batch, lang: Lang): Sheet {
  const w = (x: Word) => t(lang, x);
  const header: Word[] = [
    'xlsxRank',
    'xlsxUnit',
    'xlsxCode',
    'xlsxScaled',
    'xlsxResult',
    'xlsxGrade',
    'xlsxVetoes',
    'xlsxWorst',
  ];
  const rows: Cell[][] = [[text(lang === 'zh' ? '期间' : 'Period'), ...header.map((h) => text(w(h)))]];
  // Newest period first: the one people act on.
  for (const p of [...b.periods].reverse()) {
    for (const e of b.entries.filter((x) => x.period === p)) {
      const u = root(e);
      rows.push([
        text(periodLabel(p, lang)),
        int(u.rank),
        text(u.name),
        text(u.code),
        points(u.scaled),
        verdict(u, lang),
        text(u.grade),
        vetoSummary(u, lang),
        text(worstItems(u, lang)),
      ]);
    }
  }
  return {
    name: w('xlsxSheetRanking'),
    rows,
    heads: [1],
    freeze: { x: 3, y: 1 },
    filter: { row: 1, cols: header.length + 1 },
    maxLast: 100,
  };
}

/** Items × counties of the newest period: each cell the county's value, coloured by its status. */
function league(b: Batch, lang: Lang): Sheet {
  const w = (x: Word) => t(lang, x);
  const newest = b.periods[b.periods.length - 1] ?? null;
  const entries = b.entries.filter((x) => x.period === newest);
  const units = entries.map(root);
  const level = units[0]?.levelTitle ?? '';
  const rows: Cell[][] = [
    [text(`${periodLabel(newest, lang)}  ${say(message('report/league-note', { level }), lang)}`, { overflow: true })],
  ];
  rows.push([text(w('xlsxItemId')), text(w('xlsxItem')), text(w('xlsxTarget')), ...units.map((u) => text(u.name))]);
  const first = units[0];
  for (const item of first?.items ?? []) {
    const cells: Cell[] = units.map((u) => {
      const i = u.items.find((x) => x.id === item.id);
      if (!i) return {};
      const tone = i.bonus && i.status === 'failed' ? 'grey' : STATUS_TONE[i.status];
      return { ...valueCell(i.value, i.kind, plainValue(u.fields, i, lang)), tone };
    });
    rows.push([
      text(item.id),
      text(item.bonus ? `+ ${item.title}` : item.title),
      text(plainTarget(first!.fields, item) ?? item.target),
      ...cells,
    ]);
  }
  return {
    name: say(message('report/sheet-league', {}), lang),
    rows,
    heads: [2],
    freeze: { x: 2, y: 2 },
    maxWidth: 24,
  };
}

/** The single report's summary sheet, then the county's own items. */
function countySheet(e: BatchEntry, lang: Lang, asOf: string | undefined, withPeriod: boolean): Sheet {
  const w = (x: Word) => t(lang, x);
  const s = summarySheet(e.assessment, lang, { period: e.period, asOf });
  const u = root(e);
  const rows = [...s.rows, []];
  const header: Word[] = [
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
  ];
  rows.push(header.map((h) => text(w(h))));
  const heads = [...s.heads, rows.length];
  for (const i of u.items) {
    rows.push([
      text(i.id),
      text(i.bonus ? `+ ${i.title}` : i.title),
      ...itemCells(u, i, lang, plainValue(u.fields, i, lang)),
    ]);
  }
  const name = withPeriod ? `${periodLabel(e.period, lang)} ${u.name}` : u.name;
  return { ...s, name, rows, heads, maxLast: 80 };
}

export async function formatBatchXlsx(b: Batch, ctx: BatchXlsxContext): Promise<Uint8Array> {
  const span = periodSpan(b.periods);
  const stamp: Stamp = { period: span, asOf: ctx.asOf };
  const scheme = b.entries[0]?.assessment.scheme;
  const sheets: Sheet[] = b.entries.length
    ? [summary(b, ctx.lang, stamp), ranking(b, ctx.lang), league(b, ctx.lang)]
    : [];
  const several = b.periods.length > 1;
  // Newest period first (the one people act on), each in rank order.
  for (const p of [...b.periods].reverse())
    for (const e of b.entries) if (e.period === p) sheets.push(countySheet(e, ctx.lang, ctx.asOf, several));
  const parts = stampParts(stamp, ctx.lang);
  return writeWorkbook(sheets, {
    title: scheme?.title ?? 'pinggu',
    subject: parts.length ? parts.join(' · ') : undefined,
    keywords: span ?? undefined,
  });
}
