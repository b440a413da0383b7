/** YAML-level findings: bytes that are not UTF-8, syntax errors in words, broken aliases. */
import { LineCounter, visit, type Alias, type Document, type YAMLError } from 'yaml';
import type { CodedDiagnostic } from '../diagnostics';
import { message } from '../messages/codes';
import type { QuoteWhy, YamlProblem } from '../messages/scheme-yaml';

/** Line and column of the first byte that is not UTF-8. */
export function badUtf8At(bytes: Uint8Array): { line: number; col: number } {
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
    if (
      (b === 0xe0 && c1 < 0xa0) ||
      (b === 0xed && c1 > 0x9f) ||
      (b === 0xf0 && c1 < 0x90) ||
      (b === 0xf4 && c1 > 0x8f)
    )
      break;
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
export function yamlFindings(
  doc: Document,
  text: string,
  lines: LineCounter,
  file: string,
): { findings: CodedDiagnostic[]; fatal: boolean } {
  const at = (offset: number) => {
    const p = lines.linePos(offset);
    return { line: p.line, col: p.col };
  };
  const errors = [...doc.errors].sort((a, b) => a.pos[0] - b.pos[0]);
  const duplicate = (e: YAMLError): CodedDiagnostic => {
    const key = /^[^:\n]*/
      .exec(text.slice(e.pos[0]))![0]
      .trim()
      .replace(/^(["'])(.*)\1$/, '$2');
    return { severity: 'error', ...message('scheme/duplicate-key', { key }), file, ...at(e.pos[0]) };
  };
  const syntax = errors.filter((e) => e.code !== 'DUPLICATE_KEY');
  if (!syntax.length) return { findings: errors.map(duplicate), fatal: false };
  const first = syntax[0]!;
  const tab = syntax.find((e) => e.code === 'TAB_AS_INDENT' && at(e.pos[0]).line <= at(first.pos[0]).line + 1);
  const lead = tab ?? first;
  const before = errors.filter((e) => e.code === 'DUPLICATE_KEY' && e.pos[0] < lead.pos[0]);
  const more = errors.length - 1 - before.length;
  const { problem, offset } = explainYaml(lead, text);
  return {
    fatal: true,
    findings: [
      ...before.map(duplicate),
      { severity: 'error', ...message('scheme/yaml', { kind: 'syntax', problem, more }), file, ...at(offset) },
    ],
  };
}

/** What the hints read: the error's line of the text, and where the error is on it. */
interface ErrorLine {
  text: string;
  /** The error's offset in the text. */
  off: number;
  lineStart: number;
  line: string;
  /** The parser's message, first line. */
  said: string;
  /** The first character of the error's line (for an indentation error). */
  indented: number;
  /** `key: value` on the error's line, split where a value starts. */
  kv: RegExpExecArray | null;
  value: string | undefined;
}

type Hint = { problem: YamlProblem; offset: number };

function errorLine(e: YAMLError, text: string): ErrorLine {
  const off = Math.min(e.pos[0], text.length);
  const lineStart = text.lastIndexOf('\n', off - 1) + 1;
  const nl = text.indexOf('\n', lineStart);
  const line = text.slice(lineStart, nl < 0 ? text.length : nl).replace(/\r$/, '');
  const kv = /^(\s*(?:-\s+)?)(?:([^\s#-][^#]*?|-[^\s#][^#]*?):[ \t]+)?(\S.*?)\s*$/.exec(line);
  return {
    text,
    off,
    lineStart,
    line,
    said: e.message.split('\n')[0]!,
    indented: lineStart + line.length - line.trimStart().length,
    kv,
    value: kv?.[3],
  };
}

const here = (l: ErrorLine, problem: YamlProblem, offset = l.off): Hint => ({ problem, offset });

/** The value quoted, pointing at the value: a character YAML reads as syntax starts or is inside it. */
function quoteIt(l: ErrorLine, why: QuoteWhy): Hint {
  const kv = l.kv!;
  const v = l.value!;
  const q = v.includes('"') && !v.includes("'") ? `'${v}'` : `"${v.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`;
  const fixed = kv[2] ? `${kv[2]}: ${q}` : `- ${q}`;
  const at = kv[2] ? l.line.slice(kv[1]!.length).indexOf(v, kv[2].length) : 0;
  return here(l, { k: 'quote', why, fixed }, l.lineStart + kv[1]!.length + at);
}

/** A colon that YAML does not see as one: full-width, with no space after it, or missing. */
function colonHints(l: ErrorLine): Hint | undefined {
  const { line, lineStart } = l;
  const full = line.indexOf('：');
  if (full >= 0) {
    const fixed = line.trim().replace(/\s*：\s*/, ': ');
    return here(l, { k: 'full-width-colon', fixed }, lineStart + full);
  }
  const tight = /^(\s*(?:-\s+)?[^\s:#"']+):(?=[^\s:])/.exec(line);
  if (tight) {
    const fixed = line.trim().replace(/:/, ': ');
    return here(l, { k: 'tight-colon', fixed }, lineStart + tight[1]!.length);
  }
  if (line.trim() && !line.includes(':')) {
    return here(l, { k: 'no-colon' }, l.indented);
  }
  return undefined;
}

/** A missing character: a closing quote (pointing at the opening one), a dash, a value, a comma. */
function missingChar(l: ErrorLine): Hint | undefined {
  const { said, text, off } = l;
  const quote = /Missing closing (["'])quote/.exec(said)?.[1];
  if (quote) {
    let i = off - 1;
    while (i >= 0 && !(text[i] === quote && (quote === "'" || text[i - 1] !== '\\'))) i--;
    return here(l, { k: 'unclosed-quote', quote }, i >= 0 ? i : off);
  }
  if (/without - indicator/.test(said)) return here(l, { k: 'indent-dash' }, l.indented);
  if (/need to be followed by map values/.test(said)) return colonHints(l) ?? here(l, { k: 'needs-value' });
  if (/between flow map items/.test(said)) return here(l, { k: 'flow-items' });
  return undefined;
}

/** Bad indentation, or a flow map or sequence left open (pointing at its opening bracket). */
function badIndent(l: ErrorLine): Hint {
  const { text, off } = l;
  const flow = /^Flow (map|sequence)/.exec(l.said)?.[1];
  if (!flow) return here(l, { k: 'bad-indent' }, l.indented);
  const [open, close] = flow === 'map' ? ['{', '}'] : ['[', ']'];
  let depth = 0;
  let i = off - 1;
  for (; i >= 0; i--) {
    if (text[i] === close) depth++;
    else if (text[i] === open && depth-- === 0) break;
  }
  return here(l, { k: 'unclosed-flow', open: open, close: close }, i >= 0 ? i : off);
}

/** The hint for each parser error code that has one (none: the parser's own words). */
const HINTS: Partial<Record<YAMLError['code'], (l: ErrorLine) => Hint | undefined>> = {
  TAB_AS_INDENT: (l) => here(l, { k: 'tab' }),
  BAD_SCALAR_START: (l) =>
    l.value && /^[@`%]/.test(l.value) ? quoteIt(l, { k: 'scalar-start', ch: l.value[0]! }) : undefined,
  BLOCK_AS_IMPLICIT_KEY: (l) =>
    l.value && l.kv?.[2] && /:\s/.test(l.value) ? quoteIt(l, { k: 'colon-space' }) : here(l, { k: 'block-as-key' }),
  MULTILINE_IMPLICIT_KEY: (l) => colonHints(l) ?? here(l, { k: 'multiline-key' }),
  MISSING_CHAR: missingChar,
  BAD_INDENT: badIndent,
  BLOCK_IN_FLOW: (l) => here(l, { k: 'block-in-flow' }),
  MULTIPLE_DOCS: (l) => here(l, { k: 'multiple-docs' }),
};

/** A parser error in words a scheme author can act on, and where to point. */
function explainYaml(e: YAMLError, text: string): Hint {
  const l = errorLine(e, text);
  const { value } = l;
  if (value && /^[>|]/.test(value) && !/^[>|][-+1-9]*\s*(#.*)?$/.test(value)) {
    return quoteIt(l, { k: 'block-char', ch: value[0]! });
  }
  return HINTS[e.code]?.(l) ?? here(l, { k: 'parser', said: l.said });
}

/** toJS threw: an alias without its anchor, or aliases that expand without end. */
export function aliasFinding(
  doc: Document,
  e: unknown,
  text: string,
  lines: LineCounter,
  file: string,
): CodedDiagnostic {
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
  let m: ReturnType<typeof message>;
  if (/unresolved alias/i.test(said) || unresolved) {
    const name = unresolved?.source ?? /: (.*)$/.exec(said)?.[1] ?? '';
    offset = unresolved?.range?.[0] ?? (text.includes(`*${name}`) ? text.indexOf(`*${name}`) : undefined);
    m = message('scheme/yaml', { kind: 'alias', name });
  } else if (/alias count|resource exhaustion/i.test(said)) {
    offset = aliases[0]?.range?.[0];
    m = message('scheme/yaml', { kind: 'alias-bomb' });
  } else {
    m = message('scheme/yaml', { kind: 'other', said });
  }
  const p = offset === undefined ? { line: 1, col: 1 } : lines.linePos(offset);
  return { severity: 'error', ...m, file, line: p.line, col: p.col };
}
