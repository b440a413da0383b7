/** What a failed write says: one line naming the file and the cause, in both languages. */
import { msg, type Diagnostic, type Msg } from '../diagnostics';
import { WriteError } from '../errors';

const CAUSES: Record<string, Msg> = {
  ENOSPC: msg('the disk is full', '磁盘已满'),
  EDQUOT: msg('the disk quota is used up', '磁盘配额已用完'),
  EFBIG: msg('the file is too large for this file system', '文件超出此文件系统的大小上限'),
  EACCES: msg('no permission', '没有写权限'),
  EPERM: msg('no permission (or the file is open in another program)', '没有写权限（或文件正被其他程序打开）'),
  EBUSY: msg('the file is in use by another program', '文件正被其他程序使用'),
  EROFS: msg('the file system is read-only', '文件系统为只读'),
  EISDIR: msg('it is a folder', '这是一个文件夹'),
  ENOTDIR: msg('a part of the path is a file, not a folder', '路径中的某一级是文件而不是文件夹'),
  EEXIST: msg('a file is where a folder is needed', '需要文件夹的位置已有同名文件'),
  ENOENT: msg('the folder does not exist', '文件夹不存在'),
  ENAMETOOLONG: msg('the name is too long', '文件名过长'),
  EPIPE: msg('the reader went away', '读取方已关闭'),
  EIO: msg('input/output error', '输入输出错误'),
  EMFILE: msg('too many open files', '打开的文件过多'),
};

/** The cause of a failed write in words, with the system's code: "the disk is full (ENOSPC)". */
export function writeCause(e: unknown): Msg {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string') {
    const c = CAUSES[code];
    return c ? msg(`${c.en} (${code})`, `${c.zh}（${code}）`) : msg(code, code);
  }
  const text = e instanceof Error ? e.message : String(e);
  return msg(text, text);
}

/** A failed write of `file` (as the user named it; undefined for stdout) as the error to throw. */
export function writeError(file: string | undefined, e: unknown): WriteError {
  if (e instanceof WriteError) return e;
  const why = writeCause(e);
  const diagnostic: Diagnostic = {
    severity: 'error',
    code: 'output/write-failed',
    ...(file === undefined
      ? { message: msg(`cannot write to standard output: ${why.en}`, `无法写入标准输出：${why.zh}`) }
      : { file, message: msg(`cannot write: ${why.en}`, `无法写入：${why.zh}`) }),
  };
  return new WriteError(diagnostic, e);
}
