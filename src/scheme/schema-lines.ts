/**
 * The scheme keys of weighted lines, unit types and the roll-ups `all` and `share`
 * (issue #14): hooked into ./schema.ts. What they mean: docs/scheme.md (Sections,
 * Unit types, Roll-up).
 */
import * as z from 'zod/mini';
import { doc, Id, opt, Points, Quantity, Text } from './schema-basics';

/** A top-level section's weight when the lines are scored separately and combined (领导责任线 6 : 基层工作线 4). */
export const Weight = opt(
  Quantity,
  'Only on top-level sections (lines): the line is scored on its own points and counts for this share of the unit\'s score (0.6, "60%"); every line then has one, and they add up to exactly 1.',
);

/** The unit's type, read from a text column (类型: 乡镇/农场, or 一类/二类/三类). */
export const UnitTypes = opt(
  z.strictObject({
    field: doc(Id, 'The text field (column) holding each unit type, e.g. unit_type (类型).'),
    values: doc(
      z.array(Text).check(z.minLength(1)),
      'The types, as written in that column, e.g. [乡镇, 农场]. The first one is the main type: units above (the county) are scored as it.',
    ),
  }),
  'Unit types: items may have points and targets by type, or not be assessed for a type.',
);

/** Points, or points by unit type (`{ 乡镇: 10, 农场: 20 }`). */
export const TypedPoints = z.union([
  Points,
  doc(z.record(Text, Points), 'Points by unit type, e.g. { 乡镇: 10, 农场: 20 }; every declared type is listed.'),
]);

/** A target, or a target by unit type (`{ 一类: ">= 3", 二类: ">= 2", 三类: ">= 1" }`). */
export const TypedTarget = z.union([
  Text,
  doc(
    z.record(Text, Text),
    'Target by unit type, e.g. { 一类: ">= 3", 二类: ">= 2", 三类: ">= 1" }; every declared type is listed.',
  ),
]);

/** The unit types for which the item is not assessed (该项农场不考核). */
export const NotAssessed = opt(
  z.array(Text).check(z.minLength(1)),
  'Unit types for which the item is not assessed (该项农场不考核): it leaves their maximum, and their score is scaled back to the total.',
);

/** The share of units below that must meet the item's target (rollup: share). */
export const Share = opt(
  Quantity,
  'With rollup: share, the share of the units below that must meet the target ("80%": 80% 以上乡镇达标, at least 80%).',
);

export const Rollup = opt(
  z.enum(['sum', 'mean', 'min', 'max', 'all', 'share']),
  "How a parent unit gets its value: sum (default; the formula on summed fields, a ratio of sums), mean, min or max of the children's values; all (met when every unit below meets the target) or share (met when at least `share` of them do).",
);
