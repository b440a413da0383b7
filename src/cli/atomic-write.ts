/**
 * Writing an output file whole or not at all: into a temporary file in the same
 * folder, renamed over the target when complete; on any failure the temporary file
 * is removed and the target left as it was.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';

let serial = 0;

/**
 * Where to write `p`: a symbolic link is followed (the link stays a link); a device
 * or pipe (`/dev/stdout`, a named pipe) is written in place, as it cannot be replaced.
 */
function target(p: string): { file: string; direct: boolean } {
  let st: fs.Stats;
  try {
    st = fs.statSync(p);
  } catch {
    return { file: p, direct: false }; // not there yet (a dangling link is replaced)
  }
  if (!st.isFile()) return { file: p, direct: !st.isDirectory() };
  return { file: fs.lstatSync(p).isSymbolicLink() ? fs.realpathSync(p) : p, direct: false };
}

/**
 * A name for one of this process's open descriptors (`-o /dev/stdout`, `/dev/fd/3`,
 * `/proc/self/fd/1`): written through that descriptor, never reopened, so
 * `… -o /dev/stdout >> log.txt` appends as the shell asked instead of replacing the log.
 */
const OWN_FD = /^\/(?:dev\/(?:fd\/(\d+)|(stdout|stderr))|proc\/self\/fd\/(\d+))$/;
function ownFd(p: string): number | undefined {
  const m = OWN_FD.exec(p);
  if (!m) return undefined;
  return m[2] ? (m[2] === 'stdout' ? 1 : 2) : Number(m[1] ?? m[3]);
}

/** Writes `p` through `write(fd)`, atomically where the target can be replaced. Missing folders are created. */
export function writeAtomic(p: string, write: (fd: number) => void): void {
  const own = process.platform === 'win32' ? undefined : ownFd(p);
  if (own !== undefined) {
    write(own);
    return;
  }
  fs.mkdirSync(path.dirname(p), { recursive: true });
  const { file, direct } = target(p);
  if (direct) {
    const fd = fs.openSync(file, 'w');
    try {
      write(fd);
    } finally {
      fs.closeSync(fd);
    }
    return;
  }
  // A short name of its own, so a target name near the length limit still has room.
  const tmp = path.join(path.dirname(file), `.pinggu-${process.pid}-${++serial}.tmp`);
  let fd: number | undefined = fs.openSync(tmp, 'wx');
  try {
    write(fd);
    fs.closeSync(fd);
    fd = undefined;
    fs.renameSync(tmp, file);
  } catch (e) {
    try {
      if (fd !== undefined) fs.closeSync(fd);
    } finally {
      fs.rmSync(tmp, { force: true });
    }
    throw e;
  }
}

/** All of `bytes` to `fd` (writeSync may write less than asked). */
export function writeAll(fd: number, data: string | Uint8Array): void {
  const bytes = typeof data === 'string' ? Buffer.from(data, 'utf8') : data;
  for (let done = 0; done < bytes.length;) done += fs.writeSync(fd, bytes, done, bytes.length - done);
}
