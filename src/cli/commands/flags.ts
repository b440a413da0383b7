/**
 * What the command files share: the context each one is declared in, flags named in
 * a table, the flags every data command takes, and the exit-code help.
 */
import type { Command } from 'commander';
import type { Lang } from '../../diagnostics';
import type { Io } from '../io';
import { colorOptions } from '../conventions';

/** A help text in the language of the run. */
export type Say = (en: string, zh: string) => string;

/** What a command is declared with: where it prints, its language, and where its action leaves the exit code. */
export interface CommandKit {
  io: Io;
  lang: Lang;
  h: Say;
  result: { code: number };
}

/** One flag: commander's flags, the help in both languages, and whether it repeats. */
export interface Flag {
  flags: string;
  en: string;
  zh: string;
  repeats?: true;
}

/** A repeatable flag's values, in the order given. */
export const collect = (v: string, prev: string[] | undefined) => [...(prev ?? []), v];

/** Adds the flags of a table to a command, in the table's order. */
export function addFlags(c: Command, h: Say, flags: readonly Flag[]): Command {
  for (const f of flags) {
    if (f.repeats) c.option(f.flags, h(f.en, f.zh), collect);
    else c.option(f.flags, h(f.en, f.zh));
  }
  return c;
}

/** `--color` and `--no-color`. */
export const colored = (c: Command, k: CommandKit): Command => colorOptions(c, k.h);

export const LANG_FLAG: Flag = {
  flags: '--lang <zh|en>',
  en: "language of the tool's words (default: from LANG)",
  zh: '工具输出语言（默认取自 LANG）',
};

export const LIMIT_FLAG: Flag = {
  flags: '--limit <name=value>',
  en: 'raise or lower a size limit: scheme-size, scheme-string, file-size, rows, cells (e.g. rows=2000000, file-size=1GB, cells=off); repeatable; see docs/limits.md',
  zh: '调整大小上限：scheme-size、scheme-string、file-size、rows、cells（如 rows=2000000、file-size=1GB、cells=off），可重复；见 docs/limits.md',
  repeats: true,
};

export const SCHEME_FLAG: Flag = {
  flags: '-s, --scheme <file|id>',
  en: 'scheme YAML file or bundled scheme id',
  zh: '方案 YAML 文件或内置方案 id',
};

export const PARAM_FLAG: Flag = {
  flags: '--param <id=value>',
  en: 'override a scheme param; repeatable',
  zh: '覆盖方案参数，可重复',
  repeats: true,
};

/** --verbose for the commands that read no data: it only adds stack traces. */
export const STACK_FLAG: Flag = {
  flags: '--verbose',
  en: 'stack traces on internal errors',
  zh: '内部错误时显示堆栈',
};

/** The flags of every command that reads a scheme and data, in help order. */
export const DATA_FLAGS: readonly Flag[] = [
  SCHEME_FLAG,
  LANG_FLAG,
  {
    flags: '--encoding <name>',
    en: 'data file encoding: utf-8, gb18030, utf-16le (default: detected)',
    zh: '数据文件编码：utf-8、gb18030、utf-16le（默认自动识别）',
  },
  {
    flags: '--header-row <n>',
    en: 'line number of the header row (default: detected)',
    zh: '表头所在行号（默认自动识别）',
  },
  {
    flags: '--sheet <name>',
    en: 'worksheet of .xlsx files (default: every visible sheet)',
    zh: '.xlsx 文件的工作表（默认读取所有可见工作表）',
  },
  {
    flags: '--verbose',
    en: 'also show notes, and stack traces on internal errors',
    zh: '同时显示提示信息；内部错误时显示堆栈',
  },
  LIMIT_FLAG,
];

/** The exit codes of the commands that assess, said after their help. */
export function exitCodesHelp(lang: Lang): string {
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

/** The flags every data command takes, and the exit codes after its help. */
export function dataCommand(c: Command, k: CommandKit): Command {
  return addFlags(c, k.h, DATA_FLAGS).addHelpText('after', exitCodesHelp(k.lang));
}
