/** Messages of reading earlier reports for trend and compare (src/trend): their arguments and their words in English and Chinese. */
import type { Msg } from '../diagnostics';
import type { Renderers } from './render';

/** The kind of JSON value a report's key should hold. */
export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'integer' | 'boolean';

/**
 * Why a file is not a report pinggu can read back: its JSON does not parse (`why`, the
 * parser's words), or a value at `where` (a JSON path) is missing or not what it should be.
 */
export type NotAReport =
  | { kind: 'json'; why: string }
  | { kind: 'utf8' }
  | { kind: 'missing'; where: string; expected: JsonKind }
  /** `actual`: what the value is (null, an array, string…, as JavaScript names it). */
  | { kind: 'wrong-type'; where: string; expected: JsonKind; actual: string }
  | { kind: 'period'; period: string }
  | { kind: 'status'; status: string }
  | { kind: 'no-version' }
  /** The version and the kind as written in the JSON (quoted when strings). */
  | { kind: 'version'; version: string; known: number[] }
  | { kind: 'report-kind'; reportKind: string };

export interface TrendArgs {
  'trend/not-a-report': NotAReport;
  /** A report that cannot be read: the system's code (ENOENT, EISDIR, …) or the error's text. */
  'trend/unreadable': { errno: string };
  'trend/too-large': { mb: number };
}

const KINDS: Record<JsonKind, Msg> = {
  object: { en: 'an object', zh: '对象' },
  array: { en: 'an array', zh: '数组' },
  string: { en: 'a string', zh: '字符串' },
  number: { en: 'a number', zh: '数值' },
  integer: { en: 'a whole number', zh: '整数' },
  boolean: { en: 'true or false', zh: 'true 或 false' },
};

const why = (a: NotAReport): Msg => {
  switch (a.kind) {
    case 'json':
      return { en: `invalid JSON (${a.why})`, zh: `JSON 格式错误（${a.why}）` };
    case 'utf8':
      return { en: 'not UTF-8 text', zh: '不是 UTF-8 文本' };
    case 'missing':
      return {
        en: `${a.where} is missing (${KINDS[a.expected].en} expected)`,
        zh: `缺少 ${a.where}（应为${KINDS[a.expected].zh}）`,
      };
    case 'wrong-type':
      return {
        en: `${a.where || 'the document'} should be ${KINDS[a.expected].en}, not ${a.actual}`,
        zh: `${a.where || '文档'}应为${KINDS[a.expected].zh}，而不是 ${a.actual}`,
      };
    case 'period':
      return {
        en: `period "${a.period}" is neither YYYY-MM nor YYYYhN`,
        zh: `期间“${a.period}”既不是 YYYY-MM 也不是 YYYYhN`,
      };
    case 'status':
      return { en: `unknown status "${a.status}"`, zh: `未知状态“${a.status}”` };
    case 'no-version':
      return { en: 'no "schemaVersion" key', zh: '没有“schemaVersion”键' };
    case 'version':
      return {
        en: `schemaVersion ${a.version} is not one this pinggu reads (${a.known.join(', ')})`,
        zh: `schemaVersion ${a.version} 不是本版 pinggu 能读的版本（${a.known.join('、')}）`,
      };
    case 'report-kind':
      return { en: `kind ${a.reportKind} is not "batch"`, zh: `kind ${a.reportKind} 不是“batch”` };
  }
};

const UNREADABLE: Record<string, Msg> = {
  ENOENT: { en: 'no such file', zh: '文件不存在' },
  EISDIR: { en: 'it is a folder, not a report', zh: '这是文件夹，不是报告' },
};
const unreadable = (c: string): Msg => (Object.hasOwn(UNREADABLE, c) ? UNREADABLE[c]! : { en: c, zh: c });

export const TREND: Renderers<TrendArgs> = {
  'trend/not-a-report': {
    en: (a) => `not a pinggu report: ${why(a).en}`,
    zh: (a) => `不是 pinggu 报告：${why(a).zh}`,
  },
  'trend/unreadable': {
    en: (a) => `cannot read the report: ${unreadable(a.errno).en}`,
    zh: (a) => `无法读取报告：${unreadable(a.errno).zh}`,
  },
  'trend/too-large': {
    en: (a) => `the report is too large to read back (${a.mb} MB); compare reports of fewer units`,
    zh: (a) => `报告过大，无法读回（${a.mb} MB）；请对比单位较少的报告`,
  },
};
