/**
 * What every batch summary shows, computed once for the table, Markdown and HTML:
 * the counts, the ranking of the newest period with each unit's worst items, the
 * units' scores over the periods, and who is last on each item. Pure.
 */
import { plainValue } from '../shared/plain';
import type { UnitFields } from '../../engine/fields';
import type { Lang } from '../../diagnostics';
import type { Rational } from '../../rational';
import type { Batch, BatchEntry, ItemRank, UnitRank } from '../../batch/types';
import type { ItemResult } from '../../engine/types';
import { sortItems } from '../shared/order';
import { showPoints } from '../shared/display';
import { t } from '../shared/i18n';

export interface SummaryRow extends UnitRank {
  /** The items losing most points (top 2) in this period. */
  worst: ItemResult[];
  /** The unit's field values, for the words about its worst items. */
  fields: UnitFields;
  entry: BatchEntry;
  /** The self-assessed score (自评) when inspector adjustments changed it. */
  self?: Rational;
}

export interface BatchSummary {
  title: string;
  version: string;
  pass?: Rational;
  total?: Rational;
  counts: { assessments: number; units: number; periods: number; passed: number; failed: number; withErrors: number };
  /** The newest period (null when no period is known). */
  latest: string | null;
  ranking: SummaryRow[];
  /** Every period, oldest first, when more than one. */
  periods: (string | null)[];
  /** Units (in the newest ranking's order, then others) × periods. */
  matrix: {
    key: string;
    name: string;
    cells: ({ scaled: Rational; rank: number; of: number; passed: boolean; vetoed: boolean } | undefined)[];
  }[];
  /** Items of the newest period where the last unit lost points. */
  lastPlace: { item: ItemRank; last: ItemRank['units'][number][]; first: ItemRank['units'][number] }[];
}

export const periodLabel = (p: string | null, lang: Lang): string =>
  p ?? (lang === 'zh' ? '（未注明期间）' : '(no period)');

export function summarize(b: Batch): BatchSummary {
  const first = b.entries[0]?.assessment;
  const latest = b.rankings[b.rankings.length - 1];
  const entryOf = new Map(b.entries.map((e) => [`${e.period ?? ''}\u0000${e.assessment.units[0]!.key}`, e]));
  const ranking: SummaryRow[] = (latest?.units ?? []).map((u) => {
    const entry = entryOf.get(`${latest!.period ?? ''}\u0000${u.key}`)!;
    const worst = sortItems(
      entry.assessment.units[0]!.items.filter((i) => i.lost.sign() > 0),
      'lost',
    ).slice(0, 2);
    const self = entry.assessment.units[0]!.self?.scaled;
    return {
      ...u,
      worst,
      fields: entry.assessment.units[0]!.fields,
      entry,
      ...(self && !self.eq(u.scaled) ? { self } : {}),
    };
  });
  const order = new Map<string, string>();
  for (const r of [...b.rankings].reverse()) for (const u of r.units) if (!order.has(u.key)) order.set(u.key, u.name);
  const byKey = b.rankings.map((r) => new Map(r.units.map((u) => [u.key, u])));
  const matrix = [...order].map(([key, name]) => ({
    key,
    name,
    cells: byKey.map((units) => {
      const u = units.get(key);
      return u && { scaled: u.scaled, rank: u.rank, of: u.of, passed: u.passed, vetoed: u.vetoed };
    }),
  }));
  const lastPlace = (latest?.items ?? []).flatMap((item) => {
    if (item.units.length < 2) return [];
    const worstRank = Math.max(...item.units.map((x) => x.rank));
    const last = item.units.filter((x) => x.rank === worstRank);
    if (worstRank === 1 || last.every((x) => x.lost.sign() === 0)) return [];
    return [{ item, last, first: item.units[0]! }];
  });
  return {
    title: first?.scheme.title ?? '',
    version: first?.scheme.version ?? '',
    pass: first?.scheme.pass,
    total: first?.scheme.total,
    counts: {
      assessments: b.entries.length,
      units: order.size,
      periods: b.periods.length,
      passed: b.entries.filter((e) => e.assessment.units[0]!.passed).length,
      failed: b.entries.filter((e) => !e.assessment.units[0]!.passed).length,
      withErrors: b.entries.filter((e) => e.exit === 2).length,
    },
    latest: latest?.period ?? null,
    ranking,
    periods: b.periods,
    matrix,
    lastPlace,
  };
}

/** The counts line, in words. */
export function countsLine(s: BatchSummary, lang: Lang): string {
  const c = s.counts;
  const level = s.ranking[0]?.entry.assessment.units[0]!.levelTitle;
  if (lang === 'zh') {
    return `共 ${c.assessments} 项评估：${c.units} 个${level ?? '单位'} × ${c.periods} 期；通过 ${c.passed}，未通过 ${c.failed}${c.withErrors ? `，数据有错误 ${c.withErrors}` : ''}`;
  }
  const pl = (n: number, w: string) => `${n} ${w}${n === 1 ? '' : 's'}`;
  return `${pl(c.assessments, 'assessment')}: ${level ? `${c.units} ${level}` : pl(c.units, 'unit')} × ${pl(c.periods, 'period')}; ${c.passed} passed, ${c.failed} failed${c.withErrors ? `, ${c.withErrors} with data errors` : ''}`;
}

/** The unit first on an item, with how many share first place. */
export function firstText(item: ItemRank, first: ItemRank['units'][number], lang: Lang): string {
  const n = item.units.filter((x) => x.rank === 1).length;
  const shown = plainValue(first.fields, first.result, lang);
  if (n === 1) return `${first.name} ${shown}`;
  return lang === 'zh' ? `${first.name}等 ${n} 个：${shown}` : `${first.name} and ${n - 1} more: ${shown}`;
}

/** A scaled score, with the self-assessed one before it when adjustments changed it: `88.06 → 85.06`. */
export const scoreText = (r: SummaryRow): string =>
  r.self ? `${showPoints(r.self)} → ${showPoints(r.scaled)}` : showPoints(r.scaled);

/** The score column's heading: the scaled score, or 自评 → 核定 when adjustments changed some. */
export const scoreHead = (s: BatchSummary, lang: Lang): string =>
  s.ranking.some((r) => r.self) ? (lang === 'zh' ? '自评 → 核定' : 'Self → adjusted') : t(lang, 'scaledHead');

/** The heading of the newest period's ranking: `2026-09 县排名` / `Ranking of 县, 2026-09`. */
export const rankingHeading = (s: BatchSummary, level: string, lang: Lang): string =>
  lang === 'zh'
    ? `${s.latest ? `${s.latest} ` : ''}${level}排名`
    : `Ranking of ${level}${s.latest ? `, ${s.latest}` : ''}`;

/** What the marks in the score-by-period table mean. */
export const matrixNote = (lang: Lang): string =>
  lang === 'zh' ? '括号内为当期名次；✗ 触发一票否决。' : 'In brackets: the rank in that period; ✗ a veto triggered.';

/** The heading of who is last on each item in the newest period. */
export const lastHeading = (s: BatchSummary, lang: Lang): string =>
  lang === 'zh'
    ? `单项末位${s.latest ? `（${s.latest}）` : ''}`
    : `Last on each item${s.latest ? ` (${s.latest})` : ''}`;
