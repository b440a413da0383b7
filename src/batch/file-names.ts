/**
 * File names for the reports of --output-dir (docs/monthly-jobs.md, "Output files"):
 * safe on Linux, macOS and Windows, short enough for every file system, and
 * distinct even where the file system ignores case. Pure.
 */
import type { Batch, BatchEntry } from './types';
import { compareCodePoints } from '../compare';

/** Most UTF-8 bytes of a name before its suffix (`-2`) and extension: ≤ 100 bytes in all. */
export const STEM_BYTES = 80;

/** Windows device names, reserved with any extension and in any case. */
const RESERVED = /^(con|prn|aux|nul|conin\$|conout\$|com[0-9¹²³]|lpt[0-9¹²³])(\.|$)/i;
/** Path separators, characters Windows refuses, control characters (Cc: U+0000–001F, U+007F–009F), lone surrogates (Cs). */
const UNSAFE = /[\p{Cc}<>:"/\\|?*\p{Cs}]/gu;

const utf8Bytes = (cp: number): number => (cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4);

/** FNV-1a over the UTF-16 code units: 8 hex digits that tell long names apart. */
function shortHash(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h.toString(16).padStart(8, '0');
}

/**
 * A name made safe for a file: unsafe characters, leading dots and trailing dots or
 * spaces become `_`, a reserved name gets a leading `_`, and a name longer than
 * STEM_BYTES is cut and ends in `~` and a hash of the whole name.
 */
export function safeName(name: string): string {
  let s = name
    .replace(UNSAFE, '_')
    .replace(/^\.+/, (m) => '_'.repeat(m.length))
    .replace(/[. ]+$/, (m) => '_'.repeat(m.length));
  if (!s) s = '_';
  if (RESERVED.test(s)) s = `_${s}`;
  let bytes = 0;
  for (const ch of s) bytes += utf8Bytes(ch.codePointAt(0)!);
  if (bytes <= STEM_BYTES) return s;
  const tail = `~${shortHash(name)}`;
  let cut = '';
  bytes = 0;
  for (const ch of s) {
    const n = utf8Bytes(ch.codePointAt(0)!);
    if (bytes + n > STEM_BYTES - tail.length) break;
    cut += ch;
    bytes += n;
  }
  return cut + tail;
}

/** How a file system that ignores case and Unicode normalization (Windows, macOS) compares names. */
const folded = (s: string): string => s.normalize('NFC').toLowerCase();

/**
 * One stem per name, for files in one folder: safe, and distinct when compared as
 * Windows and macOS do. Names already safe keep their stem; the others follow in
 * the order of their names (not of the input, so a county keeps its file from one
 * month to the next) and, where taken, get `-2`, `-3`, ….
 */
export function uniqueStems(names: readonly string[]): string[] {
  const safe = names.map(safeName);
  const order = names
    .map((_, i) => i)
    .sort(
      (i, j) =>
        Number(safe[i] !== names[i]) - Number(safe[j] !== names[j]) || compareCodePoints(names[i]!, names[j]!) || i - j,
    );
  const taken = new Set<string>();
  const out: string[] = new Array<string>(names.length);
  for (const i of order) {
    let stem = safe[i]!;
    for (let n = 2; taken.has(folded(stem)); n++) stem = `${safe[i]}-${n}`;
    taken.add(folded(stem));
    out[i] = stem;
  }
  return out;
}

/**
 * `<period>/<stem>` per entry, without the extension: the stem is the unit's name
 * (with its key when two units of the period share the name), made safe and unique
 * within the period's folder.
 */
export function entryFiles(b: Batch): Map<BatchEntry, string> {
  const byFolder = new Map<string, BatchEntry[]>();
  for (const e of b.entries) {
    const folder = safeName(e.period ?? 'all');
    const list = byFolder.get(folder);
    if (list) list.push(e);
    else byFolder.set(folder, [e]);
  }
  const out = new Map<BatchEntry, string>();
  for (const [folder, entries] of byFolder) {
    const count = new Map<string, number>();
    for (const e of entries) count.set(e.assessment.units[0]!.name, (count.get(e.assessment.units[0]!.name) ?? 0) + 1);
    const names = entries.map((e) => {
      const u = e.assessment.units[0]!;
      return count.get(u.name)! > 1 ? `${u.name}-${u.key}` : u.name;
    });
    uniqueStems(names).forEach((stem, k) => out.set(entries[k]!, `${folder}/${stem}`));
  }
  return out;
}
