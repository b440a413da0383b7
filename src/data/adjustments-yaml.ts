/** An adjustments file in YAML: a list of mappings, or a mapping with one key `adjustments` (抽查核定) holding the list. */
import {
  isMap,
  isScalar,
  isSeq,
  LineCounter,
  parseDocument,
  type Document,
  type Node,
  type Pair,
  type YAMLMap,
} from 'yaml';
import { worded, type Finding } from '../diagnostics';
import { message } from '../messages/codes';
import { yamlFindings } from '../scheme/yaml-findings';
import type { ParsedAdjustments } from './adjustments';
import { check } from './adjustment-check';
import {
  BY_HEADER,
  finding,
  headerList,
  type AdjustmentKey,
  type Entry,
  type Pos,
  type Raw,
} from './adjustment-fields';
import { normalizeLabel } from './normalize';

/** Where a node starts. */
type PosOf = (n: Node | null | undefined) => Pos;

export function parseYaml(bytes: Uint8Array, file: string): ParsedAdjustments {
  const text = utf8(bytes);
  if (text === undefined) {
    return {
      adjustments: [],
      findings: [finding(file, { line: 1, col: 1 }, message('adjust/encoding', { kind: 'yaml' }))],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at: PosOf = (n) => {
    const p = lines.linePos(n?.range?.[0] ?? 0);
    return { line: p.line, col: p.col };
  };
  const syntax = yamlFindings(doc, text, lines, file);
  const findings: Finding[] = syntax.findings.map((d) => ({
    ...worded(d),
    code: d.code.replace(/^scheme\//, 'adjust/'),
  }));
  if (syntax.fatal) return { adjustments: [], findings };
  const list = theList(doc, at, file, findings);
  if (list === null) return { adjustments: [], findings };
  if (!isSeq(list)) {
    findings.push(finding(file, at(list), message('adjust/not-a-list', {})));
    return { adjustments: [], findings };
  }
  const entries: Entry[] = [];
  for (const node of list.items) {
    if (isMap(node)) entries.push(entryOf(node, at, file, findings));
    else findings.push(finding(file, at(node as Node), message('adjust/not-a-mapping', {})));
  }
  return check(entries, file, findings);
}

/** The bytes as UTF-8 without a BOM, or undefined when they are not UTF-8. */
function utf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return undefined;
  }
}

/** The document's list: itself, or the value of its `adjustments` key (any other top key said); null when none. */
function theList(doc: Document.Parsed, at: PosOf, file: string, findings: Finding[]): Node | null {
  const top = doc.contents;
  if (top === null || !isMap(top)) return top;
  const wrap = top.items.find((p) => isScalar(p.key) && ['adjustments', '抽查核定'].includes(String(p.key.value)));
  for (const p of top.items) {
    if (p === wrap) continue;
    const key = p.key as Node;
    const name = isScalar(key) ? String(key.value) : '?';
    findings.push(finding(file, at(key), message('adjust/unknown-key', { kind: 'top', key: name })));
  }
  return (wrap?.value as Node | null | undefined) ?? null;
}

/** One mapping of the list as an entry: its known keys' values (unknown keys, the same value twice, a non-scalar said). */
function entryOf(node: YAMLMap, at: PosOf, file: string, findings: Finding[]): Entry {
  const here = at(node);
  const values = new Map<AdjustmentKey, { raw: Raw; at: Pos }>();
  const names = new Map<AdjustmentKey, string>();
  for (const p of node.items) {
    const keyNode = p.key as Node;
    const name = isScalar(keyNode) ? String(keyNode.value) : '?';
    const key = BY_HEADER.get(normalizeLabel(name));
    if (!key) {
      const m = message('adjust/unknown-key', { kind: 'entry', key: name, known: headerList() });
      findings.push(finding(file, at(keyNode), m));
    } else if (values.has(key)) {
      // The same spelling twice is the YAML parser's duplicate key, reported above; `unit` and `单位` is ours.
      if (names.get(key) !== name) {
        const m = message('adjust/duplicate-key', { key: name, first: String(names.get(key)), field: key });
        findings.push(finding(file, at(keyNode), m));
      }
    } else {
      names.set(key, name);
      const value = valueOf(p, keyNode, name, at, file, findings);
      if (value) values.set(key, value);
    }
  }
  return { line: here.line, col: here.col, values };
}

/** A key's value: a scalar (or nothing) and where it is; a list or mapping there is said, and undefined. */
function valueOf(
  p: Pair,
  keyNode: Node,
  name: string,
  at: PosOf,
  file: string,
  findings: Finding[],
): { raw: Raw; at: Pos } | undefined {
  const v = p.value as Node | null;
  if (v !== null && !isScalar(v)) {
    findings.push(finding(file, at(v), message('adjust/not-a-value', { key: name })));
    return undefined;
  }
  const raw = v === null ? null : v.value;
  return {
    raw: typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null,
    at: v ? at(v) : at(keyNode),
  };
}
