/** What the semantic rules (lint.ts, lint-targets.ts, lint-levels.ts) share: the scheme being checked, its formulas, kinds and words' positions. */
import type { Reporter } from './compile';
import type { Formula } from './formula';
import { kindOf, type Kind } from './formula-types';
import type * as M from './model';
import type { Path } from './positions';
import type { ItemInput, SchemeInput, SectionInput } from './schema';
import { targetFormulas, type Target } from './target';

export interface Ctx {
  input: SchemeInput;
  scheme: M.Scheme;
  rep: Reporter;
  /** Every item with its YAML path, bonus items included. */
  items: { input: ItemInput; model?: M.Item; path: Path }[];
  sections: { input: SectionInput; path: Path }[];
  /** Items with parts (lint-parts.ts); `items` holds their parts instead. */
  parents?: { input: ItemInput; model?: M.Item; path: Path }[];
}

export const isObj = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);
export const list = <T>(x: T[] | undefined): T[] => (Array.isArray(x) ? x : []);
export const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);

/** Every formula in the scheme with its path, for the reference rules. */
export function formulas(ctx: Ctx): { f: Formula; path: Path; offset: number }[] {
  const out: { f: Formula; path: Path; offset: number }[] = [];
  const fromTarget = (t: Target | undefined, path: Path) => {
    if (!t) return;
    for (const f of targetFormulas(t)) out.push({ f, path, offset: t.text.indexOf(f.source) });
  };
  for (const { model, path, input } of ctx.items) {
    if (!model) continue;
    out.push({ f: model.formula, path: [...path, 'formula'], offset: 0 });
    fromTarget(model.target, [...path, 'target']);
    // Targets by unit type: each type's own (the base item's is the main type's, checked above).
    if (typeof input.target === 'object')
      for (const [type, form] of model.types?.byType ?? [])
        if (type !== model.types?.byType.keys().next().value) fromTarget(form.target, [...path, 'target', type]);
    if (model.rule.type === 'bands' && input.rule?.type === 'bands') {
      model.rule.bands.forEach((b, i) => fromTarget(b.when, [...path, 'rule', 'bands', i, 'when']));
    }
    if (model.rule.type === 'formula') out.push({ f: model.rule.points, path: [...path, 'rule', 'points'], offset: 0 });
  }
  for (const c of ctx.scheme.checks) if (c.path) out.push({ f: c.assert, path: [...c.path, 'assert'], offset: 0 });
  for (const v of ctx.scheme.vetoes) if (v.path) fromTarget(v.when, [...v.path, 'when']);
  return out;
}

export function wordIndex(text: string, word: string): number {
  const m = new RegExp(`(^|[^A-Za-z0-9_])${word.replace(/[$]/g, '\\$')}($|[^A-Za-z0-9_])`).exec(text);
  return m ? m.index + m[1]!.length : 0;
}

/** The kind of a formula's value: a number, a yes/no, or either (unknown names). */
export function kindIn(scheme: M.Scheme): (f: Formula) => Kind {
  const refKind = refKindIn(scheme);
  return (f) => kindOf(f.ast, refKind);
}

/** A name's kind: text fields and unknown names are reported by `references`, and fit anything here. */
export function refKindIn(scheme: M.Scheme): (name: string) => Kind {
  return (n) => {
    const type = scheme.fields.get(n)?.type;
    if (type === 'boolean') return 'boolean';
    if (type === 'text') return 'any';
    return type !== undefined || scheme.params.has(n) ? 'number' : 'any';
  };
}
