/**
 * Glob patterns in data arguments, for shells that do not expand them (cron lines
 * quoted, Windows): `*` and `?` within one name, `[abc]`, `**` for any depth of folders.
 */
import * as path from 'node:path';
import type { Io } from './io';
import { compareCodePoints } from '../compare';

export const isGlob = (arg: string): boolean => /[*?[]/.test(arg);

function segmentRegExp(seg: string): RegExp {
  let re = '';
  for (let i = 0; i < seg.length; i++) {
    const ch = seg[i]!;
    if (ch === '*') re += '[^/]*';
    else if (ch === '?') re += '[^/]';
    else if (ch === '[') {
      const end = seg.indexOf(']', i + 1);
      if (end < 0) re += '\\[';
      else {
        const body = seg.slice(i + 1, end).replace(/\\/g, '\\\\');
        re += `[${body.startsWith('!') ? `^${body.slice(1)}` : body}]`;
        i = end;
      }
    } else re += ch.replace(/[.+^${}()|\\]/g, '\\$&');
  }
  return new RegExp(`^${re}$`);
}

/** The paths matching a pattern, sorted; hidden names (".git") only when the pattern names them. */
export function expandGlob(io: Io, pattern: string): string[] {
  const abs = path.resolve(io.cwd, pattern);
  const { root } = path.parse(abs);
  const segs = abs.slice(root.length).split(/[\\/]+/).filter(Boolean);
  let current = [root];
  for (const seg of segs) {
    const next: string[] = [];
    if (seg === '**') {
      for (const base of current) next.push(...descend(io, base));
    } else if (!isGlob(seg)) {
      for (const base of current) {
        const p = path.join(base, seg);
        if (io.exists(p)) next.push(p);
      }
    } else {
      const re = segmentRegExp(seg);
      for (const base of current) {
        for (const e of io.listDir(base) ?? []) {
          if (e.startsWith('.') && !seg.startsWith('.')) continue;
          if (re.test(e)) next.push(path.join(base, e));
        }
      }
    }
    current = [...new Set(next)];
  }
  return current.sort(compareCodePoints);
}

/** A folder and every folder below it (not hidden). */
function descend(io: Io, base: string): string[] {
  const entries = io.listDir(base);
  if (!entries) return [];
  const out = [base];
  for (const e of [...entries].sort(compareCodePoints)) if (!e.startsWith('.')) out.push(...descend(io, path.join(base, e)));
  return out;
}
