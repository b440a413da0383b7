/**
 * The scheme file format: the single source of the scheme's types. The JSON Schema
 * under criteria/ is generated from this file (`pinggu schema`), and a test fails
 * when the committed copy is stale. Every object is strict: an unknown key is an
 * error, because a typo in a scoring scheme changes results.
 *
 * Written with `zod/mini` (same validation as classic zod, a twentieth of its size:
 * the schema loads whenever a scheme is checked: every scheme of your own).
 */
import * as z from 'zod/mini';
import { Basis, doc, Id, opt, Points, Quantity, Text } from './schema-basics';
import { Rule } from './schema-rule';
import { Accumulate, StatYear } from './schema-year';
import { NotAssessed, Rollup, Share, TypedPoints, TypedTarget, UnitTypes, Weight } from './schema-lines';
import { LastYear } from './schema-relative';
import { Factors, InspectionLevel, Lowest, Parts } from './schema-parts';

export { Rule, type RuleInput } from './schema-rule';

/** A level of the unit hierarchy (township, county, city), lowest first. */
export const UnitLevel = doc(
  z.strictObject({
    /** Level id used by `scope` (e.g. `township`, `county`). */
    id: doc(Id, 'Level id used by scope, e.g. township, county.'),
    /** What a unit of this level is called, e.g. 乡镇. */
    title: doc(Text, 'What a unit of this level is called, e.g. 乡镇.'),
    /** Header labels of the column naming a unit of this level. */
    name: doc(
      z.array(Text).check(z.minLength(1)),
      'Header labels of the column holding the unit name, e.g. [乡镇, 地区].',
    ),
    /** Header labels of the column holding the unit's code (optional). */
    key: opt(z.array(Text), 'Header labels of the column holding the unit code, e.g. [区划代码].'),
  }),
  'A level of the unit hierarchy, lowest (data rows) first.',
);

/** One column of the data dictionary. */
export const Field = doc(
  z.strictObject({
    /** Field id used in formulas. */
    id: Id,
    /** The column header as the form prints it, e.g. 出生人数. */
    label: doc(Text, 'The column header as the report form prints it.'),
    /** Other header spellings seen in real files. */
    aliases: opt(z.array(Text), 'Other header spellings seen in real files.'),
    /** count, number, money, percent, boolean, text or score. */
    type: doc(
      z.enum(['count', 'number', 'money', 'percent', 'boolean', 'text', 'score']),
      'count, number, money and percent are numbers; percent, boolean, text and score cannot be summed.',
    ),
    /** The level whose rows supply the field (default: the lowest level). */
    scope: opt(Id, 'The unit level whose rows supply this field (default: the lowest level).'),
    /** Lowest valid value (a value below it is a finding). */
    min: opt(Quantity, 'Lowest valid value; a value below it is an error finding.'),
    /** Highest valid value. */
    max: opt(Quantity, 'Highest valid value; a value above it is an error finding.'),
    /** A data file must have this column (default true). */
    required: opt(z.boolean(), 'Whether the data must have this column (default true).'),
    /** Unit of measure shown after values, e.g. 人, 元. */
    unit: opt(Text, 'Unit of measure shown after values, e.g. 人, 元.'),
    accumulate: Accumulate,
    last_year: LastYear,
    note: opt(Text),
  }),
  'One column of the data dictionary.',
);

/** A named constant usable in formulas, overridable with `--param id=value`. */
export const Param = doc(
  z.strictObject({
    id: Id,
    title: opt(Text, 'What the constant is, e.g. 人均计生事业经费标准.'),
    value: doc(Quantity, 'The value; a number, or with % or ‰.'),
    note: opt(Text),
  }),
  'A named constant usable in formulas; --param id=value overrides it.',
);

/** A data rule that must hold on every row. */
export const Check = doc(
  z.strictObject({
    id: Id,
    title: doc(Text, 'What the rule says, e.g. 政策内出生数不超过出生数.'),
    /** Boolean formula over fields that must be true on every row. */
    assert: doc(Text, 'A boolean formula over the fields that must hold on every row.'),
    /** error: items using these fields become invalid for the row; warning: reported only. */
    severity: opt(
      z.enum(['error', 'warning']),
      'error (default): items using the fields become invalid for that unit; warning: reported only.',
    ),
  }),
  'A data rule checked on every row.',
);

/** A scored standard (leaf of the section tree). */
export const Item = doc(
  z.strictObject({
    id: Id,
    title: doc(Text, 'The standard as the scheme names it.'),
    points: doc(TypedPoints, 'Full marks of the item (for a bonus item: the most it can add); or by unit type.'),
    /** The value, as a formula over fields and params. */
    formula: opt(
      Text,
      'The value, as a formula over fields and params: + - * / ( ) min max abs round if count, 95%, 1‰. Required unless the item has parts.',
    ),
    /** `>= 95%`, `<= 5%`, `> x`, `== 0`, `between 103 and 107`, or a boolean formula. */
    target: opt(
      TypedTarget,
      '">= 95%", "<= 5%", "== 0", "between 103 and 107", or a boolean formula, or these by unit type. Optional only for checklist rules (all elements).',
    ),
    rule: opt(Rule, 'The scoring rule. Required unless the item has parts.'),
    parts: Parts,
    lowest: Lowest,
    factors: Factors,
    /** The lowest level the item is scored at (default: the lowest level). */
    scope: opt(Id, 'The lowest unit level the item is scored at (default: the lowest level).'),
    /** How a parent's value is formed from its children (default sum: the formula on summed fields). */
    rollup: Rollup,
    share: Share,
    not_assessed: NotAssessed,
    /** What happens when the value is undefined (no births → no rate). */
    na: opt(
      z.enum(['exclude', 'full', 'zero']),
      'When the value is undefined (e.g. no births, so no rate): exclude (default; drop from the applicable maximum), full, or zero.',
    ),
    /** The field whose change the remedy reports. */
    lever: opt(Id, 'The field whose smallest whole-number change to meet the target the report gives.'),
    effort: opt(
      z.number().check(z.positive()),
      "Effort of one unit of the lever for `pinggu plan` (one person, yuan, case; one percentage point of a percent field). Default: 1% of the lever's current value costs 1.",
    ),
    basis: opt(Basis),
    /** Evidence the inspectors look at: 报表, 查阅资料, 问卷, 入户抽查 … */
    evidence: opt(Text, 'Evidence inspected: 报表, 查阅资料, 问卷调查, 入户抽查 …'),
    note: opt(Text),
  }),
  'A scored standard.',
);

/** A group of items or of nested sections (一级/二级指标). */
export type SectionInput = {
  id: string;
  title: string;
  points: number | Record<string, number>;
  weight?: number | string;
  items?: z.infer<typeof Item>[];
  sections?: SectionInput[];
  note?: string;
};
export const Section: z.ZodMiniType<SectionInput> = z.lazy(() =>
  doc(
    z.strictObject({
      id: Id,
      title: Text,
      points: doc(TypedPoints, "The section's points (or by unit type); its children must add up to them."),
      weight: Weight,
      items: opt(z.array(Item).check(z.minLength(1)), 'The items (or nested sections, not both).'),
      sections: opt(z.array(Section).check(z.minLength(1)), 'Nested sections (or items, not both).'),
      note: opt(Text),
    }),
    'A section: items, or nested sections.',
  ),
);

/** A condition that fails the whole assessment whatever the score (一票否决). */
export const Veto = doc(
  z.strictObject({
    id: Id,
    title: Text,
    /** With `item`: a comparison on the item's value (`< 82%`); without: a boolean formula over fields. */
    when: doc(
      Text,
      'With item: a comparison on the item value ("< 82%"); without: a boolean formula over fields and params that triggers the veto when true.',
    ),
    /** A hard floor: the item scores 0 when the veto triggers. */
    item: opt(Id, 'Makes this a hard floor: the item scores 0 and the veto triggers.'),
    /** The lowest level checked (default: the levels where its fields exist). */
    scope: opt(Id, 'The lowest unit level at which the veto is checked (default: where its fields exist).'),
    basis: opt(Basis),
    note: opt(Text),
  }),
  '一票否决: a condition that fails the assessment whatever the score.',
);

export const Grade = z.strictObject({
  name: doc(Text, 'Grade name, e.g. 优秀.'),
  min: doc(z.number(), 'Lowest score (on the total scale) for this grade.'),
});

export const Scheme = doc(
  z.strictObject({
    /** For editors only (`$schema: ./scheme.schema.json`, written by `pinggu schema`); pinggu ignores it. */
    $schema: opt(
      z.string(),
      'The JSON Schema of this file, for editors (write it with `pinggu schema > scheme.schema.json`); ignored by pinggu.',
    ),
    id: doc(
      z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'letters, digits, _ . -, starting with a letter')),
      'Scheme id, used by --scheme for bundled schemes.',
    ),
    title: Text,
    version: doc(z.union([Text, z.number()]), 'Version of the scheme text.'),
    issuer: opt(Text, 'Issuing body.'),
    document: opt(Text, 'Document number, e.g. 晋人口发〔2008〕12号.'),
    total: doc(z.number().check(z.positive()), 'Full marks (often 100 or 1000).'),
    /** Pass line: points on the total scale, or a share such as "90%". */
    pass: doc(Quantity, 'Pass line: points on the total scale (90), or a share of it ("90%"). No veto may trigger.'),
    grades: opt(z.array(Grade), 'Grade bands, highest first; the first whose min the score reaches.'),
    year: StatYear,
    units: doc(z.array(UnitLevel).check(z.minLength(1)), 'Levels of units, lowest first (township, county, …).'),
    fields: z.array(Field).check(z.minLength(1)),
    params: opt(z.array(Param)),
    checks: opt(z.array(Check)),
    unit_types: UnitTypes,
    sections: z.array(Section).check(z.minLength(1)),
    vetoes: opt(z.array(Veto)),
    inspection_levels: opt(z.array(InspectionLevel), 'Inspection levels that may record case rows (县级, 市级, 省级).'),
    bonus: opt(
      z.strictObject({
        cap: doc(Points, 'Most bonus points in all.'),
        items: z.array(Item).check(z.minLength(1)),
      }),
      '加分项: items that add points beyond the total, capped.',
    ),
  }),
  'A pinggu evaluation scheme (评估方案).',
);

export type SchemeInput = z.infer<typeof Scheme>;
export type ItemInput = z.infer<typeof Item>;
export type FieldInput = z.infer<typeof Field>;
export type VetoInput = z.infer<typeof Veto>;
export type UnitLevelInput = z.infer<typeof UnitLevel>;

/** The JSON Schema committed as criteria/scheme.schema.json. */
export function schemeJsonSchema(): unknown {
  return z.toJSONSchema(Scheme, { target: 'draft-07', io: 'input' });
}
