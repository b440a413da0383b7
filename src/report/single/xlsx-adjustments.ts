/** The workbook's 抽查核定 sheet: each adjusted unit's self-assessed and adjusted score, then every line of the file. */
import type { Lang } from '../../diagnostics';
import type { Assessment } from '../../engine/types';
import { points, text, type Cell, type Sheet } from '../shared/xlsx-cells';
import { adjustedUnits, adjustmentAction, adjustmentsSummary, adjustmentsTitle, recordStatus } from './adjustments';
import { verdict } from './xlsx-summary';

const UNIT_HEAD = {
  zh: ['单位', '层级', '自评折算分', '自评结论', '核定折算分', '核定结论'],
  en: ['Unit', 'Level', 'Self-assessed', 'Self verdict', 'Adjusted', 'Adjusted verdict'],
};

const RECORD_HEAD = {
  zh: [
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
  ],
  en: [
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
  ],
};

/** Each adjusted unit: self-assessed and adjusted score and verdict (nothing when none changed). */
function unitRows(a: Assessment, lang: Lang, rows: Cell[][], heads: number[]): void {
  const units = adjustedUnits(a.units);
  if (!units.length) return;
  heads.push(rows.length + 1);
  rows.push(UNIT_HEAD[lang].map((h) => text(h)));
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

/** Every line of the adjustments file, with its status on the reference date. */
function recordRows(a: Assessment, lang: Lang, rows: Cell[][], heads: number[]): void {
  const asOf = a.adjustments!.asOf;
  heads.push(rows.length + 1);
  rows.push(RECORD_HEAD[lang].map((h) => text(h)));
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
}

export function adjustmentsSheet(a: Assessment, lang: Lang): Sheet {
  const rows: Cell[][] = [[text(adjustmentsSummary(a, lang), { bold: true, overflow: true })], []];
  const heads: number[] = [];
  unitRows(a, lang, rows, heads);
  recordRows(a, lang, rows, heads);
  return { name: adjustmentsTitle(lang), rows, heads, freeze: { x: 1, y: 0 }, maxLast: 80 };
}
