/**
 * Messages of loading, checking and compiling schemes (src/scheme): their arguments
 * and their words in English and Chinese, in four files: the file and its YAML
 * (./scheme-yaml.ts), its shape (./scheme-shape.ts), formulas (./scheme-formula.ts),
 * compiling and the semantic rules (./scheme-lint.ts).
 *
 * The code of a message is the code a finding prints (`scheme/points-sum`); where one
 * printed code has several wordings, the variant is the argument `kind`, a sub-code.
 */
import type { Renderers } from './render';
import { FORMULA, type FormulaArgs } from './scheme-formula';
import { LINT, type LintArgs } from './scheme-lint';
import { SHAPE, type ShapeArgs } from './scheme-shape';
import { YAML, type YamlArgs } from './scheme-yaml';

export interface SchemeArgs extends YamlArgs, ShapeArgs, FormulaArgs, LintArgs {}

export const SCHEME: Renderers<SchemeArgs> = { ...YAML, ...SHAPE, ...FORMULA, ...LINT };
