/** How much of the units below each county the batch JSON holds (--detail; docs/batch-json.md). Kept apart so that checking the option loads no formatter. */
export const DETAILS = ['summary', 'full'] as const;
export type Detail = (typeof DETAILS)[number];
