/** A forecast: plain data that src/report/forecast formats (numbers exact, no words). */
import type { Message } from '../messages/codes';
import type { Rational } from '../rational';
import type { Display } from '../scheme/target';
import type { Status } from '../engine/types';

/** One month on an item's path: reported (solid) or projected (dashed, with its band). */
export interface ItemPoint {
  period: string;
  /** 1–12 in the statistical year. */
  index: number;
  projected: boolean;
  value?: Rational | boolean;
  /** The band (projected months only): smallest and largest value of the three scenarios. */
  low?: Rational;
  high?: Rational;
  status: Status;
}

export interface ItemRisk {
  /** `fails`: the central projection misses the target at year end; `may-fail`: only the band does. */
  kind: 'fails' | 'may-fail';
  /** The month from which the item stays below its target to year end (the month it crosses). */
  from: string;
  /** Whether that month is already reported (the item fails now and is not projected to recover). */
  already: boolean;
}

export interface ForecastItem {
  id: string;
  title: string;
  kind: Display;
  target?: string;
  /** The target's threshold(s) at year end: one for a comparison, two for `between`, none for a formula. */
  lines: Rational[];
  max: Rational;
  path: ItemPoint[];
  /** Year-end points: central, and the smallest and largest of the three scenarios. */
  points: Rational;
  lowPoints: Rational;
  highPoints: Rational;
  risk?: ItemRisk;
}

export interface ForecastUnit {
  key: string;
  code?: string;
  name: string;
  /** The latest reported month's score (to date). */
  now: { scaled: Rational; passed: boolean };
  /** Year end: central score, band, pass (central), and whether a scenario fails or a veto triggers. */
  yearEnd: { scaled: Rational; low: Rational; high: Rational; passed: boolean; mayFail: boolean; vetoes: string[] };
  items: ForecastItem[];
}

export interface Forecast {
  scheme: { id: string; title: string; version: string; total: Rational; pass: Rational };
  /** The statistical year, named by the calendar year it ends in, and the month it starts. */
  year: number;
  starts: number;
  /** The reported months, chronological, and the last month of the year. */
  months: string[];
  yearEnd: string;
  /** run-rate, or history when last year's months were given. */
  method: 'run-rate' | 'history';
  historyMonths: string[];
  units: ForecastUnit[];
  /** Said about the run (a unit missing from the latest month, history months not matching). */
  notes: Message[];
}
