/**
 * Messages about a scheme file before it is a scheme (src/scheme/yaml-findings.ts,
 * load.ts, size-findings.ts): its encoding, its size, YAML syntax and aliases.
 */
import type { Lang } from '../diagnostics';
import type { Renderers } from './render';

/** Why a value must be quoted. */
export type QuoteWhy = { k: 'block-char' | 'scalar-start'; ch: string } | { k: 'colon-space' };

/** A YAML syntax error, as a scheme author can act on it. */
export type YamlProblem =
  | { k: 'quote'; why: QuoteWhy; fixed: string }
  | { k: 'full-width-colon' | 'tight-colon'; fixed: string }
  | { k: 'unclosed-quote'; quote: string }
  | { k: 'unclosed-flow'; open: string; close: string }
  /** The parser's own English, when nothing better is known. */
  | { k: 'parser'; said: string }
  | {
      k:
        | 'no-colon'
        | 'tab'
        | 'block-as-key'
        | 'multiline-key'
        | 'indent-dash'
        | 'needs-value'
        | 'flow-items'
        | 'bad-indent'
        | 'block-in-flow'
        | 'multiple-docs';
    };

export interface YamlArgs {
  'scheme/encoding': Record<string, never>;
  'scheme/duplicate-key': { key: string };
  /** `more`: the other syntax errors, which the first almost always causes. */
  'scheme/yaml':
    | { kind: 'syntax'; problem: YamlProblem; more: number }
    | { kind: 'alias'; name: string }
    | { kind: 'alias-bomb' }
    | { kind: 'other'; said: string };
  /** A key or value longer than the limit (characters). */
  'limit/scheme-string': { length: number; limit: number };
}

type Words = Record<Lang, string>;

/** 1234567 → "1,234,567" (as src/limits.ts says counts). */
const count = (n: number): string =>
  Number.isFinite(n) ? String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',') : '∞';

const FIXED: Record<
  Exclude<
    YamlProblem['k'],
    'quote' | 'full-width-colon' | 'tight-colon' | 'unclosed-quote' | 'unclosed-flow' | 'parser'
  >,
  Words
> = {
  'no-colon': { en: 'this line has no colon; write key: value', zh: '此行没有冒号；应写成 键: 值' },
  tab: {
    en: 'a tab is used for indentation; indent with spaces, not tabs',
    zh: '缩进中有制表符（Tab）；请用空格缩进，不要用 Tab',
  },
  'block-as-key': {
    en: 'a mapping cannot start on the same line as its key; check the indentation and colons here',
    zh: '映射不能与它的键写在同一行；请检查此处的缩进和冒号',
  },
  'multiline-key': {
    en: 'a key must fit on one line; check the indentation, colons and quotes here',
    zh: '键必须写在一行内；请检查此处的缩进、冒号和引号',
  },
  'indent-dash': {
    en: 'the indentation of this line does not match the lines above; keys of one mapping start in the same column',
    zh: '此行的缩进与上面的行不一致；同一映射中的键必须从同一列开始',
  },
  'needs-value': { en: 'a key needs a colon and a value: key: value', zh: '键后面需要冒号和值：键: 值' },
  'flow-items': {
    en: 'inside { } or [ ], separate the items with commas and write key: value',
    zh: '{ } 或 [ ] 中的各项须用逗号分隔，并写成 键: 值',
  },
  'bad-indent': {
    en: 'the indentation is wrong here; indent with spaces, keys of one mapping in the same column',
    zh: '此处缩进不正确；请用空格缩进，同一映射中的键须在同一列',
  },
  'block-in-flow': {
    en: 'inside { } or [ ], separate the items with commas (is a comma missing?)',
    zh: '{ } 或 [ ] 中的各项须用逗号分隔（是否漏了逗号？）',
  },
  'multiple-docs': {
    en: 'a line "---" starts a second document; a scheme file holds one (remove the "---")',
    zh: '“---”开始了第二个文档；方案文件只能有一个文档（请删除“---”）',
  },
};

const WHY: Record<Lang, (w: QuoteWhy) => string> = {
  en: (w) =>
    w.k === 'block-char'
      ? `"${w.ch}" at the start of a value has a special meaning in YAML`
      : w.k === 'scalar-start'
        ? `"${w.ch}" cannot start a value without quotes`
        : '": " inside a value has a special meaning in YAML',
  zh: (w) =>
    w.k === 'block-char'
      ? `值开头的“${w.ch}”在 YAML 中有特殊含义`
      : w.k === 'scalar-start'
        ? `值不能以“${w.ch}”开头，除非加引号`
        : '值中的“: ”在 YAML 中有特殊含义',
};

const PROBLEM: Record<Lang, (p: YamlProblem) => string> = {
  en: (p) => {
    switch (p.k) {
      case 'quote':
        return `${WHY.en(p.why)}; quote it: ${p.fixed}`;
      case 'full-width-colon':
        return `"：" is a full-width colon; write an ASCII colon and a space: ${p.fixed}`;
      case 'tight-colon':
        return `a colon must be followed by a space: ${p.fixed}`;
      case 'unclosed-quote':
        return `a quoted value is not closed; add the closing ${p.quote}`;
      case 'unclosed-flow':
        return `this "${p.open}" is not closed; end it with "${p.close}"`;
      case 'parser':
        return `${p.said} (check the indentation and colons)`;
      default:
        return FIXED[p.k].en;
    }
  },
  zh: (p) => {
    switch (p.k) {
      case 'quote':
        return `${WHY.zh(p.why)}；请加引号：${p.fixed}`;
      case 'full-width-colon':
        return `“：”是全角冒号；请改用半角冒号加空格：${p.fixed}`;
      case 'tight-colon':
        return `冒号后面必须有空格：${p.fixed}`;
      case 'unclosed-quote':
        return `引号没有闭合；请补上结尾的 ${p.quote}`;
      case 'unclosed-flow':
        return `“${p.open}”没有闭合；请用“${p.close}”结束`;
      case 'parser':
        return `${p.said}（请检查缩进和冒号）`;
      default:
        return FIXED[p.k].zh;
    }
  },
};

export const YAML: Renderers<YamlArgs> = {
  'scheme/encoding': {
    en: () => 'the scheme file is not UTF-8 text; save it as UTF-8',
    zh: () => '方案文件不是 UTF-8 文本；请另存为 UTF-8 编码',
  },
  'scheme/duplicate-key': {
    en: (a) => `duplicate key "${a.key}": each key may appear once per mapping`,
    zh: (a) => `键“${a.key}”重复：同一层级每个键只能出现一次`,
  },
  'scheme/yaml': {
    en: (a) => {
      switch (a.kind) {
        case 'syntax':
          return `YAML syntax: ${PROBLEM.en(a.problem)}${a.more ? ` (${a.more} more YAML error${a.more === 1 ? '' : 's'}, usually caused by this one)` : ''}`;
        case 'alias':
          return `YAML: alias *${a.name} has no anchor &${a.name} before it; define the anchor first, or write the value out`;
        case 'alias-bomb':
          return 'YAML: the aliases (*name) expand to far too much data; write the values out instead';
        case 'other':
          return `YAML: ${a.said}`;
      }
    },
    zh: (a) => {
      switch (a.kind) {
        case 'syntax':
          return `YAML 语法错误：${PROBLEM.zh(a.problem)}${a.more ? `（另有 ${a.more} 处 YAML 错误，通常由此处引起）` : ''}`;
        case 'alias':
          return `YAML 错误：别名 *${a.name} 之前没有定义锚点 &${a.name}；请先定义锚点，或直接写出取值`;
        case 'alias-bomb':
          return 'YAML 错误：别名（*名称）展开后的数据过多；请直接写出取值';
        case 'other':
          return `YAML 错误：${a.said}`;
      }
    },
  },
  'limit/scheme-string': {
    en: (a) =>
      `a text of ${count(a.length)} characters, over the limit of ${count(a.limit)} characters for one key or value in a scheme; if the file is right, raise the limit with --limit scheme-string=…`,
    zh: (a) =>
      `一段文字长 ${count(a.length)} 个字符，超过方案中单个键或值的上限 ${count(a.limit)} 个字符；如文件无误，可用 --limit scheme-string=… 提高上限`,
  },
};
