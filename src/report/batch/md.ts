/** The Markdown summary page of a batch: counts, ranking, scores by period, last places, links. */
import { periodSpan, titleLine } from '../shared/heading';
import { plainValue } from '../shared/plain';
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Batch, BatchEntry } from '../../batch/types';
import {
  countsLine,
  firstText,
  lastHeading,
  matrixNote,
  periodLabel,
  rankingHeading,
  scoreHead,
  scoreText,
  summarize,
  type BatchSummary,
} from './summary';
import { hrefOf } from '../shared/href';
import { statusWord, t } from '../shared/i18n';
import { cell, inline, table } from '../shared/markdown-text';
import { markdownParts, type BatchParts } from './trend-parts';

export interface BatchMdContext extends BatchParts {
  /** The reference date, only when given (`--as-of`). */
  asOf?: string;
  lang: Lang;
  /** Relative link to each entry's own report (--output-dir). */
  links?: (e: BatchEntry) => string | undefined;
}

const link = (text: string, href: string | undefined) => (href ? `[${cell(text)}](${hrefOf(href)})` : cell(text));

/** What each part of the page needs: the batch, its summary, the context and the language. */
interface MdEnv {
  b: Batch;
  s: BatchSummary;
  ctx: BatchMdContext;
  L: Lang;
  zh: boolean;
}

/** The ranking of the newest period. */
function rankingPart(e: MdEnv): string[] {
  const { s, ctx, L, zh } = e;
  const out: string[] = [];
  const level = s.ranking[0]!.entry.assessment.units[0]!.levelTitle;
  out.push(`## ${inline(rankingHeading(s, level, L))}`, '');
  out.push(
    ...table(
      [t(L, 'rank'), cell(level), scoreHead(s, L), zh ? '结论' : 'Verdict', t(L, 'gradeHead'), t(L, 'worst')],
      ['r', 'l', 'r', 'l', 'l', 'l'],
      s.ranking.map((r) => [
        `${r.rank}/${r.of}`,
        link(r.name, ctx.links?.(r.entry)),
        scoreText(r),
        r.passed ? t(L, 'passed') : t(L, 'failed'),
        cell((r.grade ?? '') + (r.vetoed ? (zh ? '（一票否决）' : ' (veto)') : '')),
        r.worst
          .map((i) =>
            cell(
              `${i.title} ${i.status === 'missing' || i.status === 'invalid' ? statusWord(L, i.status) : plainValue(r.fields, i, L)} −${showPoints(i.lost)}`,
            ),
          )
          .join('<br>') || t(L, 'none'),
      ]),
    ),
    '',
  );
  return out;
}

/** Scores by period, with ranks. */
function periodsPart(e: MdEnv): string[] {
  const { b, s, ctx, L, zh } = e;
  const out: string[] = [];
  const entries = new Map(b.entries.map((e) => [`${e.period ?? ''}\u0000${e.assessment.units[0]!.key}`, e]));
  out.push(`## ${zh ? '各期得分（名次）' : 'Score by period (rank)'}`, '', inline(matrixNote(L)), '');
  out.push(
    ...table(
      ['', ...s.periods.map((p) => cell(periodLabel(p, L)))],
      ['l', ...s.periods.map(() => 'r' as const)],
      s.matrix.map((m) => [
        cell(m.name),
        ...m.cells.map((x, k) =>
          x
            ? link(
                `${showPoints(x.scaled)} (${x.rank})${x.vetoed ? ' ✗' : ''}`,
                ctx.links && entries.get(`${s.periods[k] ?? ''}\u0000${m.key}`)
                  ? ctx.links(entries.get(`${s.periods[k] ?? ''}\u0000${m.key}`)!)
                  : undefined,
              )
            : '—',
        ),
      ]),
    ),
    '',
  );
  return out;
}

/** Who is last on each item, and who is first. */
function lastPlacePart(e: MdEnv): string[] {
  const { s, L, zh } = e;
  const out: string[] = [];
  out.push(`## ${inline(lastHeading(s, L))}`, '');
  out.push(
    ...table(
      [
        zh ? '指标' : 'Item',
        zh ? '末位' : 'Last',
        zh ? '值' : 'Value',
        zh ? '得分/满分' : 'Points/max',
        zh ? '第一' : 'First',
      ],
      ['l', 'l', 'r', 'r', 'l'],
      s.lastPlace.map(({ item, last, first }) => [
        cell(item.title),
        cell(last.map((x) => x.name).join('、')),
        cell(last.map((x) => plainValue(x.fields, x.result, L)).join('、')),
        last.map((x) => `${showPoints(x.points)}/${showPoints(x.max)}`).join('、'),
        cell(firstText(item, first, L)),
      ]),
    ),
    '',
  );
  return out;
}

export function formatBatchMarkdown(b: Batch, ctx: BatchMdContext): string {
  const L = ctx.lang;
  const zh = L === 'zh';
  const s = summarize(b);
  const e: MdEnv = { b, s, ctx, L, zh };
  const out: string[] = [
    `# ${inline(titleLine(s, { period: periodSpan(b.periods), asOf: ctx.asOf }, L, ' '))}`,
    '',
    inline(countsLine(s, L)),
    '',
  ];
  const parts = markdownParts(ctx, L);
  for (const block of parts.top) out.push(block.trimEnd(), '');
  if (s.ranking.length) out.push(...rankingPart(e));
  if (s.periods.length > 1) out.push(...periodsPart(e));
  if (s.lastPlace.length) out.push(...lastPlacePart(e));
  for (const block of parts.end) out.push(block.trimEnd(), '');
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}
