/** Everything the CLI needs from the outside world, injected so tests run in-process. */
import * as fs from 'node:fs';
import * as path from 'node:path';

export interface Io {
  /** Text, or bytes written as they are (a GB18030 CSV on stdout). */
  stdout(text: string | Uint8Array): void;
  stderr(text: string): void;
  /** Whether stdout is a terminal (colour, never for pipes and files). */
  isTTY: boolean;
  /** Whether stderr is a terminal (a progress bar only then). */
  stderrIsTTY?: boolean;
  env: Record<string, string | undefined>;
  cwd: string;
  /** The package's root folder (bundled schemes and sample data live below it). */
  root: string;
  readFile(p: string): Uint8Array;
  writeFile(p: string, data: string | Uint8Array): void;
  /** A large text written piece by piece, never held whole (a national report); else joined and written. */
  writeChunks?(p: string, chunks: Iterable<string>): void;
  /** Entries of a folder, or undefined when `p` is not a folder. */
  listDir(p: string): string[] | undefined;
  exists(p: string): boolean;
}

export function nodeIo(root: string): Io {
  // Piped into `head`: the reader went away; stop quietly instead of crashing.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    isTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    root,
    readFile: (p) => fs.readFileSync(p),
    writeFile: (p, d) => {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      fs.writeFileSync(p, d);
    },
    writeChunks: (p, chunks) => {
      fs.mkdirSync(path.dirname(p), { recursive: true });
      const fd = fs.openSync(p, 'w');
      try {
        let pending: string[] = [];
        let length = 0;
        for (const c of chunks) {
          pending.push(c);
          length += c.length;
          if (length >= 1 << 20) {
            fs.writeSync(fd, pending.join(''));
            pending = [];
            length = 0;
          }
        }
        if (pending.length) fs.writeSync(fd, pending.join(''));
      } finally {
        fs.closeSync(fd);
      }
    },
    listDir: (p) => {
      try {
        return fs.statSync(p).isDirectory() ? fs.readdirSync(p) : undefined;
      } catch {
        return undefined;
      }
    },
    exists: (p) => fs.existsSync(p),
  };
}
