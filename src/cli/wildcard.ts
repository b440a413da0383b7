/**
 * One folder or file name against one segment of a glob pattern: `*` (any run of
 * characters), `?` (one character), `[abc]`, `[a-z]`, `[!abc]` / `[^abc]`.
 *
 * No regular expression: the classic greedy wildcard match, which keeps one place to
 * come back to (the last `*` seen) and never more. Its steps are at most
 * (pattern length + 1) × (name length + 1), whatever the pattern (`*a*a*a*a*b`
 * against a name of 10,000 characters is some 50,000 steps, not an exponential search).
 */
import type { Msg } from '../diagnostics';
import { patternProblem } from '../messages/cli';

type Atom =
  { kind: 'any' } | { kind: 'char'; code: number } | { kind: 'set'; not: boolean; ranges: Array<[number, number]> };
export type Token = Atom | { kind: 'star' };

/** What is wrong with a segment: a range written backwards (its two ends as written), or a `[` never closed. */
export type PatternProblem = { kind: 'backwards'; from: string; to: string } | { kind: 'unclosed' };

/** A pattern segment that cannot be read; `at` is its 0-based character in the segment. */
export class PatternError extends Error {
  constructor(
    readonly problem: PatternProblem,
    readonly at: number,
  ) {
    super(patternProblem(problem).en);
    this.name = 'PatternError';
  }

  /** The problem in both languages (the command line says it with the whole pattern: cli/bad-pattern). */
  get what(): Msg {
    return patternProblem(this.problem);
  }
}

const codes = (s: string): number[] => Array.from(s, (c) => c.codePointAt(0)!);
const ch = (code: number): string => String.fromCodePoint(code);

/** The tokens of one segment (no separators in it); a malformed `[…]` is a PatternError. */
export function parseSegment(seg: string): Token[] {
  const cs = codes(seg);
  const out: Token[] = [];
  for (let i = 0; i < cs.length; i++) {
    const c = cs[i]!;
    if (c === 0x2a /* * */) {
      if (out[out.length - 1]?.kind !== 'star') out.push({ kind: 'star' });
    } else if (c === 0x3f /* ? */) out.push({ kind: 'any' });
    else if (c === 0x5b /* [ */) {
      const { token, end } = parseSet(cs, i);
      out.push(token);
      i = end;
    } else out.push({ kind: 'char', code: c });
  }
  return out;
}

/** `[` at `open`: the set and the index of its `]`. A `]` first in the set is literal. */
function parseSet(cs: number[], open: number): { token: Token; end: number } {
  let j = open + 1;
  const not = cs[j] === 0x21 /* ! */ || cs[j] === 0x5e; /* ^ */
  if (not) j++;
  const ranges: Array<[number, number]> = [];
  for (let first = true; j < cs.length; first = false) {
    const c = cs[j]!;
    if (c === 0x5d /* ] */ && !first) return { token: { kind: 'set', not, ranges }, end: j };
    if (cs[j + 1] === 0x2d /* - */ && j + 2 < cs.length && cs[j + 2] !== 0x5d) {
      const d = cs[j + 2]!;
      if (d < c) {
        throw new PatternError({ kind: 'backwards', from: ch(c), to: ch(d) }, j);
      }
      ranges.push([c, d]);
      j += 3;
    } else {
      ranges.push([c, c]);
      j++;
    }
  }
  throw new PatternError({ kind: 'unclosed' }, open);
}

function atomMatches(t: Atom, c: number): boolean {
  if (t.kind === 'any') return true;
  if (t.kind === 'char') return t.code === c;
  return t.ranges.some(([lo, hi]) => c >= lo && c <= hi) !== t.not;
}

/** Counts the steps of the matches it is passed to (for the test that they stay few). */
export interface MatchStats {
  steps: number;
}

/** Whether `name` matches the tokens, in at most (tokens + 1) × (name + 1) steps. */
export function matchName(tokens: readonly Token[], name: string, stats?: MatchStats): boolean {
  const cs = codes(name);
  let p = 0;
  let n = 0;
  let starP = -1;
  let starN = 0;
  let steps = 0;
  try {
    while (n < cs.length) {
      steps++;
      const t = tokens[p];
      if (t && t.kind === 'star') {
        starP = p++;
        starN = n;
      } else if (t && atomMatches(t, cs[n]!)) {
        p++;
        n++;
      } else if (starP >= 0) {
        // Back to the last star, which now takes one more character; earlier stars never move again.
        p = starP + 1;
        n = ++starN;
      } else return false;
    }
    while (tokens[p]?.kind === 'star') p++;
    return p === tokens.length;
  } finally {
    if (stats) stats.steps += steps;
  }
}
