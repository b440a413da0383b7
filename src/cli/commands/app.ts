/** `pinggu app`: its flags, and the runner it calls (src/cli/app.ts). */
import type { Command } from 'commander';
import { runApp, type AppOptions } from '../app';
import { addFlags, colored, LANG_FLAG, STACK_FLAG, type CommandKit } from './flags';

export function appCommand(p: Command, k: CommandKit): void {
  const { h } = k;
  const c = colored(p.command('app'), k).description(
    h(
      'write the offline page: one HTML file that scores in the browser, no terminal or network needed (docs/app.md)',
      '生成离线页面：一个在浏览器中评分的 HTML 文件，无需命令行和网络（见 docs/app.md）',
    ),
  );
  addFlags(c, h, [
    { flags: '-o, --output <file>', en: 'file to write (default: pinggu.html)', zh: '输出文件（默认 pinggu.html）' },
    LANG_FLAG,
    STACK_FLAG,
  ]).action((o: AppOptions) => {
    k.result.code = runApp(k.io, o);
  });
}
