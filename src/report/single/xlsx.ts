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
import { plainOps, plainTarget, plainValue, vetoPlain, yesNo } from '../shared/plain';
import { say } from '../../messages/catalog';
import type { Lang } from '../../diagnostics';
import { showPoints, showValue } from '../shared/display';
import type { Assessment, ItemResult, UnitResult, VetoResult } from '../../engine/types';
import { actionList } from './actions';
import { adjustedUnits, adjustmentAction, adjustmentsSummary, adjustmentsTitle, recordStatus } from './adjustments';
import { explainItem, remedyText } from './explain';
import { statusWord, t, type Word } from '../shared/i18n';
import { childrenByRank } from '../shared/order';
import { stampParts, titleLine, type Stamp } from '../shared/heading';
import {
  FMT,
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

export function words(lang: Lang) {
  return (w: Word) => t(lang, w);
}

export function walk(units: UnitResult[], f: (u: UnitResult, parent?: UnitResult) => void, parent?: UnitResult): void {
  for (const u of units) {
    f(u, parent);
    walk(u.children, f, u);
  }
}

export function vetoSummary(u: UnitResult, lang: Lang): Cell {
  const w = words(lang);
  const sep = lang === 'zh' ? '、' : ', ';
  const hit = u.vetoes.filter((v) => v.triggered);
  const unknown = u.vetoes.filter((v) => !v.checked);
  const parts: string[] = [];
  if (hit.length) parts.push(w('xlsxVetoHit').replace('{list}', hit.map((v) => v.title).join(sep)));
  if (unknown.length) parts.push(w('xlsxVetoUnknown').replace('{list}', unknown.map((v) => v.title).join(sep)));
  if (!parts.length) return u.vetoes.length ? text(w('xlsxVetoNone'), { tone: 'good' }) : {};
  return text(parts.join(lang === 'zh' ? '；' : '; '), { tone: hit.length ? 'bad' : 'warn' });
}

export const verdict = (u: UnitResult, lang: Lang): Cell =>
  text(t(lang, u.passed ? 'passed' : 'failed'), { tone: u.passed ? 'good' : 'bad', bold: true });

export function summarySheet(a: Assessment, lang: Lang, stamp: Stamp = {}): Sheet {
  const w = words(lang);
  const rows: Cell[][] = [];
  const heads: number[] = [];
  const head = (cells: Word[]) => {
    rows.push(cells.map((c) => text(w(c))));
    heads.push(rows.length);
  };
  rows.push([text(titleLine(a.scheme, stamp, lang), { bold: true, overflow: true })]);
  const errors = a.data.findings.filter((f) => f.severity === 'error').length;
  if (errors) rows.push([text(w('xlsxProvisional'), { tone: 'bad', bold: true, overflow: true })]);

  head([
    'xlsxLevel',
    'xlsxUnit',
    'xlsxCode',
    'xlsxScore',
    'xlsxMax',
    'xlsxBonus',
    'xlsxScaled',
    'xlsxPassLine',
    'xlsxResult',
    'xlsxGrade',
    'xlsxRank',
    'xlsxOf',
    'xlsxVetoes',
  ]);
  const frozen = rows.length;
  for (const u of a.units) {
    rows.push([
      text(u.levelTitle),
      text(u.name),
      text(u.code),
      points(u.score),
      points(u.max),
      points(u.bonus),
      points(u.scaled),
      points(a.scheme.pass),
      verdict(u, lang),
      text(u.grade),
      int(u.rank),
      int(u.of),
      vetoSummary(u, lang),
    ]);
  }

  const vetoes: [UnitResult, VetoResult][] = a.units.flatMap((u) =>
    u.vetoes.map((v) => [u, v] as [UnitResult, VetoResult]),
  );
  if (vetoes.length) {
    rows.push([]);
    // Short cells first; the long texts wrap within the columns the units table sized.
    head([
      'xlsxUnit',
      'xlsxVetoId',
      'xlsxVeto',
      'xlsxTriggered',
      'xlsxChecked',
      'xlsxValue',
      'xlsxShown',
      'xlsxCondition',
      'xlsxReason',
    ]);
    for (const [u, v] of vetoes) {
      const vw = vetoPlain(u, v, lang);
      // The value as a number formatted like the other values (`111.28`, `96.57%`); yes/no in words.
      const value: Cell =
        v.value === undefined
          ? {}
          : typeof v.value === 'boolean'
            ? text(yesNo(v.value, lang))
            : valueCell(v.value, vw.display, showValue(v.value, vw.display));
      rows.push([
        text(u.name),
        text(v.id),
        text(v.title, { wrap: true }),
        text(w(v.triggered ? 'xlsxYes' : 'xlsxNo'), { tone: v.triggered ? 'bad' : 'good' }),
        text(w(v.checked ? 'xlsxYes' : 'xlsxNo'), { tone: v.checked ? 'good' : 'warn' }),
        value,
        text(vw.seen, { wrap: true }),
        text(vw.rule, { wrap: true }),
        text(v.reason && say(v.reason, lang), { wrap: true }),
      ]);
    }
  }

  // The scheme and the data: label, value.
  rows.push([]);
  const kv = (k: Word, v: Cell) => rows.push([text(w(k), { bold: true }), { ...v, overflow: true }]);
  const s = a.scheme;
  kv('xlsxScheme', text(s.title));
  kv('xlsxSchemeId', text(s.id));
  kv('xlsxVersion', text(s.version));
  if (s.issuer) kv('xlsxIssuer', text(s.issuer));
  if (s.document) kv('xlsxDocument', text(s.document));
  kv('xlsxTotal', points(s.total));
  kv('xlsxPassLine', points(s.pass));
  kv('xlsxRowsRead', { v: a.data.read, fmt: FMT.int });
  kv('xlsxRowsUsed', { v: a.data.used, fmt: FMT.int });
  kv('xlsxRowsRejected', { v: a.data.rejected, fmt: FMT.int });
  kv('xlsxErrors', { v: errors, fmt: FMT.int, ...(errors ? { tone: 'bad' as const } : {}) });
  kv('xlsxWarnings', { v: a.data.findings.filter((f) => f.severity === 'warning').length, fmt: FMT.int });

  return { name: w('xlsxSheetSummary'), rows, heads, freeze: { x: 0, y: frozen }, maxWidth: 30 };
}

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
    text(i.remedy ? remedyText(i.remedy, lang) : undefined),
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

/** 抽查核定: each adjusted unit's self-assessed and adjusted score, then every line of the file. */
function adjustmentsSheet(a: Assessment, lang: Lang): Sheet {
  const zh = lang === 'zh';
  const asOf = a.adjustments!.asOf;
  const rows: Cell[][] = [[text(adjustmentsSummary(a, lang), { bold: true, overflow: true })], []];
  const heads: number[] = [];
  const units = adjustedUnits(a.units);
  if (units.length) {
    heads.push(rows.length + 1);
    rows.push(
      (zh
        ? ['单位', '层级', '自评折算分', '自评结论', '核定折算分', '核定结论']
        : ['Unit', 'Level', 'Self-assessed', 'Self verdict', 'Adjusted', 'Adjusted verdict']
      ).map((h) => text(h)),
    );
    for (const u of units)
      rows.push([
        text(u.name),
        text(u.levelTitle),
        points(u.self!.scaled),
        verdict({ ...u, passed: u.self!.passed }, lang),
        points(u.scaled),
        verdict(u, lang),
      ]);
    rows.push([]);
  }
  heads.push(rows.length + 1);
  const header = zh
    ? [
        '单位',
        '代码',
        '指标编号',
        '指标',
        '核定',
        '自评得分',
        '核定得分',
        '理由',
        '核查单位',
        '文号',
        '日期',
        '有效期至',
        '状态',
      ]
    : [
        'Unit',
        'Code',
        'Item id',
        'Item',
        'Adjustment',
        'Self-assessed points',
        'Adjusted points',
        'Reason',
        'Authority',
        'Document',
        'Date',
        'Valid until',
        'Status',
      ];
  rows.push(header.map((h) => text(h)));
  for (const r of a.adjustments!.list) {
    rows.push([
      text(r.unit.name),
      text(r.unit.code),
      text(r.item.id),
      text(r.item.title),
      text(adjustmentAction(r, lang)),
      points(r.selfPoints),
      points(r.points),
      text(r.reason),
      text(r.authority),
      text(r.document),
      text(r.date),
      text(r.expires),
      text(recordStatus(r, asOf, lang), { tone: r.status === 'applied' ? 'good' : 'warn' }),
    ]);
  }
  return { name: adjustmentsTitle(lang), rows, heads, freeze: { x: 1, y: 0 }, maxLast: 80 };
}
