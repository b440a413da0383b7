/** Messages of the command line: usage, inputs, outputs (src/cli): their arguments and their words in English and Chinese. */
import { type Renderers, en, zh } from './render';

export interface CliArgs {
  // Issue 11, points 8 and 9 (the monthly job, conventions): JUnit gates, suggestions, SARIF.
  /** JUnit: a unit vetoed (or a veto it cannot rule out) fails --fail-on fail. */
  'junit/vetoed': { unit: string; vetoes: string[] };
  /** JUnit: a unit below the pass line fails --fail-on fail. */
  'junit/below-pass': { unit: string; scaled: string; pass: string };
  /** JUnit: the items that lost points, most first (`title −2`). */
  'junit/points-lost': { items: string[] };
  /** JUnit: a file of the data has errors (exit 2). */
  'junit/data-errors': { count: number };
  /** JUnit: the name of the suite of a unit's data errors. */
  'junit/data-suite': { unit: string };
  /** explain: no item of that id or title, but some close to it (titles and ids, best first). */
  'cli/no-item-suggest': { item: string; titles: string[]; ids: string[] };
}

export const CLI: Renderers<CliArgs> = {
  'junit/vetoed': {
    en: (a) => `${a.unit} fails: veto ${en(a.vetoes)} (triggered, or cannot be ruled out)`,
    zh: (a) => `${a.unit} 未通过：一票否决 ${zh(a.vetoes)}（已触发或无法排除）`,
  },
  'junit/below-pass': {
    en: (a) => `${a.unit} fails: ${a.scaled} is below the pass line ${a.pass}`,
    zh: (a) => `${a.unit} 未通过：${a.scaled} 分，低于及格线 ${a.pass} 分`,
  },
  'junit/points-lost': {
    en: (a) => `points lost: ${en(a.items)}`,
    zh: (a) => `失分指标：${zh(a.items)}`,
  },
  'junit/data-errors': {
    en: (a) => `${a.count} error${a.count === 1 ? '' : 's'} in this file: the data cannot be assessed in full (exit 2)`,
    zh: (a) => `本文件有 ${a.count} 个错误：数据无法完整评估（退出码 2）`,
  },
  'junit/data-suite': {
    en: (a) => `${a.unit} / Data errors`,
    zh: (a) => `${a.unit} / 数据错误`,
  },
  'cli/no-item-suggest': {
    en: (a) => `no item "${a.item}" in the scheme; did you mean ${en(a.titles.map((t, i) => `${t} (${a.ids[i]})`))}?`,
    zh: (a) => `方案中没有指标“${a.item}”；是否指：${zh(a.titles.map((t, i) => `${t}（${a.ids[i]}）`))}？`,
  },
};
