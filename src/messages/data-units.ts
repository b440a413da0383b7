/**
 * Messages of reading a dataset's rows and units (src/data: rows, values, merged cells,
 * units across files, total rows): their arguments and their words in English and Chinese.
 */
import type { Renderers } from './render';

export interface DataUnitArgs {}

export const DATA_UNITS: Renderers<DataUnitArgs> = {};
