/** `pinggu forecast`: problems with the months given, notes on the run, and the words of its reports. */
import type { Renderers } from './render';
import { en, zh } from './render';

export type ForecastColumn =
  'unit' | 'now' | 'year-end' | 'band' | 'verdict' | 'risks' | 'item' | 'points' | 'value' | 'risk';
export type ForecastVerdict = 'pass' | 'fail' | 'may-fail' | 'veto';
export type ForecastLegend = 'actual' | 'projected' | 'band' | 'target';

export interface ForecastArgs {
  /** A dataset whose period is not a month (a half year, or none found). */
  'forecast/not-a-month': { period: string };
  /** Months of two statistical years, named by their last months. */
  'forecast/two-years': { a: string; b: string };
  'forecast/month-twice': { period: string };
  'forecast/no-months': Record<string, never>;
  /** --last-year months not of the year before. */
  'forecast/history-year': { want: string; got: string };
  /** A unit of the latest month not in an earlier month (projected from the months it has). */
  'forecast/unit-missing': { unit: string; period: string };
  /** Report heading. */
  'forecast/title': { title: string; yearEnd: string };
  /** What the forecast is made from. */
  'forecast/basis': { months: string[]; kind: 'run-rate' | 'history'; history: string[] };
  /** The last month given is the year's last: no month to project. */
  'forecast/complete': { yearEnd: string };
  'forecast/col': { kind: ForecastColumn };
  'forecast/verdict': { kind: ForecastVerdict; vetoes: string[] };
  /** An item at risk: how (projected to fail, short already and staying so, may fail by the band), and from which month. */
  'forecast/risk': { kind: 'fails' | 'already' | 'may-fail'; from: string };
  'forecast/no-risk': Record<string, never>;
  'forecast/legend': { kind: ForecastLegend };
  /** Items that miss their target now and are projected to miss it at year end, with the month since. */
  'forecast/still-short': { items: string[] };
  /** The section of items at risk of one unit. */
  'forecast/risks-of': { unit: string };
}

const COL: Record<ForecastColumn, [string, string]> = {
  unit: ['County / unit', '县（单位）'],
  now: ['Score now', '当前得分'],
  'year-end': ['Year end (projected)', '年末预测得分'],
  band: ['Low – high', '区间（低—高）'],
  verdict: ['At year end', '年末结论'],
  risks: ['Items at risk', '有风险的指标'],
  item: ['Item', '指标'],
  points: ['Points at year end', '年末得分'],
  value: ['Value at year end', '年末值'],
  risk: ['Risk at year end', '年末风险'],
};

const LEGEND: Record<ForecastLegend, [string, string]> = {
  actual: ['reported months', '已报月份（实线）'],
  projected: ['projection', '预测（虚线）'],
  band: ['low–high band', '低—高区间（阴影）'],
  target: ['target (pass line)', '目标（达标线）'],
};

export const FORECAST: Renderers<ForecastArgs> = {
  'forecast/not-a-month': {
    en: (a) =>
      a.period === '—'
        ? 'a forecast reads monthly reports: no month found for a dataset (name its folder YYYY-MM, or add a period column)'
        : `a forecast reads monthly reports (YYYY-MM); "${a.period}" is not a month`,
    zh: (a) =>
      a.period === '—'
        ? '预测需要月报：有数据未找到所属月份（文件夹命名为 YYYY-MM，或加“期间”列）'
        : `预测需要月报（YYYY-MM）；“${a.period}”不是月份`,
  },
  'forecast/two-years': {
    en: (a) => `the months belong to two statistical years (ending ${a.a} and ${a.b}); forecast one year at a time`,
    zh: (a) => `这些月份属于两个统计年度（分别截至 ${a.a} 和 ${a.b}）；请每次预测一个年度`,
  },
  'forecast/month-twice': {
    en: (a) => `month ${a.period} is given twice`,
    zh: (a) => `月份 ${a.period} 重复`,
  },
  'forecast/no-months': { en: () => 'no monthly report to forecast from', zh: () => '没有可用于预测的月报' },
  'forecast/history-year': {
    en: (a) => `--last-year must be last year's months (the year ending ${a.want}), not the year ending ${a.got}`,
    zh: (a) => `--last-year 应为上一统计年度（截至 ${a.want}）的月报，而不是截至 ${a.got} 的年度`,
  },
  'forecast/unit-missing': {
    en: (a) => `${a.unit} has no report for ${a.period}: projected from the months it has`,
    zh: (a) => `${a.unit} 缺少 ${a.period} 的报表：按已有月份预测`,
  },
  'forecast/title': {
    en: (a) => `Year-end forecast (${a.yearEnd}) · ${a.title}`,
    zh: (a) => `年末预测（${a.yearEnd}）· ${a.title}`,
  },
  'forecast/basis': {
    en: (a) =>
      `From the reports of ${en(a.months)}; ` +
      (a.kind === 'history'
        ? `months to come shaped like last year's (${en(a.history)})`
        : 'months to come at the run rate so far') +
      '; band from the smallest and largest monthly rate seen',
    zh: (a) =>
      `依据 ${zh(a.months)} 的报表；` +
      (a.kind === 'history' ? `余下月份按上年同期（${zh(a.history)}）的进度` : '余下月份按迄今的平均进度') +
      '；区间取各月最低和最高进度',
  },
  'forecast/complete': {
    en: (a) => `${a.yearEnd} is the last month of the statistical year: the year end is reported, not projected`,
    zh: (a) => `${a.yearEnd} 是统计年度的最后一个月：年末为实报数，不是预测`,
  },
  'forecast/col': { en: (a) => COL[a.kind][0], zh: (a) => COL[a.kind][1] },
  'forecast/verdict': {
    en: (a) =>
      ({
        pass: 'passes',
        fail: 'fails',
        'may-fail': 'passes, may fail (band)',
        veto: `vetoed (${en(a.vetoes)})`,
      })[a.kind],
    zh: (a) =>
      ({ pass: '达标', fail: '不达标', 'may-fail': '达标，但区间内可能不达标', veto: `一票否决（${zh(a.vetoes)}）` })[
        a.kind
      ],
  },
  'forecast/risk': {
    en: (a) =>
      a.kind === 'may-fail'
        ? `may miss its target from ${a.from} (band)`
        : a.kind === 'already'
          ? `misses its target since ${a.from}, not projected to recover`
          : `projected to miss its target from ${a.from}`,
    zh: (a) =>
      a.kind === 'may-fail'
        ? `区间内自 ${a.from} 起可能未达目标`
        : a.kind === 'already'
          ? `自 ${a.from} 起未达目标，预测年末仍未达到`
          : `预测自 ${a.from} 起未达目标`,
  },
  'forecast/no-risk': {
    en: () => 'No item is at risk at year end',
    zh: () => '年末没有有风险的指标',
  },
  'forecast/still-short': {
    en: (a) => `Short now and at year end: ${en(a.items)}`,
    zh: (a) => `当前和年末均未达目标：${zh(a.items)}`,
  },
  'forecast/legend': { en: (a) => LEGEND[a.kind][0], zh: (a) => LEGEND[a.kind][1] },
  'forecast/risks-of': {
    en: (a) => `Items at risk: ${a.unit}`,
    zh: (a) => `有风险的指标：${a.unit}`,
  },
};
