/** Matching a header row to the scheme: unit name/code columns and fields. */
import type { Finding } from '../diagnostics';
import { message } from '../messages/codes';
import type { Scheme } from '../scheme/model';
import { normalizeLabel } from './normalize';
import { quoteCell } from './values';

export type Column =
  | { kind: 'name'; level: number }
  | { kind: 'key'; level: number }
  | { kind: 'field'; id: string }
  /** The period of each row (期间, 月份…): one file holding several months. */
  | { kind: 'period' }
  | { kind: 'ignored' };

export interface Header {
  /** Level of the units on the data rows: the lowest level with a name column. */
  level: number;
  columns: Column[];
  findings: Finding[];
}

interface Lookup {
  names: Map<string, number[]>;
  keys: Map<string, number[]>;
  fields: Map<string, string>;
}

const lookups = new WeakMap<Scheme, Lookup>();
function lookup(s: Scheme): Lookup {
  let l = lookups.get(s);
  if (l) return l;
  const add = (m: Map<string, number[]>, label: string, level: number) => {
    const k = normalizeLabel(label);
    m.set(k, [...(m.get(k) ?? []), level]);
  };
  l = { names: new Map(), keys: new Map(), fields: new Map() };
  s.levels.forEach((lv, i) => {
    lv.name.forEach((n) => add(l.names, n, i));
    (lv.key ?? []).forEach((n) => add(l.keys, n, i));
  });
  for (const f of s.fields.values()) {
    for (const label of [f.label, ...f.aliases]) {
      const k = normalizeLabel(label);
      if (!l.fields.has(k)) l.fields.set(k, f.id);
    }
  }
  lookups.set(s, l);
  return l;
}

/** How many distinct scheme columns a row's cells name (header-row detection). */
export function headerScore(scheme: Scheme, cells: string[]): { matches: number; hasName: boolean } {
  const l = lookup(scheme);
  const seen = new Set<string>();
  let hasName = false;
  for (const c of cells) {
    const k = normalizeLabel(c);
    if (!k) continue;
    if (l.names.has(k)) {
      hasName = true;
      seen.add(`name:${k}`);
    } else if (l.keys.has(k)) seen.add(`key:${k}`);
    else if (l.fields.has(k)) seen.add(`field:${l.fields.get(k)}`);
  }
  return { matches: seen.size, hasName };
}

/** Headers of a period column (normalised), when no field of the scheme has that name. */
const PERIOD_HEADERS = new Set(
  ['期间', '统计期', '统计期间', '报告期', '报表期', '月份', '年月', '时期', 'period', 'month'].map(normalizeLabel),
);
const columnsHavePeriod = (taken: Set<string>): boolean => taken.has('period');

export function matchHeader(scheme: Scheme, cells: string[], file: string, line: number): Header {
  const l = lookup(scheme);
  const norm = cells.map(normalizeLabel);
  const nameLevels = norm.flatMap((k) => l.names.get(k) ?? []);
  const level = nameLevels.reduce((a, b) => Math.min(a, b), Infinity);
  const findings: Finding[] = [];
  const seenFields = new Map<string, number>();
  const taken = new Set<string>();
  const columns = norm.map((k, i): Column => {
    const at = { file, line, col: i + 1 };
    if (!k) return { kind: 'ignored' };
    const names = l.names.get(k);
    if (names) {
      const lv =
        names.includes(level) && !taken.has(`name:${level}`)
          ? level
          : names.find((x) => x > level && !taken.has(`name:${x}`));
      if (lv !== undefined) {
        taken.add(`name:${lv}`);
        return { kind: 'name', level: lv };
      }
    }
    const keys = l.keys.get(k);
    if (keys) {
      const lv =
        keys.includes(level) && !taken.has(`key:${level}`)
          ? level
          : keys.find((x) => x > level && !taken.has(`key:${x}`));
      if (lv !== undefined) {
        taken.add(`key:${lv}`);
        return { kind: 'key', level: lv };
      }
    }
    const id = l.fields.get(k);
    if (id) {
      const first = seenFields.get(id);
      if (first !== undefined) {
        findings.push({
          ...at,
          severity: 'error',
          ...message('data/duplicate-header', { column: quoteCell(cells[i]!), field: id, first: first + 1 }),
        });
        return { kind: 'ignored' };
      }
      seenFields.set(id, i);
      return { kind: 'field', id };
    }
    if (PERIOD_HEADERS.has(k) && !columnsHavePeriod(taken)) {
      taken.add('period');
      return { kind: 'period' };
    }
    findings.push({ ...at, severity: 'warning', ...message('data/unknown-header', { column: quoteCell(cells[i]!) }) });
    return { kind: 'ignored' };
  });
  return { level, columns, findings };
}
