/** The plan as Markdown: heading, the steps and the units' changes as tables, or what blocks it. */
import type { Lang } from '../../diagnostics';
import type { PlanResult } from '../../plan/types';
import { cell, inline, table } from '../shared/markdown-text';
import { blockerLines, pw, stepCells, stepHead, summaryLines, unitCells, unitHead } from './words';

const cells = (rows: string[][]): string[][] => rows.map((r) => r.map(cell));

export function formatPlanMarkdown(p: PlanResult, lang: Lang): string {
  const [title, ...rest] = summaryLines(p, lang);
  const out = [
    `# ${pw(lang, 'title')}: ${inline(p.unit.name)}`,
    '',
    inline(title!),
    '',
    ...rest.map((l) => `- ${inline(l)}`),
  ];
  if (p.found && p.steps.length) {
    const steps = cells(p.steps.map((s) => stepCells(s, lang)));
    out.push('', ...table(stepHead(lang), ['l', 'l', 'r', 'l', 'r'], steps));
    const units = cells(p.steps.flatMap((s) => s.units.map((u) => unitCells(s, u, lang))));
    out.push('', `## ${pw(lang, 'where')}`, '', ...table(unitHead(lang), ['l', 'l', 'l', 'l', 'r'], units));
  }
  if (!p.found && p.blockers.length)
    out.push('', `## ${pw(lang, 'blocked')}`, '', ...blockerLines(p, lang).map((l) => `- ${inline(l)}`));
  return `${out.join('\n')}\n`;
}
