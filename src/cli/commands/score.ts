/** `pinggu score [data...]`: its flags, and the runner it calls (src/cli/score.ts). */
import { Option, type Command } from 'commander';
import { SINGLE_FORMATS as FORMAT_NAMES } from '../../report/single/registry';
import { runScore, type ScoreOptions } from '../score';
import { addFlags, colored, dataCommand, PARAM_FLAG, type CommandKit, type Flag } from './flags';

/** How the report is written and gated. */
const OUTPUT_FLAGS: readonly Flag[] = [
  {
    flags: '-o, --output <file>',
    en: 'write the report to a file (format from the extension); repeatable',
    zh: '报告写入文件（格式取自扩展名），可重复',
    repeats: true,
  },
  {
    flags: '--fail-on <when>',
    en: 'exit 1 on: veto, fail (default), never',
    zh: '何时以 1 退出：veto、fail（默认）、never',
  },
  {
    flags: '--sort <order>',
    en: 'item order: lost (default) or scheme',
    zh: '指标顺序：lost（按失分，默认）或 scheme（按方案）',
  },
  PARAM_FLAG,
  {
    flags: '--csv-encoding <name>',
    en: 'CSV report encoding: utf-8 with BOM (default) or gb18030 for old Excel/WPS',
    zh: 'CSV 报告编码：带 BOM 的 utf-8（默认）或 gb18030（旧版 Excel/WPS）',
  },
];

/** Periods and batches: which month, how much of a batch, where its files go. */
const BATCH_FLAGS: readonly Flag[] = [
  {
    flags: '--period <period>',
    en: 'the period of the data: YYYY-MM or YYYYhN (default: a period column, else file and folder names)',
    zh: '数据所属期间：YYYY-MM 或 YYYYhN（默认取自“期间”列，其次为文件名和文件夹名）',
  },
  {
    flags: '--detail <level>',
    en: "batch JSON: summary (default: each county in full, the townships' scores, ranks and item points only) or full (every unit in full); see docs/batch-json.md",
    zh: '批量 JSON：summary（默认：各县完整，乡镇只含得分、排名和各指标得分）或 full（所有单位完整）；见 docs/batch-json.md',
  },
  {
    flags: '--output-dir <dir>',
    en: 'write one report per county and period, plus summary.*, into this folder (formats: --format, default json and html)',
    zh: '每个县每期一份报告并加汇总 summary.*，写入此文件夹（格式取 --format，默认 json 和 html）',
  },
  {
    flags: '-q, --quiet',
    en: 'print nothing on stderr but errors (for scheduled jobs)',
    zh: '标准错误只输出错误（用于定时任务）',
  },
];

/** Inspector adjustments, and comparison with earlier reports. */
const HISTORY_FLAGS: readonly Flag[] = [
  {
    flags: '--adjustments <file>',
    en: 'inspector adjustments (抽查核定), CSV or YAML: applied, self-assessed scores kept alongside',
    zh: '抽查核定文件（CSV 或 YAML）：按核定调整得分，并列出自评得分',
  },
  {
    flags: '--as-of <date>',
    en: "reference date YYYY-MM-DD for the adjustments' dates (default: the end of the assessed period, else today)",
    zh: '核定日期与有效期的基准日 YYYY-MM-DD（默认为评估期末，无期间时为今天）',
  },
  {
    flags: '--baseline <report.json>',
    en: "compare with a previous JSON report (last month's): changes per county and item",
    zh: '与上一次的 JSON 报告（如上月）对比：各县各指标的变化',
  },
  {
    flags: '--history <dir>',
    en: 'compare with all previous JSON reports in this folder (*.json, and */summary.json)',
    zh: '与此文件夹中以往的全部 JSON 报告对比（*.json 及 */summary.json）',
  },
  {
    flags: '--fail-on-regression <points>',
    en: "exit 1 when a county's score dropped by more than this many points",
    zh: '某县得分下降超过此分数时以 1 退出',
  },
  {
    flags: '--fail-on-new-failure',
    en: 'exit 1 when an item that had full points no longer has',
    zh: '原满分的指标出现失分时以 1 退出',
  },
];

export function scoreCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  const c = dataCommand(
    p
      .command('score')
      .argument(
        '[data...]',
        h(
          'data files, folders or glob patterns; several counties or months make a batch',
          '数据文件、文件夹或通配符；多个县或多个月即为批量评估',
        ),
      ),
    k,
  )
    .description(h('score the data and print the gap report', '计分并输出失分报告'))
    .addOption(new Option('-f, --format <format>', h('output format', '输出格式')).choices(FORMAT_NAMES));
  addFlags(colored(c, k), h, [...OUTPUT_FLAGS, ...BATCH_FLAGS, ...HISTORY_FLAGS]).action(
    async (data: string[], o: ScoreOptions) => {
      k.result.code = await runScore(k.io, data, o);
    },
  );
}
