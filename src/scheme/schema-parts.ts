/**
 * Sub-rules and deduction limits (part of the scheme format, ./schema.ts): an item's
 * `parts` (sub-rules sharing its points), `lowest` (倒扣分/扣分不封顶), `factors` (a
 * multiplier per inspection level, 省级抽查发现的加倍扣分), the `cases` rule (case rows
 * of the adjustments file, 每例每月扣0.2分，每例最高扣10个月) and the scheme's
 * `inspection_levels`. Documented in docs/scheme.md, "Sub-rules and deduction limits".
 */
import * as z from 'zod/mini';
import { Basis, doc, Id, opt, Points, Text } from './schema-basics';
import { CasesRule } from './schema-cases';
import { Rule } from './schema-rule';

/** A part's rule: an item's rule, or `cases` (parts only). */
const PartRule = doc(
  z.discriminatedUnion('type', [...Rule._zod.def.options, CasesRule]),
  'The scoring rule of the part: all, deduct, per_case or checklist as for an item, or cases (case rows of the adjustments file).',
);

/** One sub-rule of an item: its own value, target and rule; its deductions come out of the item's points. */
export const Part = doc(
  z.strictObject({
    id: Id,
    title: doc(Text, 'The sub-rule as the scheme words it, e.g. 漏报每例扣3分.'),
    points: opt(Points, 'Most this part can take away (default: the item points; a rule all loses all of them).'),
    formula: opt(Text, 'The part value, a formula over fields and params (not for a cases rule).'),
    target: opt(Text, 'As for an item (not for a cases rule; optional for a checklist).'),
    rule: PartRule,
    lever: opt(Id, 'The field whose change the part remedy reports.'),
    basis: opt(Basis),
    note: opt(Text),
  }),
  'A sub-rule of an item (all, deduct, per_case, checklist or cases); the deductions of the parts add up.',
);

export const Parts = opt(
  z.array(Part).check(z.minLength(1)),
  'Sub-rules sharing the item points: each deducts by its own rule, the deductions add up. The item then has no formula, target or rule of its own.',
);

/** 倒扣分/可负分/扣分不封顶: the lowest points the item can reach. */
export const Lowest = opt(
  z.union([z.number().check(z.nonpositive()), z.literal('none')]),
  'Lowest points the item can reach: 0 (default, 扣完为止), a negative number, or none (扣分不封顶, 可负分).',
);

/** 省级抽查发现的加倍扣分: a multiplier per inspection level for the item's case rows. */
export const Factors = opt(
  z.record(Id, z.number().check(z.positive())),
  'Multiplier of the case-row deductions by the inspection level that found them, e.g. { province: 2 } (省级发现的加倍扣分).',
);

/** Who may find a case: 县级, 市级, 省级 inspections. */
export const InspectionLevel = doc(
  z.strictObject({
    id: Id,
    title: doc(Text, 'How the adjustments file names it, e.g. 省级.'),
  }),
  'An inspection level that may record case rows (the level column of the adjustments file: id or title).',
);
