/**
 * Size limits on a scheme (src/limits.ts): the file's size, said before the YAML is
 * parsed, and the length of each string, said right after (with its line:col) and
 * before anything else looks at the values.
 */
import { isScalar, visit, type Document, type LineCounter } from 'yaml';
import { worded, type CodedDiagnostic, type Diagnostic } from '../diagnostics';
import { fileSizeError } from '../limits';
import { message } from '../messages/codes';

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
/** Coded as `limit/scheme-string`, the code src/limits.ts gives that limit. */
export function longStringFindings(doc: Document, lines: LineCounter, file: string, limit: number): CodedDiagnostic[] {
  const out: CodedDiagnostic[] = [];
  visit(doc, {
    Scalar(_key, node) {
      if (!isScalar(node) || typeof node.value !== 'string' || node.value.length <= limit) return;
      const p = lines.linePos(node.range?.[0] ?? 0);
      out.push({
        severity: 'error',
        ...message('limit/scheme-string', { length: node.value.length, limit }),
        file,
        line: p.line,
        col: p.col,
      });
    },
  });
  return out;
}
