/**
 * Items that have no score only because of the data, said as warnings (never
 * silently): a blank cell in an optional column (required: false), a column that a
 * unit's file does not have, a divisor that is 0 in the data. Each names the unit,
 * the field and, when known, the cell (file:line:col). Pure: returns findings.
 *
 * Not repeated here: what the reader already says (data/blank for a required
 * column, data/missing-column, data/missing-unit, data/unit-without-row); a roll-up
 * (its child units are named in the item's own result); and `x / 0` written with a
 * literal zero, which is the scheme's own way of saying "not applicable".
 */
import type { CodedDiagnostic } from '../diagnostics';
import type { Cell, DataUnit } from '../data/model';
import { message, type NaPolicyCode } from '../messages/codes';
import { Rational } from '../rational';
import { evaluate, render, type Env, type Node } from '../scheme/formula';
import { isNoValue } from '../scheme/formula-types';
import type { Item, Scheme } from '../scheme/model';
import { targetFormulas } from '../scheme/target';
import type { ItemResult } from './types';

export interface Scored {
  item: Item;
  result: ItemResult;
  /** Combined from the child units' values (mean, min, max): not said here. */
  rolled: boolean;
}

const titles = (xs: Scored[]): string[] => xs.map((x) => x.item.title);
const at = (c: Cell | undefined, unit: DataUnit) =>
  c ? { ...c } : unit.sources[0] ? { ...unit.sources[0], col: 1 } : {};

/** Fields with no cell in any unit of their level: the column is in no file (said once, not per unit). */
export function absentColumns(scheme: Scheme, units: readonly DataUnit[]): Set<string> {
  const seen = new Set<string>();
  for (const u of units) {
    for (const id of u.cells?.keys() ?? []) seen.add(id);
    for (const id of u.blanks?.keys() ?? []) seen.add(id);
  }
  const levels = new Set(units.filter((u) => u.sources.length).map((u) => u.level));
  return new Set([...scheme.fields.values()].filter((f) => levels.has(f.level) && !seen.has(f.id)).map((f) => f.id));
}

/** One warning per optional field in no file that some item reads. */
export function absentColumnWarnings(scheme: Scheme, absent: ReadonlySet<string>): CodedDiagnostic[] {
  const out: CodedDiagnostic[] = [];
  const items = [...scheme.items, ...(scheme.bonus?.items ?? [])];
  for (const id of absent) {
    const f = scheme.fields.get(id)!;
    const using = items.filter((i) => i.fields.includes(id));
    if (f.required || !using.length) continue; // a required one: data/missing-column
    const level = scheme.levels[f.level]!.title;
    out.push({
      severity: 'warning',
      about: { items: using.map((i) => i.id) },
      ...message('data/optional-column-absent', { label: f.label, field: id, items: using.map((i) => i.title), level }),
    });
  }
  return out;
}

/** Warnings for one unit's items that are missing or n/a because of its data. */
export function unitDataWarnings(
  scheme: Scheme,
  unit: DataUnit,
  scored: Scored[],
  env: Env,
  absent: ReadonlySet<string>,
): CodedDiagnostic[] {
  const out: CodedDiagnostic[] = [];
  const about = (xs: Scored[]) => ({
    items: xs.map((x) => x.item.id),
    unit: { level: scheme.levels[unit.level]!.id, key: unit.key },
  });
  // Missing: grouped by field, so a blank cell is said once with every item it costs.
  const byField = new Map<string, Scored[]>();
  for (const s of scored) {
    if (s.rolled || s.result.status !== 'missing' || s.result.calc.kind !== 'missing' || s.result.calc.units) continue;
    for (const id of s.result.calc.fields) byField.set(id, [...(byField.get(id) ?? []), s]);
  }
  for (const [id, xs] of byField) {
    const f = scheme.fields.get(id);
    if (!f || f.level !== unit.level || !unit.sources.length || absent.has(id) || unit.cells?.has(id)) continue;
    const blank = unit.blanks?.get(id);
    if (blank) {
      if (f.required) continue; // data/blank
      out.push({
        severity: 'warning',
        ...at(blank, unit),
        about: about(xs),
        ...message('data/blank-optional', { unit: unit.name, label: f.label, items: titles(xs) }),
      });
    } else {
      const files = unit.sources.map((s) => s.file);
      out.push({
        severity: 'warning',
        ...at(undefined, unit),
        about: about(xs),
        ...message('data/field-absent', { unit: unit.name, label: f.label, files, items: titles(xs) }),
      });
    }
  }
  // Not applicable because a divisor in the data is 0.
  for (const s of scored) {
    if (s.rolled || s.result.status !== 'na') continue;
    const nodes = s.result.value === undefined ? [s.item.formula.ast] : targetNodes(s.item);
    const zero = nodes.map((n) => zeroDivisor(n, env)).find((z) => z !== undefined);
    if (!zero) continue;
    const label = (n: string) => scheme.fields.get(n)?.label ?? n;
    const divisor = render(zero, label);
    const field = firstField(zero, scheme);
    const cell = field && scheme.fields.get(field)!.level === unit.level ? unit.cells?.get(field) : undefined;
    out.push({
      severity: 'warning',
      ...at(cell, unit),
      about: about([s]),
      ...message('data/zero-divisor', { unit: unit.name, item: s.item.title, divisor, policy: naPolicy(s.item) }),
    });
  }
  return out;
}

function naPolicy(item: Item): NaPolicyCode {
  return item.bonus ? 'bonus' : item.na;
}

function targetNodes(item: Item): Node[] {
  return targetFormulas(item.target).map((f) => f.ast);
}

function firstField(n: Node, scheme: Scheme): string | undefined {
  switch (n.k) {
    case 'ref':
      return scheme.fields.has(n.name) ? n.name : undefined;
    case 'num':
    case 'bool':
      return undefined;
    case 'neg':
    case 'not':
      return firstField(n.a, scheme);
    case 'bin':
      return firstField(n.a, scheme) ?? firstField(n.b, scheme);
    case 'call':
      return n.args.map((a) => firstField(a, scheme)).find((x) => x !== undefined);
  }
}

/**
 * The divisor that made `n` have no value: followed along the way evaluation went
 * (the branch if() took, the operand that had no value). Undefined when the cause
 * is something else: a missing field, or `x / 0` written with a literal zero.
 */
function zeroDivisor(n: Node, env: Env): Node | undefined {
  if (evaluate(n, env) !== undefined) return undefined;
  switch (n.k) {
    case 'num':
    case 'bool':
    case 'ref':
      return undefined;
    case 'neg':
    case 'not':
      return zeroDivisor(n.a, env);
    case 'bin': {
      const a = zeroDivisor(n.a, env) ?? zeroDivisor(n.b, env);
      if (a || n.op !== '/' || isNoValue(n)) return a;
      const b = evaluate(n.b, env);
      return b instanceof Rational && b.isZero() && evaluate(n.a, env) !== undefined ? n.b : undefined;
    }
    case 'call': {
      if (n.fn === 'if') {
        const c = evaluate(n.args[0]!, env);
        if (c === undefined) return zeroDivisor(n.args[0]!, env);
        const yes = typeof c === 'boolean' ? c : !c.isZero();
        return zeroDivisor(n.args[yes ? 1 : 2]!, env);
      }
      return n.args.map((a) => zeroDivisor(a, env)).find((x) => x !== undefined);
    }
  }
}
