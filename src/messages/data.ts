/** Messages of reading data files (src/data): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface DataArgs {}

export const DATA: Renderers<DataArgs> = {};
