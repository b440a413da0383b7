/** `pinggu compare <before> <after>`: its flags, and the runner it calls (src/cli/compare.ts). */
import { Option, type Command } from 'commander';
import { COMPARE_FORMATS, runCompare, type CompareOptions } from '../compare';
import { addFlags, colored, LANG_FLAG, STACK_FLAG, type CommandKit, type Flag } from './flags';

const COMPARE_FLAGS: readonly Flag[] = [
  {
    flags: '--fail-on-regression <points>',
    en: "exit 1 when a unit's score dropped by more than POINTS (0: any drop)",
    zh: '单位得分下降超过 POINTS 分时以 1 退出（0：任何下降）',
  },
  { flags: '--fail-on-new-failure', en: 'exit 1 when an item newly fails', zh: '有指标新失分时以 1 退出' },
  LANG_FLAG,
  STACK_FLAG,
];

export function compareCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  const c = colored(p.command('compare'), k)
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
    .addOption(new Option('-f, --format <format>', h('output format', '输出格式')).choices([...COMPARE_FORMATS]));
  addFlags(c, h, COMPARE_FLAGS)
    .addHelpText(
      'after',
      h(
        '\nExit codes:\n  0  compared; no gate set, or every gate passes\n  1  compared; a gate fails (--fail-on-regression, --fail-on-new-failure)\n  2  could not compare: usage error, a file unreadable or not a pinggu report',
        '\n退出码：\n  0  已对比；未设门槛，或均通过\n  1  已对比；未通过门槛（--fail-on-regression、--fail-on-new-failure）\n  2  无法对比：命令用法错误、文件无法读取或不是 pinggu 报告',
      ),
    )
    .action(async (before: string, after: string, o: CompareOptions) => {
      k.result.code = await runCompare(k.io, before, after, o);
    });
}
