/** Messages of loading, checking and compiling schemes (src/scheme): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

export interface SchemeArgs {}

export const SCHEME: Renderers<SchemeArgs> = {};
