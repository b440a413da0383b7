/** Sheets of one workbook that are alike (one level's header in two sheets): said once, none read. */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import type { InputFile } from './dataset';
import type { Sheet } from './sheet';

/**
 * Sheets of one workbook read without --sheet (`book` set) where two or more have a
 * header of the same level (乡镇 and 上月乡镇): none of them is read, and one error says
 * which they are and to choose with --sheet, instead of a conflict at every unit.
 */
export function sheetsAlike(scheme: Scheme, files: InputFile[], sheets: Sheet[]): Sheet[] {
  const groups = new Map<string, number[]>();
  files.forEach((f, i) => {
    const w = f.workbook;
    if (!w?.book || w.sheet === undefined || sheets[i]!.headerLine === 0) return;
    const key = `${w.book}\u0000${sheets[i]!.level}`;
    groups.set(key, [...(groups.get(key) ?? []), i]);
  });
  const out = [...sheets];
  for (const all of groups.values()) {
    // Alike only when they name the same units (乡镇 and 上月乡镇): a sheet per county,
    // each with its own townships, is one table split in sheets and is read whole.
    const group = all.filter((i) => all.some((j) => j !== i && sameUnits(sheets[i]!, sheets[j]!)));
    if (group.length < 2) continue;
    const first = out[group[0]!]!;
    const names = group.map((i) => files[i]!.workbook!.sheet!);
    const level = scheme.levels[first.level]?.title ?? '';
    const error: Finding = {
      severity: 'error',
      file: files[group[0]!]!.workbook!.book!,
      line: 1,
      col: 1,
      ...message('data/sheets-alike', { sheets: names, level }),
    };
    group.forEach((i, n) => {
      out[i] = { ...out[i]!, rows: [], fields: [], read: 0, rejected: 0, findings: n === 0 ? [error] : [] };
    });
  }
  return out;
}

/** Whether two sheets name a unit in common (by code when both have one, else by name). */
function sameUnits(a: Sheet, b: Sheet): boolean {
  const key = (r: Sheet['rows'][number]) => r.code ?? r.name;
  const mine = new Set(a.rows.filter((r) => r.kind === 'unit').map(key));
  return b.rows.some((r) => r.kind === 'unit' && mine.has(key(r)));
}
