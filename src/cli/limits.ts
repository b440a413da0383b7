/** `--limit name=value` (repeatable, or several joined by commas) → the limits of this run. */
import { msg } from '../diagnostics';
import { UsageError } from '../errors';
import { BYTE_LIMITS, LIMIT_NAMES, withDefaults, type Limits } from '../limits';

const UNITS: Record<string, number> = { '': 1, b: 1, kb: 1024, k: 1024, mb: 1024 ** 2, m: 1024 ** 2, gb: 1024 ** 3, g: 1024 ** 3 };

export function limitsOf(list: string[] | undefined): Limits {
  const set: Partial<Limits> = {};
  const names = Object.values(LIMIT_NAMES).join(', ');
  for (const item of (list ?? []).flatMap((s) => s.split(','))) {
    const m = /^\s*([a-z-]+)\s*=\s*(.+?)\s*$/i.exec(item);
    const key = m ? (Object.keys(LIMIT_NAMES) as (keyof Limits)[]).find((k) => LIMIT_NAMES[k] === m[1]!.toLowerCase()) : undefined;
    if (!m || !key) {
      throw new UsageError(msg(`--limit ${item}: expected name=value, the name one of ${names} (e.g. --limit rows=2000000)`, `--limit ${item}：应为 名称=数值，名称为 ${names} 之一（例如 --limit rows=2000000）`));
    }
    const value = parseValue(m[2]!, BYTE_LIMITS.includes(key));
    if (value === undefined) {
      const expected = BYTE_LIMITS.includes(key)
        ? { en: 'a size such as 500MB, 2GB or 1048576 (bytes), or off', zh: '大小，如 500MB、2GB 或 1048576（字节），或 off' }
        : { en: 'a whole number such as 2000000, or off', zh: '整数，如 2000000，或 off' };
      throw new UsageError(msg(`--limit ${item}: expected ${expected.en}`, `--limit ${item}：应为${expected.zh}`));
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
