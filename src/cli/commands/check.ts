/** `pinggu check [data...]`: its flags, and the runner it calls. */
import { Option, type Command } from 'commander';
import { runCheck, type CheckOptions } from '../commands';
import { colored, dataCommand, type CommandKit } from './flags';

export function checkCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  const c = dataCommand(
    p.command('check').argument('[data...]', h('data files or folders to check', '要检查的数据文件或文件夹')),
    k,
  )
    .description(h('validate the scheme, and the data if given, without scoring', '只检查方案（及给出的数据），不计分'))
    .addOption(new Option('-f, --format <format>', h('output format', '输出格式')).choices(['table', 'json', 'sarif']));
  colored(c, k).action(async (data: string[], o: CheckOptions) => {
    k.result.code = await runCheck(k.io, data, o);
  });
}
