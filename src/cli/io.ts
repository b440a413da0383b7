/** Everything the CLI needs from the outside world, injected so tests run in-process. */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { formatDiagnostic } from '../diagnostics';
import { langFromEnv } from '../report/shared/i18n';
import { writeAll, writeAtomic } from './atomic-write';
import { writeError } from './write-errors';

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
  /** The path with every link in it resolved (the same folder or file reached twice is seen as one); `p` itself when it cannot be resolved. */
  realPath(p: string): string;
  /** The size in bytes of a regular file, or undefined (not a file, or it cannot be read): the size limit is checked before the file is read. */
  fileSize(p: string): number | undefined;
}

/**
 * Output to fd 1 or 2. A regular file or a device that is not a terminal (the output
 * redirected to a file, /dev/null, /dev/full) is written with fs.writeSync, which is
 * all Node's own stream for a file does (SyncWriteStream), so a failed write throws
 * here, where the command can say so; a terminal or a pipe goes through
 * process.stdout or process.stderr, created on first use. Either way start-up does
 * not load Node's stream machinery for output that never needs it.
 */
function output(
  fd: 1 | 2,
  stream: () => NodeJS.WriteStream,
): { write(t: string | Uint8Array): void; readonly isTTY: boolean } {
  let direct = false;
  if (process.platform !== 'win32') {
    try {
      const st = fs.fstatSync(fd);
      direct =
        st.isFile() ||
        (st.isCharacterDevice() &&
          (st.rdev === fs.statSync('/dev/null').rdev ||
            // eslint-disable-next-line @typescript-eslint/no-require-imports -- node:tty pulls in net and streams; loaded only for a character device, not at start-up (docs/startup.md)
            !(require('node:tty') as typeof import('node:tty')).isatty(fd)));
    } catch {
      direct = false;
    }
  }
  if (!direct) {
    return {
      write: (t) => stream().write(t),
      get isTTY() {
        return Boolean(stream().isTTY);
      },
    };
  }
  return { write: (t) => writeAll(fd, t), isTTY: false };
}

/**
 * The pieces encoded into one reused buffer and written a megabyte at a time: no
 * joined text, no new buffer per write (a national report is 50 MB of pieces).
 */
function writeEncoded(fd: number, chunks: Iterable<string>): void {
  const buf = Buffer.allocUnsafe(1 << 20);
  let used = 0;
  const flush = (): void => {
    writeAll(fd, buf.subarray(0, used));
    used = 0;
  };
  for (const c of chunks) {
    // UTF-8 takes at most 3 bytes per UTF-16 unit.
    if (c.length * 3 > buf.length - used) {
      if (used) flush();
      if (c.length * 3 > buf.length) {
        writeAll(fd, c);
        continue;
      }
    }
    used += buf.write(c, used, 'utf8');
  }
  if (used) flush();
}

type Output = ReturnType<typeof output>;

/**
 * stdout. Piped into `head`: the reader went away; stop quietly instead of crashing.
 * Any other failure of the pipe comes too late for the command: said on stderr, exit 2.
 */
function stdoutOutput(stderr: Output): Output {
  let piped = false;
  return output(1, () => {
    if (!piped) {
      piped = true;
      process.stdout.on('error', (e: NodeJS.ErrnoException) => {
        if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
        try {
          stderr.write(`${formatDiagnostic(writeError(undefined, e).diagnostic, langFromEnv(process.env))}\n`);
        } finally {
          process.exit(2);
        }
      });
    }
    return process.stdout;
  });
}

/** The files half of Io: whole reads, atomic writes, and questions that answer undefined rather than throw. */
function nodeFiles(): Pick<
  Io,
  'readFile' | 'writeFile' | 'writeChunks' | 'listDir' | 'exists' | 'realPath' | 'fileSize'
> {
  return {
    readFile: (p) => fs.readFileSync(p),
    writeFile: (p, d) => writeAtomic(p, (fd) => writeAll(fd, d)),
    writeChunks: (p, chunks) => writeAtomic(p, (fd) => writeEncoded(fd, chunks)),
    listDir: (p) => {
      try {
        return fs.statSync(p).isDirectory() ? fs.readdirSync(p) : undefined;
      } catch {
        return undefined;
      }
    },
    exists: (p) => fs.existsSync(p),
    realPath: (p) => {
      try {
        return fs.realpathSync.native(p);
      } catch {
        return path.resolve(p);
      }
    },
    fileSize: (p) => {
      try {
        const st = fs.statSync(p);
        return st.isFile() ? st.size : undefined;
      } catch {
        return undefined;
      }
    },
  };
}

export function nodeIo(root: string): Io {
  const stderr = output(2, () => process.stderr);
  const stdout = stdoutOutput(stderr);
  return {
    stdout: (t) => {
      try {
        stdout.write(t);
      } catch (e) {
        throw writeError(undefined, e);
      }
    },
    // Nowhere to say that stderr failed: its failures are not the command's.
    stderr: (t) => {
      try {
        stderr.write(t);
      } catch {
        /* ignored */
      }
    },
    isTTY: stdout.isTTY,
    get stderrIsTTY() {
      return stderr.isTTY;
    },
    env: process.env,
    cwd: process.cwd(),
    root,
    ...nodeFiles(),
  };
}
