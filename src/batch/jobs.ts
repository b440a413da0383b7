/**
 * Jobs: the files of one dataset in one period (what `pinggu score` scores one at a
 * time). The rule that splits a dataset's files by period is here, pure, for the command
 * line (src/cli/discover.ts, which finds the files on disk) and the offline page (which
 * is given them with their folder-relative paths: `jobsOfPaths`).
 */
import { compareCodePoints } from '../compare';
import { comparePeriods, periodInName, periodOfPath, type Period } from '../data/period';

export interface Job {
  /** Where the dataset comes from, as shown to the user (a folder, or the files). */
  source: string;
  period: Period | null;
  /** Absolute paths (the command line), or the page's folder-relative names. */
  files: string[];
}

/** How splitByPeriod reads a file's path: its own name, and its folder as shown to the user. */
export interface PathParts {
  nameOf: (file: string) => string;
  folderOf: (file: string) => string;
}

/**
 * One job per period of a dataset's files. A period in a file's own name wins; a file
 * without one is shared by every period its siblings name (a roster); when no file
 * names one, each takes its folder's (the nearest folder naming one). `forced`
 * (--period) puts them all in one.
 */
export function splitByPeriod(g: { source: string; files: string[] }, forced: Period | undefined, p: PathParts): Job[] {
  if (forced) return [{ source: g.source, period: forced, files: g.files }];
  const own = new Map<string, Period | undefined>(g.files.map((f) => [f, periodInName(p.nameOf(f))]));
  const named = [...new Set([...own.values()].filter((x): x is Period => x !== undefined))].sort(comparePeriods);
  if (named.length) {
    return named.map((x) => ({
      source: g.source,
      period: x,
      files: g.files.filter((f) => own.get(f) === undefined || own.get(f) === x),
    }));
  }
  const inherited = new Map<string, Period | undefined>(
    g.files.map((f) => [f, periodOfPath(p.folderOf(f).split(/[\\/]/))]),
  );
  const folders = [...new Set([...inherited.values()].filter((x): x is Period => x !== undefined))].sort(
    comparePeriods,
  );
  if (folders.length <= 1) return [{ source: g.source, period: folders[0] ?? null, files: g.files }];
  return folders.map((x) => ({
    source: g.source,
    period: x,
    files: g.files.filter((f) => inherited.get(f) === undefined || inherited.get(f) === x),
  }));
}

/** What a folder's data files are on the command line (src/cli/discover.ts): .xls too, never skipped in silence. */
const DATA_EXT = /\.(csv|tsv|xlsx|xls)$/i;
/** `~$报表.xlsx` (Excel, WPS) or `.~lock.报表.xlsx#` (LibreOffice), as src/cli/file-kinds.ts. */
const isLock = (name: string): boolean => name.startsWith('~$') || (name.startsWith('.~lock.') && name.endsWith('#'));
const slash = (f: string): number => f.lastIndexOf('/');
const PAGE_PATHS: PathParts = {
  nameOf: (f) => f.slice(slash(f) + 1),
  folderOf: (f) => (slash(f) < 0 ? '' : f.slice(0, slash(f))),
};

/**
 * The jobs of files known by their folder-relative paths (`jinzhong/2026-07/county.csv`,
 * or `county.csv` for a file given alone), as `pinggu score` makes them of the same
 * files given as arguments in their parent folder: the files given alone first, as one
 * dataset (their source the names, in code-point order, joined by `, `); then each top
 * folder in code-point order, searched as a folder argument is: a folder with data files
 * in it is one dataset, else the folders below it (not those starting with a dot) are
 * searched, in name order. `unread` are the paths no job holds.
 */
export function jobsOfPaths(paths: readonly string[]): { jobs: Job[]; unread: string[] } {
  const sorted = [...new Set(paths)].sort(compareCodePoints);
  const groups: { source: string; files: string[] }[] = [];
  const alone = sorted.filter((f) => slash(f) < 0);
  if (alone.length) groups.push({ source: alone.join(', '), files: alone });
  const tops = [...new Set(sorted.filter((f) => slash(f) >= 0).map((f) => f.slice(0, f.indexOf('/'))))];
  for (const top of tops) groups.push(...folderGroups(top, sorted));
  const jobs = groups.flatMap((g) => splitByPeriod(g, undefined, PAGE_PATHS));
  const read = new Set(jobs.flatMap((j) => j.files));
  return { jobs, unread: sorted.filter((f) => !read.has(f)) };
}

/** The datasets in a folder of the given paths (depth first, names in code-point order). */
function folderGroups(dir: string, paths: readonly string[]): { source: string; files: string[] }[] {
  const inside = paths.filter((f) => f.startsWith(`${dir}/`)).map((f) => f.slice(dir.length + 1));
  const files = inside.filter((f) => !f.includes('/') && DATA_EXT.test(f) && !isLock(f));
  if (files.length) return [{ source: dir, files: files.map((f) => `${dir}/${f}`) }];
  const below = [...new Set(inside.filter((f) => f.includes('/')).map((f) => f.slice(0, f.indexOf('/'))))];
  return below
    .filter((d) => !d.startsWith('.'))
    .sort(compareCodePoints)
    .flatMap((d) => folderGroups(`${dir}/${d}`, paths));
}
