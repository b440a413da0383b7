/** Messages of reading data files (src/data): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

export interface DataArgs {}

export const DATA: Renderers<DataArgs> = {};
