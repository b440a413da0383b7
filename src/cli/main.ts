/**
 * The command line: builds the commander program, runs one command, maps every
 * failure to an exit code. `main` never calls process.exit; bin/pinggu.js sets
 * process.exitCode from its result.
 */
import { Command, CommanderError } from 'commander';
import { formatDiagnostic, type Lang } from '../diagnostics';
import { InputError, UsageError, WriteError } from '../errors';
import { visible } from '../visible';
import { say } from '../messages/catalog';
import { langFromEnv } from '../report/shared/i18n';
import { EXIT } from './commands';
import { nodeIo, type Io } from './io';
import { VERSION, zhHelp } from './conventions';
import { COMMANDS, type CommandKit } from './commands/index';
import { exitCodesHelp } from './commands/flags';

const ZH_TITLES: Record<string, string> = {
  'Usage:': '用法：',
  'Options:': '选项：',
  'Commands:': '命令：',
  'Arguments:': '参数：',
  'Global Options:': '全局选项：',
};

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

/** The program itself: its description, help words, version and where commander writes. */
function root(io: Io, lang: Lang): Command {
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
      writeOut: (text) => io.stdout(text),
      writeErr: (text) => io.stderr(text),
      outputError: (text, write) => write(visible(lang === 'zh' ? commanderZh(text) : text)),
    })
    .addHelpText('after', exitCodesHelp(lang))
    .helpOption('-h, --help', h('show this help', '显示帮助'))
    .helpCommand('help [command]', h('show help for a command', '显示某个命令的帮助'));
  if (lang === 'zh') p.configureHelp({ styleTitle: (t: string) => ZH_TITLES[t] ?? t, ...zhHelp });
  return p.version(VERSION, '-V, --version', h('show the version', '显示版本号'));
}

/** The program with every command (src/cli/commands/); an action leaves its exit code in `result`. */
function program(io: Io, lang: Lang, result: { code: number }): Command {
  const p = root(io, lang);
  const kit: CommandKit = { io, lang, h: (en, zh) => (lang === 'zh' ? zh : en), result };
  for (const add of COMMANDS) add(p, kit);
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
