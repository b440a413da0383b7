/**
 * The CSV report: one row per unit × item, every level (the county, then its
 * townships, depth first), in scheme order whatever `--sort` says (Excel sorts).
 *
 * - Numbers are exact decimals (`Rational.toDecimal(6)`, as in the JSON report);
 *   booleans are TRUE/FALSE; ids stay as written; words the tool prints (headers,
 *   status, yes/no) and the explanation are in the chosen language.
 * - UTF-8 with a BOM (so Excel reads Chinese) and CRLF line ends by default; GB18030
 *   (no BOM) for old Excel/WPS when the context asks for it. Then the bytes come from
 *   `iconv-lite`, loaded only for that run, and the result is a promise.
 * - Every cell goes through `csvField`: a cell a spreadsheet would take for a formula
 *   (`=`, `+`, `-`, `@`, tab, CR first) gets a leading `'`, except a plain number such
 *   as `-6` (a lever change downwards), which cannot hold a formula and stays a number.
 */
import type * as Iconv from 'iconv-lite';
import { valueText } from '../shared/item-words';
import { plainOps, plainTarget, plainValue } from '../shared/plain';
import type { Lang } from '../../diagnostics';
import type { Rational } from '../../rational';
import type { Assessment, ItemResult, UnitResult } from '../../engine/types';
import { adjustmentAction } from './adjustments';
import { csvRecord } from '../shared/escape';
import { explainItem } from './explain';
import { statusWord, t, type Word } from '../shared/i18n';

export type CsvEncoding = 'utf-8' | 'gb18030';

export interface CsvContext {
  lang: Lang;
  /** Default utf-8 (written with a BOM). */
  csvEncoding?: CsvEncoding;
  /** The assessed period, when known: then the first column (as in a batch's CSV). */
  period?: string | null;
}

const COLUMNS: Word[] = [
  'csvLevel',
  'csvKey',
  'csvCode',
  'csvUnit',
  'csvParent',
  'csvSectionId',
  'csvSection',
  'csvItemId',
  'csvItem',
  'csvValue',
  'csvShown',
  'csvTarget',
  'csvStatus',
  'csvPoints',
  'csvMax',
  'csvLost',
  'csvGap',
  'csvLever',
  'csvChange',
  'csvReachable',
  'csvGain',
  'csvExplanation',
];

const num = (r: Rational | undefined): string => (r === undefined ? '' : r.toDecimal(6));
const val = (x: Rational | boolean | undefined): string =>
  x === undefined ? '' : typeof x === 'boolean' ? (x ? 'TRUE' : 'FALSE') : x.toDecimal(6);

/** A section's title by id; the bonus items' pseudo-section is named in the chosen language. */
export function sectionTitle(a: Assessment, id: string, lang: Lang): string {
  return a.scheme.sections.find((s) => s.id === id)?.title ?? (id === 'bonus' ? t(lang, 'bonusItems') : id);
}

function row(a: Assessment, u: UnitResult, parent: UnitResult | undefined, i: ItemResult, lang: Lang): string[] {
  const r = i.remedy;
  const shown = plainValue(u.fields, i, lang);
  return [
    // The level as the scheme names it (县, 乡镇), not its id: a person reads this column.
    u.levelTitle,
    u.key,
    u.code ?? '',
    u.name,
    parent?.name ?? '',
    i.section,
    sectionTitle(a, i.section, lang),
    i.id,
    i.title,
    val(i.value),
    shown,
    plainTarget(u.fields, i) ?? i.target ?? '',
    statusWord(lang, i.status),
    num(i.points),
    num(i.max),
    num(i.lost),
    num(i.gap),
    r?.label ?? '',
    num(r?.change),
    r ? t(lang, r.reachable ? 'csvYes' : 'csvNo') : '',
    num(r?.gain),
    plainOps(explainItem(u.fields, i, lang, a.scheme.labels, valueText(u.fields, i))),
  ];
}

/** Columns added when adjustments were given: the self-assessed points and what the inspectors did. */
const ADJUSTMENT_COLUMNS = {
  en: ['Self-assessed points', 'Adjustment', 'Adjustment reason', 'Authority', 'Document', 'Adjustment date'],
  zh: ['自评得分', '抽查核定', '核定理由', '核查单位', '文号', '核定日期'],
};

function adjustmentCells(i: ItemResult, lang: Lang): string[] {
  const x = i.adjustment;
  if (!x) return [num(i.points), '', '', '', '', ''];
  return [num(x.selfPoints), adjustmentAction(x, lang), x.reason, x.authority, x.document ?? '', x.date];
}

/**
 * The CSV document as text (no BOM): header and one CRLF-ended record per unit × item.
 * With a known period, a first column says it on every row (the header stays the first
 * line, so the file imports as one table; the batch CSV has the same column).
 */
export function csvReportText(a: Assessment, lang: Lang, period?: string | null): string {
  const lead = (cells: string[], first: string) => (period ? [first, ...cells] : cells);
  return [
    csvRecord(lead(csvHeader(lang, a.adjustments !== undefined), periodHead(lang))),
    ...csvRows(a, lang).map((r) => csvRecord(lead(r, period!))),
  ].join('');
}

/** The header of the period column, here and in the batch CSV. */
export const periodHead = (lang: Lang): string => (lang === 'zh' ? '期间' : 'Period');

/** The CSV header (in the tool's language), with the adjustment columns when adjustments were given. */
export const csvHeader = (lang: Lang, adjusted = false): string[] => [
  ...COLUMNS.map((w) => t(lang, w)),
  ...(adjusted ? ADJUSTMENT_COLUMNS[lang] : []),
];

/** One row per unit × item, walking the units top down. */
export function csvRows(a: Assessment, lang: Lang): string[][] {
  return csvRecords(a, lang).map((r) => r.cells);
}

/** The rows with the unit and item each is about. */
export function csvRecords(a: Assessment, lang: Lang): { unit: UnitResult; item: ItemResult; cells: string[] }[] {
  const adjusted = a.adjustments !== undefined;
  const out: { unit: UnitResult; item: ItemResult; cells: string[] }[] = [];
  const walk = (u: UnitResult, parent: UnitResult | undefined) => {
    for (const i of u.items)
      out.push({
        unit: u,
        item: i,
        cells: [...row(a, u, parent, i, lang), ...(adjusted ? adjustmentCells(i, lang) : [])],
      });
    for (const c of u.children) walk(c, u);
  };
  for (const u of a.units) walk(u, undefined);
  return out;
}

/** Text in the chosen encoding: UTF-8 with a BOM, or GB18030. */
export function encodeCsv(text: string, encoding: CsvEncoding | undefined): string | Promise<Uint8Array> {
  return (encoding ?? 'utf-8') === 'utf-8' ? `\ufeff${text}` : gb18030(text);
}

export function formatCsv(a: Assessment, ctx: CsvContext): string | Promise<Uint8Array> {
  return encodeCsv(csvReportText(a, ctx.lang, ctx.period), ctx.csvEncoding);
}

async function gb18030(text: string): Promise<Uint8Array> {
  // Loaded lazily: only a GB18030 run pays for it (the bundle keeps it external).
  const mod = (await import('iconv-lite')) as typeof Iconv & { default?: typeof Iconv };
  const iconv = mod.default ?? mod;
  return new Uint8Array(iconv.encode(text, 'gb18030'));
}
