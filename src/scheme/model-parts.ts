/** The compiled sub-rules and deduction limits of an item (./schema-parts.ts, docs/scheme.md). */
import type { Rational } from '../rational';

/** The lowest points an item can reach: a number ≤ 0, or `none` (扣分不封顶). Absent: 0. */
export type Lowest = Rational | 'none';

/** A `cases` part: each case row loses `deduct` × its count, the count capped at `caseMax`; the part at `max`. */
export interface CasesRule {
  deduct: Rational;
  caseMax?: Rational;
  max?: Rational;
}
