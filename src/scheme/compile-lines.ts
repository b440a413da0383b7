/**
 * Compiling the keys of weighted lines, unit types and `rollup: share` (issue #14):
 * hooked into ./compile.ts. Best effort as compile.ts is: a value of the wrong type
 * is skipped (the schema reports it). What lint-lines.ts checks is not repeated here.
 */
import { parseQuantity } from './formula';
import type * as M from './model';
import type { Path } from './path';
import type { SchemeInput, SectionInput } from './schema';
import { targetFormulas, type Target } from './target';
import { peersKey } from './compile-relative';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const quantity = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? parseQuantity(x) : undefined);

/** The unit types, with the type field's cells read as the position of their type. */
export function compileUnitTypes(input: SchemeInput, fields: Map<string, M.Field>): M.UnitTypes | undefined {
  const u = input.unit_types;
  if (!isObj(u) || typeof u.field !== 'string' || !Array.isArray(u.values)) return undefined;
  const values = u.values.filter((v): v is string => typeof v === 'string');
  const field = fields.get(u.field);
  if (field?.type === 'text') field.choices = values;
  return { field: u.field, values, level: field?.level ?? 0 };
}

/** A points value that may be given by type: the main type's (or the only) points, and the map. */
export function typedPoints(
  raw: unknown,
  types: M.UnitTypes | undefined,
): { points: M.Item['points'] | undefined; byType?: Map<string, M.Item['points']> } {
  if (!isObj(raw)) return { points: quantity(raw) };
  const byType = new Map<string, M.Item['points']>();
  for (const [k, v] of Object.entries(raw)) {
    const p = quantity(v);
    if (p) byType.set(k, p);
  }
  const main = types?.values.find((t) => byType.has(t));
  return { points: main === undefined ? undefined : byType.get(main), byType };
}

/** A section's weight and points by type. */
export function sectionExtras(s: SectionInput, types: M.UnitTypes | undefined): Partial<M.Section> {
  const out: Partial<M.Section> = {};
  const w = s.weight === undefined ? undefined : quantity(s.weight);
  if (w) out.weight = w;
  const p = typedPoints(s.points, types);
  if (p.byType) out.byType = p.byType;
  if (p.byType && p.points) out.points = p.points;
  return out;
}

/** Marks each item with its line, when the top-level sections have weights. */
export function markLines(sections: M.Section[]): void {
  if (!sections.some((s) => s.weight)) return;
  const mark = (s: M.Section, line: string) => {
    for (const it of s.items) it.line = line;
    for (const sub of s.sections) mark(sub, line);
  };
  for (const s of sections) mark(s, s.id);
}

export interface TypedItemInput {
  points: unknown;
  target?: unknown;
  not_assessed?: unknown;
  share?: unknown;
}

/** How compile.ts parses a target and shows its values (passed in, so the hook stays one line). */
export interface TargetReader {
  target(text: string, path: Path): Target | undefined;
  display(t: Target | undefined): M.Item['display'];
  fields(t: Target | undefined): string[];
}

/**
 * The item's share (rollup: share), and its forms by unit type when its points or
 * target are given by type or it is not assessed for some: the base item takes the
 * main type's points and target (units above are scored as the main type).
 */
export function withTypes(
  item: M.Item,
  it: TypedItemInput,
  path: Path,
  types: M.UnitTypes | undefined,
  r: TargetReader,
): M.Item {
  if (it.share !== undefined) item.share = quantity(it.share);
  const points = typedPoints(it.points, types);
  const targets = isObj(it.target) ? it.target : undefined;
  const notAssessed = Array.isArray(it.not_assessed) ? it.not_assessed.filter((t) => typeof t === 'string') : [];
  if (!types || (!points.byType && !targets && !notAssessed.length)) return item;
  const byType = new Map<string, M.Item>();
  for (const type of types.values) {
    const text = targets?.[type];
    const target =
      typeof text === 'string' ? r.target(text, [...path, 'target', type]) : targets ? undefined : item.target;
    const form: M.Item = { ...item, points: points.byType?.get(type) ?? item.points, target };
    if (targets) {
      form.display = r.display(target);
      form.fields = [...new Set([...item.fields, ...r.fields(target)])];
      if (peersKey(target, []).peers) item.peers = true; // one type's target against its peers: the item is relative
    }
    byType.set(type, form);
  }
  if (item.peers) for (const form of byType.values()) form.peers = true;
  const main = byType.get(types.values[0]!);
  const base: M.Item = main ? { ...main } : item;
  base.types = { byType, notAssessed: new Set(notAssessed) };
  return base;
}

export { targetFormulas };
