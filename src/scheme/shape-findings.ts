/** Shape-level findings: not a scheme at all, and the schema's issues in the scheme's words. */
import type * as z from 'zod/mini';
import { msg, type Diagnostic, type Msg } from '../diagnostics';
import { compareCodePoints } from '../compare';
import { showPath, type Path, type Positions } from './positions';
import { schemeJsonSchema } from './schema';


const WANT = msg(
  'a scheme must be a YAML mapping with id, title, version, total, pass, units, fields and sections',
  '评估方案必须是 YAML 映射（键: 值），包含 id、title、version、total、pass、units、fields、sections 等键',
);

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The document is not a scheme at all (empty, a list, plain text, another kind of file): one finding. */
export function notASchemeFinding(data: unknown, text: string, file: string): Diagnostic | undefined {
  let what: Msg | undefined;
  if (data === null || data === undefined) {
    what = text.trim() ? msg('the file holds no data (only comments)', '文件中没有数据（只有注释）') : msg('the file is empty', '文件是空的');
  } else if (Array.isArray(data)) {
    what = msg('the file is a list (lines starting with "-")', '文件是一个列表（以“-”开头的行）');
  } else if (typeof data === 'string') {
    what = data.includes('：')
      ? msg('the file is plain text: a key needs an ASCII colon and a space (key: value), not "："', '文件是纯文本：键后须用半角冒号加空格（键: 值），而不是“：”')
      : /^[^\s:]+:\S/m.test(text)
        ? msg('the file is plain text: a colon must be followed by a space (key: value)', '文件是纯文本：冒号后面必须有空格（键: 值）')
        : msg('the file is plain text, not a mapping', '文件是纯文本，不是映射');
  } else if (!isObj(data)) {
    what = msg(`the file holds a single value (${String(data)})`, `文件只有一个值（${String(data)}）`);
  } else if (!['id', 'version', 'total', 'pass', 'units', 'fields', 'sections'].some((k) => Object.hasOwn(data, k))) {
    const jsonSchema = Object.hasOwn(data, '$schema') || Object.hasOwn(data, 'properties');
    what = jsonSchema
      ? msg('not a pinggu scheme: this is a JSON Schema (editors use it to check schemes); give the scheme .yaml file', '不是 pinggu 评估方案：这是 JSON Schema（编辑器用它校验方案）；请指定方案的 .yaml 文件')
      : msg('not a pinggu scheme: it has no id, units, fields or sections', '不是 pinggu 评估方案：没有 id、units、fields、sections 等键');
  }
  if (!what) return undefined;
  const message = what.en.includes('JSON Schema') ? what : msg(`${what.en}; ${WANT.en}`, `${what.zh}；${WANT.zh}`);
  return { severity: 'error', code: 'scheme/not-a-scheme', message, file, line: 1, col: 1 };
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
    for (let j = 1; j <= b.length; j++) cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return prev[b.length]!;
}


export const cleanPath = (path: readonly PropertyKey[]): (string | number)[] => path.filter((k): k is string | number => typeof k !== 'symbol');

function valueAt(data: unknown, path: Path): unknown {
  let node = data;
  for (const k of path) node = node !== null && typeof node === 'object' ? (node as Record<PropertyKey, unknown>)[k] : undefined;
  return node;
}

/** The regex messages of schema.ts, for both languages. */
const FORMATS: Record<string, Msg> = {
  'an identifier: letters, digits and _, starting with a letter': msg('an identifier (letters, digits and _, starting with a letter)', '标识符（字母、数字和 _，以字母开头）'),
  'a number, optionally with % or ‰': msg('a number, optionally with % or ‰ (such as 90 or "95%")', '数字，可带 % 或 ‰（如 90 或 "95%"）'),
  'letters, digits, _ . -, starting with a letter': msg('a scheme id (letters, digits, _ . -, starting with a letter)', '方案 id（字母、数字、_ . -，以字母开头）'),
};

const TYPES: Record<string, Msg> = {
  number: msg('a number', '数字'),
  string: msg('text', '文本'),
  boolean: msg('true or false', 'true 或 false'),
  array: msg('a list', '列表'),
  object: msg('a mapping (key: value)', '映射（键: 值）'),
};

const join = (ms: Msg[], en: string, zh: string): Msg => msg(ms.map((m) => m.en).join(en), ms.map((m) => m.zh).join(zh));
const oneOf = (values: readonly unknown[]): Msg =>
  values.length === 1 ? msg(`"${String(values[0])}"`, `“${String(values[0])}”`) : msg(`one of ${values.map(String).join(', ')}`, ` ${values.map(String).join('、')} 之一`);

/** What the schema wanted where an issue was raised. */
function expected(issue: z.core.$ZodIssue): Msg {
  switch (issue.code) {
    case 'invalid_type':
      return TYPES[issue.expected] ?? msg(issue.expected, issue.expected);
    case 'invalid_value':
      return oneOf(issue.values);
    case 'invalid_union': {
      const options = (issue as { options?: unknown[] }).options;
      if (options) return oneOf(options);
      const wants = issue.errors.flatMap((branch) => branch.filter((i) => i.path.length === 0).slice(0, 1).map(expected));
      const unique = wants.filter((w, i) => wants.findIndex((x) => x.en === w.en) === i);
      return unique.length ? join(unique, ' or ', '或') : msg('a valid value', '有效的值');
    }
    case 'invalid_format':
      return FORMATS[issue.message] ?? msg(`text of the form ${issue.message}`, `符合格式的文本（${issue.message}）`);
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string') return msg('text that is not empty', '非空文本');
      if (issue.origin === 'array') return msg(`a list of at least ${min} entr${min === 1 ? 'y' : 'ies'}`, `至少 ${min} 项的列表`);
      return issue.inclusive ? msg(`a number of at least ${min}`, `不小于 ${min} 的数`) : msg(`a number above ${min}`, `大于 ${min} 的数`);
    }
    case 'too_big': {
      const max = Number(issue.maximum);
      return issue.inclusive ? msg(`a value of at most ${max}`, `不大于 ${max} 的值`) : msg(`a value below ${max}`, `小于 ${max} 的值`);
    }
    default:
      return msg('a valid value', '有效的值');
  }
}

/** What was found instead, for the message. */
function found(v: unknown): Msg {
  if (v === null || v === undefined) return msg('an empty value', '空值');
  if (typeof v === 'string') {
    const s = v.length > 40 ? `${v.slice(0, 40)}…` : v;
    return msg(`"${s}"`, `“${s}”`);
  }
  if (typeof v === 'number') return msg(`the number ${v}`, `数字 ${v}`);
  if (typeof v === 'boolean') return msg(String(v), String(v));
  if (Array.isArray(v)) return msg('a list', '列表');
  return msg('a mapping', '映射');
}

/** Keys whose value is an identifier: quoting a number will not make it one. */
const ID_KEYS = new Set(['id', 'scope', 'lever', 'item']);
const RULE_TYPES = ['all', 'deduct', 'per_case', 'checklist', 'proportional', 'bands', 'add'];

/** A short fix for the common wrong values. */
function hint(want: Msg, value: unknown, key: unknown): Msg {
  const none = msg('', '');
  if ((typeof value === 'number' || typeof value === 'boolean') && /\btext\b/.test(want.en) && !ID_KEYS.has(String(key))) {
    return msg(` (put it in quotes: "${String(value)}")`, `（请加引号："${String(value)}"）`);
  }
  if (typeof value === 'string' && /\bnumber\b/.test(want.en)) {
    const narrow = value.normalize('NFKC').trim();
    if (narrow !== value.trim() && /^[+-]?(\d+(\.\d*)?|\.\d+)\s*[%‰]?$/.test(narrow)) {
      return msg(` (full-width characters: write ${narrow})`, `（含全角字符，请写成 ${narrow}）`);
    }
    if (/^[+-]?(\d+(\.\d*)?|\.\d+)$/.test(value.trim()) && !/%/.test(want.en)) return msg(' (remove the quotes)', '（请去掉引号）');
  }
  if (key === 'rule' && typeof value === 'string' && RULE_TYPES.includes(value)) {
    return msg(` (write rule: { type: ${value} })`, `（应写成 rule: { type: ${value} }）`);
  }
  return none;
}

export function fromZod(issue: z.core.$ZodIssue, data: unknown, pos: Positions, file: string): Diagnostic[] {
  const path = cleanPath(issue.path);
  const where = showPath(path);
  const base = { severity: 'error' as const, file, path: where || undefined };
  if (issue.code === 'unrecognized_keys') {
    return issue.keys.map((key) => {
      const at = pos.ofKey(path, key);
      const near = closestKey(key);
      // A key of the scheme, in the wrong place (rollup on a section, points on a check).
      if (near === key) return { ...base, code: 'scheme/unknown-key', message: msg(`key "${key}" does not belong here`, `此处不应有键“${key}”`), line: at.line, col: at.col };
      const hint = near ? msg(`; did you mean "${near}"?`, `；是否应为“${near}”？`) : msg('', '');
      return { ...base, code: 'scheme/unknown-key', message: msg(`unknown key "${key}"${hint.en}`, `未知的键“${key}”${hint.zh}`), line: at.line, col: at.col };
    });
  }
  const key = path[path.length - 1];
  const parent = valueAt(data, path.slice(0, -1));
  const want = expected(issue);
  // "Missing" is decided on the data: zod says only what it expected.
  if (key !== undefined && isObj(parent) && !Object.hasOwn(parent, key)) {
    const at = pos.of(path.slice(0, -1));
    const missing: Diagnostic = { ...base, code: 'scheme/missing-key', message: msg(`missing key "${key}" (expected: ${want.en})`, `缺少键“${key}”（应为${want.zh}）`), line: at.line, col: at.col };
    // Without its type a rule matches no variant, so zod does not name its unknown keys (a misspelt "type"): do it here.
    if (issue.code !== 'invalid_union' || !(issue as { discriminator?: string }).discriminator) return [missing];
    const strays = Object.keys(parent).filter((k) => !knownKey(k));
    const unknown = strays.length ? fromZod({ code: 'unrecognized_keys', keys: strays, path: path.slice(0, -1), message: '', input: parent } as z.core.$ZodIssue, data, pos, file) : [];
    return [missing, ...unknown];
  }
  const value = valueAt(data, path);
  const got = found(value);
  const at = pos.of(path);
  let message: Msg;
  if (issue.code === 'invalid_union' && (issue as { note?: string }).note === 'No matching discriminator') {
    message = msg(`unknown rule type ${got.en}; expected ${want.en}`, `未知的规则类型${got.zh}；可用：${RULE_TYPES.join('、')}`);
  } else if (issue.code === 'too_small' && issue.origin === 'string') {
    message = msg('this must not be empty', '此处不能为空');
  } else if (issue.code === 'too_small' && issue.origin === 'array') {
    message = msg(`the list needs at least ${Number(issue.minimum)} entr${Number(issue.minimum) === 1 ? 'y' : 'ies'}`, `列表至少需要 ${Number(issue.minimum)} 项`);
  } else {
    const h = hint(want, value, key);
    message = msg(`expected ${want.en} here, not ${got.en}${h.en}`, `此处应为${want.zh}，而不是${got.zh}${h.zh}`);
  }
  return [{ ...base, code: 'scheme/invalid', message, line: at.line, col: at.col }];
}
