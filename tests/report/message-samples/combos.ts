/** Sample arguments for every message code of constructs that cannot go together (tests/report/messages.test.ts). */
import type { CombosArgs } from '../../../src/messages/combos';

export const COMBOS_SAMPLES: { [K in keyof CombosArgs]: CombosArgs[K] } = {
  'scheme/parts-combine': { kind: 'rollup', rollup: 'share' },
};
