/** Messages of the offline page (pinggu app): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

// eslint-disable-next-line @typescript-eslint/no-empty-interface
export interface AppArgs {}

export const APP: Renderers<AppArgs> = {};
