/** Messages of reading earlier reports for trend and compare (src/trend): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

export interface TrendArgs {}

export const TREND: Renderers<TrendArgs> = {};
