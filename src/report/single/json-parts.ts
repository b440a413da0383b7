/**
 * The JSON of sub-rules (docs/json.md, `parts`): each part as an item (value, target,
 * status, what it cost as `lost`, remedy, explanation), and a cases part's case rows.
 * Only on items with parts, so other items' JSON is as before.
 */
import type { Lang } from '../../diagnostics';
import type { CaseLoss, ItemResult, UnitResult } from '../../engine/types';

type ItemJson = (u: UnitResult, i: ItemResult, lang: Lang, labels: Record<string, string>) => Record<string, unknown>;

const caseJson = (c: CaseLoss) => ({
  file: c.file,
  line: c.line,
  count: c.count.toNumber(6),
  counted: c.counted.toNumber(6),
  level: c.level ?? null,
  levelTitle: c.levelTitle ?? null,
  factor: c.factor.toNumber(6),
  lost: c.lost.toNumber(6),
  reason: c.reason,
  authority: c.authority,
  document: c.document ?? null,
  date: c.date,
});

/** `{ parts: [...] }` for an item with parts, else nothing. */
export function partsJson(
  u: UnitResult,
  i: ItemResult,
  lang: Lang,
  labels: Record<string, string>,
  item: ItemJson,
): { parts?: unknown[] } {
  if (!i.parts) return {};
  return {
    parts: i.parts.map((p) => ({
      ...item(u, p, lang, labels),
      ...(p.calc.kind === 'cases' ? { cases: p.calc.cases.map(caseJson) } : {}),
    })),
  };
}
