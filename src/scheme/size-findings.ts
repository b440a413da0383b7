/**
 * Size limits on a scheme (src/limits.ts): the file's size, said before the YAML is
 * parsed, and the length of each string, said right after (with its line:col) and
 * before anything else looks at the values.
 */
import { isScalar, visit, type Document, type LineCounter } from 'yaml';
import { msg, worded, type Diagnostic } from '../diagnostics';
import { count, fileSizeError, limitError } from '../limits';

/** The file over `limit` bytes; `size` is its length in bytes. */
export function schemeSizeFinding(size: number, file: string, limit: number): Diagnostic | undefined {
  return size > limit ? worded(fileSizeError('schemeSize', file, size, limit)) : undefined;
}

/** Bytes of a text in UTF-8, without encoding it when the answer is plain anyway. */
export function utf8Length(text: string, atMost: number): number {
  if (text.length * 3 <= atMost) return text.length; // below the limit whatever it holds
  if (text.length > atMost) return text.length; // over it even as ASCII
  return new TextEncoder().encode(text).length;
}

/** Every key or value longer than `limit` characters, at its line:col. */
export function longStringFindings(doc: Document, lines: LineCounter, file: string, limit: number): Diagnostic[] {
  const out: Diagnostic[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string' || node.value.length <= limit) return;
      const p = lines.linePos(node.range?.[0] ?? 0);
      out.push(
        limitError('schemeString', file, { line: p.line, col: p.col }, msg(
          `a text of ${count(node.value.length)} characters, over the limit of ${count(limit)} characters for one key or value in a scheme`,
          `一段文字长 ${count(node.value.length)} 个字符，超过方案中单个键或值的上限 ${count(limit)} 个字符`,
        )),
      );
    },
  });
  return out;
}
