/**
 * Loads a scheme from YAML text: syntax (with duplicate keys), then the strict
 * schema, then compile and lint. Every finding carries file:line:col. Pure: the
 * caller reads the file.
 *
 * One run shows as much as it can: a duplicate key is reported and the document is
 * used as parsed (the last value wins); when the schema fails, compile and lint still
 * run, best effort, on the data, and their findings about values the schema already
 * reported are dropped. Only a YAML syntax error stops everything, and then only the
 * first is reported (the rest are almost always its echoes).
 */
import { LineCounter, parseDocument, visit, type Alias, type Document, type YAMLError } from 'yaml';
import type * as z from 'zod/mini';
import { hasErrors, msg, sortDiagnostics, type Diagnostic, type Msg } from '../diagnostics';
import { compileScheme, type Reporter } from './compile';
import { lintScheme } from './lint';
import type { Scheme } from './model';
import { Positions, showPath, type Path } from './positions';
import { Scheme as SchemeSchema, schemeJsonSchema, type SchemeInput } from './schema';

export type LoadResult = { scheme: Scheme; diagnostics: Diagnostic[] } | { scheme?: undefined; diagnostics: Diagnostic[] };

/**
 * A scheme from the file's bytes: they must be UTF-8 (a BOM is allowed and dropped).
 * Anything else, such as a GBK file saved by Notepad or WPS, is one clear error.
 */
/**
 * The build's work on a bundled scheme, made from exactly this text: the document's
 * data, and `checked` when the same loader found it clean (no finding at all).
 */
export interface Preparsed {
  data: unknown;
  checked?: boolean;
}

export function loadSchemeBytes(bytes: Uint8Array, file: string, preparsed?: Preparsed): LoadResult {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    const at = badUtf8At(bytes);
    return {
      diagnostics: [{ severity: 'error', code: 'scheme/encoding', message: msg('the scheme file is not UTF-8 text; save it as UTF-8', '方案文件不是 UTF-8 文本；请另存为 UTF-8 编码'), file, ...at }],
    };
  }
  return loadScheme(text.replace(/^\ufeff/, ''), file, preparsed);
}

/**
 * `preparsed` is the build's parse of this same text (bundled schemes): it skips the
 * YAML parse, which then happens only if a finding needs its line and column; when
 * the build also found the scheme clean, the schema and lint checks are not repeated
 * (the same code on the same text gives the same answer) and only compiling remains.
 */
export function loadScheme(text: string, file: string, preparsed?: Preparsed): LoadResult {
  const lines = new LineCounter();
  let doc: Document | undefined;
  const parse = (): Document => (doc ??= parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false }));
  let positions: Positions | undefined;
  const pos = (): Positions => (positions ??= new Positions(parse(), lines, text));
  const diagnostics: Diagnostic[] = [];
  if (preparsed?.checked) {
    const scheme = compileScheme(preparsed.data as SchemeInput, file, {
      lineOf: () => 1,
      error: (path, code, message) => diagnostics.push({ severity: 'error', code, message, file, path: showPath(path) }),
    });
    // A clean build-time check means nothing can be reported here; if it is, load normally.
    if (!diagnostics.length) return { scheme, diagnostics };
    return loadScheme(text, file);
  }
  let data: unknown = preparsed?.data;
  if (data === undefined) {
    const d = parse();
    const syntax = yamlFindings(d, text, lines, file);
    diagnostics.push(...syntax.findings);
    if (syntax.fatal) return { diagnostics: sortDiagnostics(diagnostics) };
    try {
      data = d.toJS({ maxAliasCount: 100 });
    } catch (e) {
      diagnostics.push(aliasFinding(d, e, text, lines, file));
      return { diagnostics: sortDiagnostics(diagnostics) };
    }
  }

  const notScheme = notASchemeFinding(data, text, file);
  if (notScheme) return { diagnostics: sortDiagnostics([...diagnostics, notScheme]) };

  const parsed = SchemeSchema.safeParse(data);
  /** Paths whose value the schema rejected: the semantic checks say nothing more there. */
  const rejected: string[] = [];
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      diagnostics.push(...fromZod(issue, data, pos(), file));
      if (issue.code !== 'unrecognized_keys') rejected.push(showPath(cleanPath(issue.path)));
    }
  }

  // The semantic checks run even when the schema failed (best effort): one run then
  // shows a misspelt key together with a broken formula and points that do not add up.
  const bestEffort = !parsed.success;
  const input = (parsed.success ? parsed.data : data) as SchemeInput;
  const semantic: Diagnostic[] = [];
  const rep: Reporter = {
    lineOf: (path: Path) => pos().of(path).line,
    error(path: Path, code: string, message: Msg, index?: number) {
      const at = index === undefined ? pos().of(path) : pos().inside(path, index);
      semantic.push({ severity: 'error', code, message, file, line: at.line, col: at.col, path: showPath(path) });
    },
  };
  let scheme: Scheme | undefined;
  if (!bestEffort) {
    scheme = compileScheme(input, file, rep);
    lintScheme(input, scheme, rep);
  } else {
    try {
      scheme = compileScheme(input, file, rep);
    } catch {
      semantic.length = 0; // it tripped over a value the schema reported: its findings may be wrong
      scheme = undefined;
    }
    if (scheme) lintScheme(input, scheme, rep, { bestEffort: true });
  }
  diagnostics.push(...semantic.filter((d) => !followsFrom(d, rejected)));

  const sorted = sortDiagnostics(dedupe(diagnostics));
  return scheme && !bestEffort && !hasErrors(sorted) ? { scheme, diagnostics: sorted } : { diagnostics: sorted };
}

const within = (p: string, outer: string) => outer !== '' && (p === outer || p.startsWith(`${outer}.`) || p.startsWith(`${outer}[`));

/**
 * Semantic findings that a value the schema rejected makes unreliable: a field
 * without a valid id makes every use of it "unknown", a field with a bad type makes
 * its roll-up look wrong, and so on. `item` rules drop only the findings of the
 * entry holding the rejected value.
 */
const FOLLOWS: { rejected: RegExp; codes: string[]; item?: true }[] = [
  { rejected: /^(fields|params)(\[\d+\](\.id)?)?$/, codes: ['scheme/unknown-name', 'scheme/unknown-field', 'scheme/lever-unused'] },
  { rejected: /^fields\[\d+\]\.type$/, codes: ['scheme/rollup-not-summable', 'scheme/lever-type', 'scheme/text-in-formula', 'scheme/checklist-formula', 'scheme/not-boolean', 'scheme/target-kind'] },
  { rejected: /^units(\[\d+\](\.id)?)?$|^fields\[\d+\]\.scope$/, codes: ['scheme/unknown-level', 'scheme/scope', 'scheme/rollup-not-summable'] },
  { rejected: /^(sections|bonus)(\[\d+\]|\.\w+)*(\.items\[\d+\](\.id)?|\.items)$/, codes: ['scheme/unknown-item'] },
  { rejected: /\.items\[\d+\]\.scope$/, codes: ['scheme/scope', 'scheme/rollup-not-summable'], item: true },
  { rejected: /\.items\[\d+\]\.rollup$/, codes: ['scheme/rollup-not-summable', 'scheme/rollup-target'], item: true },
  { rejected: /\.items\[\d+\]\.rule(\.type)?$/, codes: ['scheme/rule-target', 'scheme/add-outside-bonus', 'scheme/bonus-rule', 'scheme/checklist-formula', 'scheme/missing-target', 'scheme/proportional-target'], item: true },
];

/** Whether a semantic finding is about, or follows from, a value the schema rejected. */
function followsFrom(d: Diagnostic, rejected: readonly string[]): boolean {
  const at = d.path ?? '';
  return rejected.some((r) => {
    if (within(at, r)) return true;
    return FOLLOWS.some((f) => f.rejected.test(r) && f.codes.includes(d.code) && (!f.item || within(at, r.replace(/\.(scope|rollup|rule(\.type)?)$/, ''))));
  });
}

// ---------------------------------------------------------------------------------
// Bytes and YAML syntax

/** Line and column of the first byte that is not UTF-8. */
function badUtf8At(bytes: Uint8Array): { line: number; col: number } {
  let i = 0;
  scan: while (i < bytes.length) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const len = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    if (!len) break;
    for (let k = 1; k < len; k++) {
      const c = bytes[i + k];
      if (c === undefined || (c & 0xc0) !== 0x80) break scan;
    }
    const c1 = bytes[i + 1]!;
    if ((b === 0xe0 && c1 < 0xa0) || (b === 0xed && c1 > 0x9f) || (b === 0xf0 && c1 < 0x90) || (b === 0xf4 && c1 > 0x8f)) break;
    i += len;
  }
  let start = 0;
  let line = 1;
  for (let k = 0; k < i; k++) if (bytes[k] === 0x0a) [line, start] = [line + 1, k + 1];
  const col = 1 + [...new TextDecoder('utf-8', { ignoreBOM: false }).decode(bytes.subarray(start, i))].length;
  return { line, col };
}

/**
 * Duplicate keys are findings that do not stop the load. A syntax error does: the
 * first one is reported (a tab in the indentation leads, since it causes the errors
 * the parser reports just before it), with the number of the others, which it
 * almost always causes.
 */
function yamlFindings(doc: Document, text: string, lines: LineCounter, file: string): { findings: Diagnostic[]; fatal: boolean } {
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const duplicate = (e: YAMLError): Diagnostic => {
    const key = /^[^:\n]*/.exec(text.slice(e.pos[0]))![0].trim().replace(/^(["'])(.*)\1$/, '$2');
    return {
      severity: 'error',
      code: 'scheme/duplicate-key',
      message: msg(`duplicate key "${key}": each key may appear once per mapping`, `键“${key}”重复：同一层级每个键只能出现一次`),
      file,
      ...at(e.pos[0]),
    };
  };
  const syntax = errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (!syntax.length) return { findings: errors.map(duplicate), fatal: false };
  const first = syntax[0]!;
  const tab = syntax.find((e) => e.code === 'TAB_AS_INDENT' && at(e.pos[0]).line <= at(first.pos[0]).line + 1);
  const lead = tab ?? first;
  const before = errors.filter((e) => e.code === 'DUPLICATE_KEY' && e.pos[0] < lead.pos[0]);
  const more = errors.length - 1 - before.length;
  const { message, offset } = explainYaml(lead, text);
  const tail = more ? msg(` (${more} more YAML error${more === 1 ? '' : 's'}, usually caused by this one)`, `（另有 ${more} 处 YAML 错误，通常由此处引起）`) : msg('', '');
  return {
    fatal: true,
    findings: [
      ...before.map(duplicate),
      { severity: 'error', code: 'scheme/yaml', message: msg(`YAML syntax: ${message.en}${tail.en}`, `YAML 语法错误：${message.zh}${tail.zh}`), file, ...at(offset) },
    ],
  };
}

/** A parser error in words a scheme author can act on, and where to point. */
function explainYaml(e: YAMLError, text: string): { message: Msg; offset: number } {
  const off = Math.min(e.pos[0], text.length);
  const lineStart = text.lastIndexOf('\n', off - 1) + 1;
  const nl = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl).replace(/\r$/, '');
  const said = e.message.split('\n')[0]!;
  const here = (message: Msg, offset = off) => ({ message, offset });
  /** The first character of the error's line (for an indentation error). */
  const indented = lineStart + line.length - line.trimStart().length;

  // `key: value` on the error's line, split where a value starts.
  const kv = /^(\s*(?:-\s+)?)(?:([^\s#-][^#]*?|-[^\s#][^#]*?):[ \t]+)?(\S.*?)\s*$/.exec(line);
  const value = kv?.[3];
  const quoteIt = (why: Msg) => {
    const v = value!;
    const q = v.includes('"') && !v.includes("'") ? `'${v}'` : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
    const fixed = kv![2] ? `${kv![2]}: ${q}` : `- ${q}`;
    return here(msg(`${why.en}; quote it: ${fixed}`, `${why.zh}；请加引号：${fixed}`), lineStart + kv![1]!.length + (kv![2] ? line.slice(kv![1]!.length).indexOf(v, kv![2].length) : 0));
  };
  const colonHints = () => {
    const full = line.indexOf('：');
    if (full >= 0) {
      const fixed = line.trim().replace(/\s*：\s*/, ': ');
      return here(msg(`"：" is a full-width colon; write an ASCII colon and a space: ${fixed}`, `“：”是全角冒号；请改用半角冒号加空格：${fixed}`), lineStart + full);
    }
    const tight = /^(\s*(?:-\s+)?[^\s:#"']+):(?=[^\s:])/.exec(line);
    if (tight) {
      const fixed = line.trim().replace(/:/, ': ');
      return here(msg(`a colon must be followed by a space: ${fixed}`, `冒号后面必须有空格：${fixed}`), lineStart + tight[1]!.length);
    }
    if (line.trim() && !line.includes(':')) {
      return here(msg('this line has no colon; write key: value', '此行没有冒号；应写成 键: 值'), indented);
    }
    return undefined;
  };

  if (value && /^[>|]/.test(value) && !/^[>|][-+1-9]*\s*(#.*)?$/.test(value)) {
    return quoteIt(msg(`"${value[0]}" at the start of a value has a special meaning in YAML`, `值开头的“${value[0]}”在 YAML 中有特殊含义`));
  }
  switch (e.code) {
    case 'TAB_AS_INDENT':
      return here(msg('a tab is used for indentation; indent with spaces, not tabs', '缩进中有制表符（Tab）；请用空格缩进，不要用 Tab'));
    case 'BAD_SCALAR_START':
      if (value && /^[@`%]/.test(value)) return quoteIt(msg(`"${value[0]}" cannot start a value without quotes`, `值不能以“${value[0]}”开头，除非加引号`));
      break;
    case 'BLOCK_AS_IMPLICIT_KEY':
      if (value && kv![2] && /:\s/.test(value)) return quoteIt(msg('": " inside a value has a special meaning in YAML', '值中的“: ”在 YAML 中有特殊含义'));
      return here(msg('a mapping cannot start on the same line as its key; check the indentation and colons here', '映射不能与它的键写在同一行；请检查此处的缩进和冒号'));
    case 'MULTILINE_IMPLICIT_KEY':
      return colonHints() ?? here(msg('a key must fit on one line; check the indentation, colons and quotes here', '键必须写在一行内；请检查此处的缩进、冒号和引号'));
    case 'MISSING_CHAR': {
      const quote = /Missing closing (["'])quote/.exec(said)?.[1];
      if (quote) {
        let i = off - 1;
        while (i >= 0 && !(text[i] === quote && (quote === "'" || text[i - 1] !== '\\'))) i--;
        return here(msg(`a quoted value is not closed; add the closing ${quote}`, `引号没有闭合；请补上结尾的 ${quote}`), i >= 0 ? i : off);
      }
      if (/without - indicator/.test(said)) {
        return here(msg('the indentation of this line does not match the lines above; keys of one mapping start in the same column', '此行的缩进与上面的行不一致；同一映射中的键必须从同一列开始'), indented);
      }
      if (/need to be followed by map values/.test(said)) {
        return colonHints() ?? here(msg('a key needs a colon and a value: key: value', '键后面需要冒号和值：键: 值'));
      }
      if (/between flow map items/.test(said)) {
        return here(msg('inside { } or [ ], separate the items with commas and write key: value', '{ } 或 [ ] 中的各项须用逗号分隔，并写成 键: 值'));
      }
      break;
    }
    case 'BAD_INDENT': {
      const flow = /^Flow (map|sequence)/.exec(said)?.[1];
      if (flow) {
        const [open, close] = flow === 'map' ? ['{', '}'] : ['[', ']'];
        let depth = 0;
        let i = off - 1;
        for (; i >= 0; i--) {
          if (text[i] === close) depth++;
          else if (text[i] === open && depth-- === 0) break;
        }
        return here(msg(`this "${open}" is not closed; end it with "${close}"`, `“${open}”没有闭合；请用“${close}”结束`), i >= 0 ? i : off);
      }
      return here(msg('the indentation is wrong here; indent with spaces, keys of one mapping in the same column', '此处缩进不正确；请用空格缩进，同一映射中的键须在同一列'), indented);
    }
    case 'BLOCK_IN_FLOW':
      return here(msg('inside { } or [ ], separate the items with commas (is a comma missing?)', '{ } 或 [ ] 中的各项须用逗号分隔（是否漏了逗号？）'));
    case 'MULTIPLE_DOCS':
      return here(msg('a line "---" starts a second document; a scheme file holds one (remove the "---")', '“---”开始了第二个文档；方案文件只能有一个文档（请删除“---”）'));
  }
  return here(msg(`${said} (check the indentation and colons)`, `${said}（请检查缩进和冒号）`));
}

/** toJS threw: an alias without its anchor, or aliases that expand without end. */
function aliasFinding(doc: Document, e: unknown, text: string, lines: LineCounter, file: string): Diagnostic {
  const said = e instanceof Error ? e.message : String(e);
  const aliases: Alias[] = [];
  visit(doc, { Alias: (_, node) => void aliases.push(node) });
  const unresolved = aliases.find((a) => {
    try {
      return a.resolve(doc) === undefined;
    } catch {
      return true;
    }
  });
  let offset: number | undefined;
  let message: Msg;
  if (/unresolved alias/i.test(said) || unresolved) {
    const name = unresolved?.source ?? /: (.*)$/.exec(said)?.[1] ?? '';
    offset = unresolved?.range?.[0] ?? (text.includes(`*${name}`) ? text.indexOf(`*${name}`) : undefined);
    message = msg(`YAML: alias *${name} has no anchor &${name} before it; define the anchor first, or write the value out`, `YAML 错误：别名 *${name} 之前没有定义锚点 &${name}；请先定义锚点，或直接写出取值`);
  } else if (/alias count|resource exhaustion/i.test(said)) {
    offset = aliases[0]?.range?.[0];
    message = msg('YAML: the aliases (*name) expand to far too much data; write the values out instead', 'YAML 错误：别名（*名称）展开后的数据过多；请直接写出取值');
  } else {
    message = msg(`YAML: ${said}`, `YAML 错误：${said}`);
  }
  const p = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
  return { severity: 'error', code: 'scheme/yaml', message, file, line: p.line, col: p.col };
}

// ---------------------------------------------------------------------------------
// Shape and schema

const WANT = msg(
  'a scheme must be a YAML mapping with id, title, version, total, pass, units, fields and sections',
  '评估方案必须是 YAML 映射（键: 值），包含 id、title、version、total、pass、units、fields、sections 等键',
);

const isObj = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

/** The document is not a scheme at all (empty, a list, plain text, another kind of file): one finding. */
function notASchemeFinding(data: unknown, text: string, file: string): Diagnostic | undefined {
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
    knownKeys = [...found].sort();
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

function dedupe(ds: Diagnostic[]): Diagnostic[] {
  const seen = new Set<string>();
  return ds.filter((d) => {
    const k = `${d.line}:${d.col}:${d.code}:${d.message.en}`;
    return seen.has(k) ? false : (seen.add(k), true);
  });
}

const cleanPath = (path: readonly PropertyKey[]): (string | number)[] => path.filter((k): k is string | number => typeof k !== 'symbol');

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

function fromZod(issue: z.core.$ZodIssue, data: unknown, pos: Positions, file: string): Diagnostic[] {
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
