/** The dataset the engine scores: units in a hierarchy with typed field values. */
import type { Finding } from '../diagnostics';
import type { Text } from '../messages/codes';
import type { Rational } from '../rational';
import type { Cell, CellIndex } from './cells';

export type FieldValue = Rational | boolean;

export interface Source {
  file: string;
  line: number;
}

export interface DataUnit {
  /** Index of the unit's level in the scheme's `units`. */
  level: number;
  /** Identity: the code if there is one, else the normalised name. */
  key: string;
  code?: string;
  name: string;
  /** Key of the parent unit (one level up), if any. */
  parent?: string;
  /** Values given for this unit by data rows (not roll-ups). */
  values: Map<string, FieldValue>;
  /** Fields whose values are unusable, with why (bad cell, failed check). */
  invalid: Map<string, Text>;
  /** Where the unit's row(s) are; empty for units known only as a parent. */
  sources: Source[];
  /** Where each given or invalid value's cell is (the first one read). */
  cells?: CellIndex;
  /** Blank cells of the unit's own fields, by field id (the first one read). */
  blanks?: CellIndex;
}

export type { Cell };

export interface FileStats {
  file: string;
  encoding: string;
  /** Lines below the header row, and data rows found above or inside it (each used or not used). */
  read: number;
  used: number;
  rejected: number;
}

export interface Dataset {
  /** Every unit at every level, in order of first appearance. */
  units: DataUnit[];
  files: FileStats[];
  findings: Finding[];
}
