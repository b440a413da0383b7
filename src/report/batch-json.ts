/** The batch JSON report (docs/batch-json.md): every assessment, the rankings, the summary. */
import { valueText } from './item-words';
import type { Lang } from '../diagnostics';
import type { Rational } from '../rational';
import type { Batch } from '../batch/types';
import { documentChunks, isLazy, joinChunks, lazyArray, type Chunked } from './json-chunks';
import { actionsJson, adjustmentsJson, dataJson, findingsJson, schemeJson, unitJson } from './json';

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));

export interface BatchJsonContext {
  lang: Lang;
  /** Further top-level sections (trend, adjustments), already plain data. */
  extra?: Record<string, unknown>;
}

/** The document, its large arrays (rankings, assessments) made when written. */
function batchParts(b: Batch, ctx: BatchJsonContext): Record<string, unknown> {
  const L = ctx.lang;
  const first = b.entries[0]?.assessment;
  const sources = new Map<string, { source: string; period: string | null; data: unknown }>();
  for (const e of b.entries) {
    const k = `${e.period ?? ''}\u0000${e.source}`;
    if (!sources.has(k)) sources.set(k, { source: e.source, period: e.period, data: dataJson(e.assessment, L) });
  }
  return {
    schemaVersion: first?.schemaVersion ?? 1,
    kind: 'batch',
    scheme: first ? schemeJson(first) : null,
    periods: b.periods,
    summary: {
      assessments: b.entries.length,
      passed: b.entries.filter((e) => e.assessment.units[0]!.passed).length,
      failed: b.entries.filter((e) => !e.assessment.units[0]!.passed).length,
      withErrors: b.entries.filter((e) => e.exit === 2).length,
      exitCode: b.exit,
    },
    rankings: lazyArray(b.rankings, (r) => ({
      period: r.period,
      units: r.units.map((u) => ({ key: u.key, name: u.name, rank: u.rank, of: u.of, scaled: n(u.scaled), passed: u.passed, grade: u.grade ?? null, vetoed: u.vetoed })),
      items: r.items.map((i) => ({
        id: i.id,
        title: i.title,
        bonus: i.bonus,
        units: i.units.map((x) => ({ key: x.key, name: x.name, rank: x.rank, of: x.of, points: n(x.points), max: n(x.max), lost: n(x.lost), gap: n(x.gap), display: valueText(x.fields, x.result), status: x.status })),
      })),
    })),
    assessments: lazyArray(b.entries, (e) => ({
      period: e.period,
      source: e.source,
      exitCode: e.exit,
      units: e.assessment.units.map((u) => unitJson(u, L, e.assessment.scheme.labels)),
      actions: actionsJson(e.assessment, L),
      ...(e.assessment.adjustments ? { adjustments: adjustmentsJson(e.assessment, L) } : {}),
    })),
    sources: [...sources.values()],
    findings: findingsJson(b.findings, L),
    ...(ctx.extra ?? {}),
  };
}

/** The batch document as plain data (for reading it back as a trend snapshot). */
export function batchJsonDoc(b: Batch, ctx: BatchJsonContext): Record<string, unknown> {
  const parts = batchParts(b, ctx);
  return Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, isLazy(v) ? v.lazy.map((x) => v.make(x as never)) : v]));
}

export function formatBatchJson(b: Batch, ctx: BatchJsonContext): string | Chunked {
  return joinChunks(documentChunks(batchParts(b, ctx)));
}
