/**
 * Messages of reading a dataset's rows and units (src/data: cells, rows, merged cells,
 * units across files, total rows, checks): their arguments and their words in English
 * and Chinese. Values are passed as shown (`92.5%`, `是`), columns by their headers.
 */
/** A field's type (the scheme's `Field['type']`; messages are a leaf and import no scheme). */
type FieldType = 'count' | 'number' | 'money' | 'percent' | 'boolean' | 'text' | 'score';
import { type Renderers, en, zh } from './render';

/** Why a cell is not a value of its column (`value`: the cell as written, or as shown; `limit`: the bound passed, as shown). */
export type ValueProblem =
  | { kind: 'yes-no' | 'formula' | 'not-number' | 'count'; value: string }
  | { kind: 'percent'; value: string; type: FieldType }
  | { kind: 'below' | 'above'; value: string; limit: string }
  /** A unit-type cell that is none of the scheme's types (unit_types.values). */
  | { kind: 'choice'; value: string; choices: string[] };

export interface DataUnitArgs {
  'data/text-with-values': { text: string; values: string[]; column: string };
  'data/not-a-row': { text: string };
  'data/no-name': { column: string };
  'data/extra-cells': { cells: number; width: number };
  'data/bad-period': { column: string; value: string };
  'data/bad-value': { column: string } & ValueProblem;
  /** `meant`: the value if the cell was a fraction (92.50). */
  'data/percent-fraction': { column: string; value: string; meant: string };
  /** Blank required cells of a unit; `cells`, `width` when the row ends early. */
  'data/blank': { unit: string; columns: string[]; cells?: number; width?: number };
  'data/merged-name-row': { range: string; top: number };
  /** Merged over `rows` rows, or in one row over `cols` columns; `kind: 'names'` when the merge also copies unit names down. */
  'data/merged-cells': { kind: 'names' | 'values'; range: string; columns: string[]; top: number } & (
    { rows: number } | { cols: number }
  );
  'data/total-name-unit': ({ kind: 'nothing' } | { kind: 'differs'; label: string; value: string; sum: string }) & {
    name: string;
    level: string;
  };
  'data/total-by-name': { name: string; level: string };
  'data/duplicate-unit': { name: string; first: number };
  'data/conflict': { unit: string; label: string; value: string; other: string; file: string; line: number };
  'data/no-parent': { name: string; level: string; count: number; column: string };
  'data/total-row': { kind: 'top'; name: string } | { kind: 'unmatched'; name: string; level: string };
  'data/total-unchecked': { name: string; dropped: number };
  /** A total row (or a unit's own row) that is not the sum of the rows (units) below. */
  'data/total-mismatch': {
    kind: 'row' | 'unit';
    name: string;
    label: string;
    value: string;
    count: number;
    sum: string;
    diff: string;
  };
  'data/total-not-summed': { name: string; labels: string[]; level: string };
  'data/total-ok': { name: string; rows: number; fields: number };
  'data/same-name': { name: string; code: string; other: string };
  'data/missing-unit': { name: string; file: string; line: number };
  'data/unit-without-row': { level: string; name: string; files: string[] };
  /** A data check of the scheme that fails (`values`: label=value); for an error, its fields are invalid. */
  'data/check': { kind: 'error' | 'warning'; unit: string; check: string; values: string[] };
  /** Why a field is invalid at a unit: a data check fails. */
  'reason/check-fails': { check: string };
  'data/no-units': { level: string; column: string };
  /** No column for required fields: for none of a level's `count` (the first labels), or for one field. */
  'data/missing-column':
    | { kind: 'level'; level: string; count: number; labels: string[] }
    | { kind: 'field'; label: string; aliases: string[]; field: string };
}

const TYPE_ZH: Record<FieldType, string> = {
  count: '人数/个数',
  number: '数值',
  money: '金额',
  percent: '百分比',
  boolean: '是/否',
  text: '文本',
  score: '分值',
};

/** What is wrong with a cell, in both languages. */
const PROBLEM = {
  en: (a: ValueProblem): string => {
    switch (a.kind) {
      case 'yes-no':
        return `"${a.value}" is not a yes/no value (是/否, 有/无, 1/0)`;
      case 'formula':
        return `"${a.value}" is a spreadsheet formula, not a value: paste values only`;
      case 'not-number':
        return `"${a.value}" is not a number`;
      case 'percent':
        return `"${a.value}" is a percentage but the column is a ${a.type}`;
      case 'count':
        return `"${a.value}" is not a count (a whole number ≥ 0)`;
      case 'below':
        return `${a.value} is below the lowest valid value ${a.limit}`;
      case 'above':
        return `${a.value} is above the highest valid value ${a.limit}`;
      case 'choice':
        return `"${a.value}" is not a unit type of the scheme; write one of ${a.choices.join(', ')}`;
    }
  },
  zh: (a: ValueProblem): string => {
    switch (a.kind) {
      case 'yes-no':
        return `“${a.value}”不是是/否值（是/否、有/无、1/0）`;
      case 'formula':
        return `“${a.value}”是电子表格公式而不是数值：请“选择性粘贴—数值”`;
      case 'not-number':
        return `“${a.value}”不是数字`;
      case 'percent':
        return `“${a.value}”是百分数，但该列应为${TYPE_ZH[a.type]}`;
      case 'count':
        return `“${a.value}”不是人数/个数（应为不小于0的整数）`;
      case 'below':
        return `${a.value} 低于最小允许值 ${a.limit}`;
      case 'above':
        return `${a.value} 高于最大允许值 ${a.limit}`;
      case 'choice':
        return `“${a.value}”不是方案中的单位类型，应填写：${a.choices.join('、')}`;
    }
  },
};

/** A cell's problem in one language (for a caller that has no column to name). */
export const valueProblem = PROBLEM;

export const DATA_UNITS: Renderers<DataUnitArgs> = {
  'data/text-with-values': {
    en: (a) =>
      `"${a.text}" starts like a note or sign-off but has values (${en(a.values)}); the row is not used: put the unit's name in column "${a.column}", or remove the values`,
    zh: (a) =>
      `“${a.text}”像备注或签名行，却有数值（${zh(a.values)}）；该行未使用：请在“${a.column}”列填写单位名称，或删去数值`,
  },
  'data/not-a-row': {
    en: (a) => `line is not a data row and was skipped: "${a.text}"`,
    zh: (a) => `该行不是数据行，已跳过：“${a.text}”`,
  },
  'data/no-name': {
    en: (a) => `row has values but no unit name in column "${a.column}"; the row is not used`,
    zh: (a) => `该行有数据但“${a.column}”列为空；该行未使用`,
  },
  'data/extra-cells': {
    en: (a) =>
      `row has ${a.cells} cells but the header has ${a.width}: values are shifted (a number such as 22,630 written without quotes?); the row is not used`,
    zh: (a) => `该行有 ${a.cells} 个单元格，而表头只有 ${a.width} 列：数值错位（如 22,630 未加引号？）；该行未使用`,
  },
  'data/bad-period': {
    en: (a) =>
      `${a.column}: "${a.value}" is not a period (YYYY-MM such as 2026-09, or YYYYhN such as 2026h1); the row is not used`,
    zh: (a) => `${a.column}：“${a.value}”不是期间（应为 YYYY-MM，如 2026-09；或 YYYYhN，如 2026h1）；该行未使用`,
  },
  'data/bad-value': {
    en: (a) => `${a.column}: ${PROBLEM.en(a)}`,
    zh: (a) => `${a.column}：${PROBLEM.zh(a)}`,
  },
  'data/percent-fraction': {
    en: (a) =>
      `${a.column}: "${a.value}" is read as ${a.value}%; if it means ${a.meant}%, write that (with or without %)`,
    zh: (a) => `${a.column}：“${a.value}”按 ${a.value}% 读取；如果实际是 ${a.meant}%，请照此填写（带不带 % 均可）`,
  },
  'data/blank': {
    en: (a) =>
      `${a.unit}: no value for ${en(a.columns)}${a.cells !== undefined ? ` (the row ends after ${a.cells} of ${a.width} cells)` : ''}; items using ${a.columns.length === 1 ? 'it' : 'them'} score 0 as missing data`,
    zh: (a) =>
      `${a.unit}：${zh(a.columns)} 无数值${a.cells !== undefined ? `（该行只有 ${a.cells} 个单元格，表头有 ${a.width} 列）` : ''}；使用这些字段的指标按缺数据记 0 分`,
  },
  'data/merged-name-row': {
    en: (a) => `not used: its name is a copy of the merged cell ${a.range} (line ${a.top}), not a name of its own`,
    zh: (a) => `未使用：其名称是合并单元格 ${a.range}（第 ${a.top} 行）的副本，不是本行自己的名称`,
  },
  'data/merged-cells': {
    en: (a) =>
      `cells ${a.range} (${a.columns.filter(Boolean).join(', ')}) are ${'rows' in a ? `merged over ${a.rows} rows` : `merged across ${a.cols} columns of one row`}: one value cannot stand for several cells, so none of them is used; unmerge the cells and fill in each one${a.kind === 'names' ? `; the rows below line ${a.top} have no name of their own and are not used` : ''}`,
    zh: (a) =>
      `单元格 ${a.range}（${a.columns.filter(Boolean).join('、')}）${'rows' in a ? `跨 ${a.rows} 行合并` : `在一行内跨 ${a.cols} 列合并`}：一个数值不能代表多个单元格，这些单元格都未使用；请取消合并，逐格填写${a.kind === 'names' ? `；第 ${a.top} 行以下各行没有自己的名称，未使用` : ''}`,
  },
  'data/total-name-unit': {
    en: (a) =>
      `"${a.name}" looks like a total row, but ${a.kind === 'nothing' ? 'it has no value that can be compared with the sums of the other rows' : `its values are not the sums of the other rows (${a.label} ${a.value}; the other rows add up to ${a.sum})`}: it is read as a ${a.level}`,
    zh: (a) =>
      `“${a.name}”看似合计行，但${a.kind === 'nothing' ? '它没有可与其他各行之和核对的数值' : `其数值不是其他各行之和（${a.label} 为 ${a.value}，其他各行之和为 ${a.sum}）`}：按${a.level}读取`,
  },
  'data/total-by-name': {
    en: (a) => `row "${a.name}" is named after the ${a.level} and is read as its total row`,
    zh: (a) => `“${a.name}”行与上级${a.level}同名，按合计行读取`,
  },
  'data/duplicate-unit': {
    en: (a) => `"${a.name}" appears again (first at line ${a.first}); this row is not used`,
    zh: (a) => `“${a.name}”重复出现（首次在第 ${a.first} 行）；该行未使用`,
  },
  'data/conflict': {
    en: (a) =>
      `${a.unit}: ${a.label} is ${a.value} here but ${a.other} in ${a.file}:${a.line}; ${a.other} (${a.file}:${a.line}) is used, not this value`,
    zh: (a) =>
      `${a.unit}：${a.label} 此处为 ${a.value}，而 ${a.file}:${a.line} 为 ${a.other}；采用 ${a.other}（${a.file}:${a.line}），此处的值未使用`,
  },
  'data/no-parent': {
    en: (a) => `"${a.name}" names no ${a.level} but the data has ${a.count}; add a ${a.column} column`,
    zh: (a) => `“${a.name}”未注明所属${a.level}，而数据中有 ${a.count} 个；请增加“${a.column}”列`,
  },
  'data/total-row': {
    en: (a) =>
      a.kind === 'top'
        ? `total row "${a.name}" has no level above it to describe; not used`
        : `total row "${a.name}" cannot be matched to one ${a.level}; not used`,
    zh: (a) =>
      a.kind === 'top'
        ? `合计行“${a.name}”没有上级单位可对应；未使用`
        : `合计行“${a.name}”无法对应到某个${a.level}；未使用`,
  },
  'data/total-unchecked': {
    en: (a) =>
      `total row "${a.name}" is not compared with the rows above: ${a.dropped} row${a.dropped === 1 ? ' was' : 's were'} not used (see the errors)`,
    zh: (a) => `合计行“${a.name}”未与上方各行核对：有 ${a.dropped} 行未使用（见错误）`,
  },
  'data/total-mismatch': {
    en: (a) =>
      a.kind === 'row'
        ? `total row "${a.name}": ${a.label} is ${a.value} but the ${a.count} rows above add up to ${a.sum} (difference ${a.diff}); the sum is used`
        : `${a.name}: ${a.label} is ${a.value} on its own row but its ${a.count} units add up to ${a.sum} (difference ${a.diff}); the sum is used`,
    zh: (a) =>
      a.kind === 'row'
        ? `合计行“${a.name}”：${a.label} 为 ${a.value}，但上方 ${a.count} 行合计为 ${a.sum}（相差 ${a.diff}）；采用各行之和`
        : `${a.name}：${a.label} 本行为 ${a.value}，但下属 ${a.count} 个单位合计为 ${a.sum}（相差 ${a.diff}）；采用合计`,
  },
  'data/total-not-summed': {
    en: (a) =>
      `total row "${a.name}": ${en(a.labels)} cannot be added up over the ${a.level} rows, so ${a.labels.length === 1 ? 'it is' : 'they are'} neither checked nor used (only the ${a.level} rows' own values are)`,
    zh: (a) =>
      `合计行“${a.name}”：${zh(a.labels)} 不能按各${a.level}相加，未核对也未使用（只使用各${a.level}行自己的数值）`,
  },
  'data/total-ok': {
    en: (a) => `total row "${a.name}" agrees with the sum of the ${a.rows} rows above on all ${a.fields} fields`,
    zh: (a) => `合计行“${a.name}”的 ${a.fields} 个字段均与上方 ${a.rows} 行之和一致`,
  },
  'data/same-name': {
    en: (a) =>
      `"${a.name}" appears with two codes, ${a.code} and ${a.other}; they are read as two units — is one code mistyped?`,
    zh: (a) => `“${a.name}”出现两个代码 ${a.code} 和 ${a.other}，按两个单位读取；是否有一个代码填错？`,
  },
  'data/missing-unit': {
    en: (a) => `"${a.name}" is in ${a.file}:${a.line} but not in this file; its fields from here are missing`,
    zh: (a) => `“${a.name}”在 ${a.file}:${a.line} 中有，本文件中却没有；本文件的字段对它缺数据`,
  },
  'data/unit-without-row': {
    en: (a) =>
      `${a.level} "${a.name}" is named here but has no row of its own in ${en(a.files)}: its ${a.level} fields are missing`,
    zh: (a) => `${a.level}“${a.name}”在此被提及，但 ${zh(a.files)} 中没有它自己的行：其${a.level}级字段缺数据`,
  },
  'data/check': {
    en: (a) =>
      `${a.unit}: check "${a.check}" fails (${en(a.values)})${a.kind === 'error' ? '; items using these fields are invalid for this unit' : ''}`,
    zh: (a) =>
      `${a.unit}：数据检查“${a.check}”未通过（${en(a.values)}）${a.kind === 'error' ? '；使用这些字段的指标对该单位记为数据无效' : ''}`,
  },
  'reason/check-fails': {
    en: (a) => `check "${a.check}" fails`,
    zh: (a) => `数据检查“${a.check}”未通过`,
  },
  'data/no-units': {
    en: (a) =>
      `no ${a.level} rows in any file: a sheet with a "${a.column}" column and one row per ${a.level} is needed`,
    zh: (a) => `所有文件中都没有${a.level}数据行：需要一张带“${a.column}”列、每个${a.level}一行的表`,
  },
  'data/missing-column': {
    en: (a) =>
      a.kind === 'level'
        ? `none of the ${a.count} ${a.level} fields has a column (${en(a.labels)}, …): is the ${a.level} sheet missing? (pinggu template writes one)`
        : `no column "${a.label}"${a.aliases.length ? ` (also accepted: ${en(a.aliases)})` : ''} in any file (field ${a.field})`,
    zh: (a) =>
      a.kind === 'level'
        ? `${a.count} 个${a.level}级字段都没有对应的列（${zh(a.labels)}……）：是否缺少${a.level}级数据表？（可用 pinggu template 生成）`
        : `所有文件中都没有“${a.label}”列${a.aliases.length ? `（也可写作：${zh(a.aliases)}）` : ''}（字段 ${a.field}）`,
  },
};
