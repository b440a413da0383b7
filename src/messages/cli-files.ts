/**
 * Messages of the command line about files and folders: what it cannot find, read or
 * write (src/cli), with their arguments and their words in English and Chinese.
 */
import type { Msg } from '../diagnostics';
import type { Renderers } from './render';

export interface CliFileArgs {
  /** A file that could not be read: the system's code (EACCES…). */
  'scheme/unreadable': { errno: string };
  'data/unreadable': { errno: string };
  'adjust/unreadable': { errno: string };
  'units/unreadable': { errno: string };
  /**
   * A write that failed: to a file or to standard output, with the cause (the system's
   * code, ENOSPC…, or the error's own text); or how many more files failed.
   */
  'output/write-failed': { kind: 'file' | 'stdout'; cause: string } | { kind: 'more'; count: number };
  'data/link-visited': { target: string };
  'data/link-same-file': { first: string };
  'batch/no-units': Record<string, never>;
  'batch/duplicate-unit': { unit: string; period: string; source: string };
  /** The units file of `template --units`: a row that cannot be read. */
  'units/bad-row':
    | { kind: 'encoding'; encoding: string }
    | { kind: 'no-header'; level: string; labels: string[]; rows: number }
    | { kind: 'no-name'; level: string; header: string }
    | { kind: 'twice'; name: string; first: number }
    | { kind: 'empty'; level: string };
  /** A line of a units file that is not a unit: above the header, or a total or sign-off. */
  'units/skipped': { kind: 'preamble'; text: string } | { kind: 'not-a-unit'; level: string; text: string };
  'cli/no-data': Record<string, never>;
  'cli/no-such-path': { path: string };
  'cli/no-such-file': { flag: string; file: string };
  'cli/nothing-matches': { pattern: string };
  'cli/folder-no-data': { folder: string };
  'cli/folder-no-csv': { folder: string };
  'cli/folder-only-subfolders': { folder: string; subfolders: string[]; example: string };
  'cli/no-data-files': { paths: string[] };
  'cli/is-folder': { flag: string; file: string; kind: 'scheme' | 'adjustments' };
  'cli/unknown-scheme': { scheme: string; bundled: string[] };
  'cli/history-file': { dir: string };
  'cli/output-folder': { file: string };
  'cli/output-format': { file: string; formats: string[] };
  'cli/template-exists': { file: string };
  'cli/template-no-format': { output: string };
}

const CAUSES: Record<string, Msg> = {
  ENOSPC: { en: 'the disk is full', zh: '磁盘已满' },
  EDQUOT: { en: 'the disk quota is used up', zh: '磁盘配额已用完' },
  EFBIG: { en: 'the file is too large for this file system', zh: '文件超出此文件系统的大小上限' },
  EACCES: { en: 'no permission', zh: '没有写权限' },
  EPERM: { en: 'no permission (or the file is open in another program)', zh: '没有写权限（或文件正被其他程序打开）' },
  EBUSY: { en: 'the file is in use by another program', zh: '文件正被其他程序使用' },
  EROFS: { en: 'the file system is read-only', zh: '文件系统为只读' },
  EISDIR: { en: 'it is a folder', zh: '这是一个文件夹' },
  ENOTDIR: { en: 'a part of the path is a file, not a folder', zh: '路径中的某一级是文件而不是文件夹' },
  EEXIST: { en: 'a file is where a folder is needed', zh: '需要文件夹的位置已有同名文件' },
  ENOENT: { en: 'the folder does not exist', zh: '文件夹不存在' },
  ENAMETOOLONG: { en: 'the name is too long', zh: '文件名过长' },
  EPIPE: { en: 'the reader went away', zh: '读取方已关闭' },
  EIO: { en: 'input/output error', zh: '输入输出错误' },
  EMFILE: { en: 'too many open files', zh: '打开的文件过多' },
};

/** The cause of a failed write in words, with the system's code: "the disk is full (ENOSPC)"; an unknown code or a text as it is. */
const cause = (c: string): Msg => {
  const w = Object.hasOwn(CAUSES, c) ? CAUSES[c] : undefined;
  return w ? { en: `${w.en} (${c})`, zh: `${w.zh}（${c}）` } : { en: c, zh: c };
};

const unreadable: Renderers<{ x: { errno: string } }>['x'] = {
  en: (a) => `cannot read the file (${a.errno})`,
  zh: (a) => `无法读取文件（${a.errno}）`,
};

const BAD_UNIT_ROW = {
  en: (a: CliFileArgs['units/bad-row']): string => {
    switch (a.kind) {
      case 'encoding':
        return `the file is not valid ${a.encoding} text`;
      case 'no-header':
        return `no header row naming the ${a.level} column (${a.labels.join(' / ')}) in the first ${a.rows} rows`;
      case 'no-name':
        return `no ${a.level} name in column "${a.header}"`;
      case 'twice':
        return `"${a.name}" is listed twice (first at line ${a.first})`;
      case 'empty':
        return `no ${a.level} listed below the header`;
    }
  },
  zh: (a: CliFileArgs['units/bad-row']): string => {
    switch (a.kind) {
      case 'encoding':
        return `文件不是有效的 ${a.encoding} 文本`;
      case 'no-header':
        return `前 ${a.rows} 行中没有含${a.level}名称列（${a.labels.join(' / ')}）的表头行`;
      case 'no-name':
        return `“${a.header}”列没有${a.level}名称`;
      case 'twice':
        return `“${a.name}”重复出现（首次在第 ${a.first} 行）`;
      case 'empty':
        return `表头下方没有列出任何${a.level}`;
    }
  },
};

const IS_FOLDER = {
  scheme: { en: "give the scheme's .yaml file", zh: '请指定方案的 .yaml 文件' },
  adjustments: { en: 'give the CSV or YAML file', zh: '请指定 CSV 或 YAML 文件' },
};

export const CLI_FILES: Renderers<CliFileArgs> = {
  'scheme/unreadable': unreadable,
  'data/unreadable': unreadable,
  'adjust/unreadable': unreadable,
  'units/unreadable': unreadable,
  'output/write-failed': {
    en: (a) =>
      a.kind === 'more'
        ? `${a.count} more file${a.count === 1 ? '' : 's'} could not be written`
        : a.kind === 'stdout'
          ? `cannot write to standard output: ${cause(a.cause).en}`
          : `cannot write: ${cause(a.cause).en}`,
    zh: (a) =>
      a.kind === 'more'
        ? `另有 ${a.count} 个文件未能写入`
        : a.kind === 'stdout'
          ? `无法写入标准输出：${cause(a.cause).zh}`
          : `无法写入：${cause(a.cause).zh}`,
  },
  'data/link-visited': {
    en: (a) => `a link to ${a.target}, which is already searched; skipped`,
    zh: (a) => `指向 ${a.target} 的链接，该文件夹已搜索过，跳过`,
  },
  'data/link-same-file': {
    en: (a) => `the same file as ${a.first} (through a link); read once`,
    zh: (a) => `与 ${a.first} 是同一文件（经由链接），只读取一次`,
  },
  'batch/no-units': {
    en: () => 'no unit to assess in these files',
    zh: () => '这些文件中没有可评估的单位',
  },
  'batch/duplicate-unit': {
    en: (a) =>
      `"${a.unit}" (${a.period}) is also assessed from ${a.source}; one period of one unit must come from one place (this one is not ranked)`,
    zh: (a) => `“${a.unit}”（${a.period}）也由 ${a.source} 评估；同一单位同一期的数据只能来自一处（此处的不参与排名）`,
  },
  'units/bad-row': BAD_UNIT_ROW,
  'units/skipped': {
    en: (a) =>
      a.kind === 'preamble' ? `skipped line above the header: "${a.text}"` : `not a ${a.level}, skipped: "${a.text}"`,
    zh: (a) => (a.kind === 'preamble' ? `跳过表头上方的行：“${a.text}”` : `不是${a.level}，已跳过：“${a.text}”`),
  },
  'cli/no-data': {
    en: () => 'no data given: name the township CSV files or folders to score (try: pinggu score fixtures/xiyang)',
    zh: () => '未指定数据：请给出乡镇 CSV 文件或文件夹（例如：pinggu score fixtures/xiyang）',
  },
  'cli/no-such-path': {
    en: (a) => `${a.path}: no such file or folder`,
    zh: (a) => `${a.path}：文件或文件夹不存在`,
  },
  'cli/no-such-file': {
    en: (a) => `${a.flag} ${a.file}: no such file`,
    zh: (a) => `${a.flag} ${a.file}：文件不存在`,
  },
  'cli/nothing-matches': {
    en: (a) => `${a.pattern}: nothing matches`,
    zh: (a) => `${a.pattern}：没有匹配的文件或文件夹`,
  },
  'cli/folder-no-data': {
    en: (a) => `${a.folder}: the folder has no .csv or .xlsx files`,
    zh: (a) => `${a.folder}：文件夹中没有 .csv 或 .xlsx 文件`,
  },
  'cli/folder-no-csv': {
    en: (a) => `${a.folder}: the folder has no .csv, .tsv or .xlsx files`,
    zh: (a) => `${a.folder}：文件夹中没有 .csv、.tsv 或 .xlsx 文件`,
  },
  'cli/folder-only-subfolders': {
    en: (a) =>
      `${a.folder}: the data files are in its subfolders (${a.subfolders.join(', ')}); name one, e.g. ${a.example}, or score them all with pinggu score ${a.folder}`,
    zh: (a) =>
      `${a.folder}：数据文件在它的子文件夹里（${a.subfolders.join('、')}）；请指定其中一个，例如 ${a.example}，或用 pinggu score ${a.folder} 一起评分`,
  },
  'cli/no-data-files': {
    en: (a) => `${a.paths.join(' ')}: no .csv, .tsv or .xlsx file to read`,
    zh: (a) => `${a.paths.join(' ')}：没有可读取的 .csv、.tsv 或 .xlsx 文件`,
  },
  'cli/is-folder': {
    en: (a) => `${a.flag} ${a.file}: is a folder; ${IS_FOLDER[a.kind].en}`,
    zh: (a) => `${a.flag} ${a.file}：这是一个文件夹；${IS_FOLDER[a.kind].zh}`,
  },
  'cli/unknown-scheme': {
    en: (a) =>
      `--scheme ${a.scheme}: no such file, and no bundled scheme of that id (bundled: ${a.bundled.join(', ')})`,
    zh: (a) => `--scheme ${a.scheme}：文件不存在，也没有此 id 的内置方案（内置：${a.bundled.join(', ')}）`,
  },
  'cli/history-file': {
    en: (a) => `--history ${a.dir}: is a file; give the folder of earlier reports`,
    zh: (a) => `--history ${a.dir}：这是文件，请给出以往报告所在的文件夹`,
  },
  'cli/output-folder': {
    en: (a) => `cannot write ${a.file}: it is a folder`,
    zh: (a) => `无法写入 ${a.file}：这是一个文件夹`,
  },
  'cli/output-format': {
    en: (a) => `--output ${a.file}: cannot tell the format from the extension; add --format (${a.formats.join(', ')})`,
    zh: (a) => `--output ${a.file}：无法从扩展名判断格式；请加 --format（${a.formats.join('、')}）`,
  },
  'cli/template-exists': {
    en: (a) => `${a.file} already exists; choose another --output, or add --force to overwrite it`,
    zh: (a) => `${a.file} 已存在；请用 --output 另选文件名，或加 --force 覆盖`,
  },
  'cli/template-no-format': {
    en: (a) =>
      `--output ${a.output}: cannot tell the format from the extension; name a .csv or .xlsx file, or add --format csv|xlsx`,
    zh: (a) => `--output ${a.output}：无法从扩展名判断格式；请用 .csv 或 .xlsx 文件名，或加 --format csv|xlsx`,
  },
};
