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
 * - Links are followed, each real folder searched once and each real file read once
 *   (walk.ts); what is skipped for that is a warning in `findings`.
 */
import * as path from 'node:path';
import { findingText, type Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import type { Io } from './io';
import { shown } from './inputs';
import { expandGlob, isGlob } from './glob';
import { sameFile, walkFolders } from './walk';
import type { Period } from '../data/period';
import { splitByPeriod, type Job, type PathParts } from '../batch/jobs';
import { isLockFile, XLS } from './file-kinds';

export type { Job };

/** Data files, and .xls workbooks: never skipped in silence (they are an error when read, see loadInputs). */
const DATA_EXT = /\.(csv|tsv|xlsx|xls)$/i;

interface Group {
  source: string;
  files: string[];
}

export function discoverJobs(io: Io, args: string[], period?: Period, findings: Finding[] = []): Job[] {
  if (args.length === 0) {
    throw new UsageError(message('cli/no-data', {}));
  }
  const groups: Group[] = [];
  const loose: string[] = [];
  const said: Finding[] = [];
  for (const a of args) {
    const p = path.resolve(io.cwd, a);
    const paths = !io.exists(p) && isGlob(a) ? expandGlob(io, a, said) : [p];
    if (!io.exists(p) && !isGlob(a)) throw new UsageError(message('cli/no-such-path', { path: a }));
    if (paths.length === 0) throw new UsageError(message('cli/nothing-matches', { pattern: a }));
    for (const q of paths) {
      if (io.listDir(q)) {
        const found = folderGroups(io, q, said);
        if (!found.length) throw new UsageError(message('cli/folder-no-data', { folder: shown(io, q) }));
        groups.push(...found);
      } else if (isGlob(a) && isLockFile(q)) said.push(lockSkipped(io, q));
      else if (!isGlob(a) || DATA_EXT.test(q)) loose.push(q);
    }
  }
  // A file named on its own that a folder argument already holds is read once, with its folder.
  const inFolders = new Set(groups.flatMap((g) => g.files.map((f) => io.realPath(f))));
  const alone = [...new Set(loose)].filter((f) => !inFolders.has(io.realPath(f)));
  if (alone.length) groups.unshift({ source: alone.map((f) => shown(io, f)).join(', '), files: alone });
  // Each real file once: a path without a link to it wins, else the first path met;
  // the same file again under another path (a link) is said.
  const real = new Map<string, string>();
  const realOf = (f: string) => real.get(f) ?? real.set(f, io.realPath(f)).get(f)!;
  const all = groups.flatMap((g) => g.files);
  const keep = new Map<string, string>();
  for (const f of all)
    if (!keep.has(realOf(f)) && realOf(f) === path.join(io.realPath(path.dirname(f)), path.basename(f)))
      keep.set(realOf(f), f);
  for (const f of all) if (!keep.has(realOf(f))) keep.set(realOf(f), f);
  const done = new Set<string>();
  const jobs: Job[] = [];
  for (const g of groups) {
    const files: string[] = [];
    for (const f of g.files) {
      const first = keep.get(realOf(f))!;
      if (first !== f) said.push(sameFile(io, f, first));
      else if (!done.has(f)) files.push(f);
      done.add(f);
    }
    if (files.length) jobs.push(...splitByPeriod({ ...g, files }, period, pathParts(io)));
  }
  const keys = new Set<string>();
  for (const d of said) {
    const k = `${d.code}\u0000${d.file}\u0000${findingText(d, 'en')}`;
    if (!keys.has(k)) findings.push(d);
    keys.add(k);
  }
  if (!jobs.length) throw new UsageError(message('cli/no-data-files', { paths: args }));
  return jobs;
}

/** The datasets in a folder: itself when it holds data files, else the folders below it. */
function folderGroups(io: Io, dir: string, findings: Finding[]): Group[] {
  const groups: Group[] = [];
  const dataFiles = (d: string, entries: string[]) => {
    const files = entries.filter((e) => (DATA_EXT.test(e) || e.startsWith('.~lock.')) && !io.listDir(path.join(d, e)));
    return files.filter((e) => {
      if (isLockFile(e)) return void findings.push(lockSkipped(io, path.join(d, e)));
      if (!XLS.test(e)) return true;
      // An .xls re-saved as .xlsx or CSV beside it: the new file is read, the old one said.
      const stem = e.slice(0, -4);
      const other = files.find((o) => !XLS.test(o) && !isLockFile(o) && o.slice(0, o.lastIndexOf('.')) === stem);
      if (other)
        return void findings.push({
          severity: 'note',
          file: shown(io, path.join(d, e)),
          ...message('data/xls', { kind: 'beside', other }),
        });
      return true;
    });
  };
  walkFolders(
    io,
    dir,
    (d, entries) => {
      const files = dataFiles(d, entries);
      if (files.length) {
        groups.push({ source: shown(io, d), files: files.map((f) => path.join(d, f)) });
        return [];
      }
      return entries.filter((e) => !e.startsWith('.') && io.listDir(path.join(d, e)));
    },
    findings,
  );
  return groups;
}

function lockSkipped(io: Io, file: string): Finding {
  return { severity: 'note', file: shown(io, file), ...message('data/lock-file', { kind: 'skipped' }) };
}

/** A file's name, and its folder as shown (what splitByPeriod reads a period from). */
const pathParts = (io: Io): PathParts => ({
  nameOf: (f) => path.basename(f),
  folderOf: (f) => shown(io, path.dirname(f)),
});
