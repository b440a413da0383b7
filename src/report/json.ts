/**
 * The JSON report: a versioned, deterministic document for machines. Exact numbers
 * are written as decimals rounded to 6 places (no binary floating-point artefacts).
 */
import type { Lang } from '../diagnostics';
import type { Rational } from '../rational';
import type { Assessment, ItemResult, UnitResult } from '../engine/types';
import { actionList } from './actions';
import { explainItem, remedyText } from './explain';

export interface JsonContext {
  lang: Lang;
}

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));
const v = (x: Rational | boolean | undefined): number | boolean | null =>
  x === undefined ? null : typeof x === 'boolean' ? x : x.toNumber(6);

function item(i: ItemResult, lang: Lang, labels: Record<string, string>) {
  return {
    id: i.id,
    title: i.title,
    section: i.section,
    bonus: i.bonus,
    value: v(i.value),
    display: i.display,
    target: i.target ?? null,
    status: i.status,
    points: n(i.points),
    max: n(i.max),
    lost: n(i.lost),
    gap: n(i.gap),
    remedy: i.remedy
      ? {
          lever: i.remedy.lever,
          label: i.remedy.label,
          from: n(i.remedy.from),
          to: n(i.remedy.to),
          change: n(i.remedy.change),
          reachable: i.remedy.reachable,
          gain: n(i.remedy.gain),
        }
      : null,
    zeroedBy: i.zeroedBy ?? [],
    formula: i.formula,
    explanation: explainItem(i, lang, labels),
    basis: i.basis ?? null,
    evidence: i.evidence ?? null,
  };
}

function unit(u: UnitResult, lang: Lang, labels: Record<string, string>): unknown {
  return {
    level: u.level,
    key: u.key,
    code: u.code ?? null,
    name: u.name,
    score: n(u.score),
    max: n(u.max),
    scaled: n(u.scaled),
    bonus: n(u.bonus),
    passed: u.passed,
    grade: u.grade ?? null,
    rank: u.rank,
    of: u.of,
    vetoes: u.vetoes.map((x) => ({
      id: x.id,
      title: x.title,
      triggered: x.triggered,
      checked: x.checked,
      reason: x.reason ? x.reason[lang] : null,
      value: v(x.value),
      display: x.display,
      condition: x.condition,
    })),
    items: u.items.map((i) => item(i, lang, labels)),
    children: u.children.map((c) => unit(c, lang, labels)),
  };
}

export function formatJson(a: Assessment, ctx: JsonContext): string {
  return [...jsonChunks(a, ctx)].join('');
}

/**
 * The same document as bytes (UTF-8), built a unit at a time: a national file's
 * report is larger than the longest string V8 can hold.
 */
export function formatJsonBytes(a: Assessment, ctx: JsonContext): string | Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  let pending: string[] = [];
  let pendingLength = 0;
  let total = 0;
  const flush = () => {
    const bytes = encoder.encode(pending.join(''));
    parts.push(bytes);
    total += bytes.length;
    pending = [];
    pendingLength = 0;
  };
  for (const chunk of jsonChunks(a, ctx)) {
    pending.push(chunk);
    pendingLength += chunk.length;
    if (pendingLength > 1 << 20) flush();
  }
  // A report that fits easily stays text, as formatJson gives it.
  if (!parts.length) return pending.join('');
  flush();
  const out = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/**
 * JSON.stringify(value, null, 2) as it reads at `depth` levels of indentation:
 * stringified inside a wrapper that puts it there (no re-indenting of large text).
 */
function nested(value: unknown, depth: 1 | 2): string {
  if (depth === 1) {
    const s = JSON.stringify({ v: value }, null, 2);
    return s.slice('{\n  "v": '.length, -'\n}'.length);
  }
  const s = JSON.stringify({ v: [value] }, null, 2);
  return s.slice('{\n  "v": [\n    '.length, -'\n  ]\n}'.length);
}

/** The pieces of one top-level array, each element made and written in turn (`[]` when empty). */
function* arrayChunks<T>(list: readonly T[], make: (x: T) => unknown): Generator<string> {
  if (!list.length) {
    yield '[]';
    return;
  }
  for (let i = 0; i < list.length; i++) yield `${i ? ',' : '['}\n    ${nested(make(list[i]!), 2)}`;
  yield '\n  ]';
}

/** The document of JSON.stringify(doc, null, 2) with its large arrays written element by element. */
function* jsonChunks(a: Assessment, ctx: JsonContext): Generator<string> {
  const scheme = {
    id: a.scheme.id,
    title: a.scheme.title,
    version: a.scheme.version,
    issuer: a.scheme.issuer ?? null,
    document: a.scheme.document ?? null,
    total: n(a.scheme.total),
    pass: n(a.scheme.pass),
  };
  const data = {
    read: a.data.read,
    used: a.data.used,
    rejected: a.data.rejected,
    files: a.data.files,
    findings: a.data.findings.map((d) => ({
      severity: d.severity,
      code: d.code,
      file: d.file ?? null,
      line: d.line ?? null,
      col: d.col ?? null,
      message: d.message[ctx.lang],
    })),
  };
  yield `{\n  "schemaVersion": ${JSON.stringify(a.schemaVersion)},\n  "scheme": ${nested(scheme, 1)},\n  "units": `;
  yield* arrayChunks(a.units, (u) => unit(u, ctx.lang, a.scheme.labels));
  yield ',\n  "actions": ';
  yield* arrayChunks(actionList(a), (x) => ({
    level: x.unit.level,
    unit: x.unit.name,
    code: x.unit.code ?? null,
    item: x.item.id,
    title: x.item.title,
    lever: x.remedy.lever,
    label: x.remedy.label,
    change: n(x.remedy.change),
    to: n(x.remedy.to),
    gain: n(x.remedy.gain),
    text: remedyText(x.remedy, ctx.lang),
  }));
  yield `,\n  "data": ${nested(data, 1)}\n}\n`;
}
