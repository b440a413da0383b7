/** Vetoes (一票否决) at a unit, and the hard floors that zero an item. */
import { message } from '../messages/codes';
import { evaluate as evalFormula, type Env, type Value } from '../scheme/formula';
import type { Scheme, Veto } from '../scheme/model';
import { targetFormulas, type Target } from '../scheme/target';
import type { Node } from './node';
import { meets } from './target-eval';
import type { VetoResult } from './types';

export const NONE: never[] = [];
/** Hard floors by the item they are on, once per scheme. */
const floorsByScheme = new WeakMap<Scheme, Map<string, Veto[]>>();
export function floorsOf(scheme: Scheme): Map<string, Veto[]> {
  let m = floorsByScheme.get(scheme);
  if (!m) {
    m = new Map();
    for (const v of scheme.vetoes) if (v.item !== undefined) m.set(v.item, [...(m.get(v.item) ?? []), v]);
    floorsByScheme.set(scheme, m);
  }
  return m;
}

/** Fields (not params) a target reads. */
export function fieldsOfTarget(scheme: Scheme, t: Target): string[] {
  return [...new Set(targetFormulas(t).flatMap((f) => f.refs))].filter((r) => scheme.fields.has(r));
}

/** Every veto that applies at the unit's level: triggered, checked, and why not when it cannot be. */
export function vetoesAt(scheme: Scheme, node: Node, env: Env): VetoResult[] {
  const label = (id: string) => scheme.fields.get(id)?.label ?? id;
  /** Checked unless the condition is undefined and some field it reads is missing or invalid here. */
  const decided = (
    hit: boolean | undefined,
    missing: string[],
    invalid: string[],
  ): Pick<VetoResult, 'checked' | 'reason'> => {
    if (hit !== undefined || (!missing.length && !invalid.length)) return { checked: true };
    return {
      checked: false,
      reason: message('reason/veto-unchecked', { missing: missing.map(label), invalid: invalid.map(label) }),
    };
  };
  const fields = node.fields;
  const stateOf = (ids: string[]) => ({
    missing: ids.filter((f) => !fields.invalid(f) && fields.value(f) === undefined),
    invalid: ids.filter((f) => fields.invalid(f)),
  });
  return scheme.vetoes
    .filter((v) => v.level <= node.unit.level)
    .map((v): VetoResult => {
      const made = (
        hit: boolean | undefined,
        state: Pick<VetoResult, 'checked' | 'reason'>,
        value: Value,
      ): VetoResult => ({
        id: v.id,
        title: v.title,
        triggered: hit === true,
        checked: state.checked,
        reason: state.reason,
        value,
        basis: v.basis,
      });
      if (v.item) {
        const item = node.items.get(v.item);
        const hit = item ? meets(v.when, item.value, env) : undefined;
        // The condition's own fields, and the item's when it lacks data.
        const own = stateOf(fieldsOfTarget(scheme, v.when));
        const missing = [...own.missing, ...(item?.calc.kind === 'missing' ? item.calc.fields : item ? [] : v.fields)];
        const invalid = [...own.invalid, ...(item?.calc.kind === 'invalid' ? item.calc.fields.map((f) => f.id) : [])];
        const state = decided(hit, [...new Set(missing)], [...new Set(invalid)]);
        return made(hit, state, item?.value);
      }
      const f = v.when.kind === 'formula' ? v.when.f : undefined;
      const hit = meets(v.when, undefined, env);
      const { missing, invalid } = stateOf(v.fields);
      // For a comparison such as `cadre_births > 0`, the value shown is its left side.
      const left = f && f.ast.k === 'bin' && ['<', '<=', '>', '>=', '==', '!='].includes(f.ast.op) ? f.ast.a : f?.ast;
      const value = left ? evalFormula(left, env) : undefined;
      return made(hit, decided(hit, missing, invalid), value);
    });
}
