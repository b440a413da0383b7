/** `pinggu plan [data...]`: its flags, and the runner it calls (src/cli/plan.ts). */
import { Option, type Command } from 'commander';
import { PLAN_FORMATS } from '../../report/plan/registry';
import { runPlan, type PlanCliOptions } from '../plan';
import { addFlags, DATA_FLAGS, PARAM_FLAG, type CommandKit, type Flag } from './flags';

const PLAN_FLAGS: readonly Flag[] = [
  {
    flags: '--goal <goal>',
    en: 'what the plan must reach: pass (default: the pass line, no veto), score:N, or rank:N among the unit’s siblings',
    zh: '整改目标：pass（默认：达到及格线且无一票否决）、score:N（得分）或 rank:N（同级排名）',
  },
  { flags: '--unit <name>', en: 'the unit (name or code; default: the county)', zh: '单位（名称或代码；默认为县）' },
  {
    flags: '-o, --output <file>',
    en: 'write the plan to a file (format from the extension); repeatable',
    zh: '整改计划写入文件（格式取自扩展名），可重复',
    repeats: true,
  },
  PARAM_FLAG,
];

/** The exit codes of `plan` (docs/plan.md#exit-codes), said after its help. */
const planExitHelp = (k: CommandKit): string =>
  k.h(
    `
Exit codes:
  0  a plan reaches the goal (verified by scoring again), or the goal is reached already
  1  no plan reaches the goal (the best reachable score and what blocks it are said)
  2  could not plan: usage error, invalid scheme, unreadable or invalid data`,
    `
退出码：
  0  找到达到目标的整改计划（已重新计分验证），或已达到目标
  1  没有能达到目标的整改计划（同时给出最多可达得分和受阻原因）
  2  无法制定计划：命令用法错误、方案无效、数据无法读取或有错误`,
  );

export function planCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  const c = addFlags(
    p.command('plan').argument('[data...]', h('data files or folders', '数据文件或文件夹')),
    h,
    DATA_FLAGS,
  )
    .addHelpText('after', planExitHelp(k))
    .description(
      h(
        'the least-effort remedies that reach a goal, by township, verified by scoring again',
        '以最少工作量达到目标的整改计划（落实到乡镇），并重新计分验证',
      ),
    )
    .addOption(new Option('-f, --format <format>', h('output format', '输出格式')).choices(PLAN_FORMATS));
  addFlags(c, h, PLAN_FLAGS).action(async (data: string[], o: PlanCliOptions) => {
    k.result.code = await runPlan(k.io, data, o);
  });
}
