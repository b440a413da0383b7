import { compareCodePoints } from './compare';
import { both, say } from './messages/catalog';
import type { Message } from './messages/codes';
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
 * A finding made as data: a code of the message catalog (src/messages) and its
 * arguments, put into words only when printed (`findingText`). The engine's findings
 * are such; the rest are still `Diagnostic`s worded where they are made.
 */
export type CodedDiagnostic = Message & Omit<Diagnostic, 'code' | 'message'>;

/** Any finding: worded where it was made, or coded. */
export type Finding = Diagnostic | CodedDiagnostic;

/** A finding's message in one language. */
export const findingText = (d: Finding, lang: Lang): string => ('message' in d ? d.message[lang] : say(d, lang));

/** A finding with its message in both languages, for what still takes a `Diagnostic`. */
export function worded(d: Finding): Diagnostic {
  if ('message' in d) return d;
  const { args, ...rest } = d;
  return { ...rest, message: both({ code: d.code, args } as Message) };
}

/**
 * One line for a terminal or a document: `file:line:col: severity: message (path)`.
 * Whatever came from a file (a name, a header, a cell quoted in the message, the file's
 * own name) is shown with its control characters as escapes (`\x1b`), never raw.
 */
export function formatDiagnostic(d: Finding, lang: Lang): string {
  const where = d.file ? `${visibleLine(d.file)}${d.line ? `:${d.line}:${d.col ?? 1}` : ''}: ` : '';
  const sev = lang === 'zh' ? { error: '错误', warning: '警告', note: '提示' }[d.severity] : d.severity;
  return `${where}${sev}: ${visibleLine(findingText(d, lang))}${d.path ? ` (${visibleLine(d.path)})` : ''}`;
}

export const hasErrors = (ds: readonly Finding[]): boolean => ds.some((d) => d.severity === 'error');

/**
 * Sorts by file, line, column, then code, so output order never depends on discovery
 * order, nor on the locale: files and codes in code-point order.
 */
export function sortDiagnostics<D extends Finding>(ds: readonly D[]): D[] {
  return [...ds].sort(
    (a, b) =>
      compareCodePoints(a.file ?? '', b.file ?? '') ||
      (a.line ?? 0) - (b.line ?? 0) ||
      (a.col ?? 0) - (b.col ?? 0) ||
      compareCodePoints(a.code, b.code),
  );
}
