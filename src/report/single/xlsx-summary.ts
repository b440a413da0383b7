/** The summary sheet of a workbook: the units' verdicts, every veto, the scheme and the data. */
import { unitLineTexts } from './explain-lines';
import { say } from '../../messages/catalog';
import type { Lang } from '../../diagnostics';
import { showValue } from '../shared/display';
import type { Assessment, UnitResult, VetoResult } from '../../engine/types';
import { t, type Word } from '../shared/i18n';
import { titleLine, type Stamp } from '../shared/heading';
import { vetoPlain, yesNo } from '../shared/plain';
import { FMT, int, points, text, valueCell, type Cell } from '../shared/xlsx-cells';
import type { Sheet } from '../shared/xlsx-cells';

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

/** Rows being built, and which of them are heads (1-based). */
interface Rows {
  rows: Cell[][];
  heads: number[];
  w: (word: Word) => string;
}

function head(r: Rows, cells: Word[]): void {
  r.rows.push(cells.map((c) => text(r.w(c))));
  r.heads.push(r.rows.length);
}

/** One row per unit: its score, verdict, grade, rank and vetoes. */
function unitRows(r: Rows, a: Assessment, lang: Lang): void {
  const rows = r.rows;
  head(r, [
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
    for (const line of unitLineTexts(u, lang)) rows.push([{}, text(line)]);
  }
}

/** Every veto of every unit: triggered, checked, the value it saw, its rule and why not checked. */
function vetoRows(r: Rows, a: Assessment, lang: Lang): void {
  const { rows, w } = r;
  const vetoes: [UnitResult, VetoResult][] = a.units.flatMap((u) =>
    u.vetoes.map((v) => [u, v] as [UnitResult, VetoResult]),
  );
  if (vetoes.length) {
    rows.push([]);
    // Short cells first; the long texts wrap within the columns the units table sized.
    head(r, [
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
}

/** The scheme and the data: label, value. */
function schemeRows(r: Rows, a: Assessment, errors: number): void {
  const { rows, w } = r;
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
}

export function summarySheet(a: Assessment, lang: Lang, stamp: Stamp = {}): Sheet {
  const w = words(lang);
  const r: Rows = { rows: [], heads: [], w };
  r.rows.push([text(titleLine(a.scheme, stamp, lang), { bold: true, overflow: true })]);
  const errors = a.data.findings.filter((f) => f.severity === 'error').length;
  if (errors) r.rows.push([text(w('xlsxProvisional'), { tone: 'bad', bold: true, overflow: true })]);
  const frozen = r.rows.length + 1;
  unitRows(r, a, lang);
  vetoRows(r, a, lang);
  schemeRows(r, a, errors);
  return { name: w('xlsxSheetSummary'), rows: r.rows, heads: r.heads, freeze: { x: 0, y: frozen }, maxWidth: 30 };
}
