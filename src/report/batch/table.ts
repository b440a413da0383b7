/**
 * The terminal summary of a batch: counts, the ranking of the newest period, the
 * scores over the periods, who is last on each item, the findings. Returns a string.
 */
import { periodSpan, titleLine } from '../shared/heading';
import { plainValue } from '../shared/plain';
import { Chalk } from 'chalk';
import { formatDiagnostic, type Finding, type Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Batch } from '../../batch/types';
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
import { grid } from '../shared/grid';
import { tableParts, type BatchParts } from './trend-parts';
import { visibleData } from '../shared/escape';
import { statusWord, t } from '../shared/i18n';

export interface BatchTableContext extends BatchParts {
  /** The reference date, only when given (`--as-of`). */
  asOf?: string;
  lang: Lang;
  color: boolean;
  verbose?: boolean;
}

/** The batch without the units below the ranked ones, which the summary never prints: they are not walked to be escaped. */
const ranked = (batch: Batch): Batch => ({
  ...batch,
  entries: batch.entries.map((e) => ({
    ...e,
    assessment: { ...e.assessment, units: e.assessment.units.map((u) => ({ ...u, children: [] })) },
  })),
});

/** What each part of the page needs: the batch, its summary, the context and the language. */
interface TableEnv {
  b: Batch;
  s: BatchSummary;
  ctx: BatchTableContext;
  L: Lang;
  zh: boolean;
  c: InstanceType<typeof Chalk>;
}

/** The ranking of the newest period. */
function rankingPart(e: TableEnv): string[] {
  const { s, L, zh, c } = e;
  const out: string[] = [];
  const level = s.ranking[0]!.entry.assessment.units[0]!.levelTitle;
  out.push('', c.bold(`${rankingHeading(s, level, L)}${zh ? '：' : ':'}`));
  const rows = s.ranking.map((r) => [
    `${r.rank}/${r.of}`,
    r.name,
    scoreText(r),
    r.passed ? c.green(t(L, 'passed')) : c.red(t(L, 'failed')),
    (r.grade ?? '') + (r.vetoed ? ' ✗' : ''),
    r.worst
      .map(
        (i) =>
          `${i.title} ${i.status === 'missing' || i.status === 'invalid' ? statusWord(L, i.status) : plainValue(r.fields, i, L)} −${showPoints(i.lost)}`,
      )
      .join('\n') || t(L, 'none'),
  ]);
  // The rank column as wide as its widest `10/280` (never wrapped), taken from the last column.
  const rankWidth = Math.max(5, ...rows.map((r) => r[0]!.length));
  const widths = s.ranking.some((r) => r.self) ? [5, 10, 16, 7, 10, 32] : [5, 10, 9, 7, 10, 38];
  widths[5] = widths[5]! - (rankWidth - 5);
  widths[0] = rankWidth;
  out.push(
    grid(rows, {
      head: [t(L, 'rank'), level, scoreHead(s, L), zh ? '结论' : 'Verdict', t(L, 'gradeHead'), t(L, 'worst')],
      widths,
      headStyle: c.cyan,
      border: c.gray,
    }),
  );
  return out;
}

/** Scores by period, with ranks. */
function periodsPart(e: TableEnv): string[] {
  const { s, L, zh, c } = e;
  const out: string[] = [];
  out.push('', c.bold(zh ? '各期得分（名次）：' : 'Score by period (rank):'));
  const rows = s.matrix.map((m) => [
    m.name,
    ...m.cells.map((x) => (x ? `${showPoints(x.scaled)} (${x.rank})${x.vetoed ? ' ✗' : ''}` : '—')),
  ]);
  out.push(
    matrixNote(L),
    grid(rows, {
      head: ['', ...s.periods.map((p) => periodLabel(p, L))],
      widths: [10, ...s.periods.map(() => 13)],
      headStyle: c.cyan,
      border: c.gray,
    }),
  );
  return out;
}

/** Who is last on each item, and who is first. */
function lastPlacePart(e: TableEnv): string[] {
  const { s, L, zh, c } = e;
  const out: string[] = [];
  out.push('', c.bold(`${lastHeading(s, L)}${zh ? '：' : ':'}`));
  const rows = s.lastPlace.map(({ item, last, first }) => [
    item.title,
    last.map((x) => x.name).join('、'),
    last.map((x) => `${plainValue(x.fields, x.result, L)} ${showPoints(x.points)}/${showPoints(x.max)}`).join('\n'),
    firstText(item, first, L),
  ]);
  out.push(
    grid(rows, {
      head: [
        zh ? '指标' : 'Item',
        zh ? '末位' : 'Last',
        zh ? '值 得分/满分' : 'Value points/max',
        zh ? '第一' : 'First',
      ],
      widths: [24, 16, 16, 20],
      headStyle: c.cyan,
      border: c.gray,
    }),
  );
  return out;
}

export function formatBatchTable(batch: Batch, ctx: BatchTableContext): string {
  const b = visibleData(ranked(batch));
  const L = ctx.lang;
  const zh = L === 'zh';
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const s = summarize(b);
  const e: TableEnv = { b, s, ctx, L, zh, c };
  const out: string[] = [
    c.bold(titleLine(s, { period: periodSpan(batch.periods), asOf: ctx.asOf }, L)),
    countsLine(s, L),
  ];
  const parts = tableParts(ctx, L, ctx.color);
  for (const block of parts.top) out.push('', block.replace(/\n+$/, ''));

  if (s.ranking.length) out.push(...rankingPart(e));

  if (s.periods.length > 1) out.push(...periodsPart(e));

  if (s.lastPlace.length) out.push(...lastPlacePart(e));

  for (const block of parts.end) out.push('', block.replace(/\n+$/, ''));
  out.push('', ...findingsBlock(b, ctx));
  return `${out.join('\n')}\n`;
}

function findingsBlock(b: Batch, ctx: BatchTableContext): string[] {
  const zh = ctx.lang === 'zh';
  const seen = new Set<string>();
  const all: Finding[] = [...b.findings];
  for (const e of b.entries) {
    const k = `${e.period ?? ''}\u0000${e.source}`;
    if (seen.has(k)) continue;
    seen.add(k);
    all.push(...e.assessment.data.findings);
  }
  const n = (sev: string) => all.filter((f) => f.severity === sev).length;
  const lines = [
    zh
      ? `数据：错误 ${n('error')} 个，警告 ${n('warning')} 个`
      : `Data: ${n('error')} error${n('error') === 1 ? '' : 's'}, ${n('warning')} warning${n('warning') === 1 ? '' : 's'}`,
  ];
  for (const f of all) if (ctx.verbose || f.severity !== 'note') lines.push(`  ${formatDiagnostic(f, ctx.lang)}`);
  return lines;
}
