/**
 * The words about an item at a unit, made from the engine's numbers only when a
 * format prints them: the value as people read it, the target with params put in,
 * the gap, the formula in labels and with the numbers put in, the fields it reads;
 * and a veto's condition and the value it saw. What is the same at every unit (the
 * formula in labels, the target) is made once per item and run.
 */
import { meets } from '../../engine/target-eval';
import type { UnitFields } from '../../engine/fields';
import type { ItemResult, UnitResult, VetoResult } from '../../engine/types';
import { Rational } from '../../rational';
import { render } from '../../scheme/formula';
import type { Item, Scheme, Veto } from '../../scheme/model';
import type { Display } from '../../scheme/target';
import { showRaw, showTarget, showValue, shownValue } from './display';

interface ItemTexts {
  item: Item;
  formulaLabels: string;
  targetDisplay: string | undefined;
}

/** Per run (the params object is one per evaluation): each item's texts, made on first use. */
const perRun = new WeakMap<ReadonlyMap<string, Rational>, Map<string, ItemTexts>>();
const itemsOf = new WeakMap<Scheme, Map<string, Item>>();

function schemeItem(scheme: Scheme, id: string): Item | undefined {
  let m = itemsOf.get(scheme);
  if (!m) {
    m = new Map(
      [...scheme.items, ...(scheme.bonus?.items ?? [])].flatMap((i) => [i, ...(i.parts ?? [])]).map((i) => [i.id, i]),
    );
    itemsOf.set(scheme, m);
  }
  return m.get(id);
}

const labelOf = (scheme: Scheme) => (n: string) => scheme.fields.get(n)?.label ?? n;

function texts(f: UnitFields, id: string): ItemTexts {
  let m = perRun.get(f.params);
  if (!m) {
    m = new Map();
    perRun.set(f.params, m);
  }
  let t = m.get(id);
  if (!t) {
    const item = schemeItem(f.scheme, id)!;
    const label = labelOf(f.scheme);
    const params = f.params;
    t = {
      item,
      formulaLabels: render(item.formula.ast, label),
      targetDisplay: item.target && showTarget(item.target, item.display, (n) => params.get(n), label),
    };
    m.set(id, t);
  }
  return t;
}

/**
 * The value as people read it: `94.7%`, `112.3`, `✓`. A value that does not meet its
 * target but whose two-decimal display would (94.9999% against ≥ 95% shows as 95%)
 * gets more decimals, up to 6, until it does not.
 */
export function valueText(f: UnitFields, i: ItemResult): string {
  const v = i.value;
  if (i.met === false && v instanceof Rational && i.target !== undefined) {
    const target = texts(f, i.id).item.target!;
    let digits = 2;
    while (digits < 6 && meets(target, shownValue(v, i.kind, digits), f.env) === true) digits++;
    return showValue(v, i.kind, digits);
  }
  return showValue(v, i.kind);
}

/** The target with params put in and fields named by label, e.g. `>= 13.04`, `103 – 107`. */
export function targetText(f: UnitFields, i: ItemResult): string | undefined {
  if (i.target === undefined) return undefined;
  const t = texts(f, i.id);
  return i.target === t.item.target?.text ? t.targetDisplay : otherTarget(f, t.item, i);
}

/** A target other than the item's own: its unit type's (unit_types), or the share of units below (rollup all/share). */
function otherTarget(f: UnitFields, item: Item, i: ItemResult): string {
  if (i.calc.kind === 'share') return i.target!;
  const form = i.unitType !== undefined ? item.types?.byType.get(i.unitType) : undefined;
  if (!form?.target) return i.target!;
  return showTarget(form.target, form.display, (n) => f.params.get(n), labelOf(f.scheme));
}

/** The gap as people read it, in the value's unit (`0.3%`: percentage points; `5`), with enough decimals (up to 6) not to read as 0. */
export function gapText(i: ItemResult): string | undefined {
  const g = i.gap;
  if (g === undefined) return undefined;
  const display: Display = i.kind === 'boolean' ? 'number' : i.kind;
  let digits = 2;
  while (digits < 6 && !g.isZero() && shownValue(g, display, digits).isZero()) digits++;
  return showValue(g, display, digits);
}

/** The formula with field labels. */
export const formulaText = (f: UnitFields, i: ItemResult): string => texts(f, i.id).formulaLabels;

/** The formula with the numbers put in; `mean(…)` for a value rolled up from the units below. */
export function substitutedText(f: UnitFields, i: ItemResult): string {
  const item = texts(f, i.id).item;
  if (f.level > item.level && item.rollup !== 'sum') return `${item.rollup}(…)`;
  const fields = f.scheme.fields;
  return render(item.formula.ast, (n) => showRaw(f.env(n), fields.get(n)?.type === 'percent'));
}

/** The fields the item reads, with their values at this unit (summed from the units below when `summed`). */
export function inputsOf(
  f: UnitFields,
  i: ItemResult,
): { field: string; label: string; value: string; summed: boolean }[] {
  const item = texts(f, i.id).item;
  return item.fields.map((id) => {
    const field = f.scheme.fields.get(id)!;
    return {
      field: id,
      label: field.label,
      value: f.invalid(id) ? '✗' : showRaw(f.value(id), field.type === 'percent'),
      summed: field.level < f.level,
    };
  });
}

const vetoesOf = new WeakMap<Scheme, Map<string, Veto>>();

function schemeVeto(scheme: Scheme, id: string): Veto | undefined {
  let m = vetoesOf.get(scheme);
  if (!m) {
    m = new Map(scheme.vetoes.map((v) => [v.id, v]));
    vetoesOf.set(scheme, m);
  }
  return m.get(id);
}

/**
 * A veto in words at a unit: its condition (fields by label, params by value) and
 * what it saw (the item's value, or the condition with the numbers put in).
 */
export function vetoWords(u: UnitResult, v: VetoResult): { condition: string; display: string } {
  const f = u.fields;
  const veto = schemeVeto(f.scheme, v.id);
  if (!veto) return { condition: '', display: '—' };
  if (veto.item) {
    const item = u.items.find((i) => i.id === veto.item);
    const title = schemeItem(f.scheme, veto.item)?.title ?? veto.item;
    return { condition: `${title} ${veto.when.text}`, display: item ? valueText(f, item) : '—' };
  }
  const w = veto.when.kind === 'formula' ? veto.when.f : undefined;
  if (!w) return { condition: veto.when.text, display: '—' };
  const fields = f.scheme.fields;
  return {
    condition: render(w.ast, (n) => fields.get(n)?.label ?? showRaw(f.env(n))),
    display: render(w.ast, (n) => showRaw(f.env(n), fields.get(n)?.type === 'percent')),
  };
}
