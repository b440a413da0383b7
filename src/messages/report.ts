/** Words of the reports themselves (conditions, headings said in plain language): their arguments and their words in English and Chinese. */
import type { Renderers } from './render';

export interface ReportArgs {}

export const REPORT: Renderers<ReportArgs> = {};
