/** YAML-level findings: bytes that are not UTF-8, syntax errors in words, broken aliases. */
import { LineCounter, visit, type Alias, type Document, type YAMLError } from 'yaml';
import { msg, type Diagnostic, type Msg } from '../diagnostics';


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
export function yamlFindings(doc: Document, text: string, lines: LineCounter, file: string): { findings: Diagnostic[]; fatal: boolean } {
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
export function aliasFinding(doc: Document, e: unknown, text: string, lines: LineCounter, file: string): Diagnostic {
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

