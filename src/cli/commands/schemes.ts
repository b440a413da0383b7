/** `pinggu schemes`: the bundled schemes. */
import type { Command } from 'commander';
import { runSchemes, type CommonOptions } from '../commands';
import { colored, type CommandKit } from './flags';

export function schemesCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  colored(p.command('schemes'), k)
    .description(h('list the bundled schemes', '列出内置方案'))
    .option('--lang <zh|en>', h('language', '语言'))
    .action(async (o: CommonOptions) => {
      k.result.code = await runSchemes(k.io, o);
    });
}
