/** The compiled scheme the engine scores against: formulas parsed, numbers exact. */
import type { Rational } from '../rational';
import type { Formula } from './formula';
import type { Path } from './path';
import type { Display, Target } from './target';
import type { FieldInput, UnitLevelInput } from './schema';
import type { CasesRule, Lowest } from './model-parts';

/** Field types whose values add up (a parent's value is the sum of its children's). */
export const SUMMABLE_TYPES: ReadonlySet<string> = new Set(['count', 'number', 'money']);

export type Partial = 'proportional' | 'up' | 'down';

export type Rule =
  | { type: 'all' }
  | { type: 'deduct'; deduct: Rational; per: Rational; partial: Partial; max?: Rational }
  | { type: 'per_case'; deduct: Rational; max?: Rational }
  | { type: 'checklist'; deduct: Rational; max?: Rational }
  | { type: 'proportional' }
  | { type: 'bands'; bands: { when?: Target; points: Rational }[] }
  | { type: 'add'; add: Rational; per: Rational; partial: Partial }
  /** The points are a formula, capped to [0, the item's points] (docs/scheme.md#relative-scoring). */
  | { type: 'formula'; points: Formula };

export interface Field {
  id: string;
  label: string;
  aliases: string[];
  type: FieldInput['type'];
  /** Index into `levels` of the level whose rows supply it. */
  level: number;
  min?: Rational;
  max?: Rational;
  required: boolean;
  unit?: string;
  /** How monthly reports hold it (scheme `accumulate`); absent: stock. */
  accumulate?: 'ytd' | 'month' | 'stock';
  /** For the unit-type field: the types its cells may hold (a cell is read as the type's 1-based position). */
  choices?: string[];
  /** The field this column holds last year's figure of (`last_year:`). */
  lastYear?: string;
}

export interface Item {
  id: string;
  title: string;
  points: Rational;
  formula: Formula;
  target?: Target;
  rule: Rule;
  /** Lowest level index the item is scored at. */
  level: number;
  rollup: 'sum' | 'mean' | 'min' | 'max' | 'all' | 'share';
  /** With rollup share: the share of the units below that must meet the target. */
  share?: Rational;
  /** When the item depends on the unit's type: its form for each type (./compile-lines.ts). */
  types?: ItemTypes;
  /** With weighted lines: the id of the top-level section (line) holding it. */
  line?: string;
  na: 'exclude' | 'full' | 'zero';
  lever?: string;
  /** Effort of one lever unit, for `pinggu plan` (docs/plan.md); undefined: the default. */
  effort?: Rational;
  basis?: string;
  evidence?: string;
  note?: string;
  /** Id of the section holding it (`bonus` for bonus items). */
  section: string;
  display: Display;
  bonus: boolean;
  /** Fields the formula, target and rule read (params excluded). */
  fields: string[];
  /** Where the item is in the scheme file, e.g. `['sections', 0, 'items', 2]` (for findings). */
  path?: Path;
  /** Sub-rules, limits and case rows (./model-parts.ts); absent on an ordinary item. */
  parts?: Item[];
  lowest?: Lowest;
  factors?: Map<string, Rational>;
  cases?: CasesRule;
  /** Its target or rule reads peer values (peer_mean() …): scored after every peer's value is known. */
  peers?: true;
}

/** An item's form for each unit type: points and target of that type; not assessed for some. */
export interface ItemTypes {
  /** The item as scored for a unit of that type (same id; points, target and display of the type). */
  byType: Map<string, Item>;
  notAssessed: Set<string>;
}

/** Unit types read from a text field (类型: 乡镇/农场). */
export interface UnitTypes {
  field: string;
  /** The types as written; the first is the main type (units above are scored as it). */
  values: string[];
  /** The level whose rows give the type. */
  level: number;
}

export interface Section {
  id: string;
  title: string;
  points: Rational;
  /** Points by unit type, when given so. */
  byType?: Map<string, Rational>;
  /** A line's weight (top-level sections only, all or none). */
  weight?: Rational;
  items: Item[];
  sections: Section[];
}

export interface Veto {
  id: string;
  title: string;
  /** With `item`: a comparison on the item's value. */
  when: Target;
  item?: string;
  level: number;
  fields: string[];
  basis?: string;
  /** Where the veto is in the scheme file, e.g. `['vetoes', 1]` (for findings). */
  path?: Path;
}

export interface Check {
  id: string;
  title: string;
  assert: Formula;
  severity: 'error' | 'warning';
  fields: string[];
  /** Where the check is in the scheme file, e.g. `['checks', 1]` (for findings). */
  path?: Path;
}

export interface Scheme {
  id: string;
  title: string;
  version: string;
  issuer?: string;
  document?: string;
  total: Rational;
  /** The pass line on the total scale. */
  pass: Rational;
  grades: { name: string; min: Rational }[];
  levels: UnitLevelInput[];
  fields: Map<string, Field>;
  params: Map<string, Rational>;
  checks: Check[];
  sections: Section[];
  unitTypes?: UnitTypes;
  /** Every scored (non-bonus) item in scheme order. */
  items: Item[];
  bonus?: { cap: Rational; items: Item[] };
  vetoes: Veto[];
  /** Inspection levels that may record case rows (县级, 市级, 省级). */
  inspections?: { id: string; title: string }[];
  /** The file it was loaded from, as given. */
  source: string;
  /** The month (1–12) the statistical year starts in (scheme `year.starts`); absent: January. */
  yearStarts?: number;
}
