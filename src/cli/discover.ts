/**
 * From data arguments to jobs: each job is the files of one dataset in one period.
 *
 * - A folder with data files in it is one dataset (one county, or a file with a
 *   county column); a folder with only folders in it is searched below.
 * - Files named directly on the command line form one dataset together.
 * - The period of a file: --period, else a YYYY-MM / YYYYhN in its name, else in the
 *   nearest folder name above it. Files of one dataset with different periods in
 *   their names split it into one job per period; a file with no period in its own
 *   name joins every one of them (a roster valid for all months), whatever its
 *   folder says. Only when no file names a period do folders decide.
 */
import * as path from 'node:path';
import { msg } from '../diagnostics';
import { UsageError } from '../errors';
import type { Io } from './io';
import { shown } from './inputs';
import { expandGlob, isGlob } from './glob';
import { comparePeriods, periodInName, periodOfPath, type Period } from '../data/period';
import { compareCodePoints } from '../compare';

export interface Job {
  /** Where the dataset comes from, as shown to the user (a folder, or the files). */
  source: string;
  period: Period | null;
  /** Absolute paths. */
  files: string[];
}

const DATA_EXT = /\.(csv|tsv|xlsx)$/i;

interface Group {
  source: string;
  files: string[];
}

export function discoverJobs(io: Io, args: string[], period?: Period): Job[] {
  if (args.length === 0) {
    throw new UsageError(msg('no data given: name the township CSV files or folders to score (try: pinggu score fixtures/xiyang)', '未指定数据：请给出乡镇 CSV 文件或文件夹（例如：pinggu score fixtures/xiyang）'));
  }
  const groups: Group[] = [];
  const loose: string[] = [];
  for (const a of args) {
    const p = path.resolve(io.cwd, a);
    const paths = !io.exists(p) && isGlob(a) ? expandGlob(io, a) : [p];
    if (!io.exists(p) && !isGlob(a)) throw new UsageError(msg(`${a}: no such file or folder`, `${a}：文件或文件夹不存在`));
    if (paths.length === 0) throw new UsageError(msg(`${a}: nothing matches`, `${a}：没有匹配的文件或文件夹`));
    for (const q of paths) {
      if (io.listDir(q)) {
        const found = folderGroups(io, q);
        if (!found.length) throw new UsageError(msg(`${shown(io, q)}: the folder has no .csv or .xlsx files`, `${shown(io, q)}：文件夹中没有 .csv 或 .xlsx 文件`));
        groups.push(...found);
      } else if (!isGlob(a) || DATA_EXT.test(q)) loose.push(q);
    }
  }
  // A file named on its own that a folder argument already holds is read once, with its folder.
  const inFolders = new Set(groups.flatMap((g) => g.files));
  const alone = [...new Set(loose)].filter((f) => !inFolders.has(f));
  if (alone.length) groups.unshift({ source: alone.map((f) => shown(io, f)).join(', '), files: alone });
  const seen = new Set<string>();
  const jobs: Job[] = [];
  for (const g of groups) {
    const files = g.files.filter((f) => !seen.has(f));
    files.forEach((f) => seen.add(f));
    if (files.length) jobs.push(...splitByPeriod(io, { ...g, files }, period));
  }
  if (!jobs.length) throw new UsageError(msg(`${args.join(' ')}: no .csv, .tsv or .xlsx file to read`, `${args.join(' ')}：没有可读取的 .csv、.tsv 或 .xlsx 文件`));
  return jobs;
}

/** The datasets in a folder: itself when it holds data files, else the folders below it. */
function folderGroups(io: Io, dir: string): Group[] {
  const entries = [...(io.listDir(dir) ?? [])].sort(compareCodePoints);
  const files = entries.filter((e) => DATA_EXT.test(e) && !e.startsWith('~$') && !io.listDir(path.join(dir, e)));
  if (files.length) return [{ source: shown(io, dir), files: files.map((f) => path.join(dir, f)) }];
  return entries.filter((e) => !e.startsWith('.') && io.listDir(path.join(dir, e))).flatMap((e) => folderGroups(io, path.join(dir, e)));
}

function splitByPeriod(io: Io, g: Group, forced?: Period): Job[] {
  if (forced) return [{ source: g.source, period: forced, files: g.files }];
  // A period in a file's own name wins; a file without one is shared by every period
  // its siblings name (a roster); when no file names one, each takes its folder's.
  const own = new Map<string, Period | undefined>(g.files.map((f) => [f, periodInName(path.basename(f))]));
  const named = [...new Set([...own.values()].filter((p): p is Period => p !== undefined))].sort(comparePeriods);
  if (named.length) {
    return named.map((p) => ({ source: g.source, period: p, files: g.files.filter((f) => own.get(f) === undefined || own.get(f) === p) }));
  }
  const inherited = new Map<string, Period | undefined>(g.files.map((f) => [f, periodOfPath(shown(io, path.dirname(f)).split(/[\\/]/))]));
  const folders = [...new Set([...inherited.values()].filter((p): p is Period => p !== undefined))].sort(comparePeriods);
  if (folders.length <= 1) return [{ source: g.source, period: folders[0] ?? null, files: g.files }];
  return folders.map((p) => ({ source: g.source, period: p, files: g.files.filter((f) => inherited.get(f) === undefined || inherited.get(f) === p) }));
}
