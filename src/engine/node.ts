/** A unit as the engine assesses it (evaluate.ts), and why an item may be left unscored. */
import type { DataUnit } from '../data/model';
import type { UnitFields } from './fields';
import type { Calc, ItemResult } from './types';
import type { TypeAt } from './unit-type';

export interface Node {
  unit: DataUnit;
  children: Node[];
  /** Set when the unit is assessed (its children first). */
  fields: UnitFields;
  items: Map<string, ItemResult>;
  /** The unit's type, when the scheme has unit types (unit-type.ts). */
  type?: TypeAt;
}

/** Why an item is not scored for lack of usable data. */
export type Unscored = Extract<Calc, { kind: 'missing' | 'invalid' }>;
