/**
 * The page's data files read as `pinggu score` reads them (src/cli/inputs.ts,
 * `loadInputs`): text files as they are, workbooks read into rows, each further sheet
 * of a workbook a file of its own. A file the command line would stop at (over a
 * limit) or could not read as data (not .csv/.tsv/.xlsx, an .xls, a lock file) is
 * said and left out: the page scores the rest.
 */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { InputFile } from '../data/dataset';
import { readXlsx } from '../data/xlsx';
import { textRowsFinding } from '../data/text-limits';
import { fileSizeError, withDefaults } from '../limits';
import { compareCodePoints } from '../compare';

export interface AppFile {
  /** The path the page knows: the folder-relative path of a picked folder, else the file's name. */
  name: string;
  bytes: Uint8Array;
}

/** What a folder expands to (as `pinggu score DIR` does); other files are left alone. */
export const DATA = /\.(csv|tsv)$/i;
export const XLSX = /\.xlsx$/i;
const baseName = (name: string): string => name.slice(name.lastIndexOf('/') + 1);
/** Excel's `~$报表.xlsx` and LibreOffice's `.~lock.报表.xlsx#`, left beside an open workbook. */
const isLockFile = (name: string): boolean => /^(~\$|\.~lock\.)/.test(baseName(name));
const skippedKind = (name: string): 'xls' | 'lock' | 'other' =>
  isLockFile(name) ? 'lock' : /\.xls$/i.test(name) ? 'xls' : 'other';
export const isData = (name: string): boolean => (DATA.test(name) || XLSX.test(name)) && !isLockFile(name);

/** A file the page does not read, said (never a silent skip). */
export function skipped(name: string): Finding {
  return {
    severity: 'warning',
    file: name,
    line: 1,
    col: 1,
    ...message('app/skipped', { file: baseName(name), kind: skippedKind(name) }),
  };
}

/**
 * Each file read once (a roster shared by several periods is read once), by its name;
 * a file not read is said in `said` and has no entry. Sorted by name, as a folder is read.
 */
export async function inputFiles(given: readonly AppFile[], said: Finding[]): Promise<Map<string, InputFile[]>> {
  const out = new Map<string, InputFile[]>();
  const limits = withDefaults();
  for (const f of [...given].sort((a, b) => compareCodePoints(a.name, b.name))) {
    if (!isData(f.name)) {
      said.push(skipped(f.name));
      continue;
    }
    // The command line's limits (src/limits.ts), checked before a file is read.
    const over =
      f.bytes.length > limits.fileSize
        ? fileSizeError('fileSize', f.name, f.bytes.length, limits.fileSize)
        : DATA.test(f.name)
          ? textRowsFinding(f.bytes, f.name, limits.rows)
          : undefined;
    if (over) said.push(over);
    else if (DATA.test(f.name)) out.set(f.name, [{ name: f.name, bytes: f.bytes }]);
    else await readWorkbook(f, out, said);
  }
  return out;
}

/** A workbook's sheets, read as loadInputs reads them without --sheet (sheets alike in one book are an error). */
async function readWorkbook(f: AppFile, out: Map<string, InputFile[]>, said: Finding[]): Promise<void> {
  const limits = withDefaults();
  const r = await readXlsx(f.bytes, f.name, undefined, limits);
  const overWb = r.findings.filter((d) => d.code.startsWith('limit/'));
  if (overWb.length) {
    said.push(...overWb);
    return;
  }
  const book = f.name;
  out.set(f.name, [
    { name: f.name, bytes: f.bytes, workbook: { rows: r.rows, findings: r.findings, sheet: r.sheetName, book } },
    ...(r.others ?? []).map((o) => ({
      name: `${f.name}#${o.name}`,
      bytes: new Uint8Array(),
      workbook: { rows: o.rows, findings: [], optional: true, sheet: o.name, book },
    })),
  ]);
}
