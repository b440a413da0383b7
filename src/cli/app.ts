/**
 * `pinggu app -o pinggu.html`: writes the offline page (docs/app.md), one HTML file an
 * analyst opens in a browser to score without a terminal. The page is built with the
 * package (scripts/build-app.mjs → dist/pinggu-app.html); this copies it.
 */
import * as path from 'node:path';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { both, say } from '../messages/catalog';
import { visibleLine } from '../visible';
import { chooseLang, EXIT, writeOrFail } from './commands';
import type { Io } from './io';

export interface AppOptions {
  output?: string;
  lang?: string;
}

/** Where the build leaves the page. */
export const APP_FILE = path.join('dist', 'pinggu-app.html');

export function runApp(io: Io, o: AppOptions): number {
  const lang = chooseLang(io, o.lang);
  const built = path.join(io.root, APP_FILE);
  if (!io.exists(built)) throw new UsageError(both(message('app/not-built', { file: APP_FILE })));
  const out = path.resolve(io.cwd, o.output ?? 'pinggu.html');
  if (io.listDir(out)) throw new UsageError(both(message('app/output-folder', { file: o.output ?? 'pinggu.html' })));
  const page = io.readFile(built);
  writeOrFail(io, out, page);
  io.stderr(
    `${say(message('app/wrote', { file: visibleLine(o.output ?? 'pinggu.html'), size: (page.length / 1024 / 1024).toFixed(2) }), lang)}\n`,
  );
  return EXIT.ok;
}
