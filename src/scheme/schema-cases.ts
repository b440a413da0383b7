/** The `cases` rule of a part (./schema-parts.ts): case rows of the adjustments file, each capped. */
import * as z from 'zod/mini';
import { doc, opt, Points } from './schema-basics';

/** 每例每月扣0.2分，每例最高扣10个月: cases recorded one a row in the adjustments file. */
export const CasesRule = doc(
  z.strictObject({
    type: z.literal('cases'),
    deduct: doc(Points, 'Points lost per unit of a case (per case, or per month when a case row gives a count).'),
    case_max: opt(Points, 'Most units (e.g. months) counted for one case (每例最高扣10个月).'),
    max: opt(Points, 'Largest total deduction of the part.'),
  }),
  '每例每月扣0.2分 (parts only): the cases are rows of the adjustments file naming this part; each loses deduct × its count (capped at case_max).',
);
