/**
 * Conventions every command shares (issue 11, point 9): colour from --color /
 * --no-color, FORCE_COLOR and NO_COLOR; commander's own help words in Chinese; and
 * "did you mean" for an item named by a word close to its title or id.
 */
import { Help, type Argument, type Command, type Option } from 'commander';
import type { Io } from './io';

export const VERSION = '0.1.0';

/** `--color` and `--no-color` on a command (its options get `color: true | false`, or none). */
export function colorOptions(c: Command, h: (en: string, zh: string) => string): Command {
  return c
    .option(
      '--color',
      h('colour even when not on a terminal (also FORCE_COLOR=1)', '即使不在终端也使用颜色（也可设 FORCE_COLOR=1）'),
    )
    .option('--no-color', h('no colour (also NO_COLOR=1)', '不使用颜色（也可设 NO_COLOR=1）'));
}

/**
 * Whether to colour the output: --color / --no-color first, then FORCE_COLOR (set and
 * not 0 or false: colour; 0 or false: none), then NO_COLOR (set and not empty: none),
 * else only on a terminal.
 */
export function useColor(io: Pick<Io, 'isTTY' | 'env'>, flag: boolean | undefined): boolean {
  if (flag !== undefined) return flag;
  const force = io.env.FORCE_COLOR;
  if (force !== undefined) return !/^(0|false)$/i.test(force);
  if (io.env.NO_COLOR) return false;
  return io.isTTY;
}

const ZH_EXTRA: Record<string, string> = { choices: '可选', default: '默认', preset: '预设', env: '环境变量' };

/** Commander's trailing `(choices: "a", "b", default: "x")` said in Chinese: `（可选："a"、"b"；默认："x"）`. */
export function zhExtra(text: string): string {
  return text.replace(/ \(((?:choices|default|preset|env): .*)\)$/, (_, inner: string) => {
    const parts = inner.split(/, (?=(?:choices|default|preset|env): )/).map((p) => {
      const [key, ...rest] = p.split(': ');
      const value = rest.join(': ');
      return `${ZH_EXTRA[key!] ?? key}：${key === 'choices' ? value.replace(/", "/g, '"、"') : value}`;
    });
    return `（${parts.join('；')}）`;
  });
}

/** Help configuration for Chinese: the extra words of options and arguments translated. */
export const zhHelp = {
  optionDescription(this: Help, o: Option): string {
    return zhExtra(Help.prototype.optionDescription.call(this, o));
  },
  argumentDescription(this: Help, a: Argument): string {
    return zhExtra(Help.prototype.argumentDescription.call(this, a));
  },
};

/** Edit distance (insertions, deletions, substitutions, adjacent swaps) between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  const d: number[][] = Array.from({ length: x.length + 1 }, (_, i) =>
    Array.from({ length: y.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  for (let i = 1; i <= x.length; i++) {
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1])
        d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[x.length]![y.length]!;
}

/**
 * Items a mistyped or partial reference may mean, best first (at most `max`): those
 * whose title or id contains it (or is contained in it), else those within a third
 * of its length in edit distance (at least 1), nearest first.
 */
export function suggestItems(
  items: readonly { id: string; title: string }[],
  ref: string,
  max = 5,
): { id: string; title: string }[] {
  const r = ref.trim().toLowerCase();
  if (!r) return [];
  const containing = items.filter(
    (i) =>
      i.title.includes(ref.trim()) || i.id.toLowerCase().includes(r) || (i.title.length > 1 && ref.includes(i.title)),
  );
  if (containing.length) return containing.slice(0, max);
  const limit = Math.max(1, Math.floor([...r].length / 3));
  return items
    .map((i, n) => ({ i, n, d: Math.min(editDistance(r, i.id.toLowerCase()), editDistance(ref.trim(), i.title)) }))
    .filter((x) => x.d <= limit)
    .sort((a, b) => a.d - b.d || a.n - b.n)
    .slice(0, max)
    .map((x) => x.i);
}
