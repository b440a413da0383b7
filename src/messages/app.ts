/** Messages of the offline page (pinggu app): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

export interface AppArgs {}

export const APP: Renderers<AppArgs> = {};
