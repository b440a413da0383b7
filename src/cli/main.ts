/**
 * The command line: builds the commander program, runs one command, maps every
 * failure to an exit code. `main` never calls process.exit; bin/pinggu.js sets
 * process.exitCode from its result.
 */
import { Command, CommanderError, Option } from 'commander';
import { formatDiagnostic, type Lang } from '../diagnostics';
import { InputError, UsageError, WriteError } from '../errors';
import { visible } from '../visible';
import { say } from '../messages/catalog';
import { SINGLE_FORMATS as FORMAT_NAMES } from '../report/single/registry';
import { langFromEnv } from '../report/shared/i18n';
import { EXIT, runCheck, runExplain, runSchema, runSchemes, type CheckOptions, type ExplainOptions } from './commands';
import { runScore, type ScoreOptions } from './score';
import { COMPARE_FORMATS, runCompare, type CompareOptions } from './compare';
import { nodeIo, type Io } from './io';
import { runTemplate, type TemplateOptions } from './template';
import { colorOptions, VERSION, zhHelp } from './conventions';
import { runApp, type AppOptions } from './app';

const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

const LIMIT_HELP = {
  en: 'raise or lower a size limit: scheme-size, scheme-string, file-size, rows, cells (e.g. rows=2000000, file-size=1GB, cells=off); repeatable; see docs/limits.md',
  zh: '调整大小上限：scheme-size、scheme-string、file-size、rows、cells（如 rows=2000000、file-size=1GB、cells=off），可重复；见 docs/limits.md',
};

const ZH_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

function exitCodesHelp(lang: Lang): string {
  return lang === 'zh'
    ? `
退出码：
  0  已完成评估，结果通过门槛（或 --fail-on never）
  1  已完成评估，结果未通过门槛（低于及格线，或触发一票否决；或得分下降、指标新失分超过所设门槛）
  2  无法评估：命令用法错误、方案无效、数据无法读取或有错误`
    : `
Exit codes:
  0  assessed; the result passes the gate (or --fail-on never)
  1  assessed; the result fails the gate (below the pass line, or a veto; or a
     score drop or newly failing item beyond --fail-on-regression / --fail-on-new-failure)
  2  could not assess: usage error, invalid scheme, unreadable or invalid data`;
}

/** Commander's own error lines, in Chinese. */
export function commanderZh(text: string): string {
  return text
    .replace(/^error: unknown option '(.+?)'/m, "错误：未知选项 '$1'")
    .replace(/^error: unknown command '(.+?)'/m, "错误：未知命令 '$1'")
    .replace(/^error: option '(.+?)' argument missing/m, "错误：选项 '$1' 缺少取值")
    .replace(
      /^error: option '(.+?)' argument '(.+?)' is invalid\. Allowed choices are (.+?)\.$/m,
      "错误：选项 '$1' 的取值 '$2' 无效，可选：$3。",
    )
    .replace(/^error: too many arguments.*$/m, '错误：参数过多')
    .replace(/\(Did you mean (.+?)\?\)/, '（是否应为 $1？）');
}

function program(io: Io, lang: Lang, result: { code: number }): Command {
  const h = (en: string, zh: string) => (lang === 'zh' ? zh : en);
  const p = new Command('pinggu')
    .description(
      h(
        'Score township data against a provincial evaluation scheme and report where points are lost.',
        '按省级评估方案为乡镇数据计分，报告失分所在。',
      ),
    )
    .showHelpAfterError(lang === 'zh' ? '（运行 pinggu --help 查看用法）' : '(run pinggu --help for usage)')
    .exitOverride()
    .configureOutput({
      writeOut: io.stdout,
      writeErr: io.stderr,
      outputError: (text, write) => write(visible(lang === 'zh' ? commanderZh(text) : text)),
    })
    .addHelpText('after', exitCodesHelp(lang))
    .helpOption('-h, --help', h('show this help', '显示帮助'))
    .helpCommand('help [command]', h('show help for a command', '显示某个命令的帮助'));
  if (lang === 'zh') p.configureHelp({ styleTitle: (t: string) => ZH_TITLES[t] ?? t, ...zhHelp });
  p.version(VERSION, '-V, --version', h('show the version', '显示版本号'));

  const common = (c: Command) =>
    c
      .option(
        '-s, --scheme <file|id>',
        h('scheme YAML file or bundled scheme id', '方案 YAML 文件或内置方案 id'),
        undefined,
      )
      .option('--lang <zh|en>', h("language of the tool's words (default: from LANG)", '工具输出语言（默认取自 LANG）'))
      .option(
        '--encoding <name>',
        h(
          'data file encoding: utf-8, gb18030, utf-16le (default: detected)',
          '数据文件编码：utf-8、gb18030、utf-16le（默认自动识别）',
        ),
      )
      .option(
        '--header-row <n>',
        h('line number of the header row (default: detected)', '表头所在行号（默认自动识别）'),
      )
      .option(
        '--sheet <name>',
        h('worksheet of .xlsx files (default: every visible sheet)', '.xlsx 文件的工作表（默认读取所有可见工作表）'),
      )
      .option(
        '--verbose',
        h('also show notes, and stack traces on internal errors', '同时显示提示信息；内部错误时显示堆栈'),
      )
      .option('--limit <name=value>', h(LIMIT_HELP.en, LIMIT_HELP.zh), collect)
      .addHelpText('after', exitCodesHelp(lang));
  const colored = (c: Command) => colorOptions(c, h);

  colored(
    common(
      p
        .command('score')
        .argument(
          '[data...]',
          h(
            'data files, folders or glob patterns; several counties or months make a batch',
            '数据文件、文件夹或通配符；多个县或多个月即为批量评估',
          ),
        ),
    )
      .description(h('score the data and print the gap report', '计分并输出失分报告'))
      .addOption(new Option('-f, --format <format>', h('output format', '输出格式')).choices(FORMAT_NAMES)),
  )
    .option(
      '-o, --output <file>',
      h('write the report to a file (format from the extension); repeatable', '报告写入文件（格式取自扩展名），可重复'),
      collect,
    )
    .option('--fail-on <when>', h('exit 1 on: veto, fail (default), never', '何时以 1 退出：veto、fail（默认）、never'))
    .option(
      '--sort <order>',
      h('item order: lost (default) or scheme', '指标顺序：lost（按失分，默认）或 scheme（按方案）'),
    )
    .option('--param <id=value>', h('override a scheme param; repeatable', '覆盖方案参数，可重复'), collect)
    .option(
      '--csv-encoding <name>',
      h(
        'CSV report encoding: utf-8 with BOM (default) or gb18030 for old Excel/WPS',
        'CSV 报告编码：带 BOM 的 utf-8（默认）或 gb18030（旧版 Excel/WPS）',
      ),
    )
    .option(
      '--period <period>',
      h(
        'the period of the data: YYYY-MM or YYYYhN (default: a period column, else file and folder names)',
        '数据所属期间：YYYY-MM 或 YYYYhN（默认取自“期间”列，其次为文件名和文件夹名）',
      ),
    )
    .option(
      '--detail <level>',
      h(
        "batch JSON: summary (default: each county in full, the townships' scores, ranks and item points only) or full (every unit in full); see docs/batch-json.md",
        '批量 JSON：summary（默认：各县完整，乡镇只含得分、排名和各指标得分）或 full（所有单位完整）；见 docs/batch-json.md',
      ),
    )
    .option(
      '--output-dir <dir>',
      h(
        'write one report per county and period, plus summary.*, into this folder (formats: --format, default json and html)',
        '每个县每期一份报告并加汇总 summary.*，写入此文件夹（格式取 --format，默认 json 和 html）',
      ),
    )
    .option(
      '-q, --quiet',
      h('print nothing on stderr but errors (for scheduled jobs)', '标准错误只输出错误（用于定时任务）'),
    )
    .option(
      '--adjustments <file>',
      h(
        'inspector adjustments (抽查核定), CSV or YAML: applied, self-assessed scores kept alongside',
        '抽查核定文件（CSV 或 YAML）：按核定调整得分，并列出自评得分',
      ),
    )
    .option(
      '--as-of <date>',
      h(
        "reference date YYYY-MM-DD for the adjustments' dates (default: the end of the assessed period, else today)",
        '核定日期与有效期的基准日 YYYY-MM-DD（默认为评估期末，无期间时为今天）',
      ),
    )
    .option(
      '--baseline <report.json>',
      h(
        "compare with a previous JSON report (last month's): changes per county and item",
        '与上一次的 JSON 报告（如上月）对比：各县各指标的变化',
      ),
    )
    .option(
      '--history <dir>',
      h(
        'compare with all previous JSON reports in this folder (*.json, and */summary.json)',
        '与此文件夹中以往的全部 JSON 报告对比（*.json 及 */summary.json）',
      ),
    )
    .option(
      '--fail-on-regression <points>',
      h("exit 1 when a county's score dropped by more than this many points", '某县得分下降超过此分数时以 1 退出'),
    )
    .option(
      '--fail-on-new-failure',
      h('exit 1 when an item that had full points no longer has', '原满分的指标出现失分时以 1 退出'),
    )
    .action(async (data: string[], o: ScoreOptions) => {
      result.code = await runScore(io, data, o);
    });

  colored(
    common(p.command('check').argument('[data...]', h('data files or folders to check', '要检查的数据文件或文件夹')))
      .description(
        h('validate the scheme, and the data if given, without scoring', '只检查方案（及给出的数据），不计分'),
      )
      .addOption(
        new Option('-f, --format <format>', h('output format', '输出格式')).choices(['table', 'json', 'sarif']),
      ),
  ).action(async (data: string[], o: CheckOptions) => {
    result.code = await runCheck(io, data, o);
  });

  colored(p.command('template'))
    .description(
      h(
        'write a blank data-collection sheet for the scheme (township fields; county fields in a second sheet or file)',
        '生成方案的空白数据采集表（乡镇字段；县级字段另成一表或一个文件）',
      ),
    )
    .option('-s, --scheme <file|id>', h('scheme YAML file or bundled scheme id', '方案 YAML 文件或内置方案 id'))
    .option(
      '--units <file>',
      h(
        'CSV listing the townships (name column, optional code column) to prefill',
        '预填乡镇名单的 CSV（名称列，可选代码列）',
      ),
    )
    .option(
      '--format <format>',
      h(
        'csv (default) or xlsx (default: from the --output extension)',
        'csv（默认）或 xlsx（默认取自 --output 的扩展名）',
      ),
    )
    .option(
      '--encoding <name>',
      h(
        'CSV encoding: gb18030 (default with --lang zh) or utf-8 with BOM (default with --lang en)',
        'CSV 编码：gb18030（中文界面默认）或带 BOM 的 utf-8（英文界面默认）',
      ),
    )
    .option(
      '-o, --output <file>',
      h(
        'file to write (default: template.csv or template.xlsx); as CSV, each level above the township goes to <name>-<level>.csv beside it (template-county.csv)',
        '输出文件（默认 template.csv 或 template.xlsx）；CSV 时乡镇以上各级写入同目录的 <文件名>-<级别>.csv（如 template-county.csv）',
      ),
    )
    .option('--force', h('overwrite files that already exist', '覆盖已存在的文件'))
    .option('--limit <name=value>', h(LIMIT_HELP.en, LIMIT_HELP.zh), collect)
    .option('--lang <zh|en>', h("language of the tool's words (default: from LANG)", '工具输出语言（默认取自 LANG）'))
    .option('--verbose', h('stack traces on internal errors', '内部错误时显示堆栈'))
    .addHelpText(
      'after',
      h(
        '\nExit codes:\n  0  written\n  2  not written: usage error, invalid scheme, unreadable units file, or the file exists (see --force)',
        '\n退出码：\n  0  已写入\n  2  未写入：命令用法错误、方案无效、名单文件无法读取，或文件已存在（见 --force）',
      ),
    )
    .action(async (o: TemplateOptions) => {
      result.code = await runTemplate(io, o);
    });

  colored(
    common(
      p
        .command('explain')
        .argument('<item>', h('item id or title', '指标 id 或名称'))
        .argument('[data...]', h('data files or folders', '数据文件或文件夹')),
    ),
  )
    .description(
      h(
        'explain one item step by step: formula, data, value, target, rule, points, remedy',
        '逐步解释一个指标：公式、数据、数值、目标、计分规则、得分和整改',
      ),
    )
    .option('--unit <name>', h('the unit (name or code; default: the county)', '单位（名称或代码；默认为县）'))
    .option('--param <id=value>', h('override a scheme param; repeatable', '覆盖方案参数，可重复'), collect)
    .option('--adjustments <file>', h('inspector adjustments (抽查核定), CSV or YAML', '抽查核定文件（CSV 或 YAML）'))
    .option(
      '--as-of <date>',
      h('reference date YYYY-MM-DD for the adjustments (default: today)', '核定的基准日 YYYY-MM-DD（默认今天）'),
    )
    .action(async (itemRef: string, data: string[], o: ExplainOptions) => {
      result.code = await runExplain(io, itemRef, data, o);
    });

  colored(p.command('compare'))
    .argument(
      '<before>',
      h('the earlier pinggu JSON report (single or batch)', '较早的 pinggu JSON 报告（单次或批量）'),
    )
    .argument('<after>', h('the later pinggu JSON report', '较新的 pinggu JSON 报告'))
    .description(
      h(
        'compare two JSON reports: score and rank changes, items newly failing or newly met, scheme changes',
        '对比两份 JSON 报告：得分和排名变化、新失分和新达标的指标、方案变化',
      ),
    )
    .addOption(new Option('-f, --format <format>', h('output format', '输出格式')).choices([...COMPARE_FORMATS]))
    .option(
      '--fail-on-regression <points>',
      h(
        "exit 1 when a unit's score dropped by more than POINTS (0: any drop)",
        '单位得分下降超过 POINTS 分时以 1 退出（0：任何下降）',
      ),
    )
    .option('--fail-on-new-failure', h('exit 1 when an item newly fails', '有指标新失分时以 1 退出'))
    .option('--lang <zh|en>', h("language of the tool's words (default: from LANG)", '工具输出语言（默认取自 LANG）'))
    .option('--verbose', h('stack traces on internal errors', '内部错误时显示堆栈'))
    .addHelpText(
      'after',
      h(
        '\nExit codes:\n  0  compared; no gate set, or every gate passes\n  1  compared; a gate fails (--fail-on-regression, --fail-on-new-failure)\n  2  could not compare: usage error, a file unreadable or not a pinggu report',
        '\n退出码：\n  0  已对比；未设门槛，或均通过\n  1  已对比；未通过门槛（--fail-on-regression、--fail-on-new-failure）\n  2  无法对比：命令用法错误、文件无法读取或不是 pinggu 报告',
      ),
    )
    .action(async (before: string, after: string, o: CompareOptions) => {
      result.code = await runCompare(io, before, after, o);
    });

  colored(p.command('app'))
    .description(
      h(
        'write the offline page: one HTML file that scores in the browser, no terminal or network needed (docs/app.md)',
        '生成离线页面：一个在浏览器中评分的 HTML 文件，无需命令行和网络（见 docs/app.md）',
      ),
    )
    .option('-o, --output <file>', h('file to write (default: pinggu.html)', '输出文件（默认 pinggu.html）'))
    .option('--lang <zh|en>', h("language of the tool's words (default: from LANG)", '工具输出语言（默认取自 LANG）'))
    .option('--verbose', h('stack traces on internal errors', '内部错误时显示堆栈'))
    .action(async (o: AppOptions) => {
      result.code = await runApp(io, o);
    });

  colored(p.command('schemes'))
    .description(h('list the bundled schemes', '列出内置方案'))
    .option('--lang <zh|en>', h('language', '语言'))
    .action(async (o) => {
      result.code = await runSchemes(io, o);
    });

  p.command('schema')
    .description(
      h(
        'print the JSON Schema of scheme files, for editors (pinggu schema > scheme.schema.json; see README)',
        '输出方案文件的 JSON Schema，供编辑器校验与补全（pinggu schema > scheme.schema.json；见 README）',
      ),
    )
    .action(async () => {
      result.code = await runSchema(io);
    });
  return p;
}

function langFromArgv(argv: string[], io: Io): Lang {
  const i = argv.findIndex((a) => a === '--lang' || a.startsWith('--lang='));
  const v = i < 0 ? undefined : argv[i]!.includes('=') ? argv[i]!.split('=')[1] : argv[i + 1];
  return v && /^zh/i.test(v) ? 'zh' : v && /^en/i.test(v) ? 'en' : langFromEnv(io.env);
}

export async function main(argv: string[], io: Io): Promise<number> {
  const lang = langFromArgv(argv, io);
  const verbose = argv.includes('--verbose');
  const result = { code: EXIT.ok as number };
  try {
    const p = program(io, lang, result);
    if (argv.length === 0) {
      io.stderr(p.helpInformation());
      return EXIT.input;
    }
    await p.parseAsync(argv, { from: 'user' });
    return result.code;
  } catch (e) {
    if (e instanceof CommanderError) {
      return e.code === 'commander.helpDisplayed' || e.code === 'commander.version' || e.code === 'commander.help'
        ? EXIT.ok
        : EXIT.input;
    }
    if (e instanceof UsageError) {
      io.stderr(`pinggu: ${visible(say(e.text, lang))}\n`);
      return EXIT.input;
    }
    if (e instanceof WriteError) {
      io.stderr(`${formatDiagnostic(e.diagnostic, lang)}\n`);
      if (verbose && e.cause instanceof Error && e.cause.stack) io.stderr(`${e.cause.stack}\n`);
      return EXIT.input;
    }
    if (e instanceof InputError) {
      for (const d of e.diagnostics) io.stderr(`${formatDiagnostic(d, lang)}\n`);
      return EXIT.input;
    }
    const err = e as Error;
    io.stderr(
      lang === 'zh'
        ? `pinggu：内部错误：${visible(err?.message ?? String(e))}（请附 --verbose 输出报告此问题）\n`
        : `pinggu: internal error: ${visible(err?.message ?? String(e))} (please report it with the --verbose output)\n`,
    );
    if (verbose && err?.stack) io.stderr(`${err.stack}\n`);
    return EXIT.input;
  }
}

/** Entry used by bin/pinggu.js. */
export async function run(root: string): Promise<number> {
  return main(process.argv.slice(2), nodeIo(root));
}
