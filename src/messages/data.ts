/**
 * Messages of reading data files (src/data): their arguments and their words in
 * English and Chinese. Reading a sheet here; the whole dataset (units across files,
 * total rows) in `./data-units.ts`, the adjustments file in `./adjust-file.ts`, the
 * size limits in `./limits.ts`.
 */
import { ADJUST_FILE, CSV_TABLE, type AdjustFileArgs, type CsvProblem } from './adjust-file';
import { DATA_UNITS, type DataUnitArgs } from './data-units';
import { LIMITS, type LimitArgs } from './limits';
import type { Renderers } from './render';

/** Why a file is not a workbook pinggu reads: `detail` is the reader's own words (or: the file is empty, it has no worksheets). */
export type NotWorkbook =
  | { kind: 'xls' }
  | { kind: 'unreadable'; detail: string }
  | { kind: 'no-exceljs'; detail: string }
  | { kind: 'sheet'; sheet: string; detail: string };

export interface DataArgs extends AdjustFileArgs, LimitArgs, DataUnitArgs {
  'data/csv': CsvProblem;
  /** Not text: in the encoding given with --encoding (`other`: the one to try), or in none pinggu detects. */
  'data/encoding': { kind: 'given'; encoding: string; other: string } | { kind: 'detected' };
  'data/empty': Record<string, never>;
  /** `labels`: each level's unit-name labels (`乡镇/乡镇名称`); with --header-row, the line given. */
  'data/no-header':
    { kind: 'given'; line: number; labels: string[] } | { kind: 'searched'; rows: number; labels: string[] };
  'data/skipped-preamble': { text: string };
  'data/row-above-header': { header: number; text: string };
  'data/row-in-header': { top: number; header: number; text: string };
  'data/two-level-header': { top: number; header: number; example: string };
  'data/no-fields': Record<string, never>;
  'data/second-table': { title: string; rows: number };
  'data/repeated-header': { kind: 'same' | 'other'; first: number };
  'data/second-table-row': { header: number };
  'data/sheet-skipped': Record<string, never>;
  'data/xlsx': NotWorkbook;
  'data/no-sheet': { sheet: string; sheets: string[] };
  /**
   * A file named .xls: an Excel 97–2003 workbook (`binary`, not read), or something else
   * under that name (an .xlsx, a web page, a text file); `beside`: skipped in a folder
   * that has the same name as .xlsx or CSV.
   */
  'data/xls': { kind: 'binary' | 'zip' | 'html' | 'text' } | { kind: 'beside'; other: string };
  /** An Excel/WPS (`~$报表.xlsx`) or LibreOffice (`.~lock.报表.xlsx#`) lock file: skipped in a folder or pattern, an error when named. */
  'data/lock-file': { kind: 'skipped' | 'named' };
  /** Without --sheet, several sheets of one workbook with a header of one level (乡镇 and 上月乡镇). */
  'data/sheets-alike': { sheets: string[]; level: string };
  'data/duplicate-header': { column: string; field: string; first: number };
  'data/unknown-header': { column: string };
}

export const DATA: Renderers<DataArgs> = {
  ...ADJUST_FILE,
  ...LIMITS,
  ...DATA_UNITS,
  'data/csv': CSV_TABLE,
  'data/encoding': {
    en: (a) =>
      a.kind === 'given'
        ? `the file is not valid ${a.encoding} text; leave out --encoding to detect it, or try ${a.other}`
        : 'the file is not text in UTF-8 or GB18030: is it a workbook or another binary file? Open it in Excel or WPS and save it as CSV or .xlsx (renaming it is not enough)',
    zh: (a) =>
      a.kind === 'given'
        ? `文件不是有效的 ${a.encoding} 文本；请去掉 --encoding 让程序自动识别，或改用 ${a.other}`
        : '文件不是 UTF-8 或 GB18030 文本：是否是工作簿或其他二进制文件？请用 Excel 或 WPS 打开，另存为 CSV 或 .xlsx（只改扩展名不行）',
  },
  'data/empty': {
    en: () => 'the file has no rows',
    zh: () => '文件没有任何数据行',
  },
  'data/no-header': {
    en: (a) =>
      a.kind === 'given'
        ? `--header-row ${a.line}: that line is not a header row with a column naming the units (${a.labels.join('; ')})`
        : `no header row found: expected a column naming the units (${a.labels.join('; ')}) in the first ${a.rows} rows`,
    zh: (a) =>
      a.kind === 'given'
        ? `--header-row ${a.line}：该行不是带单位名称列（${a.labels.join('; ')}）的表头行`
        : `未找到表头行：前 ${a.rows} 行中应有单位名称列（${a.labels.join('; ')}）`,
  },
  'data/skipped-preamble': {
    en: (a) => `skipped line above the header: "${a.text}"`,
    zh: (a) => `跳过表头上方的行：“${a.text}”`,
  },
  'data/row-above-header': {
    en: (a) => `a data row above the header (line ${a.header}): "${a.text}"; it is not used: move it below the header`,
    zh: (a) => `数据行在表头（第 ${a.header} 行）之上：“${a.text}”；该行未使用，请把它移到表头之下`,
  },
  'data/row-in-header': {
    en: (a) =>
      `a data row between the two header rows (lines ${a.top} and ${a.header}): "${a.text}"; it is not used: move it below the header`,
    zh: (a) => `数据行夹在两行表头（第 ${a.top}、${a.header} 行）之间：“${a.text}”；该行未使用，请把它移到表头之下`,
  },
  'data/two-level-header': {
    en: (a) => `two header rows (lines ${a.top}–${a.header}) read as combined names such as "${a.example}"`,
    zh: (a) => `两行表头（第 ${a.top}–${a.header} 行）按组合列名读取，例如“${a.example}”`,
  },
  'data/no-fields': {
    en: () => 'no column of this file matches a field of the scheme: only unit names are read from it',
    zh: () => '本文件没有任何列对应方案中的字段：只读取了单位名称',
  },
  'data/second-table': {
    en: (a) =>
      `a header of another table (${a.title}) inside the data: the ${a.rows} row${a.rows === 1 ? '' : 's'} below it ${a.rows === 1 ? 'is' : 'are'} not used; put that table in a file or sheet of its own`,
    zh: (a) => `数据中出现另一张表（${a.title}）的表头：其下 ${a.rows} 行未使用；请把那张表放在单独的文件或工作表中`,
  },
  'data/repeated-header': {
    en: (a) =>
      a.kind === 'same'
        ? `the header is repeated here (first at line ${a.first}): an Excel sort or a second block pasted below? This line is skipped; the rows below it are read`
        : `a second header (the first is at line ${a.first}) with other columns: the rows below it are read with this one`,
    zh: (a) =>
      a.kind === 'same'
        ? `表头在此重复出现（首次在第 ${a.first} 行）：是否经过 Excel 排序，或在下方粘贴了第二块数据？本行已跳过，其下各行照常读取`
        : `出现第二个表头（第一个在第 ${a.first} 行），列不相同：其下各行按这个表头读取`,
  },
  'data/second-table-row': {
    en: (a) => `not used: a row of the other table (header at line ${a.header})`,
    zh: (a) => `未使用：属于另一张表（表头在第 ${a.header} 行）`,
  },
  'data/sheet-skipped': {
    en: () => 'this sheet has no header row of the scheme and was not read',
    zh: () => '该工作表没有本方案的表头行，未读取',
  },
  'data/xlsx': {
    en: (a) => {
      switch (a.kind) {
        case 'xls':
          return 'not an .xlsx workbook: this is an Excel 97–2003 (.xls) file or a password-protected workbook; open it in Excel or WPS and save it as .xlsx (without a password) or as CSV';
        case 'unreadable':
          return `not a readable .xlsx workbook (${a.detail}); if it is really a CSV or text file, give it a .csv name, otherwise save it again from Excel or WPS as .xlsx`;
        case 'no-exceljs':
          return `cannot read .xlsx files: the exceljs module did not load (${a.detail}); reinstall pinggu, or save the sheet as CSV`;
        case 'sheet':
          return `the sheet "${a.sheet}" could not be read (${a.detail})`;
      }
    },
    zh: (a) => {
      switch (a.kind) {
        case 'xls':
          return '不是 .xlsx 工作簿：这是 Excel 97–2003（.xls）文件或设了密码的工作簿；请用 Excel 或 WPS 打开，另存为 .xlsx（不设密码）或 CSV';
        case 'unreadable':
          return `无法按 .xlsx 工作簿读取（${a.detail}）；如果它其实是 CSV 或文本文件，请把扩展名改为 .csv，否则请用 Excel 或 WPS 重新另存为 .xlsx`;
        case 'no-exceljs':
          return `无法读取 .xlsx 文件：exceljs 模块未能加载（${a.detail}）；请重新安装 pinggu，或将表格另存为 CSV`;
        case 'sheet':
          return `无法读取工作表“${a.sheet}”（${a.detail}）`;
      }
    },
  },
  'data/no-sheet': {
    en: (a) =>
      `the workbook has no sheet named "${a.sheet}"; its sheets are ${a.sheets.map((s) => `"${s}"`).join(', ')}`,
    zh: (a) => `工作簿中没有名为“${a.sheet}”的工作表；现有工作表：${a.sheets.map((s) => `“${s}”`).join('、')}`,
  },
  'data/xls': {
    en: (a) => {
      switch (a.kind) {
        case 'binary':
          return 'an Excel 97–2003 workbook (.xls), which pinggu does not read; open it in Excel or WPS and save it as .xlsx or CSV (Excel: File → Save As → Excel Workbook (*.xlsx); WPS: File → Save As → .xlsx). Renaming the file is not enough';
        case 'zip':
          return 'named .xls, but it is an .xlsx workbook; rename it to .xlsx';
        case 'html':
          return 'named .xls, but it is a web page (an HTML table, as some systems export "Excel" files); open it in Excel or WPS and save it as .xlsx or CSV';
        case 'text':
          return 'named .xls, but it is a text (CSV) file; rename it to .csv';
        case 'beside':
          return `not read: an Excel 97–2003 workbook (.xls); ${a.other} beside it is read instead`;
      }
    },
    zh: (a) => {
      switch (a.kind) {
        case 'binary':
          return '这是 Excel 97–2003 工作簿（.xls），本程序不读取；请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV（Excel：文件 → 另存为 → Excel 工作簿 (*.xlsx)；WPS：文件 → 另存为 → .xlsx）。只改扩展名不行';
        case 'zip':
          return '扩展名是 .xls，内容却是 .xlsx 工作簿；请把扩展名改为 .xlsx';
        case 'html':
          return '扩展名是 .xls，内容却是网页（HTML 表格，一些系统导出的“Excel”即是如此）；请用 Excel 或 WPS 打开，另存为 .xlsx 或 CSV';
        case 'text':
          return '扩展名是 .xls，内容却是文本（CSV）文件；请把扩展名改为 .csv';
        case 'beside':
          return `未读取：Excel 97–2003 工作簿（.xls）；改为读取同名的 ${a.other}`;
      }
    },
  },
  'data/lock-file': {
    en: (a) =>
      a.kind === 'skipped'
        ? 'skipped: a lock file that Excel, WPS or LibreOffice keeps while a workbook is open, not data'
        : 'a lock file that Excel, WPS or LibreOffice keeps while a workbook is open, not data; name the workbook itself (without ~$ or .~lock.)',
    zh: (a) =>
      a.kind === 'skipped'
        ? '已跳过：Excel、WPS 或 LibreOffice 打开工作簿时生成的锁定文件，不是数据'
        : '这是 Excel、WPS 或 LibreOffice 打开工作簿时生成的锁定文件，不是数据；请指定工作簿本身（名称中没有 ~$ 或 .~lock.）',
  },
  'data/sheets-alike': {
    en: (a) =>
      `${a.sheets.length} sheets of this workbook have a ${a.level} header (${a.sheets.map((s) => `"${s}"`).join(', ')}), so none was read; name the one to score with --sheet NAME (for example --sheet ${a.sheets[0]})`,
    zh: (a) =>
      `本工作簿有 ${a.sheets.length} 个工作表带${a.level}表头（${a.sheets.map((s) => `“${s}”`).join('、')}），均未读取；请用 --sheet 指定要评分的工作表（例如 --sheet ${a.sheets[0]}）`,
  },
  'data/duplicate-header': {
    en: (a) => `column "${a.column}" repeats field ${a.field} (already column ${a.first}); this column is not used`,
    zh: (a) => `列“${a.column}”与第 ${a.first} 列是同一字段 ${a.field}；本列不使用`,
  },
  'data/unknown-header': {
    en: (a) => `column "${a.column}" matches no field of the scheme and is not used`,
    zh: (a) => `列“${a.column}”不对应方案中的任何字段，未使用`,
  },
};
