/**
 * Reading the inspectors' adjustments file (抽查核定): CSV (UTF-8, BOM, GB18030) or
 * YAML (a list of mappings, or a mapping with one key `adjustments`). Columns or keys
 * in English or Chinese. Validation here is what needs no scheme and no data: known
 * columns, required values, numbers, dates. Whether the unit and the item exist, and
 * whether an override fits the item's points, is checked by the engine (adjust.ts).
 * Pure: the caller reads the bytes. Every finding carries file:line:col.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { sortDiagnostics, worded, type CodedDiagnostic, type Diagnostic, type Finding } from '../diagnostics';
import { message, type Message } from '../messages/codes';
import { Rational } from '../rational';
import { yamlFindings } from '../scheme/yaml-findings';
import { isDate } from './dates';
import { decode } from './decode';
import { normalizeLabel } from './normalize';
import { readRows } from './table';

export { isDate } from './dates';

export type AdjustmentKey =
  'unit' | 'item' | 'deduct' | 'override' | 'reason' | 'authority' | 'document' | 'date' | 'expires';

/** The accepted column headers (CSV) and keys (YAML) of each value, English then Chinese. */
export const ADJUSTMENT_HEADERS: Record<AdjustmentKey, readonly string[]> = {
  unit: ['unit', '单位'],
  item: ['item', '指标'],
  deduct: ['deduct', '扣分'],
  override: ['override', '核定得分'],
  reason: ['reason', '理由'],
  authority: ['authority', '核查单位'],
  document: ['document', '文号'],
  date: ['date', '日期'],
  expires: ['expires', '有效期至'],
};

const REQUIRED: readonly AdjustmentKey[] = ['unit', 'item', 'reason', 'authority', 'date'];

const BY_HEADER = new Map(
  Object.entries(ADJUSTMENT_HEADERS).flatMap(([k, hs]) =>
    hs.map((h) => [normalizeLabel(h), k as AdjustmentKey] as const),
  ),
);

export interface Pos {
  line: number;
  col: number;
}

/** What an adjustment says, whichever unit and item it names. */
export interface AdjustmentTerms {
  kind: 'deduct' | 'override';
  amount: Rational;
  reason: string;
  authority: string;
  document?: string;
  date: string;
  expires?: string;
}

/** One valid line of the file, its unit and item still as written. */
export interface AdjustmentInput extends AdjustmentTerms {
  file: string;
  /** Where the line (CSV row, YAML entry) starts. */
  line: number;
  col: number;
  unit: string;
  item: string;
  /** Where each value was written, for findings about it. */
  at: Partial<Record<AdjustmentKey, Pos>>;
}

export interface ParsedAdjustments {
  adjustments: AdjustmentInput[];
  findings: Finding[];
}

/** A value as found in the file: text (CSV, YAML strings), or a YAML number or boolean. */
type Raw = string | number | boolean | null;

interface Entry {
  line: number;
  col: number;
  values: Map<AdjustmentKey, { raw: Raw; at: Pos }>;
}

const headerList = (): string[] => Object.values(ADJUSTMENT_HEADERS).map((hs) => hs.join('/'));

/** By the file's name: `.yaml`/`.yml` is YAML, anything else CSV. */
export function parseAdjustments(bytes: Uint8Array, file: string): ParsedAdjustments {
  return /\.ya?ml$/i.test(file) ? parseYaml(bytes, file) : parseCsv(bytes, file);
}

function finding(file: string, at: Pos, m: Message, severity: Finding['severity'] = 'error'): CodedDiagnostic {
  return { severity, ...m, file, line: at.line, col: at.col };
}

export function parseCsv(bytes: Uint8Array, file: string): ParsedAdjustments {
  const d = decode(bytes);
  if (d.lossy)
    return {
      adjustments: [],
      findings: [finding(file, { line: 1, col: 1 }, message('adjust/encoding', { kind: 'csv' }))],
    };
  const { rows, error } = readRows(d.text, file);
  if (error) return { adjustments: [], findings: [{ ...error, code: 'adjust/csv' } as unknown as CodedDiagnostic] }; // the same words, said for the adjustments
  const findings: Finding[] = [];
  const [head, ...body] = rows;
  if (!head) return { adjustments: [], findings };
  const columns: (AdjustmentKey | undefined)[] = [];
  const seen = new Map<AdjustmentKey, number>();
  head.cells.forEach((cell, i) => {
    const text = cell.trim();
    const at = { line: head.line, col: i + 1 };
    if (text === '') {
      columns.push(undefined);
      return;
    }
    const key = BY_HEADER.get(normalizeLabel(text));
    if (!key) {
      findings.push(finding(file, at, message('adjust/unknown-column', { column: text, known: headerList() })));
      columns.push(undefined);
    } else if (seen.has(key)) {
      findings.push(
        finding(file, at, message('adjust/duplicate-column', { column: text, first: seen.get(key)! + 1, key })),
      );
      columns.push(undefined);
    } else {
      seen.set(key, i);
      columns.push(key);
    }
  });
  const missing = REQUIRED.filter((k) => !seen.has(k));
  if (!seen.has('deduct') && !seen.has('override')) missing.push('deduct');
  for (const k of missing) {
    const names = [...ADJUSTMENT_HEADERS[k]];
    findings.push(
      finding(
        file,
        { line: head.line, col: 1 },
        message('adjust/missing-column', k === 'deduct' ? { names, or: [...ADJUSTMENT_HEADERS.override] } : { names }),
      ),
    );
  }
  if (findings.length) return { adjustments: [], findings };
  const entries: Entry[] = body.map((r) => {
    const values = new Map<AdjustmentKey, { raw: Raw; at: Pos }>();
    r.cells.forEach((cell, i) => {
      const key = columns[i];
      if (key) values.set(key, { raw: cell, at: { line: r.line, col: i + 1 } });
      else if (cell.trim() !== '')
        findings.push(finding(file, { line: r.line, col: i + 1 }, message('adjust/extra-cell', { col: i + 1 })));
    });
    return { line: r.line, col: 1, values };
  });
  return check(entries, file, findings);
}

export function parseYaml(bytes: Uint8Array, file: string): ParsedAdjustments {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes).replace(/^\ufeff/, '');
  } catch {
    return {
      adjustments: [],
      findings: [finding(file, { line: 1, col: 1 }, message('adjust/encoding', { kind: 'yaml' }))],
    };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (n: Node | null | undefined): Pos => {
    const p = lines.linePos(n?.range?.[0] ?? 0);
    return { line: p.line, col: p.col };
  };
  const syntax = yamlFindings(doc, text, lines, file);
  const findings: Finding[] = syntax.findings.map((d) => ({
    ...worded(d),
    code: d.code.replace(/^scheme\//, 'adjust/'),
  }));
  if (syntax.fatal) return { adjustments: [], findings };
  let list: Node | null = doc.contents;
  if (list === null) return { adjustments: [], findings };
  if (isMap(list)) {
    const pairs = list.items;
    const wrap = pairs.find((p) => isScalar(p.key) && ['adjustments', '抽查核定'].includes(String(p.key.value)));
    for (const p of pairs) {
      if (p === wrap) continue;
      const key = p.key as Node;
      findings.push(
        finding(
          file,
          at(key),
          message('adjust/unknown-key', { kind: 'top', key: isScalar(key) ? String(key.value) : '?' }),
        ),
      );
    }
    list = (wrap?.value as Node | null | undefined) ?? null;
    if (list === null) return { adjustments: [], findings };
  }
  if (!isSeq(list)) {
    findings.push(finding(file, at(list), message('adjust/not-a-list', {})));
    return { adjustments: [], findings };
  }
  const entries: Entry[] = [];
  for (const node of list.items) {
    const here = at(node as Node);
    if (!isMap(node)) {
      findings.push(finding(file, here, message('adjust/not-a-mapping', {})));
      continue;
    }
    const values = new Map<AdjustmentKey, { raw: Raw; at: Pos }>();
    const names = new Map<AdjustmentKey, string>();
    for (const p of node.items) {
      const keyNode = p.key as Node;
      const name = isScalar(keyNode) ? String(keyNode.value) : '?';
      const key = BY_HEADER.get(normalizeLabel(name));
      if (!key) {
        findings.push(
          finding(file, at(keyNode), message('adjust/unknown-key', { kind: 'entry', key: name, known: headerList() })),
        );
        continue;
      }
      if (values.has(key)) {
        // The same spelling twice is the YAML parser's duplicate key, reported above; `unit` and `单位` is ours.
        if (names.get(key) !== name)
          findings.push(
            finding(
              file,
              at(keyNode),
              message('adjust/duplicate-key', { key: name, first: String(names.get(key)), field: key }),
            ),
          );
        continue;
      }
      names.set(key, name);
      const v = p.value as Node | null;
      if (v !== null && !isScalar(v)) {
        findings.push(finding(file, at(v), message('adjust/not-a-value', { key: name })));
        continue;
      }
      const raw = v === null ? null : v.value;
      values.set(key, {
        raw: typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null,
        at: v ? at(v) : at(keyNode),
      });
    }
    entries.push({ line: here.line, col: here.col, values });
  }
  return check(entries, file, findings);
}

/** The per-entry checks; an entry with any error is left out. */
function check(entries: Entry[], file: string, findings: Finding[]): ParsedAdjustments {
  const adjustments: AdjustmentInput[] = [];
  for (const e of entries) {
    const errors: Finding[] = [];
    const text = (k: AdjustmentKey): string | undefined => {
      const v = e.values.get(k);
      if (v === undefined || v.raw === null) return undefined;
      const s = String(v.raw).trim();
      return s === '' ? undefined : s;
    };
    const where = (k: AdjustmentKey): Pos => e.values.get(k)?.at ?? { line: e.line, col: e.col };
    const row = { line: e.line, col: e.col };
    for (const k of REQUIRED) {
      if (text(k) === undefined) {
        const [en, zh] = ADJUSTMENT_HEADERS[k];
        errors.push(
          finding(
            file,
            e.values.has(k) ? where(k) : row,
            message('adjust/missing-value', { kind: 'field', en: en!, zh: zh! }),
          ),
        );
      }
    }
    const deduct = text('deduct');
    const override = text('override');
    let kind: 'deduct' | 'override' | undefined;
    if (deduct !== undefined && override !== undefined) {
      errors.push(finding(file, where('override'), message('adjust/both', {})));
    } else if (deduct === undefined && override === undefined) {
      errors.push(finding(file, row, message('adjust/missing-value', { kind: 'amount' })));
    } else kind = deduct !== undefined ? 'deduct' : 'override';
    let amount: Rational | undefined;
    if (kind) {
      const s = (kind === 'deduct' ? deduct : override)!;
      amount = Rational.parse(s.normalize('NFKC'));
      if (!amount) errors.push(finding(file, where(kind), message('adjust/not-a-number', { kind, value: s })));
      else if (amount.sign() < 0) {
        errors.push(
          kind === 'deduct'
            ? finding(file, where(kind), message('adjust/negative', { value: s }))
            : finding(file, where(kind), message('adjust/override-range', { below: s })),
        );
      }
    }
    const date = text('date');
    const expires = text('expires');
    for (const [k, v] of [
      ['date', date],
      ['expires', expires],
    ] as const) {
      if (v !== undefined && !isDate(v)) {
        const [en, zh] = ADJUSTMENT_HEADERS[k];
        errors.push(finding(file, where(k), message('adjust/bad-date', { en: en!, zh: zh!, value: v })));
      }
    }
    if (date && expires && isDate(date) && isDate(expires) && expires < date) {
      errors.push(finding(file, where('expires'), message('adjust/expires-before-date', { expires, date })));
    }
    if (errors.length || !kind || !amount) {
      findings.push(...errors);
      continue;
    }
    const document = text('document');
    adjustments.push({
      file,
      line: e.line,
      col: e.col,
      unit: text('unit')!,
      item: text('item')!,
      kind,
      amount,
      reason: text('reason')!,
      authority: text('authority')!,
      ...(document !== undefined ? { document } : {}),
      date: date!,
      ...(expires !== undefined ? { expires } : {}),
      at: Object.fromEntries([...e.values].map(([k, v]) => [k, v.at])),
    });
  }
  return { adjustments, findings: sortDiagnostics(findings) };
}
