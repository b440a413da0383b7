/** `pinggu template`: its flags, and the runner it calls (src/cli/template.ts). */
import type { Command } from 'commander';
import { runTemplate, type TemplateOptions } from '../template';
import { addFlags, colored, LANG_FLAG, LIMIT_FLAG, STACK_FLAG, type CommandKit, type Flag } from './flags';

const TEMPLATE_FLAGS: readonly Flag[] = [
  { flags: '-s, --scheme <file|id>', en: 'scheme YAML file or bundled scheme id', zh: '方案 YAML 文件或内置方案 id' },
  {
    flags: '--units <file>',
    en: 'CSV listing the townships (name column, optional code column) to prefill',
    zh: '预填乡镇名单的 CSV（名称列，可选代码列）',
  },
  {
    flags: '--format <format>',
    en: 'csv (default) or xlsx (default: from the --output extension)',
    zh: 'csv（默认）或 xlsx（默认取自 --output 的扩展名）',
  },
  {
    flags: '--encoding <name>',
    en: 'CSV encoding: gb18030 (default with --lang zh) or utf-8 with BOM (default with --lang en)',
    zh: 'CSV 编码：gb18030（中文界面默认）或带 BOM 的 utf-8（英文界面默认）',
  },
  {
    flags: '-o, --output <file>',
    en: 'file to write (default: template.csv or template.xlsx); as CSV, each level above the township goes to <name>-<level>.csv beside it (template-county.csv)',
    zh: '输出文件（默认 template.csv 或 template.xlsx）；CSV 时乡镇以上各级写入同目录的 <文件名>-<级别>.csv（如 template-county.csv）',
  },
  { flags: '--force', en: 'overwrite files that already exist', zh: '覆盖已存在的文件' },
  LIMIT_FLAG,
  LANG_FLAG,
  STACK_FLAG,
];

export function templateCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  const c = colored(p.command('template'), k).description(
    h(
      'write a blank data-collection sheet for the scheme (township fields; county fields in a second sheet or file)',
      '生成方案的空白数据采集表（乡镇字段；县级字段另成一表或一个文件）',
    ),
  );
  addFlags(c, h, TEMPLATE_FLAGS)
    .addHelpText(
      'after',
      h(
        '\nExit codes:\n  0  written\n  2  not written: usage error, invalid scheme, unreadable units file, or the file exists (see --force)',
        '\n退出码：\n  0  已写入\n  2  未写入：命令用法错误、方案无效、名单文件无法读取，或文件已存在（见 --force）',
      ),
    )
    .action(async (o: TemplateOptions) => {
      k.result.code = await runTemplate(k.io, o);
    });
}
