/**
 * Words of the steps of weighted lines, unit types and rollup all/share (issue #14),
 * from the catalog (src/messages/lines.ts): the calculation sentence, and the lines
 * `pinggu explain` adds (which unit type, which line and weight, which units to fix).
 */
import type { Lang } from '../../diagnostics';
import type { Assessment, Calc, ItemResult, UnitResult } from '../../engine/types';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';

/** The sentence of a not-assessed or rollup all/share calculation. */
export function linesCalcSentence(
  c: Extract<Calc, { kind: 'not-assessed' | 'share' }>,
  item: ItemResult,
  zh: boolean,
): string {
  const lang: Lang = zh ? 'zh' : 'en';
  if (c.kind === 'not-assessed') return say(message('lines/not-assessed', { type: c.type }), lang);
  const { met, of, need, share } = c;
  return say(
    message('lines/share', { kind: c.all ? 'all' : 'share', met, of, need, share, points: item.points }),
    lang,
  );
}

/** The units below to fix (rollup all/share), in words; `unit` is the parent whose item it is. */
export function fixText(item: ItemResult, unit: UnitResult, lang: Lang): string | undefined {
  if (!item.fix) return undefined;
  const level = unit.children[0]?.levelTitle ?? '';
  const units = item.fix.units.slice(0, Math.max(item.fix.count, 1)).map((u) => u.name);
  return say(message('lines/fix', { count: item.fix.count, level, units }), lang);
}

/** A unit's weighted lines and its type, one sentence each (for the reports' verdicts). */
export function unitLineTexts(u: UnitResult, lang: Lang): string[] {
  const out = (u.lines ?? []).map((l) => lineText(l, lang));
  if (u.unitType !== undefined) out.unshift(say(message('lines/unit-type', { kind: 'own', type: u.unitType }), lang));
  return out;
}

/** The line holding the item (a top-level section), by walking up from its section. */
function lineOf(a: Assessment, item: ItemResult): string | undefined {
  const parent = new Map(a.scheme.sections.map((s) => [s.id, s.parent]));
  let at: string | undefined = item.section;
  while (at !== undefined && parent.get(at) !== undefined) at = parent.get(at);
  return at;
}

/** explain's lines for the unit type, the units to fix and the item's weighted line, each in the catalog's words. */
export function explainLines(a: Assessment, unit: UnitResult, item: ItemResult, lang: Lang): string[] {
  const out: string[] = [];
  if (item.unitType !== undefined)
    out.push(
      say(
        message('lines/unit-type', { kind: unit.unitType === item.unitType ? 'own' : 'main', type: item.unitType }),
        lang,
      ),
    );
  const fix = fixText(item, unit, lang);
  if (fix) out.push(fix);
  const id = unit.lines ? lineOf(a, item) : undefined;
  const line = unit.lines?.find((l) => l.id === id);
  if (line) out.push(lineText(line, lang));
  return out;
}

export const lineText = (l: NonNullable<UnitResult['lines']>[number], lang: Lang): string =>
  say(
    message('lines/line', { title: l.title, weight: l.weight, score: l.score, full: l.full, weighted: l.weighted }),
    lang,
  );
