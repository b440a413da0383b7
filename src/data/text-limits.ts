/**
 * The rows limit (src/limits.ts) on a text data file, checked on its bytes before it
 * is decoded and parsed: lines are counted, which is never fewer than the rows the
 * CSV holds (a quoted line break makes one row of two lines).
 */
import type { CodedDiagnostic } from '../diagnostics';
import { message } from '../messages/codes';

/** The line past the limit, or undefined. UTF-16 is counted by code unit, other encodings by byte. */
export function textRowsFinding(bytes: Uint8Array, file: string, maxRows: number): CodedDiagnostic | undefined {
  if (bytes.length <= maxRows) return undefined; // each line takes at least one byte
  const line = lineAfter(bytes, maxRows);
  if (line === undefined) return undefined;
  return { severity: 'error', file, line, col: 1, ...message('limit/rows', { kind: 'text', max: maxRows, line }) };
}

/** The number of line `max + 1` when it exists and holds something; line ends LF, CRLF or CR. */
function lineAfter(bytes: Uint8Array, max: number): number | undefined {
  const le = bytes[0] === 0xff && bytes[1] === 0xfe;
  const be = bytes[0] === 0xfe && bytes[1] === 0xff;
  const step = le || be ? 2 : 1;
  const at = (i: number) => (le ? bytes[i]! | (bytes[i + 1]! << 8) : be ? (bytes[i]! << 8) | bytes[i + 1]! : bytes[i]!);
  let line = 1;
  for (let i = le || be ? 2 : 0; i + step <= bytes.length; i += step) {
    const c = at(i);
    if (c === 0x0a || (c === 0x0d && (i + step >= bytes.length || at(i + step) !== 0x0a))) {
      if (++line > max && i + step < bytes.length) return line;
    }
  }
  return undefined;
}
