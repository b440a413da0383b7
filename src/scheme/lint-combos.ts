/**
 * Constructs that cannot go together with parts (docs/scheme.md, "Sub-rules and
 * deduction limits"): unit types on an item with parts (or on a part), a roll-up
 * other than sum, a peer function in a part. Each would score silently wrong, so the
 * lint rejects it at the key's line:col with what to write instead.
 */
import { message } from '../messages/codes';
import { isObj, list, type Ctx } from './lint-context';

/** An item with parts: no unit types (by-type points or targets, not_assessed) and no roll-up but sum. */
export function partsCombine({ input: scheme, rep, parents = [] }: Ctx): void {
  const typed = isObj(scheme.unit_types);
  for (const { input, path } of parents) {
    if (typed && input.not_assessed !== undefined)
      rep.error([...path, 'not_assessed'], message('scheme/parts-combine', { kind: 'types', key: 'not_assessed' }));
    if (typed && isObj(input.points))
      rep.error([...path, 'points'], message('scheme/parts-combine', { kind: 'types', key: 'points' }));
    list(input.parts).forEach((p, i) => {
      if (!typed || !isObj(p)) return;
      for (const key of ['points', 'target'] as const)
        if (isObj(p[key]))
          rep.error([...path, 'parts', i, key], message('scheme/parts-combine', { kind: 'types', key }));
    });
    if (input.rollup !== undefined && input.rollup !== 'sum')
      rep.error([...path, 'rollup'], message('scheme/parts-combine', { kind: 'rollup', rollup: String(input.rollup) }));
  }
}
