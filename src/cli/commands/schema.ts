/** `pinggu schema`: the JSON Schema of scheme files, for editors. */
import type { Command } from 'commander';
import { runSchema } from '../commands';
import type { CommandKit } from './flags';

export function schemaCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  p.command('schema')
    .description(
      h(
        'print the JSON Schema of scheme files, for editors (pinggu schema > scheme.schema.json; see README)',
        '输出方案文件的 JSON Schema，供编辑器校验与补全（pinggu schema > scheme.schema.json；见 README）',
      ),
    )
    .action(async () => {
      k.result.code = await runSchema(k.io);
    });
}
