/**
 * Glob patterns in data arguments, for shells that do not expand them (cron lines
 * quoted, Windows): `*` and `?` within one name, `[abc]`, `[a-z]`, `[!abc]`, `**` for
 * any depth of folders. Names are matched without regular expressions (wildcard.ts);
 * `**` searches each real folder once, links included (walk.ts). A malformed pattern
 * (`[z-a]`, a `[` never closed) is a usage error naming the pattern and the place.
 */
import * as path from 'node:path';
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import type { Io } from './io';
import { walkFolders } from './walk';
import { matchName, parseSegment, PatternError, type Token } from './wildcard';
import { compareCodePoints } from '../compare';

export const isGlob = (arg: string): boolean => /[*?[]/.test(arg);

type Step = { kind: 'name'; name: string } | { kind: 'deep' } | { kind: 'match'; tokens: Token[]; hidden: boolean };

/** The pattern's segments below its start (the working directory, or its root). */
function compile(pattern: string, start: number): Step[] {
  const steps: Step[] = [];
  for (const m of pattern.slice(start).matchAll(/[^\\/]+/g)) {
    const seg = m[0];
    if (seg === '**') steps.push({ kind: 'deep' });
    else if (!isGlob(seg)) steps.push({ kind: 'name', name: seg });
    else {
      try {
        steps.push({ kind: 'match', tokens: parseSegment(seg), hidden: seg.startsWith('.') });
      } catch (e) {
        if (!(e instanceof PatternError)) throw e;
        const at = Array.from(pattern.slice(0, start + m.index)).length + e.at + 1;
        throw new UsageError(message('cli/bad-pattern', { pattern, at, ...e.problem }));
      }
    }
  }
  return steps;
}

/**
 * The paths matching a pattern, sorted; hidden names (".git") only when the pattern
 * names them. Links skipped by `**` (a folder already searched) are said in `findings`.
 */
export function expandGlob(io: Io, pattern: string, findings: Finding[] = []): string[] {
  const root = path.isAbsolute(pattern) ? path.parse(pattern).root : '';
  const steps = compile(pattern, root.length);
  let current = [root || io.cwd];
  for (const step of steps) {
    const next: string[] = [];
    for (const base of current) {
      if (step.kind === 'deep') next.push(...descend(io, base, findings));
      else if (step.kind === 'name') {
        const p = path.join(base, step.name);
        if (io.exists(p)) next.push(p);
      } else {
        for (const e of io.listDir(base) ?? []) {
          if (e.startsWith('.') && !step.hidden) continue;
          if (matchName(step.tokens, e)) next.push(path.join(base, e));
        }
      }
    }
    current = [...new Set(next)];
  }
  return current.sort(compareCodePoints);
}

/** A folder and every folder below it (not hidden), each real folder once. */
function descend(io: Io, base: string, findings: Finding[]): string[] {
  return walkFolders(
    io,
    base,
    (dir, entries) => entries.filter((e) => !e.startsWith('.') && io.listDir(path.join(dir, e))),
    findings,
  );
}
