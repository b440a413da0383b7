/** The keys of relative scoring in the scheme format (./schema.ts, ./schema-rule.ts; docs/scheme.md#relative-scoring). */
import * as z from 'zod/mini';
import { doc, Id, opt, Text } from './schema-basics';

/** A field key: this column holds last year's figure of another field (read by `last_year(…)`). */
export const LastYear = opt(
  Id,
  "This column holds last year's figure of the field named here; last_year(formula) reads it in place of that field.",
);

/** A rule whose points are a formula (the 7:3 rule), capped to [0, points]. */
export const FormulaRule = doc(
  z.strictObject({
    type: z.literal('formula'),
    points: doc(
      Text,
      'The points, as a formula over fields, params, value() (the item value), peer_mean() … and last_year(…); capped to [0, the item points].',
    ),
  }),
  '按公式计分 (e.g. 高于平均按7:3、低于平均按3:7): the points are a formula, capped to [0, the item points].',
);
