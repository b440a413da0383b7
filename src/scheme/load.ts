/**
 * Loads a scheme from YAML text: syntax (with duplicate keys), then the strict
 * schema, then compile and lint. Every finding carries file:line:col. Pure: the
 * caller reads the file.
 */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type * as z from 'zod/mini';
import { msg, sortDiagnostics, type Diagnostic, type Msg } from '../diagnostics';
import { compileScheme, type Reporter } from './compile';
import { lintScheme } from './lint';
import type { Scheme } from './model';
import { Positions, showPath, type Path } from './positions';
import { Scheme as SchemeSchema, schemeJsonSchema } from './schema';

export type LoadResult = { scheme: Scheme; diagnostics: Diagnostic[] } | { scheme?: undefined; diagnostics: Diagnostic[] };

/**
 * `preparsed` is the document's data parsed earlier from this same text (the build
 * does that for bundled schemes, checked by a hash): it skips the YAML parse, which
 * then happens only if a finding needs its line and column.
 */
export function loadScheme(text: string, file: string, preparsed?: unknown): LoadResult {
  const lines = new LineCounter();
  let doc: Document | undefined;
  const parse = (): Document => (doc ??= parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }));
  let positions: Positions | undefined;
  const pos = (): Positions => (positions ??= new Positions(parse(), lines));
  const diagnostics: Diagnostic[] = [];
  let data: unknown = preparsed;
  if (data === undefined) {
    const d = parse();
    for (const e of d.errors) {
      const at = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
      const first = e.message.split('\n')[0]!;
      const dup = e.code === 'DUPLICATE_KEY';
      const key = dup ? /^[^:\n]*/.exec(text.slice(e.pos[0]))![0].trim() : '';
      diagnostics.push({
        severity: 'error',
        code: dup ? 'scheme/duplicate-key' : 'scheme/yaml',
        message: dup
          ? msg(`duplicate key "${key}": each key may appear once per mapping`, `键“${key}”重复：同一层级每个键只能出现一次`)
          : msg(`YAML syntax: ${first} (check the indentation and colons)`, `YAML 语法错误：${first}（检查缩进和冒号）`),
        file,
        line: at.line,
        col: at.col,
      });
    }
    if (diagnostics.length) return { diagnostics };
    data = d.toJS({ maxAliasCount: 100 });
  }

  let parsed = SchemeSchema.safeParse(data);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(...fromZod(issue, pos(), file));
    // Unknown keys alone do not stop the semantic checks: drop them and go on, so one
    // run reports a typo together with every other finding.
    if (!parsed.error.issues.every((i) => i.code === 'unrecognized_keys')) return { diagnostics: sortDiagnostics(dedupe(diagnostics)) };
    for (const i of parsed.error.issues) if (i.code === 'unrecognized_keys') dropKeys(data, i.path, i.keys);
    parsed = SchemeSchema.safeParse(data);
    if (!parsed.success) return { diagnostics: sortDiagnostics(dedupe(diagnostics)) };
  }

  const rep: Reporter = {
    lineOf: (path: Path) => pos().of(path).line,
    error(path: Path, code: string, message: Msg, index?: number) {
      const at = index === undefined ? pos().of(path) : pos().inside(path, index);
      diagnostics.push({ severity: 'error', code, message, file, line: at.line, col: at.col, path: showPath(path) });
    },
  };
  const scheme = compileScheme(parsed.data, file, rep);
  lintScheme(parsed.data, scheme, rep);
  const sorted = sortDiagnostics(dedupe(diagnostics));
  return sorted.some((d) => d.severity === 'error') ? { diagnostics: sorted } : { scheme, diagnostics: sorted };
}

let knownKeys: string[] | undefined;
/** The scheme key closest to a misspelt one (edit distance ≤ 2), from the JSON Schema. */
function closestKey(key: string): string | undefined {
  if (!knownKeys) {
    const found = new Set<string>();
    const walk = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      const props = (n as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) found.add(k);
      for (const v of Object.values(n)) walk(v);
    };
    walk(schemeJsonSchema());
    knownKeys = [...found].sort();
  }
  let best: string | undefined;
  let bestD = 3;
  for (const k of knownKeys) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

function dropKeys(data: unknown, path: readonly PropertyKey[], keys: string[]): void {
  let node = data as Record<PropertyKey, unknown> | undefined;
  for (const k of path) node = node?.[k] as Record<PropertyKey, unknown> | undefined;
  if (node && typeof node === 'object') for (const k of keys) delete node[k];
}

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.line}:${d.col}:${d.code}:${d.message.en}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

function fromZod(issue: z.core.$ZodIssue, pos: Positions, file: string): Diagnostic[] {
  const path = issue.path.filter((k): k is string | number => typeof k !== 'symbol');
  const where = showPath(path);
  const base = { severity: 'error' as const, file, path: where || undefined };
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const at = pos.ofKey(path, key);
      const near = closestKey(key);
      const hint = near ? msg(`; did you mean "${near}"?`, `；是否应为“${near}”？`) : msg('', '');
      return { ...base, code: 'scheme/unknown-key', message: msg(`unknown key "${key}"${hint.en}`, `未知的键“${key}”${hint.zh}`), line: at.line, col: at.col };
    });
  }
  const at = pos.of(path);
  const key = path[path.length - 1];
  let message: Msg;
  if (issue.code === 'invalid_type' && (issue as { input?: unknown }).input === undefined) {
    const parentAt = pos.of(path.slice(0, -1));
    return [{ ...base, code: 'scheme/missing-key', message: msg(`missing key "${String(key)}" (${issue.expected} expected)`, `缺少键“${String(key)}”（应为 ${issue.expected}）`), line: parentAt.line, col: parentAt.col }];
  } else if (issue.code === 'invalid_type') {
    message = msg(`expected ${issue.expected} here`, `此处应为 ${issue.expected}`);
  } else if (issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator') {
    message = msg(`unknown rule type; expected one of all, deduct, per_case, checklist, proportional, bands, add`, `未知的规则类型；可用：all、deduct、per_case、checklist、proportional、bands、add`);
  } else if (issue.code === 'invalid_value') {
    const vals = issue.values.map(String).join(', ');
    message = msg(`expected one of: ${vals}`, `取值应为其中之一：${vals}`);
  } else {
    message = msg(issue.message, `取值不符合要求：${issue.message}`);
  }
  return [{ ...base, code: 'scheme/invalid', message, line: at.line, col: at.col }];
}
