/** `--limit name=value` (repeatable, or several joined by commas) → the limits of this run. */
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { BYTE_LIMITS, LIMIT_NAMES, withDefaults, type Limits } from '../limits';

const UNITS: Record<string, number> = {
  '': 1,
  b: 1,
  kb: 1024,
  k: 1024,
  mb: 1024 ** 2,
  m: 1024 ** 2,
  gb: 1024 ** 3,
  g: 1024 ** 3,
};

export function limitsOf(list: string[] | undefined): Limits {
  const set: Partial<Limits> = {};
  const names = Object.values(LIMIT_NAMES);
  for (const item of (list ?? []).flatMap((s) => s.split(','))) {
    const m = /^\s*([a-z-]+)\s*=\s*(.+?)\s*$/i.exec(item);
    const key = m
      ? (Object.keys(LIMIT_NAMES) as (keyof Limits)[]).find((k) => LIMIT_NAMES[k] === m[1]!.toLowerCase())
      : undefined;
    if (!m || !key) {
      throw new UsageError(message('cli/limit-syntax', { item, names }));
    }
    const value = parseValue(m[2]!, BYTE_LIMITS.includes(key));
    if (value === undefined) {
      throw new UsageError(message('cli/limit-value', { item, kind: BYTE_LIMITS.includes(key) ? 'size' : 'count' }));
    }
    set[key] = value;
  }
  return withDefaults(set);
}

/** A positive whole number (`_` between digits allowed), with KB/MB/GB for sizes; `off` is no limit. */
function parseValue(text: string, bytes: boolean): number | undefined {
  if (/^(off|none|unlimited)$/i.test(text)) return Infinity;
  const m = /^(\d+(?:_\d+)*(?:\.\d+)?)\s*([a-z]*)$/i.exec(text);
  const unit = m ? UNITS[m[2]!.toLowerCase()] : undefined;
  if (!m || unit === undefined || (!bytes && m[2] !== '')) return undefined;
  const n = Math.floor(Number(m[1]!.replace(/_/g, '')) * unit);
  return Number.isSafeInteger(n) && n > 0 ? n : undefined;
}
