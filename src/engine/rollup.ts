import { message } from '../messages/codes';
import { Rational } from '../rational';
import type { Value } from '../scheme/formula';
import type { Item } from '../scheme/model';
import type { Node, Unscored } from './node';

/**
 * The value of an item rolled up by mean, min or max from the child units' values:
 * invalid if any child's is, else missing if any child's is (naming them), n/a if
 * all are n/a; booleans: min = all true, max = any true, mean undefined (n/a).
 */
export function rollupValue(item: Item, node: Node): { value: Value; calc?: Unscored } {
  const kids = node.children.map((c) => ({ name: c.unit.name, r: c.items.get(item.id) }));
  const invalid = kids.filter((k) => k.r?.status === 'invalid');
  if (invalid.length) {
    const by = new Map<string, string[]>();
    for (const k of invalid) {
      const ids = k.r!.calc.kind === 'invalid' ? k.r!.calc.fields.map((f) => f.id) : item.fields;
      for (const id of ids) by.set(id, [...(by.get(id) ?? []), k.name]);
    }
    const fields = [...by].map(([id, names]) => ({ id, reason: message('reason/invalid-in', { units: names }) }));
    return { value: undefined, calc: { kind: 'invalid', fields, units: invalid.map((k) => k.name) } };
  }
  const missing = kids.filter((k) => !k.r || k.r.status === 'missing');
  if (missing.length || !kids.length) {
    const fields = missing.length
      ? [...new Set(missing.flatMap((k) => (k.r?.calc.kind === 'missing' ? k.r.calc.fields : item.fields)))]
      : item.fields;
    return { value: undefined, calc: { kind: 'missing', fields, units: missing.map((k) => k.name) } };
  }
  const vals = kids
    .filter((k) => k.r!.status !== 'na')
    .map((k) => k.r!.value)
    .filter((v) => v !== undefined);
  if (!vals.length) return { value: undefined };
  if (vals.every((v) => typeof v === 'boolean')) {
    if (item.rollup === 'min') return { value: vals.every((v) => v) };
    if (item.rollup === 'max') return { value: vals.some((v) => v) };
    return { value: undefined };
  }
  const nums = vals.filter((v): v is Rational => v instanceof Rational);
  if (nums.length !== vals.length) return { value: undefined };
  if (item.rollup === 'min') return { value: nums.reduce((a, b) => a.min(b)) };
  if (item.rollup === 'max') return { value: nums.reduce((a, b) => a.max(b)) };
  return { value: nums.reduce((a, b) => a.add(b)).div(Rational.int(nums.length)) };
}
