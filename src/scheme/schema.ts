/**
 * The scheme file format: the single source of the scheme's types. The JSON Schema
 * under criteria/ is generated from this file (`pinggu schema`), and a test fails
 * when the committed copy is stale. Every object is strict: an unknown key is an
 * error, because a typo in a scoring scheme changes results.
 */
import { z } from 'zod';

/** An identifier usable in formulas: letters, digits and `_`, starting with a letter. */
const Id = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an identifier: letters, digits and _, starting with a letter')
  .describe('An identifier: letters, digits and _, starting with a letter (used in formulas).');

/** A number, or a number with `%` or `‰` (`0.1%`, `1‰`). */
const Quantity = z
  .union([z.number(), z.string().regex(/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*[%‰]?\s*$/, 'a number, optionally with % or ‰')])
  .describe('A number, or a number with % or ‰ such as "0.1%" or "1‰".');

const Points = z.number().nonnegative().describe('Points (non-negative).');
const Text = z.string().min(1);

/** Where a scheme's wording came from: shown beside the item in reports. */
const Basis = Text.describe('The clause of the written scheme this comes from, quoted.');

/** A level of the unit hierarchy (township, county, city), lowest first. */
export const UnitLevel = z
  .strictObject({
    /** Level id used by `scope` (e.g. `township`, `county`). */
    id: Id.describe('Level id used by scope, e.g. township, county.'),
    /** What a unit of this level is called, e.g. 乡镇. */
    title: Text.describe('What a unit of this level is called, e.g. 乡镇.'),
    /** Header labels of the column naming a unit of this level. */
    name: z.array(Text).min(1).describe('Header labels of the column holding the unit name, e.g. [乡镇, 地区].'),
    /** Header labels of the column holding the unit's code (optional). */
    key: z.array(Text).optional().describe('Header labels of the column holding the unit code, e.g. [区划代码].'),
  })
  .describe('A level of the unit hierarchy, lowest (data rows) first.');

/** One column of the data dictionary. */
export const Field = z
  .strictObject({
    /** Field id used in formulas. */
    id: Id,
    /** The column header as the form prints it, e.g. 出生人数. */
    label: Text.describe('The column header as the report form prints it.'),
    /** Other header spellings seen in real files. */
    aliases: z.array(Text).optional().describe('Other header spellings seen in real files.'),
    /** count, number, money, percent, boolean, text or score. */
    type: z
      .enum(['count', 'number', 'money', 'percent', 'boolean', 'text', 'score'])
      .describe('count, number, money and percent are numbers; percent, boolean, text and score cannot be summed.'),
    /** The level whose rows supply the field (default: the lowest level). */
    scope: Id.optional().describe('The unit level whose rows supply this field (default: the lowest level).'),
    /** Lowest plausible value (a row below it is a finding). */
    min: Quantity.optional().describe('Lowest valid value; a value below it is an error finding.'),
    /** Highest plausible value. */
    max: Quantity.optional().describe('Highest valid value; a value above it is an error finding.'),
    /** A data file must have this column (default true). */
    required: z.boolean().optional().describe('Whether the data must have this column (default true).'),
    /** Unit of measure shown after values, e.g. 人, 元. */
    unit: Text.optional().describe('Unit of measure shown after values, e.g. 人, 元.'),
    note: Text.optional(),
  })
  .describe('One column of the data dictionary.');

/** A named constant usable in formulas, overridable with `--param id=value`. */
export const Param = z
  .strictObject({
    id: Id,
    title: Text.optional().describe('What the constant is, e.g. 人均计生事业经费标准.'),
    value: Quantity.describe('The value; a number, or with % or ‰.'),
    note: Text.optional(),
  })
  .describe('A named constant usable in formulas; --param id=value overrides it.');

/** A data rule that must hold on every row. */
export const Check = z
  .strictObject({
    id: Id,
    title: Text.describe('What the rule says, e.g. 政策内出生数不超过出生数.'),
    /** Boolean formula over fields that must be true on every row. */
    assert: Text.describe('A boolean formula over the fields that must hold on every row.'),
    /** error: items using these fields become invalid for the row; warning: reported only. */
    severity: z
      .enum(['error', 'warning'])
      .optional()
      .describe('error (default): items using the fields become invalid for that unit; warning: reported only.'),
  })
  .describe('A data rule checked on every row.');

const Partial = z
  .enum(['proportional', 'up', 'down'])
  .describe('How a partial unit of distance counts: proportional, rounded up, or rounded down.');

const MaxDeduct = Points.optional().describe('Largest total deduction (the item never goes below 0 anyway).');

/** One band of a banded rule: the first band whose condition holds gives its points. */
const Band = z.strictObject({
  /** A comparison on the value (`>= 90%`) or a boolean formula; omit for "otherwise". */
  when: Text.optional().describe('A comparison on the value (">= 90%") or a boolean formula; omit for "otherwise".'),
  points: Points,
});

/** How an item's points follow from its value. */
export const Rule = z
  .discriminatedUnion('type', [
    z
      .strictObject({ type: z.literal('all') })
      .describe('达标得满分，否则不得分: full points if the target is met, else 0.'),
    z
      .strictObject({
        type: z.literal('deduct'),
        deduct: Points.describe('Points lost per unit of distance.'),
        per: Quantity.describe('The unit of distance, e.g. "1%" (one percentage point), "0.1%", 1.'),
        partial: Partial,
        max: MaxDeduct,
      })
      .describe('每低1个百分点扣1分: lose `deduct` points per `per` of distance from the target.'),
    z
      .strictObject({
        type: z.literal('per_case'),
        deduct: Points.describe('Points lost per case.'),
        max: MaxDeduct,
      })
      .describe('每发现一例扣0.5分: the value is a count of cases beyond the target; lose `deduct` per case.'),
    z
      .strictObject({
        type: z.literal('checklist'),
        deduct: Points.describe('Points lost per missing element.'),
        max: MaxDeduct,
      })
      .describe('缺一项扣2分: the formula is count(a, b, …) of yes/no fields; lose `deduct` per element that is not yes.'),
    z
      .strictObject({ type: z.literal('proportional') })
      .describe('按完成比例得分: points × value/target (>=) or target/value (<=), capped at full.'),
    z
      .strictObject({
        type: z.literal('bands'),
        bands: z.array(Band).min(1),
      })
      .describe('分档计分: ordered bands, the first that matches gives the points.'),
    z
      .strictObject({
        type: z.literal('add'),
        add: Points.describe('Points added per unit beyond the target.'),
        per: Quantity.describe('The unit beyond the target, e.g. "1%".'),
        partial: Partial,
      })
      .describe('每超1%加5分 (bonus items only): add points per unit beyond the target, capped at the item points.'),
  ])
  .describe('The scoring rule.');

/** A scored standard (leaf of the section tree). */
export const Item = z
  .strictObject({
    id: Id,
    title: Text.describe('The standard as the scheme names it.'),
    points: Points.describe('Full marks of the item (for a bonus item: the most it can add).'),
    /** The value, as a formula over fields and params. */
    formula: Text.describe('The value, as a formula over fields and params: + - * / ( ) min max abs round if count, 95%, 1‰.'),
    /** `>= 95%`, `<= 5%`, `> x`, `== 0`, `between 103 and 107`, or a boolean formula. */
    target: Text.optional().describe('">= 95%", "<= 5%", "== 0", "between 103 and 107", or a boolean formula. Optional only for checklist rules (all elements).'),
    rule: Rule,
    /** The lowest level the item is scored at (default: the lowest level). */
    scope: Id.optional().describe('The lowest unit level the item is scored at (default: the lowest level).'),
    /** How a parent's value is formed from its children (default sum: the formula on summed fields). */
    rollup: z
      .enum(['sum', 'mean', 'min', 'max'])
      .optional()
      .describe('How a parent unit gets its value: sum (default; the formula on summed fields, a ratio of sums), mean, min or max of the children\'s values.'),
    /** What happens when the value is undefined (no births → no rate). */
    na: z
      .enum(['exclude', 'full', 'zero'])
      .optional()
      .describe('When the value is undefined (e.g. no births, so no rate): exclude (default; drop from the applicable maximum), full, or zero.'),
    /** The field whose change the remedy reports. */
    lever: Id.optional().describe('The field whose smallest whole-number change to meet the target the report gives.'),
    basis: Basis.optional(),
    /** Evidence the inspectors look at: 报表, 查阅资料, 问卷, 入户抽查 … */
    evidence: Text.optional().describe('Evidence inspected: 报表, 查阅资料, 问卷调查, 入户抽查 …'),
    note: Text.optional(),
  })
  .describe('A scored standard.');

/** A group of items or of nested sections (一级/二级指标). */
export type SectionInput = {
  id: string;
  title: string;
  points: number;
  items?: z.infer<typeof Item>[];
  sections?: SectionInput[];
  note?: string;
};
export const Section: z.ZodType<SectionInput> = z.lazy(() =>
  z
    .strictObject({
      id: Id,
      title: Text,
      points: Points.describe('The section\'s points; its children must add up to them.'),
      items: z.array(Item).min(1).optional().describe('The items (or nested sections, not both).'),
      sections: z.array(Section).min(1).optional().describe('Nested sections (or items, not both).'),
      note: Text.optional(),
    })
    .describe('A section: items, or nested sections.'),
);

/** A condition that fails the whole assessment whatever the score (一票否决). */
export const Veto = z
  .strictObject({
    id: Id,
    title: Text,
    /** With `item`: a comparison on the item's value (`< 82%`); without: a boolean formula over fields. */
    when: Text.describe('With item: a comparison on the item value ("< 82%"); without: a boolean formula over fields and params that triggers the veto when true.'),
    /** A hard floor: the item scores 0 when the veto triggers. */
    item: Id.optional().describe('Makes this a hard floor: the item scores 0 and the veto triggers.'),
    /** The lowest level checked (default: the levels where its fields exist). */
    scope: Id.optional().describe('The lowest unit level at which the veto is checked (default: where its fields exist).'),
    basis: Basis.optional(),
    note: Text.optional(),
  })
  .describe('一票否决: a condition that fails the assessment whatever the score.');

export const Grade = z.strictObject({
  name: Text.describe('Grade name, e.g. 优秀.'),
  min: z.number().describe('Lowest score (on the total scale) for this grade.'),
});

export const Scheme = z
  .strictObject({
    id: z
      .string()
      .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'letters, digits, _ . -, starting with a letter')
      .describe('Scheme id, used by --scheme for bundled schemes.'),
    title: Text,
    version: z.union([Text, z.number()]).describe('Version of the scheme text.'),
    issuer: Text.optional().describe('Issuing body.'),
    document: Text.optional().describe('Document number, e.g. 晋人口发〔2008〕12号.'),
    total: z.number().positive().describe('Full marks (often 100 or 1000).'),
    /** Pass line: points on the total scale, or a share such as "90%". */
    pass: Quantity.describe('Pass line: points on the total scale (90), or a share of it ("90%"). No veto may trigger.'),
    grades: z.array(Grade).optional().describe('Grade bands, highest first; the first whose min the score reaches.'),
    units: z.array(UnitLevel).min(1).describe('Levels of units, lowest first (township, county, …).'),
    fields: z.array(Field).min(1),
    params: z.array(Param).optional(),
    checks: z.array(Check).optional(),
    sections: z.array(Section).min(1),
    vetoes: z.array(Veto).optional(),
    bonus: z
      .strictObject({
        cap: Points.describe('Most bonus points in all.'),
        items: z.array(Item).min(1),
      })
      .optional()
      .describe('加分项: items that add points beyond the total, capped.'),
  })
  .describe('A pinggu evaluation scheme (评估方案).');

export type SchemeInput = z.infer<typeof Scheme>;
export type ItemInput = z.infer<typeof Item>;
export type RuleInput = z.infer<typeof Rule>;
export type FieldInput = z.infer<typeof Field>;
export type VetoInput = z.infer<typeof Veto>;
export type UnitLevelInput = z.infer<typeof UnitLevel>;

/** The JSON Schema committed as criteria/scheme.schema.json. */
export function schemeJsonSchema(): unknown {
  return z.toJSONSchema(Scheme, { target: 'draft-07', io: 'input' });
}
