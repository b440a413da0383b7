/** Semantic rules about levels and roll-ups: fields read where they have no value, and roll-ups that cannot combine an item's values. */
import { message } from '../messages/codes';
import type * as M from './model';
import { SUMMABLE_TYPES } from './model';
import type { Path } from './positions';
import { targetFormulas, type Target } from './target';
import { kindIn, wordIndex, type Ctx } from './lint-context';

/** Where an item reads a field: its formula, its target, its bands' conditions. */
function readsOf(model: M.Item, path: Path, id: string): { path: Path; index: number; by: 'formula' | 'target' }[] {
  const out: { path: Path; index: number; by: 'formula' | 'target' }[] = [];
  if (model.formula.refs.includes(id))
    out.push({ path: [...path, 'formula'], index: wordIndex(model.formula.source, id), by: 'formula' });
  const fromTarget = (t: Target | undefined, at: Path) => {
    if (t && targetFormulas(t).some((f) => f.refs.includes(id)))
      out.push({ path: at, index: wordIndex(t.text, id), by: 'target' });
  };
  fromTarget(model.target, [...path, 'target']);
  if (model.rule.type === 'bands')
    model.rule.bands.forEach((b, i) => fromTarget(b.when, [...path, 'rule', 'bands', i, 'when']));
  return out;
}

/**
 * Fields read where they have no value. A field exists at its own level; above it
 * only summable types add up (a county's 出生人数 is its townships' sum), so a
 * percent, yes/no or score field of a lower level has no value higher up. The
 * formula of an item rolled up by mean, min or max is not evaluated there (the
 * children's values are combined), but its target is, at every level: a target or a
 * veto reading such a field is never decided above the field's level.
 */
export function scopes(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  const top = scheme.levels.length - 1;
  const title = (level: number) => scheme.levels[level]?.title ?? '';
  const lid = (level: number) => scheme.levels[level]?.id ?? '';
  const kind = kindIn(scheme);
  for (const { model, path } of ctx.items) {
    if (!model) continue;
    for (const id of model.fields) {
      const field = scheme.fields.get(id)!;
      if (!scheme.levels[field.level] || !scheme.levels[model.level]) continue;
      const reads = readsOf(model, path, id);
      if (field.level > model.level) {
        const lvl = lid(field.level);
        for (const r of reads) {
          rep.error(
            r.path,
            message('scheme/scope', {
              item: model.id,
              field: id,
              level: lid(model.level),
              levelTitle: title(model.level),
              fieldLevel: lvl,
              fieldLevelTitle: title(field.level),
            }),
            r.index,
          );
        }
        continue;
      }
      if (SUMMABLE_TYPES.has(field.type) || field.level >= top) continue;
      const up = title(field.level + 1);
      const own = title(field.level);
      for (const r of reads) {
        if (r.by === 'target') {
          rep.error(
            r.path,
            message('scheme/target-not-summable', {
              item: model.id,
              field: id,
              type: field.type,
              own,
              up,
              upLevel: lid(field.level + 1),
            }),
            r.index,
          );
          continue;
        }
        // The formula: evaluated above the item's own level unless the item rolls up.
        const rolls = model.rollup !== 'sum' && model.level === field.level;
        if (rolls) continue;
        const boolean = kind(model.formula) === 'boolean';
        const scope = model.level > field.level ? lid(field.level) : undefined;
        rep.error(
          r.path,
          message('scheme/rollup-not-summable', {
            item: model.id,
            field: id,
            type: field.type,
            kind: boolean ? 'boolean' : 'number',
            scope,
          }),
          r.index,
        );
      }
    }
  }
  // Vetoes: checked at their level and every level above.
  for (const v of scheme.vetoes) {
    if (!v.path) continue;
    const own = targetFormulas(v.when).flatMap((f) => f.refs);
    for (const id of new Set(own)) {
      const field = scheme.fields.get(id);
      if (!field || SUMMABLE_TYPES.has(field.type) || field.level >= top || !scheme.levels[field.level]) continue;
      const up = title(field.level + 1);
      rep.error(
        [...v.path, 'when'],
        message('scheme/veto-not-summable', {
          veto: v.id,
          field: id,
          type: field.type,
          own: title(field.level),
          up,
          upLevel: lid(field.level + 1),
        }),
        wordIndex(v.when.text, id),
      );
    }
  }
}

/** rollup: mean of yes/no values gives no value (it is not a number): min or max do. */
export function rollupKind(ctx: Ctx): void {
  const kind = kindIn(ctx.scheme);
  for (const { model, path, input } of ctx.items) {
    if (!model || model.rollup !== 'mean' || input.rollup === undefined || kind(model.formula) !== 'boolean') continue;
    ctx.rep.error([...path, 'rollup'], message('scheme/rollup-kind', { item: model.id }));
  }
}

/** rollup mean/min/max combines the children's values: the target must compare that value. */
export function rollupTarget(ctx: Ctx): void {
  for (const { model, path } of ctx.items) {
    if (!model || model.rollup === 'sum' || model.target?.kind !== 'formula') continue;
    ctx.rep.error([...path, 'target'], message('scheme/rollup-target', { item: model.id, rollup: model.rollup }));
  }
}
