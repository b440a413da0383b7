/**
 * The name matcher of glob patterns (src/cli/wildcard.ts) and malformed patterns as
 * usage errors (issue 9): `*a*a*a*a*b` next to a long name took 16–60 s with the regex.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expandGlob } from '../../src/cli/glob';
import { main } from '../../src/cli/main';
import { matchName, parseSegment, PatternError, type MatchStats } from '../../src/cli/wildcard';
import { fakeIo } from '../cli/fake-io';

const matches = (pattern: string, name: string) => matchName(parseSegment(pattern), name);

describe('matchName', () => {
  it('*, ?, sets, ranges and negation, by character (Chinese and beyond the BMP)', () => {
    const cases: Array<[string, string, boolean]> = [
      ['*', '', true],
      ['*', 'townships.csv', true],
      ['*.csv', 'townships.csv', true],
      ['*.csv', 'townships.csv.bak', false],
      ['town*s.csv', 'townships.csv', true],
      ['?', '', false],
      ['??', '县', false],
      ['?', '县', true],
      ['?', '𠀋', true],
      ['2026-0?', '2026-07', true],
      ['2026-0?', '2026-10', false],
      ['2026-1[0-9]', '2026-10', true],
      ['2026-1[0-9]', '2026-1a', false],
      ['2026年[7-9]月', '2026年8月', true],
      ['[!a]*', 'abc', false],
      ['[!a]*', 'bbc', true],
      ['[^a]*', 'bbc', true],
      ['[]a]', ']', true],
      ['[]a]', 'a', true],
      ['[a-]', '-', true],
      ['a**b', 'axxb', true],
      ['*a*a*a*a*b', `${'a'.repeat(50)}b`, true],
      ['*a*a*a*a*b', 'a'.repeat(50), false],
      ['x.csv', 'X.csv', false],
    ];
    for (const [p, n, want] of cases) expect([p, n, matches(p, n)]).toEqual([p, n, want]);
  });

  it('agrees with a regular expression on 3,000 random patterns and names (seeded)', () => {
    let s = 2008;
    const rnd = (n: number) => {
      s ^= s << 13;
      s ^= s >>> 17;
      s ^= s << 5;
      return (s >>> 0) % n;
    };
    const parts: Array<[string, string]> = [
      ['a', 'a'],
      ['b', 'b'],
      ['*', '.*'],
      ['?', '.'],
      ['[ab]', '[ab]'],
      ['[!a]', '[^a]'],
      ['[a-b]', '[a-b]'],
    ];
    for (let i = 0; i < 3000; i++) {
      let glob = '';
      let re = '';
      for (let k = rnd(7); k > 0; k--) {
        const [g, r] = parts[rnd(parts.length)]!;
        glob += g;
        re += r;
      }
      let name = '';
      for (let k = rnd(9); k > 0; k--) name += 'abc'[rnd(3)];
      expect([glob, name, matches(glob, name)]).toEqual([glob, name, new RegExp(`^${re}$`, 's').test(name)]);
    }
  });

  it('*a*a*a*a*b against a name of 10,000 characters: at most (pattern + 1) × (name + 1) steps', () => {
    const tokens = parseSegment('*a*a*a*a*b');
    const name = 'a'.repeat(10000);
    const stats: MatchStats = { steps: 0 };
    expect(matchName(tokens, name, stats)).toBe(false);
    expect(stats.steps).toBeGreaterThan(0);
    expect(stats.steps).toBeLessThanOrEqual(11 * 10001);
    const hit: MatchStats = { steps: 0 };
    expect(matchName(tokens, `${name}b`, hit)).toBe(true);
    expect(hit.steps).toBeLessThanOrEqual(11 * 10002);
  });
});

describe('malformed patterns', () => {
  it('say what is wrong and where in the segment', () => {
    const fail = (p: string) => {
      try {
        parseSegment(p);
      } catch (e) {
        return e instanceof PatternError ? [e.at, e.what.en, e.what.zh] : e;
      }
      return 'parsed';
    };
    expect(fail('x[z-a]*')).toEqual([2, 'the range z-a runs backwards (write a-z)', '范围 z-a 首尾颠倒（应写作 a-z）']);
    expect(fail('2026-[0')).toEqual([5, "the '[' is never closed by ']'", '“[”没有对应的“]”']);
    expect(fail('[]')).toEqual([0, "the '[' is never closed by ']'", '“[”没有对应的“]”']);
    expect(fail('[!]')).toEqual([0, "the '[' is never closed by ']'", '“[”没有对应的“]”']);
    expect(fail('[a-a]')).toBe('parsed');
  });

  describe('on the command line: exit 2, one line naming the pattern, nothing on stdout', () => {
    let T = '';
    beforeAll(() => {
      T = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-pattern-'));
      fs.mkdirSync(path.join(T, 'data', 'zz'), { recursive: true });
      fs.writeFileSync(path.join(T, 'data', 'zz', 'townships.csv'), 'x\n');
    });
    afterAll(() => {
      if (T) fs.rmSync(T, { recursive: true, force: true });
    });
    const run = async (...args: string[]) => {
      const o = fakeIo();
      o.cwd = T;
      const code = await main(['score', ...args], o);
      return { code, out: o.out, err: o.err };
    };

    it('[z-a], in English and Chinese', async () => {
      expect(await run('data/[z-a]*')).toEqual({
        code: 2,
        out: '',
        err: 'pinggu: data/[z-a]*: invalid pattern at character 7: the range z-a runs backwards (write a-z)\n',
      });
      expect(await run('data/[z-a]*', '--lang', 'zh')).toEqual({
        code: 2,
        out: '',
        err: 'pinggu: data/[z-a]*：模式无效（第 7 个字符）：范围 z-a 首尾颠倒（应写作 a-z）\n',
      });
    });

    it('a [ never closed, even after a segment that matches nothing; counted in characters', async () => {
      expect(await run('nothing/*/数据[z*/x.csv')).toEqual({
        code: 2,
        out: '',
        err: "pinggu: nothing/*/数据[z*/x.csv: invalid pattern at character 13: the '[' is never closed by ']'\n",
      });
      expect(await run('data/[z', '--lang', 'zh')).toEqual({
        code: 2,
        out: '',
        err: 'pinggu: data/[z：模式无效（第 6 个字符）：“[”没有对应的“]”\n',
      });
    });

    it('a valid set in the same place expands', () => {
      const o = fakeIo();
      o.cwd = T;
      expect(expandGlob(o, 'data/[x-z]z/*.csv').map((f) => path.relative(T, f).split(path.sep).join('/'))).toEqual([
        'data/zz/townships.csv',
      ]);
    });
  });
});
