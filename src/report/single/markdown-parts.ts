/** The Markdown report's closing parts: the ranking of the units below, the inspectors' adjustments, the data summary. */
import { formatDiagnostic, type Lang } from '../../diagnostics';
import type { Assessment, UnitResult } from '../../engine/types';
import { showPoints } from '../shared/display';
import { fill, statusWord, t } from '../shared/i18n';
import { cell, inline, table } from '../shared/markdown-text';
import { childrenByRank, sortItems } from '../shared/order';
import { plainValue } from '../shared/plain';
import {
  adjustedUnits,
  adjustmentAction,
  adjustmentsSummary,
  adjustmentsTitle,
  recordChange,
  recordStatus,
  selfVsAdjusted,
} from './adjustments';

export function ranking(u: UnitResult, L: Lang): string[] {
  const kids = childrenByRank(u);
  const rows = kids.map((k) => {
    const worst = sortItems(
      k.items.filter((i) => i.lost.sign() > 0),
      'lost',
    )
      .slice(0, 2)
      .map((i) =>
        cell(
          `${i.title} ${i.status === 'missing' || i.status === 'invalid' ? statusWord(L, i.status) : plainValue(k.fields, i, L)} −${showPoints(i.lost)}`,
        ),
      )
      .join('<br>');
    const veto = k.vetoes.some((v) => v.triggered) ? ' ✗' : k.vetoes.some((v) => !v.checked) ? ' ?' : '';
    return [
      String(k.rank),
      cell(k.name),
      `${showPoints(k.score)} / ${showPoints(k.max)}`,
      showPoints(k.scaled),
      cell(k.grade ?? '') + veto,
      worst || t(L, 'none'),
    ];
  });
  const head = [
    t(L, 'rank'),
    cell(u.children[0]!.levelTitle),
    t(L, 'score'),
    t(L, 'scaledHead'),
    t(L, 'gradeHead'),
    t(L, 'worst'),
  ];
  return table(head, ['r', 'l', 'r', 'r', 'l', 'l'], rows);
}

/** Every line of the adjustments file, applied or not; the self-assessed scores beside the adjusted ones. */
export function adjustmentsPart(a: Assessment, L: Lang): string[] {
  const zh = L === 'zh';
  const asOf = a.adjustments!.asOf;
  const out = [`## ${adjustmentsTitle(L)}`, '', inline(adjustmentsSummary(a, L)), ''];
  const units = adjustedUnits(a.units);
  if (units.length)
    out.push(...units.map((u) => `- **${inline(u.name)}**${zh ? '：' : ': '}${inline(selfVsAdjusted(u, L)!)}`), '');
  const head = zh
    ? ['单位', '指标', '核定', '自评 → 核定', '理由', '核查单位', '文号', '日期', '状态']
    : ['Unit', 'Item', 'Adjustment', 'Self → adjusted', 'Reason', 'Authority', 'Document', 'Date', 'Status'];
  const rows = a.adjustments!.list.map((r) => [
    cell(r.unit.name),
    cell(r.item.title),
    cell(adjustmentAction(r, L)),
    recordChange(r),
    cell(r.reason),
    cell(r.authority),
    cell(r.document ?? ''),
    cell(r.expires ? `${r.date} – ${r.expires}` : r.date),
    cell(recordStatus(r, asOf, L)),
  ]);
  if (rows.length) out.push(...table(head, ['l', 'l', 'l', 'r', 'l', 'l', 'l', 'l', 'l'], rows), '');
  return out;
}

export function dataSummary(a: Assessment, L: Lang): string[] {
  const d = a.data;
  const n = (sev: string) => d.findings.filter((f) => f.severity === sev).length;
  const sep = L === 'zh' ? '；' : '; ';
  const comma = L === 'zh' ? '，' : ', ';
  const counts = [
    fill(L, 'nErrors', { n: n('error') }),
    fill(L, 'nWarnings', { n: n('warning') }),
    fill(L, 'nNotes', { n: n('note') }),
  ].join(comma);
  const out = [
    `## ${t(L, 'data')}`,
    '',
    `${fill(L, 'dataRows', { read: d.read, used: d.used, rejected: d.rejected })}${sep}${counts}`,
    '',
  ];
  if (d.files.length) {
    const rows = d.files.map((f) => [
      cell(f.file),
      cell(f.encoding),
      String(f.read),
      String(f.used),
      String(f.rejected),
    ]);
    out.push(
      ...table(
        [t(L, 'file'), t(L, 'encoding'), t(L, 'rowsRead'), t(L, 'rowsUsed'), t(L, 'rowsNotUsed')],
        ['l', 'l', 'r', 'r', 'r'],
        rows,
      ),
      '',
    );
  }
  // Errors and warnings listed; notes only counted.
  const listed = d.findings.filter((f) => f.severity !== 'note');
  if (listed.length) out.push(...listed.map((f) => `- ${inline(formatDiagnostic(f, L))}`), '');
  return out;
}
