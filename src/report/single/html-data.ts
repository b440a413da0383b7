/** The HTML report's last parts: 自评 vs 抽查 (the inspectors' adjustments) and the data read. */
import { formatDiagnostic, type Lang } from '../../diagnostics';
import type { Assessment } from '../../engine/types';
import {
  adjustedUnits,
  adjustmentAction,
  adjustmentsSummary,
  adjustmentsTitle,
  recordChange,
  recordStatus,
  selfVsAdjusted,
  selfVsTitle,
} from './adjustments';
import type { HtmlContext } from './html';
import { fill, t } from '../shared/i18n';
import { esc } from '../shared/svg';

/** 自评 vs 抽查: each adjusted unit's two scores, then every line of the adjustments file. */
export function adjustmentsPart(a: Assessment, L: Lang): string {
  const zh = L === 'zh';
  const asOf = a.adjustments!.asOf;
  const out = [
    `<section class="part adjustments" id="adjustments" data-part="adjustments">`,
    `<h2>${esc(`${selfVsTitle(L)} · ${adjustmentsTitle(L)}`)}</h2>`,
  ];
  out.push(`<p class="note">${esc(adjustmentsSummary(a, L))}</p>`);
  const units = adjustedUnits(a.units);
  if (units.length)
    out.push(
      `<ul class="self-vs">${units.map((u) => `<li>${esc(`${u.name}${zh ? '：' : ': '}${selfVsAdjusted(u, L)}`)}</li>`).join('')}</ul>`,
    );
  const list = a.adjustments!.list;
  if (list.length) {
    const head = zh
      ? ['单位', '指标', '核定', '自评 → 核定', '理由', '核查单位 · 文号 · 日期', '状态']
      : ['Unit', 'Item', 'Adjustment', 'Self → adjusted', 'Reason', 'Authority · document · date', 'Status'];
    out.push(
      `<table class="adjustment-list"><thead><tr>${head.map((h, k) => `<th${k === 3 ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const r of list) {
      const source = [r.authority, r.document, r.expires ? `${r.date} – ${r.expires}` : r.date]
        .filter(Boolean)
        .join(' · ');
      // Inline style: the page's stylesheet stays the same whether or not adjustments were given.
      const cls = r.status === 'applied' ? '' : ' class="not-applied" style="color:#57606a"';
      out.push(
        `<tr${cls}><td class="unit">${esc(r.unit.name)}</td><td>${esc(r.item.title)}</td><td>${esc(adjustmentAction(r, L))}</td><td class="num">${esc(recordChange(r))}</td>` +
          `<td>${esc(r.reason)}</td><td>${esc(source)}</td><td>${esc(recordStatus(r, asOf, L))}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  out.push('</section>');
  return out.join('\n');
}

export function dataPart(a: Assessment, ctx: HtmlContext): string {
  const L = ctx.lang;
  const d = a.data;
  const count = (sev: string) => d.findings.filter((f) => f.severity === sev).length;
  const [errors, warnings, notes] = [count('error'), count('warning'), count('note')];
  const out = [`<section class="part data page" id="data" data-part="data">`, `<h2>${esc(t(L, 'data'))}</h2>`];
  const sep = L === 'zh' ? '；' : '; ';
  out.push(
    `<p>${esc([fill(L, 'dataRows', { read: d.read, used: d.used, rejected: d.rejected }), fill(L, 'nErrors', { n: errors }), fill(L, 'nWarnings', { n: warnings }), fill(L, 'nNotes', { n: notes })].join(sep))}</p>`,
  );
  if (d.files.length) {
    const head = [t(L, 'file'), t(L, 'encoding'), t(L, 'rowsRead'), t(L, 'rowsUsed'), t(L, 'rowsNotUsed')];
    const numeric = [false, false, true, true, true];
    out.push(
      `<table class="files"><thead><tr>${head.map((h, k) => `<th${numeric[k] ? ' class="num"' : ''}>${esc(h)}</th>`).join('')}</tr></thead><tbody>`,
    );
    for (const f of d.files)
      out.push(
        `<tr><td>${esc(f.file)}</td><td>${esc(f.encoding)}</td><td class="num">${f.read}</td><td class="num">${f.used}</td><td class="num">${f.rejected}</td></tr>`,
      );
    out.push('</tbody></table>');
  }
  const shown = d.findings.filter((f) => ctx.verbose || f.severity !== 'note');
  if (shown.length)
    out.push(
      `<ul class="findings">${shown.map((f) => `<li class="${f.severity}">${esc(formatDiagnostic(f, L))}</li>`).join('')}</ul>`,
    );
  if (notes && !ctx.verbose) out.push(`<p class="note">${esc(fill(L, 'htmlNotesHidden', { n: notes }))}</p>`);
  out.push('</section>');
  return out.join('\n');
}
