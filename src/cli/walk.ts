/**
 * Walking folders with links in them: every real folder is searched at most once.
 *
 * The walk is a loop with its own stack (no recursion, so no stack overflow however
 * deep the tree). Folders reached without a link come first, in name order; links to
 * folders are followed afterwards, in the order met, and only to a folder not yet
 * searched: `self -> .`, `latest -> 2026-09` or a loop of links is skipped with a
 * warning instead of being read again (or forever).
 */
import * as path from 'node:path';
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Io } from './io';
import { compareCodePoints } from '../compare';
import { shown } from './inputs';

/**
 * The folders at and below `start`, each real folder once, in the order searched.
 * `below(dir, entries)` names the entries (sorted) of `dir` to search further.
 */
export function walkFolders(
  io: Io,
  start: string,
  below: (dir: string, entries: string[]) => string[],
  findings: Finding[],
): string[] {
  const first = new Map<string, string>(); // real path -> the path it was first searched under
  const out: string[] = [];
  const stack = [start];
  const links: string[] = [];
  while (stack.length || links.length) {
    const dir = stack.length ? stack.pop()! : links.shift()!;
    const real = io.realPath(dir);
    const before = first.get(real);
    if (before !== undefined) {
      findings.push(linkSkipped(io, dir, before));
      continue;
    }
    const entries = io.listDir(dir);
    if (!entries) continue;
    first.set(real, dir);
    out.push(dir);
    const direct: string[] = [];
    for (const e of below(dir, [...entries].sort(compareCodePoints))) {
      const p = path.join(dir, e);
      const r = io.realPath(p);
      (r === (real === dir ? p : path.join(real, e)) ? direct : links).push(p);
    }
    stack.push(...direct.reverse());
  }
  return out;
}

function linkSkipped(io: Io, link: string, first: string): Finding {
  const a = shown(io, link);
  const b = shown(io, first);
  return {
    severity: 'warning',
    file: a,
    ...message('data/link-visited', { target: b }),
  };
}

/** The warning for a file reached again under another path (a link): it is read once. */
export function sameFile(io: Io, again: string, first: string): Finding {
  return {
    severity: 'warning',
    file: shown(io, again),
    ...message('data/link-same-file', { first: shown(io, first) }),
  };
}
