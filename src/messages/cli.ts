/** Messages of the command line: usage, inputs, outputs (src/cli): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

export interface CliArgs {}

export const CLI: Renderers<CliArgs> = {};
