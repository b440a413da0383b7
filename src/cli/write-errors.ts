/** What a failed write says: one line naming the file and the cause (src/messages/cli-files.ts words it). */
import type { CodedDiagnostic } from '../diagnostics';
import { WriteError } from '../errors';
import { message } from '../messages/codes';

/** The cause of a failed write: the system's code (ENOSPC…), or the error's own text when it has none. */
export function writeCause(e: unknown): string {
  const code = (e as { code?: unknown })?.code;
  if (typeof code === 'string') return code;
  return e instanceof Error ? e.message : String(e);
}

/** A failed write of `file` (as the user named it; undefined for stdout) as the error to throw. */
export function writeError(file: string | undefined, e: unknown): WriteError {
  if (e instanceof WriteError) return e;
  const cause = writeCause(e);
  const diagnostic: CodedDiagnostic = {
    severity: 'error',
    ...(file === undefined
      ? message('output/write-failed', { kind: 'stdout', cause })
      : { file, ...message('output/write-failed', { kind: 'file', cause }) }),
  };
  return new WriteError(diagnostic, e);
}
