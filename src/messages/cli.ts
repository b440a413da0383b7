/** Messages of the command line: usage, inputs, outputs (src/cli): their arguments and their words in English and Chinese. */
import type { Msg } from '../diagnostics';
import { type Renderers, en, zh } from './render';
import { CLI_FILES, type CliFileArgs } from './cli-files';

/** The kind of value a `--limit` takes. */
export type LimitValueKind = 'size' | 'count';

export interface CliArgs extends CliFileArgs {
  /** The template workbook: what to type in a field's column (header note, input prompt, and the error when a cell does not fit). */
  'cli/template-hint': { kind: 'boolean' | 'count' | 'percent' | 'number'; label: string };
  /** `--limit x`: not name=value, or an unknown name. */
  'cli/limit-syntax': { item: string; names: string[] };
  /** `--limit rows=x`: a value that is not one. */
  'cli/limit-value': { item: string; kind: LimitValueKind };
  /** An option given a value not among the allowed ones. */
  'cli/one-of': { flag: string; value: string; allowed: string[] };
  'cli/bad-lang': { lang: string };
  'cli/bad-encoding': { encoding: string };
  'cli/bad-header-row': { value: string };
  'cli/bad-param': { param: string };
  'cli/unknown-param': { param: string; known: string[] };
  'cli/bad-period': { period: string };
  'cli/bad-as-of': { date: string };
  'cli/bad-regression': { value: string };
  'cli/csv-encoding': { encoding: string };
  'cli/batch-format': { format: string };
  'cli/xlsx-stdout': Record<string, never>;
  /** A batch as a city workbook asked for on a terminal. */
  'cli/batch-xlsx-stdout': Record<string, never>;
  'cli/unknown-item': { item: string; example: string };
  'cli/ambiguous-unit': { unit: string; keys: string[] };
  'cli/unknown-unit': { unit: string };
  'cli/not-scored': { item: string; unit: string; level: string };
  'cli/template-no-fields': { scheme: string };
  'cli/template-format-ext': { output: string; format: string };
  'cli/template-encoding': { encoding: string };
  'cli/template-encoding-xlsx': Record<string, never>;
  /** A malformed `[…]` in a file pattern (`at`: its character, 1-based): a range backwards (`from`-`to`), or never closed. */
  'cli/bad-pattern':
    | { pattern: string; at: number; kind: 'backwards'; from: string; to: string }
    | { pattern: string; at: number; kind: 'unclosed' };
  // Issue 11, points 8 and 9 (the monthly job, conventions): JUnit gates, suggestions, SARIF.
  /** JUnit: a unit vetoed (or a veto it cannot rule out) fails --fail-on fail. */
  'junit/vetoed': { unit: string; vetoes: string[] };
  /** JUnit: a unit below the pass line fails --fail-on fail. */
  'junit/below-pass': { unit: string; scaled: string; pass: string };
  /** JUnit: the items that lost points, most first (`title −2`). */
  'junit/points-lost': { items: string[] };
  /** JUnit: the test case of the earlier periods of a batch (the exit code counts them). */
  'junit/earlier-periods': { failOn: string };
  /** JUnit: an assessment of an earlier period that fails the gate or has data errors. */
  'junit/earlier-failing': { period: string; unit: string; failOn: string; kind: 'gate' | 'data' };
  /** JUnit: a file of the data has errors (exit 2). */
  'junit/data-errors': { count: number };
  /** JUnit: the name of the suite of a unit's data errors. */
  'junit/data-suite': { unit: string };
  /** explain: no item of that id or title, but some close to it (titles and ids, best first). */
  'cli/no-item-suggest': { item: string; titles: string[]; ids: string[] };
}

const LIMIT_VALUE: Record<LimitValueKind, Msg> = {
  size: {
    en: 'a size such as 500MB, 2GB or 1048576 (bytes), or off',
    zh: '大小，如 500MB、2GB 或 1048576（字节），或 off',
  },
  count: { en: 'a whole number such as 2000000, or off', zh: '整数，如 2000000，或 off' },
};

/** What is wrong with a `[…]` of a pattern. */
export const patternProblem = (a: { kind: 'backwards'; from: string; to: string } | { kind: 'unclosed' }): Msg =>
  a.kind === 'backwards'
    ? {
        en: `the range ${a.from}-${a.to} runs backwards (write ${a.to}-${a.from})`,
        zh: `范围 ${a.from}-${a.to} 首尾颠倒（应写作 ${a.to}-${a.from}）`,
      }
    : { en: `the '[' is never closed by ']'`, zh: '“[”没有对应的“]”' };

export const CLI: Renderers<CliArgs> = {
  ...CLI_FILES,
  'cli/template-hint': {
    en: (a) =>
      `${a.label}: ${({ boolean: 'choose yes or no from the list', count: 'a whole number, 0 or more', percent: 'a percentage: type 92.5 (or 92.5%), shown as 92.5%', number: 'a number' } as const)[a.kind]}`,
    zh: (a) =>
      `${a.label}：${({ boolean: '从列表中选择 是 或 否', count: '填 0 或正整数', percent: '百分数：输入 92.5（或 92.5%），显示为 92.5%', number: '填数字' } as const)[a.kind]}`,
  },
  'cli/limit-syntax': {
    en: (a) => `--limit ${a.item}: expected name=value, the name one of ${en(a.names)} (e.g. --limit rows=2000000)`,
    zh: (a) => `--limit ${a.item}：应为 名称=数值，名称为 ${en(a.names)} 之一（例如 --limit rows=2000000）`,
  },
  'cli/limit-value': {
    en: (a) => `--limit ${a.item}: expected ${LIMIT_VALUE[a.kind].en}`,
    zh: (a) => `--limit ${a.item}：应为${LIMIT_VALUE[a.kind].zh}`,
  },
  'cli/one-of': {
    en: (a) => `${a.flag} ${a.value}: expected one of ${en(a.allowed)}`,
    zh: (a) => `${a.flag} ${a.value}：应为 ${zh(a.allowed)} 之一`,
  },
  'cli/bad-lang': {
    en: (a) => `--lang ${a.lang}: use zh or en`,
    zh: (a) => `--lang ${a.lang}：请用 zh 或 en`,
  },
  'cli/bad-encoding': {
    en: (a) => `--encoding ${a.encoding}: use utf-8, gb18030 (also for gbk), utf-16le or utf-16be`,
    zh: (a) => `--encoding ${a.encoding}：请用 utf-8、gb18030（GBK 也用它）、utf-16le 或 utf-16be`,
  },
  'cli/bad-header-row': {
    en: (a) => `--header-row ${a.value}: a line number (1, 2, …) expected`,
    zh: (a) => `--header-row ${a.value}：应为行号（1、2……）`,
  },
  'cli/bad-param': {
    en: (a) => `--param ${a.param}: expected id=number, e.g. funds_per_capita_target=13.04`,
    zh: (a) => `--param ${a.param}：应为 id=数值，例如 funds_per_capita_target=13.04`,
  },
  'cli/unknown-param': {
    en: (a) => `--param ${a.param}: the scheme has no such param (it has: ${en(a.known) || 'none'})`,
    zh: (a) => `--param ${a.param}：方案中没有此参数（已有：${zh(a.known) || '无'}）`,
  },
  'cli/bad-period': {
    en: (a) => `--period ${a.period}: expected a month YYYY-MM (2026-09) or a half year YYYYhN (2026h1)`,
    zh: (a) => `--period ${a.period}：应为月份 YYYY-MM（如 2026-09）或半年 YYYYhN（如 2026h1）`,
  },
  'cli/bad-as-of': {
    en: (a) => `--as-of ${a.date}: a date written YYYY-MM-DD expected, e.g. 2026-07-31`,
    zh: (a) => `--as-of ${a.date}：应为 YYYY-MM-DD 格式的日期，如 2026-07-31`,
  },
  'cli/bad-regression': {
    en: (a) => `--fail-on-regression ${a.value}: a number of points (0 or more) expected, e.g. 2 or 0.5`,
    zh: (a) => `--fail-on-regression ${a.value}：应为分数（0 或以上），例如 2 或 0.5`,
  },
  'cli/csv-encoding': {
    en: (a) => `--csv-encoding ${a.encoding}: use utf-8 (with BOM, the default) or gb18030 (old Excel/WPS)`,
    zh: (a) => `--csv-encoding ${a.encoding}：请用 utf-8（带 BOM，默认）或 gb18030（旧版 Excel/WPS）`,
  },
  'cli/batch-format': {
    en: (a) =>
      `--format ${a.format} holds one assessment; for many counties or periods use --output-dir DIR --format ${a.format} (one file each) or table, json, md, html, junit, csv`,
    zh: (a) =>
      `--format ${a.format} 只能容纳一项评估；多个县或多期请用 --output-dir 目录 --format ${a.format}（每项一个文件），或用 table、json、md、html、junit、csv`,
  },
  'cli/xlsx-stdout': {
    en: () => '--format xlsx writes a workbook: give a file with -o report.xlsx (or redirect stdout)',
    zh: () => '--format xlsx 输出的是工作簿：请用 -o 报告.xlsx 指定文件（或重定向标准输出）',
  },
  'cli/batch-xlsx-stdout': {
    en: () => '--format xlsx writes a workbook: give a file with -o city.xlsx (or redirect stdout)',
    zh: () => '--format xlsx 输出的是工作簿：请用 -o 全市.xlsx 指定文件（或重定向标准输出）',
  },
  'cli/unknown-item': {
    en: (a) => `no item "${a.item}" in the scheme (give an item id such as ${a.example}, or its title)`,
    zh: (a) => `方案中没有指标“${a.item}”（请给出指标 id，如 ${a.example}，或指标名称）`,
  },
  'cli/ambiguous-unit': {
    en: (a) => `--unit ${a.unit}: ${a.keys.length} units have that name (${en(a.keys)}); give the code or key`,
    zh: (a) => `--unit ${a.unit}：有 ${a.keys.length} 个同名单位（${zh(a.keys)}）；请给出代码`,
  },
  'cli/unknown-unit': {
    en: (a) => `--unit ${a.unit}: no unit of that name or code in the data`,
    zh: (a) => `--unit ${a.unit}：数据中没有此名称或代码的单位`,
  },
  'cli/not-scored': {
    en: (a) => `item ${a.item} is not scored at ${a.unit} (level ${a.level})`,
    zh: (a) => `指标 ${a.item} 不在“${a.unit}”（${a.level}）层级计分`,
  },
  'cli/template-no-fields': {
    en: (a) => `the scheme ${a.scheme} has no fields: there is nothing to collect`,
    zh: (a) => `方案 ${a.scheme} 没有任何字段：无需收集数据`,
  },
  'cli/template-format-ext': {
    en: (a) => `--output ${a.output} is not a .${a.format} file; drop --format or change the extension`,
    zh: (a) => `--output ${a.output} 不是 .${a.format} 文件；请去掉 --format 或修改扩展名`,
  },
  'cli/template-encoding': {
    en: (a) => `--encoding ${a.encoding}: use gb18030 (also for gbk) or utf-8 (written with a BOM)`,
    zh: (a) => `--encoding ${a.encoding}：请用 gb18030（GBK 也用它）或 utf-8（带 BOM）`,
  },
  'cli/template-encoding-xlsx': {
    en: () => `--encoding applies to CSV only; an .xlsx workbook has no text encoding to choose`,
    zh: () => `--encoding 只适用于 CSV；.xlsx 工作簿无需选择编码`,
  },
  'cli/bad-pattern': {
    en: (a) => `${a.pattern}: invalid pattern at character ${a.at}: ${patternProblem(a).en}`,
    zh: (a) => `${a.pattern}：模式无效（第 ${a.at} 个字符）：${patternProblem(a).zh}`,
  },
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
  'junit/earlier-periods': {
    en: (a) => `--fail-on ${a.failOn} (earlier periods)`,
    zh: (a) => `--fail-on ${a.failOn}（更早各期）`,
  },
  'junit/earlier-failing': {
    en: (a) => `${a.period} ${a.unit}: ${a.kind === 'data' ? 'data errors' : `fails --fail-on ${a.failOn}`}`,
    zh: (a) => `${a.period} ${a.unit}：${a.kind === 'data' ? '数据有错误' : `未通过 --fail-on ${a.failOn}`}`,
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
