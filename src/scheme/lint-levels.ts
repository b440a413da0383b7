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
  const lv = levelWords(ctx.scheme);
  for (const { model, path } of ctx.items) if (model) itemScopes(ctx, model, path, lv);
  vetoScopes(ctx, lv);
}

/** The scheme's levels as findings name them: the top one's index, a level's id and title. */
interface Levels {
  top: number;
  id(level: number): string;
  title(level: number): string;
}

function levelWords(scheme: M.Scheme): Levels {
  return {
    top: scheme.levels.length - 1,
    id: (level) => scheme.levels[level]?.id ?? '',
    title: (level) => scheme.levels[level]?.title ?? '',
  };
}

type Read = ReturnType<typeof readsOf>[number];

/** Each field an item reads: from a level above the item's, or not summable up to where it is read. */
function itemScopes(ctx: Ctx, model: M.Item, path: Path, lv: Levels): void {
  const { scheme } = ctx;
  for (const id of model.fields) {
    const field = scheme.fields.get(id)!;
    if (!scheme.levels[field.level] || !scheme.levels[model.level]) continue;
    const reads = readsOf(model, path, id);
    if (field.level > model.level) fieldAboveItem(ctx, model, field, reads, lv);
    else if (!SUMMABLE_TYPES.has(field.type) && field.level < lv.top) notSummable(ctx, model, field, reads, lv);
  }
}

/** The field exists only at a level above the item's: every read is a finding. */
function fieldAboveItem(ctx: Ctx, model: M.Item, field: M.Field, reads: Read[], lv: Levels): void {
  for (const r of reads) {
    ctx.rep.error(
      r.path,
      message('scheme/scope', {
        item: model.id,
        field: field.id,
        level: lv.id(model.level),
        levelTitle: lv.title(model.level),
        fieldLevel: lv.id(field.level),
        fieldLevelTitle: lv.title(field.level),
      }),
      r.index,
    );
  }
}

/** A field that does not add up, read where the item is evaluated above the field's level. */
function notSummable(ctx: Ctx, model: M.Item, field: M.Field, reads: Read[], lv: Levels): void {
  const up = lv.title(field.level + 1);
  const own = lv.title(field.level);
  const kind = kindIn(ctx.scheme);
  for (const r of reads) {
    // rollup all/share reads the target at each unit below only (the parent counts those that meet it).
    if (r.by === 'target' && (model.rollup === 'all' || model.rollup === 'share') && model.level === field.level)
      continue;
    if (r.by === 'target') {
      const upLevel = lv.id(field.level + 1);
      const args = { item: model.id, field: field.id, type: field.type, own, up, upLevel };
      ctx.rep.error(r.path, message('scheme/target-not-summable', args), r.index);
      continue;
    }
    // The formula: evaluated above the item's own level unless the item rolls up.
    const rolls = model.rollup !== 'sum' && model.level === field.level;
    if (rolls) continue;
    const boolean = kind(model.formula) === 'boolean';
    const scope = model.level > field.level ? lv.id(field.level) : undefined;
    ctx.rep.error(
      r.path,
      message('scheme/rollup-not-summable', {
        item: model.id,
        field: field.id,
        type: field.type,
        kind: boolean ? 'boolean' : 'number',
        scope,
      }),
      r.index,
    );
  }
}

/** Vetoes: checked at their level and every level above. */
function vetoScopes(ctx: Ctx, lv: Levels): void {
  const { scheme } = ctx;
  for (const v of scheme.vetoes) {
    if (!v.path) continue;
    const own = targetFormulas(v.when).flatMap((f) => f.refs);
    for (const id of new Set(own)) {
      const field = scheme.fields.get(id);
      if (!field || SUMMABLE_TYPES.has(field.type) || field.level >= lv.top || !scheme.levels[field.level]) continue;
      const args = {
        veto: v.id,
        field: id,
        type: field.type,
        own: lv.title(field.level),
        up: lv.title(field.level + 1),
        upLevel: lv.id(field.level + 1),
      };
      ctx.rep.error([...v.path, 'when'], message('scheme/veto-not-summable', args), wordIndex(v.when.text, id));
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
    if (!model || model.rollup === 'sum' || model.target?.kind !== 'formula' || countsUnits(model)) continue;
    ctx.rep.error([...path, 'target'], message('scheme/rollup-target', { item: model.id, rollup: model.rollup }));
  }
}

/** rollup all/share counts the units below that meet the target: any target fits. */
const countsUnits = (m: M.Item) => m.rollup === 'all' || m.rollup === 'share';
