/**
 * Messages about a scheme's shape (src/scheme/shape-findings.ts): not a scheme at
 * all, and the schema's issues. What the schema wanted (`Want`), what was found
 * (`Found`) and a short fix (`Hint`) are data, put into words here.
 */
import type { Lang } from '../diagnostics';
import type { Renderers } from './render';

/** What the schema wanted at a value. */
export type Want =
  /** A JSON type (number, string, boolean, array, object), or another type name as zod gives it. */
  | { k: 'type'; type: string }
  | { k: 'one-of'; values: string[] }
  /** Any of these (a union's branches). */
  | { k: 'any'; of: Want[] }
  /** A pattern, by the message schema.ts gives its regex. */
  | { k: 'format'; format: string }
  | { k: 'non-empty' }
  | { k: 'entries'; min: number }
  | { k: 'at-least' | 'above'; min: number }
  | { k: 'at-most' | 'below'; max: number }
  | { k: 'valid' };

/** What was found instead. */
export type Found = { k: 'empty' | 'list' | 'mapping' } | { k: 'text' | 'number' | 'boolean'; value: string };

/** A short fix for a common wrong value. */
export type Hint =
  { k: 'quote'; value: string } | { k: 'full-width'; value: string } | { k: 'unquote' } | { k: 'rule'; type: string };

/** Why a document is not a scheme at all. */
export type NotScheme =
  | 'comments-only'
  | 'empty'
  | 'list'
  | 'full-width-colon'
  | 'colon-space'
  | 'plain-text'
  | 'single-value'
  | 'json-schema'
  | 'no-keys';

export interface ShapeArgs {
  /** `value`: the single value a file holds (kind single-value). */
  'scheme/not-a-scheme': { kind: NotScheme; value?: string };
  'scheme/unknown-key': { kind: 'misplaced'; key: string } | { kind: 'unknown'; key: string; near?: string };
  'scheme/missing-key': { key: string; want: Want };
  'scheme/invalid':
    | { kind: 'rule-type'; got: Found; want: Want; types: string[] }
    | { kind: 'empty' }
    | { kind: 'entries'; min: number }
    | { kind: 'value'; want: Want; got: Found; hint?: Hint };
}

type Words = Record<Lang, string>;

const NOT_SCHEME: Record<NotScheme, Words> = {
  'comments-only': { en: 'the file holds no data (only comments)', zh: '文件中没有数据（只有注释）' },
  empty: { en: 'the file is empty', zh: '文件是空的' },
  list: { en: 'the file is a list (lines starting with "-")', zh: '文件是一个列表（以“-”开头的行）' },
  'full-width-colon': {
    en: 'the file is plain text: a key needs an ASCII colon and a space (key: value), not "："',
    zh: '文件是纯文本：键后须用半角冒号加空格（键: 值），而不是“：”',
  },
  'colon-space': {
    en: 'the file is plain text: a colon must be followed by a space (key: value)',
    zh: '文件是纯文本：冒号后面必须有空格（键: 值）',
  },
  'plain-text': { en: 'the file is plain text, not a mapping', zh: '文件是纯文本，不是映射' },
  'single-value': { en: 'the file holds a single value', zh: '文件只有一个值' },
  'json-schema': {
    en: 'not a pinggu scheme: this is a JSON Schema (editors use it to check schemes); give the scheme .yaml file',
    zh: '不是 pinggu 评估方案：这是 JSON Schema（编辑器用它校验方案）；请指定方案的 .yaml 文件',
  },
  'no-keys': {
    en: 'not a pinggu scheme: it has no id, units, fields or sections',
    zh: '不是 pinggu 评估方案：没有 id、units、fields、sections 等键',
  },
};
const WANT_SCHEME: Words = {
  en: 'a scheme must be a YAML mapping with id, title, version, total, pass, units, fields and sections',
  zh: '评估方案必须是 YAML 映射（键: 值），包含 id、title、version、total、pass、units、fields、sections 等键',
};

/** The regex messages of schema.ts, for both languages. */
const FORMATS: Record<string, Words> = {
  'an identifier: letters, digits and _, starting with a letter': {
    en: 'an identifier (letters, digits and _, starting with a letter)',
    zh: '标识符（字母、数字和 _，以字母开头）',
  },
  'a number, optionally with % or ‰': {
    en: 'a number, optionally with % or ‰ (such as 90 or "95%")',
    zh: '数字，可带 % 或 ‰（如 90 或 "95%"）',
  },
  'letters, digits, _ . -, starting with a letter': {
    en: 'a scheme id (letters, digits, _ . -, starting with a letter)',
    zh: '方案 id（字母、数字、_ . -，以字母开头）',
  },
};
const TYPES: Record<string, Words> = {
  number: { en: 'a number', zh: '数字' },
  string: { en: 'text', zh: '文本' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
  array: { en: 'a list', zh: '列表' },
  object: { en: 'a mapping (key: value)', zh: '映射（键: 值）' },
};

const entries = (n: number) => `entr${n === 1 ? 'y' : 'ies'}`;

/** What the schema wanted, in words. */
export const WANT: Record<Lang, (w: Want) => string> = {
  en: (w) => {
    switch (w.k) {
      case 'type':
        return TYPES[w.type]?.en ?? w.type;
      case 'one-of':
        return w.values.length === 1 ? `"${w.values[0]}"` : `one of ${w.values.join(', ')}`;
      case 'any':
        return w.of.map(WANT.en).join(' or ');
      case 'format':
        return FORMATS[w.format]?.en ?? `text of the form ${w.format}`;
      case 'non-empty':
        return 'text that is not empty';
      case 'entries':
        return `a list of at least ${w.min} ${entries(w.min)}`;
      case 'at-least':
        return `a number of at least ${w.min}`;
      case 'above':
        return `a number above ${w.min}`;
      case 'at-most':
        return `a value of at most ${w.max}`;
      case 'below':
        return `a value below ${w.max}`;
      case 'valid':
        return 'a valid value';
    }
  },
  zh: (w) => {
    switch (w.k) {
      case 'type':
        return TYPES[w.type]?.zh ?? w.type;
      case 'one-of':
        return w.values.length === 1 ? `“${w.values[0]}”` : ` ${w.values.join('、')} 之一`;
      case 'any':
        return w.of.map(WANT.zh).join('或');
      case 'format':
        return FORMATS[w.format]?.zh ?? `符合格式的文本（${w.format}）`;
      case 'non-empty':
        return '非空文本';
      case 'entries':
        return `至少 ${w.min} 项的列表`;
      case 'at-least':
        return `不小于 ${w.min} 的数`;
      case 'above':
        return `大于 ${w.min} 的数`;
      case 'at-most':
        return `不大于 ${w.max} 的值`;
      case 'below':
        return `小于 ${w.max} 的值`;
      case 'valid':
        return '有效的值';
    }
  },
};

const FOUND: Record<Lang, (f: Found) => string> = {
  en: (f) =>
    'value' in f
      ? f.k === 'text'
        ? `"${f.value}"`
        : f.k === 'number'
          ? `the number ${f.value}`
          : f.value
      : { empty: 'an empty value', list: 'a list', mapping: 'a mapping' }[f.k],
  zh: (f) =>
    'value' in f
      ? f.k === 'text'
        ? `“${f.value}”`
        : f.k === 'number'
          ? `数字 ${f.value}`
          : f.value
      : { empty: '空值', list: '列表', mapping: '映射' }[f.k],
};

const HINT: Record<Lang, (h: Hint | undefined) => string> = {
  en: (h) =>
    !h
      ? ''
      : h.k === 'quote'
        ? ` (put it in quotes: "${h.value}")`
        : h.k === 'full-width'
          ? ` (full-width characters: write ${h.value})`
          : h.k === 'unquote'
            ? ' (remove the quotes)'
            : ` (write rule: { type: ${h.type} })`,
  zh: (h) =>
    !h
      ? ''
      : h.k === 'quote'
        ? `（请加引号："${h.value}"）`
        : h.k === 'full-width'
          ? `（含全角字符，请写成 ${h.value}）`
          : h.k === 'unquote'
            ? '（请去掉引号）'
            : `（应写成 rule: { type: ${h.type} }）`,
};

const notScheme = (lang: Lang, a: ShapeArgs['scheme/not-a-scheme']): string => {
  const what =
    a.kind === 'single-value'
      ? lang === 'en'
        ? `${NOT_SCHEME[a.kind].en} (${a.value})`
        : `${NOT_SCHEME[a.kind].zh}（${a.value}）`
      : NOT_SCHEME[a.kind][lang];
  return a.kind === 'json-schema' ? what : `${what}${lang === 'en' ? '; ' : '；'}${WANT_SCHEME[lang]}`;
};

export const SHAPE: Renderers<ShapeArgs> = {
  'scheme/not-a-scheme': { en: (a) => notScheme('en', a), zh: (a) => notScheme('zh', a) },
  'scheme/unknown-key': {
    en: (a) =>
      a.kind === 'misplaced'
        ? `key "${a.key}" does not belong here`
        : `unknown key "${a.key}"${a.near ? `; did you mean "${a.near}"?` : ''}`,
    zh: (a) =>
      a.kind === 'misplaced'
        ? `此处不应有键“${a.key}”`
        : `未知的键“${a.key}”${a.near ? `；是否应为“${a.near}”？` : ''}`,
  },
  'scheme/missing-key': {
    en: (a) => `missing key "${a.key}" (expected: ${WANT.en(a.want)})`,
    zh: (a) => `缺少键“${a.key}”（应为${WANT.zh(a.want)}）`,
  },
  'scheme/invalid': {
    en: (a) => {
      switch (a.kind) {
        case 'rule-type':
          return `unknown rule type ${FOUND.en(a.got)}; expected ${WANT.en(a.want)}`;
        case 'empty':
          return 'this must not be empty';
        case 'entries':
          return `the list needs at least ${a.min} ${entries(a.min)}`;
        case 'value':
          return `expected ${WANT.en(a.want)} here, not ${FOUND.en(a.got)}${HINT.en(a.hint)}`;
      }
    },
    zh: (a) => {
      switch (a.kind) {
        case 'rule-type':
          return `未知的规则类型${FOUND.zh(a.got)}；可用：${a.types.join('、')}`;
        case 'empty':
          return '此处不能为空';
        case 'entries':
          return `列表至少需要 ${a.min} 项`;
        case 'value':
          return `此处应为${WANT.zh(a.want)}，而不是${FOUND.zh(a.got)}${HINT.zh(a.hint)}`;
      }
    },
  },
};
