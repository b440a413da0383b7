/** `pinggu explain <item> [data...]`: its flags, and the runner it calls. */
import type { Command } from 'commander';
import { runExplain, type ExplainOptions } from '../commands';
import { addFlags, colored, dataCommand, PARAM_FLAG, type CommandKit, type Flag } from './flags';

const EXPLAIN_FLAGS: readonly Flag[] = [
  { flags: '--unit <name>', en: 'the unit (name or code; default: the county)', zh: '单位（名称或代码；默认为县）' },
  PARAM_FLAG,
  {
    flags: '--adjustments <file>',
    en: 'inspector adjustments (抽查核定), CSV or YAML',
    zh: '抽查核定文件（CSV 或 YAML）',
  },
  {
    flags: '--as-of <date>',
    en: 'reference date YYYY-MM-DD for the adjustments (default: today)',
    zh: '核定的基准日 YYYY-MM-DD（默认今天）',
  },
];

export function explainCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  const c = dataCommand(
    p
      .command('explain')
      .argument('<item>', h('item id or title', '指标 id 或名称'))
      .argument('[data...]', h('data files or folders', '数据文件或文件夹')),
    k,
  );
  colored(c, k).description(
    h(
      'explain one item step by step: formula, data, value, target, rule, points, remedy',
      '逐步解释一个指标：公式、数据、数值、目标、计分规则、得分和整改',
    ),
  );
  addFlags(c, h, EXPLAIN_FLAGS).action(async (itemRef: string, data: string[], o: ExplainOptions) => {
    k.result.code = await runExplain(k.io, itemRef, data, o);
  });
}
