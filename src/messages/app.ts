/** Messages of the offline page (pinggu app): their arguments and their words in English and Chinese. */
import { type Renderers, en, zh } from './render';

/** What the page is doing while it scores: 1 reading, 2 scoring, 3 writing the report. */
export type AppStep = 1 | 2 | 3;

export interface AppArgs {
  /** The page's title. */
  'app/title': Record<string, never>;
  /** The promise under the title: nothing leaves the machine. */
  'app/privacy': Record<string, never>;
  /** Label of the bundled schemes' list. */
  'app/scheme-label': Record<string, never>;
  /** Button that opens one's own scheme file. */
  'app/scheme-own': Record<string, never>;
  /** The scheme in use, by its title and file. */
  'app/scheme-using': { title: string; file: string };
  /** Heading over a scheme's errors (as `pinggu check` prints them). */
  'app/scheme-errors': { file: string };
  /** The drop zone. */
  'app/drop': Record<string, never>;
  'app/pick-files': Record<string, never>;
  'app/pick-folder': Record<string, never>;
  /** Progress of one run. */
  'app/progress': { step: AppStep };
  /** Done: how many files, how long. */
  'app/scored': { files: number; ms: number };
  /** The verdict of the top unit in one line. */
  'app/summary-passed': { unit: string; score: string; max: string; pass: string };
  'app/summary-failed': { unit: string; score: string; max: string; pass: string };
  'app/summary-vetoed': { unit: string; score: string; max: string; pass: string; vetoes: number };
  /** Heading of the clickable items. */
  'app/items': Record<string, never>;
  /** The items that lost no points, folded: how many. */
  'app/items-full': { count: number };
  /** One item's button: its title and points lost. */
  'app/item-lost': { title: string; lost: string };
  /** A large report is drawn only when asked (drawing it stalls the page): the button, with its size in MB. */
  'app/show-report': { size: string };
  /** Heading of the downloads. */
  'app/downloads': Record<string, never>;
  /** A download of the report in one format. */
  'app/download': { format: string };
  /** A download of the report as CSV in an encoding (GB18030 opens directly in WPS/Excel on Chinese Windows). */
  'app/download-csv': { kind: 'gb18030' | 'utf-8' };
  /** A download of the blank data sheet of one level, as CSV in an encoding. */
  'app/template': { level: string; kind: 'gb18030' | 'utf-8' };
  /** Heading of the data findings (what `pinggu score` prints on stderr). */
  'app/findings': { count: number };
  /** A batch (several counties or periods): how many counties and periods, and the newest period's verdicts. */
  'app/batch-summary': { units: number; periods: string[]; passed: number; failed: number };
  /** A file the page does not read (not .csv/.tsv/.xlsx; an Excel 97–2003 .xls; an office lock file). */
  'app/skipped': { file: string; kind: 'xls' | 'lock' | 'other' };
  /** Nothing to score yet. */
  'app/no-data': Record<string, never>;
  /** `pinggu app`: the page was written (its size in MB). */
  'app/wrote': { file: string; size: string };
  /** `pinggu app` in a checkout where the page was not built. */
  'app/not-built': { file: string };
  /** `pinggu app -o DIR`. */
  'app/output-folder': { file: string };
  /** A failure that is not the input's fault. */
  'app/internal': { message: string };
}

const STEP_EN = ['', 'reading the data files…', 'scoring…', 'writing the report…'];
const STEP_ZH = ['', '正在读取数据文件……', '正在评分……', '正在生成报告……'];

export const APP: Renderers<AppArgs> = {
  'app/title': { en: () => 'pinggu: score a county offline', zh: () => '评估（pinggu）：离线为县级数据评分' },
  'app/privacy': {
    en: () => 'Everything stays on this computer: the page sends nothing anywhere and keeps nothing once it is closed.',
    zh: () => '所有数据只在本机处理：本页面不向任何地方发送数据，关闭后也不保留任何内容。',
  },
  'app/scheme-label': { en: () => 'Evaluation scheme', zh: () => '选择评估方案' },
  'app/scheme-own': { en: () => 'Open my own scheme (.yaml)…', zh: () => '打开自己的方案（.yaml）……' },
  'app/scheme-using': { en: (a) => `Scheme: ${a.title} (${a.file})`, zh: (a) => `所用方案：${a.title}（${a.file}）` },
  'app/scheme-errors': { en: (a) => `The scheme ${a.file} cannot be used:`, zh: (a) => `方案 ${a.file} 无法使用：` },
  'app/drop': {
    en: () => 'Drop the township and county sheets (CSV) here, or choose files or a folder',
    zh: () => '把乡镇表和县表（CSV）拖到这里，或选择文件、文件夹',
  },
  'app/pick-files': { en: () => 'Choose files…', zh: () => '选择数据文件……' },
  'app/pick-folder': { en: () => 'Choose a folder…', zh: () => '选择整个文件夹……' },
  'app/progress': {
    en: (a) => `Step ${a.step} of 3: ${STEP_EN[a.step]}`,
    zh: (a) => `第 ${a.step} 步（共 3 步）：${STEP_ZH[a.step]}`,
  },
  'app/scored': {
    en: (a) => `Scored ${a.files} file${a.files === 1 ? '' : 's'} in ${a.ms} ms`,
    zh: (a) => `已评分：${a.files} 个文件，用时 ${a.ms} 毫秒`,
  },
  'app/summary-passed': {
    en: (a) => `${a.unit}: ${a.score} of ${a.max} points, passed (pass line ${a.pass})`,
    zh: (a) => `${a.unit}：${a.score} / ${a.max} 分，通过（及格线 ${a.pass} 分）`,
  },
  'app/summary-failed': {
    en: (a) => `${a.unit}: ${a.score} of ${a.max} points, failed (pass line ${a.pass})`,
    zh: (a) => `${a.unit}：${a.score} / ${a.max} 分，未通过（及格线 ${a.pass} 分）`,
  },
  'app/summary-vetoed': {
    en: (a) => `${a.unit}: ${a.score} of ${a.max} points, failed: vetoes triggered: ${a.vetoes} (pass line ${a.pass})`,
    zh: (a) => `${a.unit}：${a.score} / ${a.max} 分，未通过：触发一票否决 ${a.vetoes} 项（及格线 ${a.pass} 分）`,
  },
  'app/items': {
    en: () => 'Items by points lost (click one for its explanation)',
    zh: () => '各项指标按失分排列（点击查看逐步解释）',
  },
  'app/items-full': { en: (a) => `Items with full points (${a.count})`, zh: (a) => `未失分的指标（${a.count} 项）` },
  'app/item-lost': { en: (a) => `${a.title}: ${a.lost} points lost`, zh: (a) => `${a.title}：失 ${a.lost} 分` },
  'app/show-report': {
    en: (a) =>
      `Show the whole report here (${a.size} MB: the page may stop responding while it is drawn; or save it as .html)`,
    zh: (a) => `在此显示完整报告（${a.size} MB：显示期间页面可能暂时无响应；也可下载 .html 文件查看）`,
  },
  'app/downloads': { en: () => 'Download the report', zh: () => '下载评分报告' },
  'app/download': { en: (a) => `Report as .${a.format}`, zh: (a) => `报告（.${a.format} 文件）` },
  'app/download-csv': {
    en: (a) =>
      `Report as .csv (${a.kind === 'gb18030' ? 'GB18030, for Excel/WPS on Chinese Windows' : 'UTF-8 with BOM'})`,
    zh: (a) =>
      `报告（.csv 文件，${a.kind === 'gb18030' ? 'GB18030：中文 Windows 上的 WPS/Excel 直接打开' : 'UTF-8 带 BOM'}）`,
  },
  'app/template': {
    en: (a) => `Blank data sheet: ${a.level} (CSV, ${a.kind === 'gb18030' ? 'GB18030' : 'UTF-8 with BOM'})`,
    zh: (a) => `空白数据采集表：${a.level}（CSV，${a.kind === 'gb18030' ? 'GB18030' : 'UTF-8 带 BOM'}）`,
  },
  'app/findings': { en: (a) => `Findings in the data (${a.count})`, zh: (a) => `数据中发现的问题（${a.count} 条）` },
  'app/batch-summary': {
    en: (a) =>
      `${a.units} ${a.units === 1 ? 'county' : 'counties'}${a.periods.length ? `, ${a.periods.length} period${a.periods.length === 1 ? '' : 's'} (${en(a.periods)}); ${a.periods[a.periods.length - 1]}` : ''}: ${a.passed} passed, ${a.failed} failed. The ranking of the counties, the city summary${a.periods.length > 1 ? ' and the trend' : ''} are in the report below`,
    zh: (a) =>
      `${a.units} 个县${a.periods.length ? `、${a.periods.length} 个期间（${zh(a.periods)}）；${a.periods[a.periods.length - 1]}` : ''}：${a.passed} 个通过，${a.failed} 个未通过。县际排名、全市汇总${a.periods.length > 1 ? '和变化趋势' : ''}见下方报告`,
  },
  'app/skipped': {
    en: (a) =>
      `${a.file}: not read: ${a.kind === 'xls' ? 'an Excel 97–2003 workbook (.xls); save it as .xlsx or CSV (Excel/WPS: File → Save As) and drop that' : a.kind === 'lock' ? 'a lock file Excel or WPS leaves while a workbook is open' : 'only .csv, .tsv and .xlsx files are data'}`,
    zh: (a) =>
      `${a.file}：未读取：${a.kind === 'xls' ? 'Excel 97–2003 工作簿（.xls）；请用 Excel/WPS“文件 → 另存为”存成 .xlsx 或 CSV 后再拖入' : a.kind === 'lock' ? 'Excel 或 WPS 打开工作簿时留下的锁定文件' : '只读取 .csv、.tsv 和 .xlsx 数据文件'}`,
  },
  'app/no-data': {
    en: () => 'No data yet: drop the township and county CSV files above',
    zh: () => '尚无数据：请把乡镇表和县表 CSV 文件拖到上方',
  },
  'app/wrote': {
    en: (a) => `wrote ${a.file} (${a.size} MB): open it in Chrome, Edge or Firefox; it works offline`,
    zh: (a) => `已写入 ${a.file}（${a.size} MB）：用 Chrome、Edge 或 Firefox 打开即可，无需联网`,
  },
  'app/not-built': {
    en: (a) => `the offline page is not built (${a.file} is missing): run npm run build`,
    zh: (a) => `离线页面尚未生成（缺少 ${a.file}）：请先运行 npm run build`,
  },
  'app/output-folder': {
    en: (a) => `cannot write ${a.file}: it is a folder; give a file name such as pinggu.html`,
    zh: (a) => `无法写入 ${a.file}：这是一个文件夹；请给出文件名，如 pinggu.html`,
  },
  'app/internal': {
    en: (a) => `Internal error: ${a.message} (please report it)`,
    zh: (a) => `内部错误：${a.message}（请报告此问题）`,
  },
};
