/**
 * Messages of the size limits on what pinggu reads (src/limits.ts, checked in
 * src/data and src/cli): what passed which limit, and the option that raises it.
 */
import { bytesText, count } from '../limits';
import type { Renderers } from './render';

export interface LimitArgs {
  /** A file over its byte limit (`what`: a data or a scheme file), or a workbook unpacking to more (at `entry` when stopped there). */
  'limit/file-size':
    | { kind: 'file'; what: 'data'; size: number; limit: number }
    | { kind: 'unpacks'; size: number; limit: number; entry?: string };
  'limit/scheme-size': { kind: 'file'; what: 'scheme'; size: number; limit: number };
  /** Over the rows limit: a text file's lines, a sheet's declared or actual rows, a merged range's bottom row. */
  'limit/rows':
    | { kind: 'text'; max: number; line: number }
    | { kind: 'declared'; sheet: string; rows: number; ref: string; max: number }
    | { kind: 'sheet'; sheet: string; max: number; row: number }
    | { kind: 'merge'; sheet: string; ref: string; bottom: number; max: number };
  /** Over the cells limit: passed by a merged range (of `area` cells) or at a row. */
  'limit/cells':
    | { kind: 'merge'; sheet: string; ref: string; area: number; max: number }
    | { kind: 'row'; sheet: string; row: number; max: number };
}

const KIND = { data: { en: 'data file', zh: '数据文件' }, scheme: { en: 'scheme file', zh: '方案文件' } };

/** The advice every limit ends with. */
const raise = (option: string) => ({
  en: (what: string) => `${what}; if the file is right, raise the limit with --limit ${option}=…`,
  zh: (what: string) => `${what}；如文件无误，可用 --limit ${option}=… 提高上限`,
});

function fileSize(
  option: string,
): Renderers<{ x: LimitArgs['limit/file-size'] | LimitArgs['limit/scheme-size'] }>['x'] {
  const r = raise(option);
  return {
    en: (a) =>
      r.en(
        a.kind === 'file'
          ? `the ${KIND[a.what].en} is ${bytesText(a.size)}, over the limit of ${bytesText(a.limit)} for a ${KIND[a.what].en}`
          : `the workbook unpacks to ${a.entry ? 'more than ' : ''}${bytesText(a.size)}${a.entry ? ` (at ${a.entry})` : ''}, over the limit of ${bytesText(a.limit)} for a data file`,
      ),
    zh: (a) =>
      r.zh(
        a.kind === 'file'
          ? `${KIND[a.what].zh}大小为 ${bytesText(a.size)}，超过${KIND[a.what].zh}的上限 ${bytesText(a.limit)}`
          : `工作簿解压后${a.entry ? '超过' : '为'} ${bytesText(a.size)}${a.entry ? `（在 ${a.entry}）` : ''}，超过数据文件的上限 ${bytesText(a.limit)}`,
      ),
  };
}

const rows = raise('rows');
const cells = raise('cells');

export const LIMITS: Renderers<LimitArgs> = {
  'limit/file-size': fileSize('file-size'),
  'limit/scheme-size': fileSize('scheme-size'),
  'limit/rows': {
    en: (a) => {
      switch (a.kind) {
        case 'text':
          return rows.en(
            `the file has more than ${count(a.max)} lines, the limit of rows per file (line ${count(a.line)} is one too many)`,
          );
        case 'declared':
          return rows.en(
            `sheet "${a.sheet}" declares ${count(a.rows)} rows (${a.ref}), over the limit of ${count(a.max)} rows per sheet`,
          );
        case 'sheet':
          return rows.en(
            `sheet "${a.sheet}" has more than ${count(a.max)} rows, the limit of rows per sheet (row ${count(a.row)} is one too many)`,
          );
        case 'merge':
          return rows.en(
            `the merged range ${a.ref} in sheet "${a.sheet}" reaches row ${count(a.bottom)}, over the limit of ${count(a.max)} rows per sheet`,
          );
      }
    },
    zh: (a) => {
      switch (a.kind) {
        case 'text':
          return rows.zh(`文件超过 ${count(a.max)} 行，即每个文件的行数上限（第 ${count(a.line)} 行超出）`);
        case 'declared':
          return rows.zh(
            `工作表“${a.sheet}”声明有 ${count(a.rows)} 行（${a.ref}），超过每个工作表 ${count(a.max)} 行的上限`,
          );
        case 'sheet':
          return rows.zh(
            `工作表“${a.sheet}”超过 ${count(a.max)} 行，即每个工作表的行数上限（第 ${count(a.row)} 行超出）`,
          );
        case 'merge':
          return rows.zh(
            `工作表“${a.sheet}”中的合并区域 ${a.ref} 延伸到第 ${count(a.bottom)} 行，超过每个工作表 ${count(a.max)} 行的上限`,
          );
      }
    },
  },
  'limit/cells': {
    en: (a) =>
      cells.en(
        a.kind === 'merge'
          ? `the workbook has more than ${count(a.max)} cells, the limit of cells per workbook (passed in sheet "${a.sheet}" by the merged range ${a.ref}, ${count(a.area)} cells)`
          : `the workbook has more than ${count(a.max)} cells, the limit of cells per workbook (passed in sheet "${a.sheet}" at row ${count(a.row)})`,
      ),
    zh: (a) =>
      cells.zh(
        a.kind === 'merge'
          ? `工作簿超过 ${count(a.max)} 个单元格，即每个工作簿的单元格上限（在工作表“${a.sheet}”由合并区域 ${a.ref}（${count(a.area)} 个单元格）超出）`
          : `工作簿超过 ${count(a.max)} 个单元格，即每个工作簿的单元格上限（在工作表“${a.sheet}”第 ${count(a.row)} 行超出）`,
      ),
  },
};
