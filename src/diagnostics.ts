import { compareCodePoints } from './compare';
import { visibleLine } from './visible';

/** A message in both of the tool's languages. */
export interface Msg {
  en: string;
  zh: string;
}
export type Lang = keyof Msg;

export const msg = (en: string, zh: string): Msg => ({ en, zh });

export type Severity = 'error' | 'warning' | 'note';

/** One finding about an input file, with its position when known (1-based). */
export interface Diagnostic {
  severity: Severity;
  /** Stable machine-readable code, e.g. `scheme/unknown-key`, `data/bad-value`. */
  code: string;
  message: Msg;
  file?: string;
  line?: number;
  col?: number;
  /** Path inside the document, e.g. `sections[0].items[2].target`. */
  path?: string;
  /**
   * What a data warning from scoring is about (src/engine/data-warnings.ts), so `explain`
   * can show the ones of the unit and item it explains: the items it costs, and the unit
   * (its level id and key), none when it is said once for every unit of a level.
   */
  about?: { items: string[]; unit?: { level: string; key: string } };
}

/**
 * One line for a terminal or a document: `file:line:col: severity: message (path)`.
 * Whatever came from a file (a name, a header, a cell quoted in the message, the file's
 * own name) is shown with its control characters as escapes (`\x1b`), never raw.
 */
export function formatDiagnostic(d: Diagnostic, lang: Lang): string {
  const where = d.file ? `${visibleLine(d.file)}${d.line ? `:${d.line}:${d.col ?? 1}` : ''}: ` : '';
  const sev =
    lang === 'zh'
      ? { error: '错误', warning: '警告', note: '提示' }[d.severity]
      : d.severity;
  return `${where}${sev}: ${visibleLine(d.message[lang])}${d.path ? ` (${visibleLine(d.path)})` : ''}`;
}

export const hasErrors = (ds: readonly Diagnostic[]): boolean => ds.some((d) => d.severity === 'error');

/**
 * Sorts by file, line, column, then code, so output order never depends on discovery
 * order, nor on the locale: files and codes in code-point order.
 */
export function sortDiagnostics(ds: readonly Diagnostic[]): Diagnostic[] {
  return [...ds].sort(
    (a, b) =>
      compareCodePoints(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      compareCodePoints(a.code, b.code),
  );
}
