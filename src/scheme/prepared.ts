/**
 * A bundled scheme the build already parsed and checked: only compiling remains.
 * Kept apart from load.ts so that this path needs neither the YAML parser nor the
 * schema (zod): the command line loads those only for a scheme of its own.
 */
import { worded, type Diagnostic } from '../diagnostics';
import { compileScheme } from './compile';
import type { Scheme } from './model';
import { unpackScheme } from './packed';
import { showPath } from './path';
import type { SchemeInput } from './schema';

export type LoadResult =
  { scheme: Scheme; diagnostics: Diagnostic[] } | { scheme?: undefined; diagnostics: Diagnostic[] };

/**
 * The build's work on a bundled scheme, made from exactly this text: the document's
 * data, and `checked` when the same loader found it clean (no finding at all).
 */
export interface Preparsed {
  data: unknown;
  checked?: boolean;
}

/** The build's compiled scheme; undefined when it cannot be read (the caller then loads the text). */
export function schemeFromCache(
  compiled: unknown,
  file: string,
): { scheme: Scheme; diagnostics: Diagnostic[] } | undefined {
  try {
    return { scheme: unpackScheme(compiled as Parameters<typeof unpackScheme>[0], file), diagnostics: [] };
  } catch {
    return undefined;
  }
}

/**
 * The scheme compiled from data the build found clean; undefined when compiling
 * reports anything after all (the caller then loads the text in full, with positions).
 */
export function compilePrepared(
  data: unknown,
  file: string,
): { scheme: Scheme; diagnostics: Diagnostic[] } | undefined {
  const diagnostics: Diagnostic[] = [];
  const scheme = compileScheme(data as SchemeInput, file, {
    lineOf: () => 1,
    error: (path, m) => diagnostics.push(worded({ severity: 'error', ...m, file, path: showPath(path) })),
  });
  return diagnostics.length ? undefined : { scheme, diagnostics };
}
