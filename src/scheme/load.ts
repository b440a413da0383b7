/**
 * Loads a scheme from YAML text: syntax (with duplicate keys), then the strict
 * schema, then compile and lint. Every finding carries file:line:col. Pure: the
 * caller reads the file.
 */
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { msg, sortDiagnostics, type Diagnostic, type Msg } from '../diagnostics';
import { compileScheme, type Reporter } from './compile';
import { lintScheme } from './lint';
import type { Scheme } from './model';
import { Positions, showPath, type Path } from './positions';
import { Scheme as SchemeSchema } from './schema';

export type LoadResult = { scheme: Scheme; diagnostics: Diagnostic[] } | { scheme?: undefined; diagnostics: Diagnostic[] };

export function loadScheme(text: string, file: string): LoadResult {
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const diagnostics: Diagnostic[] = [];
  for (const e of doc.errors) {
    const at = e.linePos?.[0] ?? lines.linePos(e.pos[0]);
    const first = e.message.split('\n')[0]!;
    const dup = e.code === 'DUPLICATE_KEY';
    diagnostics.push({
      severity: 'error',
      code: dup ? 'scheme/duplicate-key' : 'scheme/yaml',
      message: dup ? msg(`duplicate key: ${first}`, `键重复：${first}`) : msg(`YAML syntax: ${first}`, `YAML 语法错误：${first}（检查缩进和冒号）`),
      file,
      line: at.line,
      col: at.col,
    });
  }
  if (diagnostics.length) return { diagnostics };

  const pos = new Positions(doc, lines);
  const parsed = SchemeSchema.safeParse(doc.toJS({ maxAliasCount: 100 }));
  if (!parsed.success) {
    for (const issue of parsed.error.issues) diagnostics.push(...fromZod(issue, pos, file));
    return { diagnostics: sortDiagnostics(dedupe(diagnostics)) };
  }

  const rep: Reporter = {
    error(path: Path, code: string, message: Msg, index?: number) {
      const at = index === undefined ? pos.of(path) : pos.inside(path, index);
      diagnostics.push({ severity: 'error', code, message, file, line: at.line, col: at.col, path: showPath(path) });
    },
  };
  const scheme = compileScheme(parsed.data, file, rep);
  lintScheme(parsed.data, scheme, rep);
  const sorted = sortDiagnostics(dedupe(diagnostics));
  return sorted.some((d) => d.severity === 'error') ? { diagnostics: sorted } : { scheme, diagnostics: sorted };
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
      return { ...base, code: 'scheme/unknown-key', message: msg(`unknown key "${key}"`, `未知的键“${key}”`), line: at.line, col: at.col };
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
