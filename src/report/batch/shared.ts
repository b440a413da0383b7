/**
 * The texts an item shows alike at every unit (title, section, target as written,
 * formula, basis, evidence), written once in the summary batch JSON's top-level
 * `items` and left out of each county's items (docs/batch-json.md).
 */
import type { Batch } from '../../batch/types';
import { formulaText, vetoWords } from '../shared/item-words';

export type SharedItem = Record<string, unknown>;

/**
 * Per item id (in the order first met over the counties), its texts as the full JSON
 * writes them, and `formulaText`: the formula in the fields' labels, with which
 * every explanation of a computed value begins.
 */
export function sharedItems(b: Batch): Map<string, SharedItem> {
  const out = new Map<string, SharedItem>();
  for (const e of b.entries) {
    const u = e.assessment.units[0]!;
    for (const i of u.items)
      if (!out.has(i.id))
        out.set(i.id, {
          title: i.title,
          section: i.section,
          bonus: i.bonus,
          target: i.target ?? null,
          formula: i.formula,
          formulaText: formulaText(u.fields, i),
          basis: i.basis ?? null,
          evidence: i.evidence ?? null,
        });
  }
  return out;
}

/** Per veto id (in the order first met over the counties), its title and condition as the full JSON writes them. */
export function sharedVetoes(b: Batch): Map<string, Record<string, unknown>> {
  const out = new Map<string, Record<string, unknown>>();
  for (const e of b.entries) {
    const u = e.assessment.units[0]!;
    for (const x of u.vetoes)
      if (!out.has(x.id)) out.set(x.id, { title: x.title, condition: vetoWords(u, x).condition });
  }
  return out;
}

/**
 * A county's item or veto (as the full JSON writes it) without the texts equal to
 * the shared ones (a text that differs stays), without a `remedy` of null or a
 * `zeroedBy` that is empty, and an explanation that begins with the shared
 * `formulaText` written from the ` = ` after it on.
 */
export function varying(
  x: Record<string, unknown>,
  shared: Map<string, Record<string, unknown>>,
): Record<string, unknown> {
  const s = shared.get(x.id as string) ?? {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(x)) {
    if (k in s && s[k] === v) continue;
    if ((k === 'remedy' && v === null) || (k === 'zeroedBy' && Array.isArray(v) && !v.length)) continue;
    // "<formulaText> = 8141 / 8516 = 95.6%; …" is written "= 8141 / 8516 = 95.6%; …".
    const lead = typeof s.formulaText === 'string' ? `${s.formulaText} = ` : undefined;
    out[k] = k === 'explanation' && lead && typeof v === 'string' && v.startsWith(lead) ? v.slice(lead.length - 2) : v;
  }
  return out;
}
