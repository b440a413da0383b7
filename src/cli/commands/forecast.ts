/** `pinggu forecast [data...]`: its flags, and the runner it calls (src/cli/forecast.ts). */
import { Option, type Command } from 'commander';
import { FORECAST_FORMATS } from '../../report/forecast/registry';
import { runForecast, type ForecastOptions } from '../forecast';
import { addFlags, colored, dataCommand, PARAM_FLAG, type CommandKit, type Flag } from './flags';

const FORECAST_FLAGS: readonly Flag[] = [
  {
    flags: '-o, --output <file>',
    en: 'write the report to a file (format from the extension); repeatable',
    zh: '报告写入文件（格式取自扩展名），可重复',
    repeats: true,
  },
  PARAM_FLAG,
  {
    flags: '--last-year <dir>',
    en: "last year's monthly reports: the months to come follow last year's shape; repeatable",
    zh: '上一统计年度的月报：余下月份按上年同期进度预测，可重复',
    repeats: true,
  },
  {
    flags: '--through <month>',
    en: 'forecast as of the end of this month (YYYY-MM): later months are left out',
    zh: '以该月（YYYY-MM）月末为准预测：忽略之后的月份',
  },
];

export function forecastCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  const c = dataCommand(
    p
      .command('forecast')
      .argument(
        '[data...]',
        h(
          'monthly reports of the statistical year so far: one folder (or file) per month',
          '本统计年度迄今的月报：每月一个文件夹（或文件）',
        ),
      ),
    k,
  )
    .description(
      h(
        'project the year end from the months so far, score it, and name the items at risk',
        '按迄今各月预测年末数据并计分，列出年末可能失分的指标',
      ),
    )
    .addOption(new Option('-f, --format <format>', h('output format', '输出格式')).choices(FORECAST_FORMATS));
  addFlags(colored(c, k), h, FORECAST_FLAGS).action(async (data: string[], o: ForecastOptions) => {
    k.result.code = await runForecast(k.io, data, o);
  });
}
