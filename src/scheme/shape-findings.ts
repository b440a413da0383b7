/** Shape-level findings: not a scheme at all, and the schema's issues in the scheme's words. */
import type * as z from 'zod/mini';
import type { CodedDiagnostic } from '../diagnostics';
import { compareCodePoints } from '../compare';
import { message } from '../messages/codes';
import type { Found, Hint, NotScheme, Want } from '../messages/scheme-shape';
import { showPath, type Path, type Positions } from './positions';
import { schemeJsonSchema } from './schema';

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The document is not a scheme at all (empty, a list, plain text, another kind of file): one finding. */
export function notASchemeFinding(data: unknown, text: string, file: string): CodedDiagnostic | undefined {
  let kind: NotScheme | undefined;
  let value: string | undefined;
  if (data === null || data === undefined) {
    kind = text.trim() ? 'comments-only' : 'empty';
  } else if (Array.isArray(data)) {
    kind = 'list';
  } else if (typeof data === 'string') {
    kind = data.includes('：') ? 'full-width-colon' : /^[^\s:]+:\S/m.test(text) ? 'colon-space' : 'plain-text';
  } else if (!isObj(data)) {
    // Neither null, a list, text nor a mapping: what YAML gives for a single value (a number, true/false).
    const single = data as number | boolean | bigint;
    [kind, value] = ['single-value', String(single)];
  } else if (!['id', 'version', 'total', 'pass', 'units', 'fields', 'sections'].some((k) => Object.hasOwn(data, k))) {
    kind = Object.hasOwn(data, '$schema') || Object.hasOwn(data, 'properties') ? 'json-schema' : 'no-keys';
  }
  if (!kind) return undefined;
  return {
    severity: 'error',
    ...message('scheme/not-a-scheme', value === undefined ? { kind } : { kind, value }),
    file,
    line: 1,
    col: 1,
  };
}

let knownKeys: string[] | undefined;
/** Whether a key is used anywhere in a scheme (from the JSON Schema). */
function knownKey(key: string): boolean {
  if (!knownKeys) {
    const found = new Set<string>();
    const walk = (n: unknown): void => {
      if (!n || typeof n !== 'object') return;
      const props = (n as { properties?: Record<string, unknown> }).properties;
      if (props) for (const k of Object.keys(props)) found.add(k);
      for (const v of Object.values(n)) walk(v);
    };
    walk(schemeJsonSchema());
    knownKeys = [...found].sort(compareCodePoints);
  }
  return knownKeys.includes(key);
}

/** The scheme key closest to a misspelt one (edit distance ≤ 2, ≤ 1 for short keys). */
function closestKey(key: string): string | undefined {
  knownKey(key);
  let best: string | undefined;
  let bestD = key.length <= 3 ? 2 : 3; // one edit for short keys, two for longer ones
  for (const k of knownKeys!) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) [best, bestD] = [k, d];
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}

export const cleanPath = (path: readonly PropertyKey[]): (string | number)[] =>
  path.filter((k): k is string | number => typeof k !== 'symbol');

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const k of path)
    node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[k] : undefined;
  return node;
}

/** What the schema wanted where an issue was raised. */
function expected(issue: z.core.$ZodIssue): Want {
  switch (issue.code) {
    case 'invalid_type':
      return { k: 'type', type: issue.expected };
    case 'invalid_value':
      return { k: 'one-of', values: issue.values.map(String) };
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return { k: 'one-of', values: options.map(String) };
      const wants = issue.errors.flatMap((branch) =>
        branch
          .filter((i) => i.path.length === 0)
          .slice(0, 1)
          .map(expected),
      );
      // A value that may also be given by unit type (a mapping) is said as its plain form: "expected a number".
      const plain =
        wants.length > 1
          ? wants.filter((w) => !(w.k === 'type' && (w.type === 'object' || w.type === 'record')))
          : wants;
      const keys = plain.map((w) => JSON.stringify(w));
      const unique = plain.filter((_, i) => keys.indexOf(keys[i]!) === i);
      return unique.length === 1 ? unique[0]! : unique.length ? { k: 'any', of: unique } : { k: 'valid' };
    }
    case 'invalid_format':
      return { k: 'format', format: issue.message };
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return { k: 'non-empty' };
      if (issue.origin === 'array') return { k: 'entries', min };
      return { k: issue.inclusive ? 'at-least' : 'above', min };
    }
    case 'too_big':
      return { k: issue.inclusive ? 'at-most' : 'below', max: Number(issue.maximum) };
    default:
      return { k: 'valid' };
  }
}

/** What was found instead, for the message. */
function found(v: unknown): Found {
  if (v === null || v === undefined) return { k: 'empty' };
  if (typeof v === 'string') return { k: 'text', value: v.length > 40 ? `${v.slice(0, 40)}…` : v };
  if (typeof v === 'number') return { k: 'number', value: String(v) };
  if (typeof v === 'boolean') return { k: 'boolean', value: String(v) };
  return { k: Array.isArray(v) ? 'list' : 'mapping' };
}

/** What the hints look for in what was wanted: text, a number, a percent sign. */
type Sought = 'text' | 'number' | '%';
/** The formats of schema.ts (by their message) and what each asks for; another format is text of that form. */
const FORMAT_ASKS: Record<string, Sought[]> = {
  'an identifier: letters, digits and _, starting with a letter': [],
  'a number, optionally with % or ‰': ['number', '%'],
  'letters, digits, _ . -, starting with a letter': [],
};
const TYPE_ASKS: Record<string, Sought[]> = {
  number: ['number'],
  string: ['text'],
  boolean: [],
  array: [],
  object: [],
};

/** Whether what was wanted asks for `s`: by its kind, or by a value or name it lists. */
function asks(w: Want, s: Sought): boolean {
  const named = (x: string) => (s === '%' ? x.includes('%') : new RegExp(`\\b${s}\\b`).test(x));
  switch (w.k) {
    case 'type':
      return Object.hasOwn(TYPE_ASKS, w.type) ? TYPE_ASKS[w.type]!.includes(s) : named(w.type);
    case 'one-of':
      return w.values.some(named);
    case 'any':
      return w.of.some((o) => asks(o, s));
    case 'format':
      return Object.hasOwn(FORMAT_ASKS, w.format)
        ? FORMAT_ASKS[w.format]!.includes(s)
        : s === 'text' || named(w.format);
    case 'non-empty':
      return s === 'text';
    case 'at-least':
    case 'above':
      return s === 'number';
    default:
      return false;
  }
}

/** Keys whose value is an identifier: quoting a number will not make it one. */
const ID_KEYS = new Set(['id', 'scope', 'lever', 'item']);
const RULE_TYPES = ['all', 'deduct', 'per_case', 'checklist', 'proportional', 'bands', 'add'];

/** A short fix for the common wrong values. */
function hint(want: Want, value: unknown, key: unknown): Hint | undefined {
  if ((typeof value === 'number' || typeof value === 'boolean') && asks(want, 'text') && !ID_KEYS.has(String(key))) {
    return { k: 'quote', value: String(value) };
  }
  if (typeof value === 'string' && asks(want, 'number')) {
    const narrow = value.normalize('NFKC').trim();
    if (narrow !== value.trim() && /^[+-]?(\d+(\.\d*)?|\.\d+)\s*[%‰]?$/.test(narrow))
      return { k: 'full-width', value: narrow };
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim()) && !asks(want, '%')) return { k: 'unquote' };
  }
  if (key === 'rule' && typeof value === 'string' && RULE_TYPES.includes(value)) return { k: 'rule', type: value };
  return undefined;
}

export function fromZod(issue: z.core.$ZodIssue, data: unknown, pos: Positions, file: string): CodedDiagnostic[] {
  const path = cleanPath(issue.path);
  const where = showPath(path);
  const base = { severity: 'error' as const, file, path: where || undefined };
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const at = pos.ofKey(path, key);
      const near = closestKey(key);
      // A key of the scheme, in the wrong place (rollup on a section, points on a check).
      const m =
        near === key
          ? message('scheme/unknown-key', { kind: 'misplaced', key })
          : message('scheme/unknown-key', near ? { kind: 'unknown', key, near } : { kind: 'unknown', key });
      return { ...base, ...m, line: at.line, col: at.col };
    });
  }
  const key = path[path.length - 1];
  const parent = valueAt(data, path.slice(0, -1));
  const want = expected(issue);
  // "Missing" is decided on the data: zod says only what it expected.
  if (key !== undefined && isObj(parent) && !Object.hasOwn(parent, key)) {
    const at = pos.of(path.slice(0, -1));
    const missing: CodedDiagnostic = {
      ...base,
      ...message('scheme/missing-key', { key: String(key), want }),
      line: at.line,
      col: at.col,
    };
    // Without its type a rule matches no variant, so zod does not name its unknown keys (a misspelt "type"): do it here.
    if (issue.code !== 'invalid_union' || !(issue as { discriminator?: string }).discriminator) return [missing];
    const strays = Object.keys(parent).filter((k) => !knownKey(k));
    const unknown = strays.length
      ? fromZod(
          {
            code: 'unrecognized_keys',
            keys: strays,
            path: path.slice(0, -1),
            message: '',
            input: parent,
          },
          data,
          pos,
          file,
        )
      : [];
    return [missing, ...unknown];
  }
  const value = valueAt(data, path);
  const got = found(value);
  const at = pos.of(path);
  const m =
    issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator'
      ? message('scheme/invalid', { kind: 'rule-type', got, want, types: RULE_TYPES })
      : issue.code === 'too_small' && issue.origin === 'string'
        ? message('scheme/invalid', { kind: 'empty' })
        : issue.code === 'too_small' && issue.origin === 'array'
          ? message('scheme/invalid', { kind: 'entries', min: Number(issue.minimum) })
          : message('scheme/invalid', withHint({ kind: 'value', want, got }, hint(want, value, key)));
  return [{ ...base, ...m, line: at.line, col: at.col }];
}

/** The arguments with the hint, when there is one (no key for none). */
const withHint = <A extends object>(a: A, h: Hint | undefined): A & { hint?: Hint } => (h ? { ...a, hint: h } : a);
