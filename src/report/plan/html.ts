/** The plan as a self-contained HTML page (no script, no external request): heading, steps, the units' changes, blockers. */
import type { Lang } from '../../diagnostics';
import type { PlanResult } from '../../plan/types';
import { esc } from '../shared/svg';
import { blockerLines, pw, stepCells, stepHead, summaryLines, unitCells, unitHead } from './words';

const CSS = `body{font-family:system-ui,"Noto Sans CJK SC","Microsoft YaHei",sans-serif;margin:2em;color:#222}
table{border-collapse:collapse;margin:1em 0}th,td{border:1px solid #ccc;padding:.3em .6em;text-align:left}
th{background:#f3f4f6}.found{color:#2e7d32;font-weight:700}.none{color:#c62828;font-weight:700}`;

function htmlTable(head: string[], rows: string[][]): string {
  const tr = (cells: string[], tag: 'th' | 'td') =>
    `<tr>${cells.map((c) => `<${tag}>${esc(c)}</${tag}>`).join('')}</tr>`;
  return `<table><thead>${tr(head, 'th')}</thead><tbody>${rows.map((r) => tr(r, 'td')).join('')}</tbody></table>`;
}

export function formatPlanHtml(p: PlanResult, lang: Lang): string {
  const [title, ...rest] = summaryLines(p, lang);
  const verdict = p.found ? 'found' : 'none';
  const body = [
    `<h1>${esc(pw(lang, 'title'))}: ${esc(p.unit.name)}</h1>`,
    `<p>${esc(title!)}</p>`,
    `<ul class="${verdict}">${rest.map((l) => `<li>${esc(l)}</li>`).join('')}</ul>`,
  ];
  if (p.found && p.steps.length) {
    body.push(
      htmlTable(
        stepHead(lang),
        p.steps.map((s) => stepCells(s, lang)),
      ),
    );
    body.push(`<h2>${esc(pw(lang, 'where'))}</h2>`);
    body.push(
      htmlTable(
        unitHead(lang),
        p.steps.flatMap((s) => s.units.map((u) => unitCells(s, u, lang))),
      ),
    );
  }
  if (!p.found && p.blockers.length) {
    body.push(`<h2>${esc(pw(lang, 'blocked'))}</h2>`);
    body.push(
      `<ul>${blockerLines(p, lang)
        .map((l) => `<li>${esc(l)}</li>`)
        .join('')}</ul>`,
    );
  }
  const head = `<meta charset="utf-8"><title>${esc(pw(lang, 'title'))}: ${esc(p.unit.name)}</title><style>${CSS}</style>`;
  return `<!DOCTYPE html>\n<html lang="${lang === 'zh' ? 'zh-CN' : 'en'}"><head>${head}</head><body>\n${body.join('\n')}\n</body></html>\n`;
}
