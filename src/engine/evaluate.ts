/**
 * evaluate(scheme, dataset) → Assessment. Pure: no fs, no process, no colour.
 *
 * Field values roll up bottom-up: a parent's value of a summable field is the sum of
 * its children's (so a county rate is a ratio of sums); fields of the parent's own
 * level come from its own rows. Items are scored at their level and every level
 * above, vetoes checked, bonus added under its cap, units ranked among siblings.
 */
import { sortDiagnostics, type Finding } from '../diagnostics';
import type { Dataset, FieldValue } from '../data/model';
import { message, type Text } from '../messages/codes';
import { Rational } from '../rational';
import { SUMMABLE_TYPES, type Item, type Scheme, type Section } from '../scheme/model';
import { absentColumns, absentColumnWarnings, unitDataWarnings } from './data-warnings';
import { UnitFields } from './fields';
import type { Node } from './node';
import { scoreAt } from './score-at';
import { rankUnits, unitTotals } from './totals';
import { scoreTyped, unitTypeAt } from './unit-type';
import { vetoesAt } from './vetoes';
import { assessWithPeers } from './peer-assess';
import { peerItems, type Relative } from './peers';
import { SCHEMA_VERSION, type Assessment, type UnitResult } from './types';

export interface EvaluateOptions {
  /** Param values overriding the scheme's (`--param id=value`). */
  params?: Map<string, Rational>;
  /** Kept for callers; the field values an item reads are now always at hand (`UnitResult.fields`). */
  inputs?: boolean;
  /**
   * Remedies only for units of this level and above (a lean batch prints the
   * townships' numbers, not their remedies). Default: every unit.
   */
  remediesFrom?: number;
  /** The fields whose column is in no file, when the caller has found them (absentColumns of these units). */
  absent?: ReadonlySet<string>;
}

export function evaluate(scheme: Scheme, data: Dataset, options: EvaluateOptions = {}): Assessment {
  const params = new Map([...scheme.params, ...(options.params ?? [])]);
  const roots = buildTree(data);
  const items = allItems(scheme);
  // Items left without a score by the data alone are said (warnings), never silently.
  const absent = options.absent ?? absentColumns(scheme, data.units);
  const warnings: Finding[] = absentColumnWarnings(scheme, absent);
  const warn = { absent, list: warnings, remediesFrom: options.remediesFrom ?? 0 };
  const asks = peerItems(scheme);
  if (!asks) for (const root of roots) assess(scheme, root, params, items, warn);
  // Relative scoring: two phases per group of peers (peer-assess.ts).
  else
    assessWithPeers(scheme, roots, asks, {
      fields: (n) => void (n.fields = fieldsOf(scheme, n, params)),
      score: (n, rel) => scoreUnit(scheme, n, items, warn, rel),
      warnings,
    });

  const results = roots.map((r) => toResult(scheme, r));
  rankUnits(results);
  const files = data.files;
  return {
    schemaVersion: SCHEMA_VERSION,
    scheme: {
      id: scheme.id,
      title: scheme.title,
      version: scheme.version,
      issuer: scheme.issuer,
      document: scheme.document,
      total: scheme.total,
      pass: scheme.pass,
      source: scheme.source,
      sections: flattenSections(scheme.sections),
      levels: scheme.levels.map((l) => ({ id: l.id, title: l.title })),
      labels: Object.fromEntries([...scheme.fields.values()].map((f) => [f.id, f.label])),
    },
    units: results,
    data: {
      files,
      read: files.reduce((a, f) => a + f.read, 0),
      used: files.reduce((a, f) => a + f.used, 0),
      rejected: files.reduce((a, f) => a + f.rejected, 0),
      findings: warnings.length ? sortDiagnostics([...data.findings, ...warnings]) : data.findings,
    },
  };
}

function flattenSections(ss: Section[], parent?: string): Assessment['scheme']['sections'] {
  return ss.flatMap((s) => [
    { id: s.id, title: s.title, points: s.points, parent },
    ...flattenSections(s.sections, s.id),
  ]);
}

function buildTree(data: Dataset): Node[] {
  const nodes = data.units.map((unit): Node => ({ unit, children: [], fields: undefined!, items: new Map() }));
  const byKey = new Map(nodes.map((n) => [`${n.unit.level}:${n.unit.key}`, n]));
  const roots: Node[] = [];
  for (const n of nodes) {
    const parent = n.unit.parent !== undefined ? byKey.get(`${n.unit.level + 1}:${n.unit.parent}`) : undefined;
    if (parent) parent.children.push(n);
    else roots.push(n);
  }
  // The top-level units are those of the highest level present.
  const top = Math.max(...roots.map((r) => r.unit.level));
  return roots.filter((r) => r.unit.level === top);
}

/** Bottom-up: fill field states, then score items and vetoes, for a unit and its subtree. */
interface Warn {
  /** Fields whose column is in no file (said once by absentColumnWarnings). */
  absent: ReadonlySet<string>;
  list: Finding[];
  /** The lowest level whose items get a remedy. */
  remediesFrom: number;
}

function assess(scheme: Scheme, node: Node, params: Map<string, Rational>, items: Item[], warn: Warn): void {
  for (const c of node.children) assess(scheme, c, params, items, warn);
  node.fields = fieldsOf(scheme, node, params);
  scoreUnit(scheme, node, items, warn);
}

/** Scores the unit's items (its fields are filled); `rel` says how a relative item is scored. */
function scoreUnit(scheme: Scheme, node: Node, items: Item[], warn: Warn, rel?: (item: Item) => Relative | undefined) {
  if (scheme.unitTypes) node.type = unitTypeAt(scheme, node);
  const env = node.fields.env;
  const scored = [];
  for (const item of items) {
    if (item.level > node.unit.level) continue;
    const remedies = node.unit.level >= warn.remediesFrom;
    const result = item.types
      ? scoreTyped(scheme, item, node, env, remedies, node.type!, rel?.(item))
      : scoreAt(scheme, item, node, env, remedies, rel?.(item));
    node.items.set(item.id, result);
    // Only items missing or n/a can give a data warning (unitDataWarnings): the others are not listed.
    if (result.status === 'missing' || result.status === 'na')
      scored.push({ item, result, rolled: node.unit.level > item.level && item.rollup !== 'sum' });
  }
  if (scored.length) warn.list.push(...unitDataWarnings(scheme, node.unit, scored, env, warn.absent));
}

/** Scored items then bonus items, in scheme order. */
function allItems(scheme: Scheme): Item[] {
  return [...scheme.items, ...(scheme.bonus?.items ?? [])];
}

/**
 * The unit's field values: its own (fields of its level or above), and each summable
 * field of a level below summed over its children (invalid if a child's is, missing
 * if a child's is). A unit without children shares its data unit's maps.
 */
function fieldsOf(scheme: Scheme, node: Node, params: Map<string, Rational>): UnitFields {
  const { unit } = node;
  const below = (id: string) => (scheme.fields.get(id)?.level ?? unit.level) < unit.level;
  if (!node.children.length) {
    // No field is below the lowest level (a township's values are all its own).
    const own =
      unit.level > 0 && [...unit.values.keys()].some(below)
        ? new Map([...unit.values].filter(([id]) => !below(id)))
        : unit.values;
    return new UnitFields(scheme, params, unit.level, own, unit.invalid);
  }
  const values = new Map<string, FieldValue>();
  const bad = new Map<string, Text>(unit.invalid);
  for (const f of scheme.fields.values()) {
    if (bad.has(f.id)) continue;
    if (f.level >= unit.level) {
      const v = unit.values.get(f.id);
      if (v !== undefined) values.set(f.id, v);
      continue;
    }
    if (!SUMMABLE_TYPES.has(f.type)) continue;
    let sum: Rational | undefined = Rational.ZERO;
    for (const c of node.children) {
      const why = c.fields.invalid(f.id);
      if (why) {
        bad.set(f.id, message('reason/invalid-in', { units: [c.unit.name] }));
        sum = undefined;
        break;
      }
      const v = c.fields.value(f.id);
      if (!(v instanceof Rational)) {
        sum = undefined;
        break;
      }
      sum = sum.add(v);
    }
    if (sum) values.set(f.id, sum);
  }
  return new UnitFields(scheme, params, unit.level, values, bad);
}

function toResult(scheme: Scheme, node: Node): UnitResult {
  // Hard floors were applied when the items were scored (scoreAt); here they are reported.
  const vetoes = vetoesAt(scheme, node, node.fields.env);
  const items = [...node.items.values()];
  const level = scheme.levels[node.unit.level]!;
  const children = node.children.map((c) => toResult(scheme, c));
  rankUnits(children);
  return {
    level: level.id,
    levelTitle: level.title,
    key: node.unit.key,
    code: node.unit.code,
    name: node.unit.name,
    ...unitTotals(scheme, items, vetoes, node.type?.type),
    ...(node.type && 'own' in node.type && node.type.own ? { unitType: node.type.type } : {}),
    rank: 1,
    of: 1,
    vetoes,
    items,
    children,
    fields: node.fields,
  };
}
