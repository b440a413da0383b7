/**
 * The batch JSON report (docs/batch-json.md): every assessment, the rankings, the
 * summary. `detail: 'full'` is the document of schemaVersion 1 (every unit in full);
 * the default, `summary`, keeps each county in full and the units below it compact.
 */
import { valueText } from '../shared/item-words';
import type { Lang } from '../../diagnostics';
import type { Rational } from '../../rational';
import type { Batch, BatchEntry } from '../../batch/types';
import { documentChunks, isLazy, joinChunks, lazyArray, type Chunked } from '../shared/json-chunks';
import { actionsJson, adjustmentsJson, dataJson, findingsJson, schemeJson, unitJson } from '../single/json';
import { compactLines, ITEM_FIELDS } from './compact';
import { Line, lineChunks, lines, Raw } from '../shared/json-lines';
import { sharedItems, sharedVetoes, varying } from './shared';
import type { Detail } from './detail';
import { jsonParts, type BatchParts } from './trend-parts';

/** The schemaVersion of the summary document (the full one keeps the assessment's, 1). */
export const SUMMARY_SCHEMA_VERSION = 2;

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));

export interface BatchJsonContext extends BatchParts {
  lang: Lang;
  /** `summary` (default): the units below each county compact; `full`: every unit in full. */
  detail?: Detail;
}

/** One period's ranking: the units by score, and every item's units by their points. */
const rankingJson = (r: Batch['rankings'][number]) => ({
  period: r.period,
  units: r.units.map((u) => ({
    key: u.key,
    name: u.name,
    rank: u.rank,
    of: u.of,
    scaled: n(u.scaled),
    passed: u.passed,
    grade: u.grade ?? null,
    vetoed: u.vetoed,
  })),
  items: r.items.map((i) => ({
    id: i.id,
    title: i.title,
    bonus: i.bonus,
    units: i.units.map((x) => ({
      key: x.key,
      name: x.name,
      rank: x.rank,
      of: x.of,
      points: n(x.points),
      max: n(x.max),
      lost: n(x.lost),
      gap: n(x.gap),
      display: valueText(x.fields, x.result),
      status: x.status,
    })),
  })),
});

/** One entry (a county in a period) in full; a lean entry's units below come back from its compact lines. */
const entryJson = (e: BatchEntry, L: Lang) => ({
  period: e.period,
  source: e.source,
  exitCode: e.exit,
  units: e.assessment.units.map((u) => {
    const full = unitJson(u, L, e.assessment.scheme.labels) as Record<string, unknown>;
    // A batch that dropped the detail (read back for the trend): the compact units below.
    if (!e.townships) return full;
    const [ids, ...below] = decodeLines(e.townships);
    return withChildren(
      full,
      JSON.parse(ids!) as string[],
      below.map((t) => JSON.parse(t) as unknown),
    );
  }),
  actions: actionsJson(e.assessment, L),
  ...(e.assessment.adjustments ? { adjustments: adjustmentsJson(e.assessment, L) } : {}),
});

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
    rankings: lazyArray(b.rankings, rankingJson),
    assessments: lazyArray(b.entries, (e) => entryJson(e, L)),
    sources: [...sources.values()],
    findings: findingsJson(b.findings, L),
    ...jsonParts(ctx),
  };
}

/** The batch document as plain data (for reading it back as a trend snapshot). */
export function batchJsonDoc(b: Batch, ctx: BatchJsonContext): Record<string, unknown> {
  const parts = batchParts(b, ctx);
  return Object.fromEntries(
    Object.entries(parts).map(([k, v]) => [k, isLazy(v) ? v.lazy.map((x) => v.make(x as never)) : v]),
  );
}

export function formatBatchJson(b: Batch, ctx: BatchJsonContext): string | Chunked {
  if (ctx.detail === 'full') return joinChunks(documentChunks(batchParts(b, ctx)));
  return joinChunks(lineChunks(summaryParts(b, ctx)));
}

/**
 * The summary document: the full one's keys and counties, with `detail` and
 * `itemFields` added, every unit below a county compact (one line each), only the
 * county's own actions, and small records (items, vetoes, ranking rows, findings)
 * one per line.
 */
function summaryParts(b: Batch, ctx: BatchJsonContext): Record<string, unknown> {
  const full = batchParts(b, ctx);
  const rankings = full.rankings as {
    lazy: Batch['rankings'];
    make: (r: Batch['rankings'][number]) => Record<string, unknown>;
  };
  const { kind, ...rest } = full;
  // The summary's own schema version replaces the full document's.
  delete rest.schemaVersion;
  const shared = { items: sharedItems(b), vetoes: sharedVetoes(b) };
  return {
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    kind,
    detail: 'summary',
    itemFields: new Line(ITEM_FIELDS),
    items: Object.fromEntries([...shared.items].map(([id, s]) => [id, new Line(s)])),
    vetoes: Object.fromEntries([...shared.vetoes].map(([id, s]) => [id, new Line(s)])),
    ...rest,
    rankings: lazyArray(b.rankings, (r) => {
      const x = rankings.make(r) as { units: unknown[]; items: { units: Record<string, unknown>[] }[] };
      return { ...x, units: lines(x.units), items: x.items.map(itemRanks) };
    }),
    assessments: lazyArray(b.entries, (e) => summaryEntry(e, ctx.lang, shared)),
    sources: (full.sources as { data: { findings: unknown[] } }[]).map((s) => ({
      ...s,
      data: { ...s.data, findings: lines(s.data.findings) },
    })),
    findings: lines(full.findings as unknown[]),
  };
}

/** One county in full, the units below it compact (already made when the batch dropped them, else made here). */
function summaryEntry(
  e: BatchEntry,
  lang: Lang,
  shared: { items: Map<string, Record<string, unknown>>; vetoes: Map<string, Record<string, unknown>> },
): Record<string, unknown> {
  const a = e.assessment;
  const root = a.units[0]!;
  const county = { ...root, children: [] };
  const unit = unitJson(county, lang, a.scheme.labels) as Record<string, unknown>;
  const [ids, ...below] = e.townships ? decodeLines(e.townships) : compactLines(root.children);
  return {
    period: e.period,
    source: e.source,
    exitCode: e.exit,
    units: [
      withChildren(
        {
          ...unit,
          vetoes: lines((unit.vetoes as Record<string, unknown>[]).map((x) => varying(x, shared.vetoes))),
          items: lines((unit.items as Record<string, unknown>[]).map((i) => varying(i, shared.items))),
        },
        ids ? (JSON.parse(ids) as string[]) : [],
        below.map((t) => new Raw(t)),
        (x) => new Line(x),
      ),
    ],
    // The county's own actions, in order: the item and the gain; the rest is the item's remedy (and its explanation's last words).
    actions: lines(actionsJson({ ...a, units: [county] }, lang).map((x) => ({ item: x.item, gain: x.gain }))),
    ...(a.adjustments ? { adjustments: lines(adjustmentsJson(a, lang)) } : {}),
  };
}

/** An item's ranking in the summary: each county's key and rank (its points, status and display are in its item); `of` once when it is the same for all. */
function itemRanks(i: { units: Record<string, unknown>[] } & Record<string, unknown>): Record<string, unknown> {
  const { units, ...head } = i;
  const of = units[0]?.of;
  const once = units.every((u) => u.of === of);
  return {
    ...head,
    ...(once ? { of } : {}),
    units: lines(units.map((u) => (once ? { key: u.key, rank: u.rank } : { key: u.key, rank: u.rank, of: u.of }))),
  };
}

/** The unit with its compact `children`, preceded by their item ids (`childItems`) when there are any. */
function withChildren(
  unit: Record<string, unknown>,
  ids: string[],
  children: unknown[],
  wrap: (x: unknown) => unknown = (x) => x,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(unit)) {
    if (k === 'children' && ids.length) out.childItems = wrap(ids);
    out[k] = k === 'children' ? children : v;
  }
  return out;
}

const decodeLines = (bytes: Uint8Array): string[] => (bytes.length ? new TextDecoder().decode(bytes).split('\n') : []);
