/**
 * Messages of reading an inspectors' adjustments file (src/data/adjustments.ts): its
 * arguments and its words in English and Chinese. Column and key names are passed as
 * written in the file (`unit`, `单位`).
 */
import type { Renderers } from './render';

/** Why a CSV cannot be read: a quote never closed, a stray quote, or the parser's own words. */
export type CsvProblem =
  { kind: 'quote'; line: number } | { kind: 'stray'; col: number } | { kind: 'other'; text: string };

/** A CSV that cannot be read as a table (data/csv, adjust/csv). */
export const CSV_TABLE: Renderers<{ x: CsvProblem }>['x'] = {
  en: (a) =>
    `not a readable CSV table: ${a.kind === 'quote' ? `a quote opened on line ${a.line} is never closed` : a.kind === 'stray' ? `a stray quote in column ${a.col}: a cell with a quote inside must be quoted as a whole, the inner quote doubled ("6""28")` : a.text}`,
  zh: (a) =>
    `无法按 CSV 表格读取：${a.kind === 'quote' ? `第 ${a.line} 行的引号没有闭合` : a.kind === 'stray' ? `第 ${a.col} 列有多余的引号：含引号的单元格须整体加引号，内部引号写两次（"6""28"）` : a.text}（检查引号是否成对）`,
};

export interface AdjustFileArgs {
  /** Not text: a CSV (or any file) in no encoding pinggu reads, or a YAML file not in UTF-8. */
  'adjust/encoding': { kind: 'csv' | 'yaml' };
  /** The CSV's error (data/csv), said for the adjustments file. */
  'adjust/csv': CsvProblem;
  /** `known`: every column's accepted names, `unit/单位`. */
  'adjust/unknown-column': { column: string; known: string[] };
  'adjust/duplicate-column': { column: string; first: number; key: string };
  /** No column for a needed key: its accepted names (and for deduct, override's). */
  'adjust/missing-column': { names: string[]; or?: string[] };
  'adjust/extra-cell': { col: number };
  /** A key the file does not know: at the top (next to `adjustments`), or in an entry. */
  'adjust/unknown-key': { kind: 'top'; key: string } | { kind: 'entry'; key: string; known: string[] };
  'adjust/not-a-list': Record<string, never>;
  'adjust/not-a-mapping': Record<string, never>;
  'adjust/duplicate-key': { key: string; first: string; field: string };
  'adjust/not-a-value': { key: string };
  /** A needed value not given: a column's (by its English and Chinese names), or neither deduct nor override. */
  'adjust/missing-value': { kind: 'field'; en: string; zh: string } | { kind: 'amount' };
  'adjust/both': Record<string, never>;
  'adjust/not-a-number': { kind: 'deduct' | 'override'; value: string };
  'adjust/negative': { value: string };
  'adjust/bad-date': { en: string; zh: string; value: string };
  'adjust/expires-before-date': { expires: string; date: string };
}

const AMOUNT = { deduct: 'deduct (扣分)', override: 'override (核定得分)' };

export const ADJUST_FILE: Renderers<AdjustFileArgs> = {
  'adjust/encoding': {
    en: (a) =>
      a.kind === 'csv'
        ? 'not text in UTF-8 or GB18030: save the adjustments as CSV (or YAML)'
        : 'the YAML file is not UTF-8 text; save it as UTF-8',
    zh: (a) =>
      a.kind === 'csv'
        ? '不是 UTF-8 或 GB18030 文本：请将核定表另存为 CSV（或 YAML）'
        : 'YAML 文件不是 UTF-8 文本；请另存为 UTF-8 编码',
  },
  'adjust/csv': CSV_TABLE,
  'adjust/unknown-column': {
    en: (a) => `unknown column "${a.column}" (known: ${a.known.join(', ')})`,
    zh: (a) => `未知的列“${a.column}”（可用：${a.known.join(', ')}）`,
  },
  'adjust/duplicate-column': {
    en: (a) => `column "${a.column}" repeats column ${a.first} (${a.key})`,
    zh: (a) => `列“${a.column}”与第 ${a.first} 列重复（${a.key}）`,
  },
  'adjust/missing-column': {
    en: (a) => `no column ${a.names.join('/')}${a.or ? ` or ${a.or.join('/')}` : ''}`,
    zh: (a) => `缺少列 ${a.names.join('/')}${a.or ? ` 或 ${a.or.join('/')}` : ''}`,
  },
  'adjust/extra-cell': {
    en: (a) => `a value in column ${a.col}, which has no header`,
    zh: (a) => `第 ${a.col} 列没有表头，却有数值`,
  },
  'adjust/unknown-key': {
    en: (a) =>
      a.kind === 'top'
        ? `unknown key "${a.key}": the file holds a list, or one key adjustments (抽查核定) with the list`
        : `unknown key "${a.key}" (known: ${a.known.join(', ')})`,
    zh: (a) =>
      a.kind === 'top'
        ? `未知的键“${a.key}”：文件应为一个列表，或只含键 adjustments（抽查核定）下的列表`
        : `未知的键“${a.key}”（可用：${a.known.join(', ')}）`,
  },
  'adjust/not-a-list': {
    en: () => 'expected a list of adjustments (- unit: …)',
    zh: () => '应为核定项的列表（- 单位: …）',
  },
  'adjust/not-a-mapping': {
    en: () => 'each adjustment is a mapping of keys (unit: …, item: …)',
    zh: () => '每个核定项应为键值对（单位: …，指标: …）',
  },
  'adjust/duplicate-key': {
    en: (a) => `key "${a.key}" repeats ${a.first} (${a.field}) given above`,
    zh: (a) => `键“${a.key}”与上面的“${a.first}”（${a.field}）重复`,
  },
  'adjust/not-a-value': {
    en: (a) => `${a.key}: expected one value, not a list or mapping`,
    zh: (a) => `${a.key}：应为单个值，而不是列表或键值对`,
  },
  'adjust/missing-value': {
    en: (a) => (a.kind === 'field' ? `no ${a.en} given` : 'no deduct or override given'),
    zh: (a) => (a.kind === 'field' ? `未填写${a.zh}` : '未填写扣分或核定得分'),
  },
  'adjust/both': {
    en: () => 'both deduct and override given: an adjustment either deducts points or sets them',
    zh: () => '同时填写了扣分和核定得分：一项核定只能扣分或直接核定得分，二者取一',
  },
  'adjust/not-a-number': {
    en: (a) => `${AMOUNT[a.kind]}: "${a.value}" is not a number`,
    zh: (a) => `${AMOUNT[a.kind]}：“${a.value}”不是数字`,
  },
  'adjust/negative': {
    en: (a) =>
      `deduct (扣分): ${a.value} is negative; write the points to take off (to give points back, use override)`,
    zh: (a) => `扣分：${a.value} 为负数；请填写扣去的分数（加回分数请用核定得分）`,
  },
  'adjust/bad-date': {
    en: (a) => `${a.en} (${a.zh}): "${a.value}" is not a date written YYYY-MM-DD (e.g. 2026-07-15)`,
    zh: (a) => `${a.zh}：“${a.value}”不是 YYYY-MM-DD 格式的日期（如 2026-07-15）`,
  },
  'adjust/expires-before-date': {
    en: (a) => `expires ${a.expires} is before the adjustment's date ${a.date}`,
    zh: (a) => `有效期至 ${a.expires} 早于核定日期 ${a.date}`,
  },
};
