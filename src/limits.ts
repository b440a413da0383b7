/**
 * Size limits on what pinggu reads, so that an oversized or hostile file is refused
 * with one clear line instead of running for minutes and dying out of memory. The
 * defaults leave room for a national file (40,000 townships × ~30 columns, 6 MB)
 * many times over; `--limit name=value` changes one (docs/limits.md).
 */
import type { CodedDiagnostic } from './diagnostics';
import { message } from './messages/codes';

export interface Limits {
  /** Bytes of a scheme file. */
  schemeSize: number;
  /** Characters of one string (a key or a value) in a scheme. */
  schemeString: number;
  /** Bytes of one data file; for a workbook also the bytes it unpacks to. */
  fileSize: number;
  /** Lines of a text data file; rows of one worksheet. */
  rows: number;
  /** Cells of a workbook, all its sheets together (each cell is an object in memory, some 300 bytes). */
  cells: number;
}

const KB = 1024;
const MB = 1024 * KB;

export const DEFAULT_LIMITS: Readonly<Limits> = Object.freeze({
  schemeSize: 5 * MB,
  schemeString: 64 * KB,
  fileSize: 256 * MB,
  rows: 200_000,
  cells: 5_000_000,
});

/** The option names, as written after `--limit`. */
export const LIMIT_NAMES: Readonly<Record<keyof Limits, string>> = Object.freeze({
  schemeSize: 'scheme-size',
  schemeString: 'scheme-string',
  fileSize: 'file-size',
  rows: 'rows',
  cells: 'cells',
});

/** Which limits are sizes in bytes (they take KB, MB, GB). */
export const BYTE_LIMITS: readonly (keyof Limits)[] = ['schemeSize', 'fileSize'];

export const withDefaults = (l?: Partial<Limits>): Limits => ({ ...DEFAULT_LIMITS, ...l });

/** 1234567 → "1,234,567". */
export const count = (n: number): string =>
  Number.isFinite(n) ? String(Math.round(n)).replace(/\B(?=(\d{3})+$)/g, ',') : '∞';

/** A byte size for people: "5 MB", "130.2 MB", "812 B" (the same in both languages). */
export function bytesText(n: number): string {
  if (!Number.isFinite(n)) return '∞';
  if (n >= MB * 1024) return `${trim(n / (MB * 1024))} GB`;
  if (n >= MB) return `${trim(n / MB)} MB`;
  if (n >= KB) return `${trim(n / KB)} KB`;
  return `${n} B`;
}
const trim = (x: number): string => (Number.isInteger(x) ? String(x) : x.toFixed(1));

/** A file over a byte limit (scheme or data), said before it is parsed. */
export function fileSizeError(
  name: 'schemeSize' | 'fileSize',
  file: string,
  size: number,
  limit: number,
): CodedDiagnostic {
  const m =
    name === 'schemeSize'
      ? message('limit/scheme-size', { kind: 'file', what: 'scheme', size, limit })
      : message('limit/file-size', { kind: 'file', what: 'data', size, limit });
  return { severity: 'error', file, line: 1, col: 1, ...m };
}
