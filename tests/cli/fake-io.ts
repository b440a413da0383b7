/** An Io over the real files of the repository, capturing what the CLI prints. */
import * as fs from 'node:fs';
import { join } from 'node:path';
import type { Io } from '../../src/cli/io';

export const ROOT = join(__dirname, '..', '..');

export function fakeIo(
  env: Record<string, string> = { LANG: 'C' },
): Io & { out: string; err: string; written: Map<string, string | Uint8Array> } {
  const io = {
    out: '',
    err: '',
    written: new Map<string, string | Uint8Array>(),
    stdout: (t: string | Uint8Array) => {
      io.out += typeof t === 'string' ? t : new TextDecoder().decode(t);
    },
    stderr: (t: string) => {
      io.err += t;
    },
    isTTY: false,
    env,
    cwd: ROOT,
    root: ROOT,
    readFile: (p: string) => fs.readFileSync(p),
    writeFile: (p: string, d: string | Uint8Array) => {
      io.written.set(p, d);
    },
    listDir: (p: string) => {
      try {
        return fs.statSync(p).isDirectory() ? fs.readdirSync(p) : undefined;
      } catch {
        return undefined;
      }
    },
    exists: (p: string) => fs.existsSync(p),
    realPath: (p: string) => {
      try {
        return fs.realpathSync.native(p);
      } catch {
        return p;
      }
    },
    fileSize: (p: string): number | undefined => {
      try {
        const st = fs.statSync(p);
        return st.isFile() ? st.size : undefined;
      } catch {
        return undefined;
      }
    },
  };
  return io;
}
