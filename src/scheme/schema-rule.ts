/** The scoring rule of an item (part of the scheme format, ./schema.ts): how its points follow from its value. */
import * as z from 'zod/mini';
import { doc, opt, Points, Quantity, Text } from './schema-basics';
import { FormulaRule } from './schema-relative';

const Partial = doc(
  z.enum(['proportional', 'up', 'down']),
  'How a partial unit of distance counts: proportional, rounded up, or rounded down.',
);

const MaxDeduct = opt(Points, 'Largest total deduction (the item never goes below 0 anyway).');

/** One band of a banded rule: the first band whose condition holds gives its points. */
const Band = z.strictObject({
  /** A comparison on the value (`>= 90%`) or a boolean formula; omit for "otherwise". */
  when: opt(Text, 'A comparison on the value (">= 90%") or a boolean formula; omit for "otherwise".'),
  points: Points,
});

/** How an item's points follow from its value. */
export const Rule = doc(
  z.discriminatedUnion('type', [
    doc(
      z.strictObject({ type: z.literal('all') }),
      '达标得满分，否则不得分: full points if the target is met, else 0.',
    ),
    doc(
      z.strictObject({
        type: z.literal('deduct'),
        deduct: doc(Points, 'Points lost per unit of distance.'),
        per: doc(Quantity, 'The unit of distance, e.g. "1%" (one percentage point), "0.1%", 1.'),
        partial: Partial,
        max: MaxDeduct,
      }),
      '每低1个百分点扣1分: lose `deduct` points per `per` of distance from the target.',
    ),
    doc(
      z.strictObject({ type: z.literal('per_case'), deduct: doc(Points, 'Points lost per case.'), max: MaxDeduct }),
      '每发现一例扣0.5分: the value is a count of cases beyond the target; lose `deduct` per case.',
    ),
    doc(
      z.strictObject({
        type: z.literal('checklist'),
        deduct: doc(Points, 'Points lost per missing element.'),
        max: MaxDeduct,
      }),
      '缺一项扣2分: the formula is count(a, b, …) of yes/no fields; lose `deduct` per element that is not yes.',
    ),
    doc(
      z.strictObject({ type: z.literal('proportional') }),
      '按完成比例得分: points × value/target (>=) or target/value (<=), capped at full.',
    ),
    doc(
      z.strictObject({ type: z.literal('bands'), bands: z.array(Band).check(z.minLength(1)) }),
      '分档计分: ordered bands, the first that matches gives the points.',
    ),
    doc(
      z.strictObject({
        type: z.literal('add'),
        add: doc(Points, 'Points added per unit beyond the target.'),
        per: doc(Quantity, 'The unit beyond the target, e.g. "1%".'),
        partial: Partial,
      }),
      '每超1%加5分 (bonus items only): add points per unit beyond the target, capped at the item points.',
    ),
    FormulaRule,
  ]),
  'The scoring rule.',
);

export type RuleInput = z.infer<typeof Rule>;
