/**
 * Reading the inspectors' adjustments file (抽查核定): CSV (UTF-8, BOM, GB18030) or
 * YAML (a list of mappings, or a mapping with one key `adjustments`). Columns or keys
 * in English or Chinese. Validation here is what needs no scheme and no data: known
 * columns, required values, numbers, dates. Whether the unit and the item exist, and
 * whether an override fits the item's points, is checked by the engine (adjust.ts).
 * Pure: the caller reads the bytes. Every finding carries file:line:col.
 */
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { msg, sortDiagnostics, worded, type Diagnostic, type Msg } from '../diagnostics';
import { Rational } from '../rational';
import { yamlFindings } from '../scheme/yaml-findings';
import { isDate } from './dates';
import { decode } from './decode';
import { normalizeLabel } from './normalize';
import { readRows } from './table';

export { isDate } from './dates';

export type AdjustmentKey = 'unit' | 'item' | 'deduct' | 'override' | 'reason' | 'authority' | 'document' | 'date' | 'expires';

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

const BY_HEADER = new Map(Object.entries(ADJUSTMENT_HEADERS).flatMap(([k, hs]) => hs.map((h) => [normalizeLabel(h), k as AdjustmentKey] as const)));

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
  findings: Diagnostic[];
}

/** A value as found in the file: text (CSV, YAML strings), or a YAML number or boolean. */
type Raw = string | number | boolean | null;

interface Entry {
  line: number;
  col: number;
  values: Map<AdjustmentKey, { raw: Raw; at: Pos }>;
}

const headerList = (): string => Object.values(ADJUSTMENT_HEADERS).map((hs) => hs.join('/')).join(', ');

/** By the file's name: `.yaml`/`.yml` is YAML, anything else CSV. */
export function parseAdjustments(bytes: Uint8Array, file: string): ParsedAdjustments {
  return /\.ya?ml$/i.test(file) ? parseYaml(bytes, file) : parseCsv(bytes, file);
}

function finding(file: string, at: Pos, code: string, message: Msg, severity: Diagnostic['severity'] = 'error'): Diagnostic {
  return { severity, code: `adjust/${code}`, message, file, line: at.line, col: at.col };
}

export function parseCsv(bytes: Uint8Array, file: string): ParsedAdjustments {
  const d = decode(bytes);
  if (d.lossy) return { adjustments: [], findings: [finding(file, { line: 1, col: 1 }, 'encoding', msg('not text in UTF-8 or GB18030: save the adjustments as CSV (or YAML)', '不是 UTF-8 或 GB18030 文本：请将核定表另存为 CSV（或 YAML）'))] };
  const { rows, error } = readRows(d.text, file);
  if (error) return { adjustments: [], findings: [{ ...error, code: 'adjust/csv' }] };
  const findings: Diagnostic[] = [];
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
      findings.push(finding(file, at, 'unknown-column', msg(`unknown column "${text}" (known: ${headerList()})`, `未知的列“${text}”（可用：${headerList()}）`)));
      columns.push(undefined);
    } else if (seen.has(key)) {
      findings.push(finding(file, at, 'duplicate-column', msg(`column "${text}" repeats column ${seen.get(key)! + 1} (${key})`, `列“${text}”与第 ${seen.get(key)! + 1} 列重复（${key}）`)));
      columns.push(undefined);
    } else {
      seen.set(key, i);
      columns.push(key);
    }
  });
  const missing = REQUIRED.filter((k) => !seen.has(k));
  if (!seen.has('deduct') && !seen.has('override')) missing.push('deduct');
  for (const k of missing) {
    const names = k === 'deduct' ? `${ADJUSTMENT_HEADERS.deduct.join('/')} or ${ADJUSTMENT_HEADERS.override.join('/')}` : ADJUSTMENT_HEADERS[k].join('/');
    const zh = k === 'deduct' ? `${ADJUSTMENT_HEADERS.deduct.join('/')} 或 ${ADJUSTMENT_HEADERS.override.join('/')}` : ADJUSTMENT_HEADERS[k].join('/');
    findings.push(finding(file, { line: head.line, col: 1 }, 'missing-column', msg(`no column ${names}`, `缺少列 ${zh}`)));
  }
  if (findings.length) return { adjustments: [], findings };
  const entries: Entry[] = body.map((r) => {
    const values = new Map<AdjustmentKey, { raw: Raw; at: Pos }>();
    r.cells.forEach((cell, i) => {
      const key = columns[i];
      if (key) values.set(key, { raw: cell, at: { line: r.line, col: i + 1 } });
      else if (cell.trim() !== '') findings.push(finding(file, { line: r.line, col: i + 1 }, 'extra-cell', msg(`a value in column ${i + 1}, which has no header`, `第 ${i + 1} 列没有表头，却有数值`)));
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
    return { adjustments: [], findings: [finding(file, { line: 1, col: 1 }, 'encoding', msg('the YAML file is not UTF-8 text; save it as UTF-8', 'YAML 文件不是 UTF-8 文本；请另存为 UTF-8 编码'))] };
  }
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: true, prettyErrors: false });
  const at = (n: Node | null | undefined): Pos => {
    const p = lines.linePos(n?.range?.[0] ?? 0);
    return { line: p.line, col: p.col };
  };
  const syntax = yamlFindings(doc, text, lines, file);
  const findings = syntax.findings.map((d) => ({ ...worded(d), code: d.code.replace(/^scheme\//, 'adjust/') }));
  if (syntax.fatal) return { adjustments: [], findings };
  let list: Node | null = doc.contents;
  if (list === null) return { adjustments: [], findings };
  if (isMap(list)) {
    const pairs = list.items;
    const wrap = pairs.find((p) => isScalar(p.key) && ['adjustments', '抽查核定'].includes(String(p.key.value)));
    for (const p of pairs) {
      if (p === wrap) continue;
      const key = p.key as Node;
      findings.push(finding(file, at(key), 'unknown-key', msg(`unknown key "${isScalar(key) ? String(key.value) : '?'}": the file holds a list, or one key adjustments (抽查核定) with the list`, `未知的键“${isScalar(key) ? String(key.value) : '?'}”：文件应为一个列表，或只含键 adjustments（抽查核定）下的列表`)));
    }
    list = (wrap?.value as Node | null | undefined) ?? null;
    if (list === null) return { adjustments: [], findings };
  }
  if (!isSeq(list)) {
    findings.push(finding(file, at(list), 'not-a-list', msg('expected a list of adjustments (- unit: …)', '应为核定项的列表（- 单位: …）')));
    return { adjustments: [], findings };
  }
  const entries: Entry[] = [];
  for (const node of list.items) {
    const here = at(node as Node);
    if (!isMap(node)) {
      findings.push(finding(file, here, 'not-a-mapping', msg('each adjustment is a mapping of keys (unit: …, item: …)', '每个核定项应为键值对（单位: …，指标: …）')));
      continue;
    }
    const values = new Map<AdjustmentKey, { raw: Raw; at: Pos }>();
    const names = new Map<AdjustmentKey, string>();
    for (const p of node.items) {
      const keyNode = p.key as Node;
      const name = isScalar(keyNode) ? String(keyNode.value) : '?';
      const key = BY_HEADER.get(normalizeLabel(name));
      if (!key) {
        findings.push(finding(file, at(keyNode), 'unknown-key', msg(`unknown key "${name}" (known: ${headerList()})`, `未知的键“${name}”（可用：${headerList()}）`)));
        continue;
      }
      if (values.has(key)) {
        // The same spelling twice is the YAML parser's duplicate key, reported above; `unit` and `单位` is ours.
        if (names.get(key) !== name) findings.push(finding(file, at(keyNode), 'duplicate-key', msg(`key "${name}" repeats ${names.get(key)} (${key}) given above`, `键“${name}”与上面的“${names.get(key)}”（${key}）重复`)));
        continue;
      }
      names.set(key, name);
      const v = p.value as Node | null;
      if (v !== null && !isScalar(v)) {
        findings.push(finding(file, at(v), 'not-a-value', msg(`${name}: expected one value, not a list or mapping`, `${name}：应为单个值，而不是列表或键值对`)));
        continue;
      }
      const raw = v === null ? null : (v.value as unknown);
      values.set(key, { raw: typeof raw === 'string' || typeof raw === 'number' || typeof raw === 'boolean' ? raw : null, at: v ? at(v) : at(keyNode) });
    }
    entries.push({ line: here.line, col: here.col, values });
  }
  return check(entries, file, findings);
}


/** The per-entry checks; an entry with any error is left out. */
function check(entries: Entry[], file: string, findings: Diagnostic[]): ParsedAdjustments {
  const adjustments: AdjustmentInput[] = [];
  for (const e of entries) {
    const errors: Diagnostic[] = [];
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
        errors.push(finding(file, e.values.has(k) ? where(k) : row, 'missing-value', msg(`no ${en} given`, `未填写${zh}`)));
      }
    }
    const deduct = text('deduct');
    const override = text('override');
    let kind: 'deduct' | 'override' | undefined;
    if (deduct !== undefined && override !== undefined) {
      errors.push(finding(file, where('override'), 'both', msg('both deduct and override given: an adjustment either deducts points or sets them', '同时填写了扣分和核定得分：一项核定只能扣分或直接核定得分，二者取一')));
    } else if (deduct === undefined && override === undefined) {
      errors.push(finding(file, row, 'missing-value', msg('no deduct or override given', '未填写扣分或核定得分')));
    } else kind = deduct !== undefined ? 'deduct' : 'override';
    let amount: Rational | undefined;
    if (kind) {
      const s = (kind === 'deduct' ? deduct : override)!;
      amount = Rational.parse(s.normalize('NFKC'));
      const name = kind === 'deduct' ? 'deduct (扣分)' : 'override (核定得分)';
      if (!amount) errors.push(finding(file, where(kind), 'not-a-number', msg(`${name}: "${s}" is not a number`, `${name}：“${s}”不是数字`)));
      else if (amount.sign() < 0) {
        errors.push(
          kind === 'deduct'
            ? finding(file, where(kind), 'negative', msg(`deduct (扣分): ${s} is negative; write the points to take off (to give points back, use override)`, `扣分：${s} 为负数；请填写扣去的分数（加回分数请用核定得分）`))
            : finding(file, where(kind), 'override-range', msg(`override (核定得分): ${s} is below 0`, `核定得分：${s} 小于 0`)),
        );
      }
    }
    const date = text('date');
    const expires = text('expires');
    for (const [k, v] of [['date', date], ['expires', expires]] as const) {
      if (v !== undefined && !isDate(v)) {
        const [en, zh] = ADJUSTMENT_HEADERS[k];
        errors.push(finding(file, where(k), 'bad-date', msg(`${en} (${zh}): "${v}" is not a date written YYYY-MM-DD (e.g. 2026-07-15)`, `${zh}：“${v}”不是 YYYY-MM-DD 格式的日期（如 2026-07-15）`)));
      }
    }
    if (date && expires && isDate(date) && isDate(expires) && expires < date) {
      errors.push(finding(file, where('expires'), 'expires-before-date', msg(`expires ${expires} is before the adjustment's date ${date}`, `有效期至 ${expires} 早于核定日期 ${date}`)));
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
