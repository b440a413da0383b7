/** Messages of loading, checking and compiling schemes (src/scheme): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface SchemeArgs {}

export const SCHEME: Renderers<SchemeArgs> = {};
