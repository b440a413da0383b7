/**
 * Reading pinggu JSON reports back (pure, over text): a single-assessment JSON
 * (`schemaVersion`, `scheme`, `units`, …, optional `period`) or a batch JSON
 * (`kind: "batch"`, `assessments[]`, see docs/batch-json.md), into a flat list of
 * snapshots, one per unit (county and every unit below it) and period.
 *
 *   readReport(text: string, file: string): Report      // throws InputError (exit 2)
 *   parseReport(doc: unknown, file: string): Report     // the same over parsed JSON
 *
 * A batch JSON of schemaVersion 2 (`detail: "summary"`) writes what every unit
 * shows alike (title, section, target, formula) once, in the top-level `items`, and
 * the units below each county compact: their items are arrays of `itemFields`, for
 * the ids of the parent's `childItems` (or the unit's own `itemIds`).
 *
 * Anything that is not a pinggu report (bad JSON, wrong shape, another
 * schemaVersion) is one error naming the file (and, for JSON syntax, line:col),
 * in both languages. Numbers become exact Rationals from their decimal text, so
 * differences carry no binary artefacts.
 */
import type { CodedDiagnostic } from '../diagnostics';
import { message } from '../messages/codes';
import type { NotAReport } from '../messages/trend';
import { InputError } from '../errors';
import { Rational } from '../rational';
import { jsonErrorAt } from './json-error';
import { arr, bool, int, num, obj, period, Shape, str, strOrNull, type Obj } from './read-values';

export const STATUSES = ['met', 'partial', 'failed', 'na', 'missing', 'invalid'] as const;
export type ItemStatus = (typeof STATUSES)[number];

export interface SchemeInfo {
  id: string;
  version: string;
  title: string;
  total: Rational;
  pass: Rational;
  /** Section titles by id, when the report carries them (`scheme.sections`); else empty. */
  sections: Map<string, string>;
}

export interface ItemSnap {
  id: string;
  title: string;
  section: string;
  bonus: boolean;
  points: Rational;
  max: Rational;
  lost: Rational;
  value: Rational | boolean | null;
  display: string;
  status: ItemStatus;
  target: string | null;
  formula: string | null;
  /** Rank of this unit on this item among the units of the period (batch `rankings`), else null. */
  rank: number | null;
  of: number | null;
}

export interface Snapshot {
  period: string | null;
  /** The batch assessment's `source`, else null. */
  source: string | null;
  unitKey: string;
  unitName: string;
  level: string;
  /** Keys from the top-level unit down to this one; names likewise. */
  path: string[];
  names: string[];
  /** 0 for the top-level units of the report (the counties), 1 below, … */
  depth: number;
  scaled: Rational;
  passed: boolean;
  grade: string | null;
  rank: number;
  of: number;
  vetoed: boolean;
  items: Map<string, ItemSnap>;
  scheme: SchemeInfo;
}

export interface Report {
  file: string;
  kind: 'single' | 'batch';
  scheme: SchemeInfo;
  snapshots: Snapshot[];
}

const fail = (file: string, m: NotAReport, pos?: { line: number; col: number }, path?: string): InputError => {
  const d: CodedDiagnostic = {
    severity: 'error',
    file,
    ...message('trend/not-a-report', m),
    ...(pos ?? {}),
    ...(path ? { path } : {}),
  };
  return new InputError([d]);
};

export function readReport(text: string, file: string): Report {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  let doc: unknown;
  try {
    doc = JSON.parse(body);
  } catch (e) {
    const at = jsonErrorAt(body);
    const why = String((e as Error).message)
      .replace(/ in JSON at position \d+.*$/, '')
      .replace(/, ".*"(?:\.\.\.)? is not valid JSON$/s, '');
    throw fail(file, { kind: 'json', why }, { line: at.line, col: at.col });
  }
  return parseReport(doc, file);
}

export function parseReport(doc: unknown, file: string): Report {
  try {
    return parse(doc, file);
  } catch (e) {
    if (e instanceof Shape) throw fail(file, e.what, undefined, e.where || undefined);
    throw e;
  }
}

function scheme(v: unknown): SchemeInfo {
  const s = obj(v, 'scheme');
  const sections = new Map<string, string>();
  if (Array.isArray(s.sections)) {
    s.sections.forEach((x, i) => {
      const o = obj(x, `scheme.sections[${i}]`);
      sections.set(str(o.id, `scheme.sections[${i}].id`), str(o.title, `scheme.sections[${i}].title`));
    });
  }
  return {
    id: str(s.id, 'scheme.id'),
    version: str(s.version, 'scheme.version'),
    title: str(s.title, 'scheme.title'),
    total: num(s.total, 'scheme.total'),
    pass: num(s.pass, 'scheme.pass'),
    sections,
  };
}

function item(v: unknown, where: string): ItemSnap {
  const o = obj(v, where);
  const status = str(o.status, `${where}.status`);
  if (!(STATUSES as readonly string[]).includes(status)) throw new Shape(`${where}.status`, { kind: 'status', status });
  const value =
    o.value === null || o.value === undefined
      ? null
      : typeof o.value === 'boolean'
        ? o.value
        : num(o.value, `${where}.value`);
  return {
    id: str(o.id, `${where}.id`),
    title: str(o.title, `${where}.title`),
    section: str(o.section, `${where}.section`),
    bonus: o.bonus === undefined ? false : bool(o.bonus, `${where}.bonus`),
    points: num(o.points, `${where}.points`),
    max: num(o.max, `${where}.max`),
    lost: num(o.lost, `${where}.lost`),
    value,
    display: o.display === undefined ? '' : str(o.display, `${where}.display`),
    status: status as ItemStatus,
    target: strOrNull(o.target, `${where}.target`),
    formula: strOrNull(o.formula, `${where}.formula`),
    rank: null,
    of: null,
  };
}

interface Ctx {
  period: string | null;
  source: string | null;
  scheme: SchemeInfo;
  /** The order of a compact item's values (the document's `itemFields`). */
  fields: string[];
  /** The texts each item shows alike at every unit (a summary's top-level `items`), by id. */
  shared: Map<string, Obj>;
}

/** The values of a compact item in the first summaries (`itemFields` absent): the id first. */
const ITEM_FIELDS = ['id', 'status', 'points', 'max', 'lost', 'value'];

/** A compact item (an array of values; its id from `ids` unless `itemFields` holds it) as the object the full JSON writes, its words from the shared texts or the top unit's item. */
function compactItem(
  v: unknown[],
  where: string,
  fields: string[],
  id: string | undefined,
  top: Map<string, ItemSnap> | undefined,
  shared: Map<string, Obj>,
): ItemSnap {
  const o: Obj = Object.fromEntries(fields.map((f, k) => [f, v[k]]));
  if (id !== undefined && o.id === undefined) o.id = id;
  const key = str(o.id, `${where}[0]`);
  const meta = (top?.get(key) ?? shared.get(key)) as Obj | undefined;
  return item(
    {
      ...o,
      title: meta?.title ?? o.id,
      section: meta?.section ?? '',
      bonus: meta?.bonus ?? false,
      target: meta?.target ?? null,
      formula: meta?.formula ?? null,
    },
    where,
  );
}

function ids(v: unknown, where: string): string[] | undefined {
  return v === undefined ? undefined : arr(v, where).map((x, k) => str(x, `${where}[${k}]`));
}

function units(
  v: unknown,
  where: string,
  ctx: Ctx,
  up: { path: string[]; names: string[]; top?: Map<string, ItemSnap>; ids?: string[] },
  out: Snapshot[],
): void {
  arr(v, where).forEach((x, i) => {
    const w = `${where}[${i}]`;
    const o = obj(x, w);
    const key = str(o.key, `${w}.key`);
    const name = str(o.name, `${w}.name`);
    const items = new Map<string, ItemSnap>();
    const own = ids(o.itemIds, `${w}.itemIds`) ?? up.ids;
    arr(o.items, `${w}.items`).forEach((it, k) => {
      const at = `${w}.items[${k}]`;
      const s = Array.isArray(it)
        ? compactItem(it, at, ctx.fields, own?.[k], up.top, ctx.shared)
        : item({ ...(ctx.shared.get(obj(it, at).id as string) ?? {}), ...(it as Obj) }, at);
      items.set(s.id, s);
    });
    const vetoes = o.vetoes === undefined ? [] : arr(o.vetoes, `${w}.vetoes`);
    const path = [...up.path, key];
    const names = [...up.names, name];
    out.push({
      period: ctx.period,
      source: ctx.source,
      unitKey: key,
      unitName: name,
      level: str(o.level, `${w}.level`),
      path,
      names,
      depth: up.path.length,
      scaled: num(o.scaled, `${w}.scaled`),
      passed: bool(o.passed, `${w}.passed`),
      grade: strOrNull(o.grade, `${w}.grade`),
      rank: int(o.rank, `${w}.rank`),
      of: int(o.of, `${w}.of`),
      // A compact unit says only whether a veto hit it.
      vetoed:
        o.vetoes === undefined && o.vetoed !== undefined
          ? bool(o.vetoed, `${w}.vetoed`)
          : vetoes.some((x2, k) => obj(x2, `${w}.vetoes[${k}]`).triggered === true),
      items,
      scheme: ctx.scheme,
    });
    if (o.children !== undefined)
      units(
        o.children,
        `${w}.children`,
        ctx,
        { path, names, top: up.top ?? items, ids: ids(o.childItems, `${w}.childItems`) },
        out,
      );
  });
}

/** A summary's top-level `items`: the shared texts of each item by id (empty when absent). */
function sharedTexts(v: unknown): Map<string, Obj> {
  if (v === undefined) return new Map();
  return new Map(Object.entries(obj(v, 'items')).map(([id, t]) => [id, { ...obj(t, `items.${id}`), id }]));
}

function parse(doc: unknown, file: string): Report {
  const d = obj(doc, '');
  if (!('schemaVersion' in d)) throw new Shape('', { kind: 'no-version' });
  // 1: a single report, or a batch in full; 2: a batch with compact units below the counties.
  const known = d.kind === 'batch' ? [1, 2] : [1];
  if (!known.includes(d.schemaVersion as number))
    throw new Shape('schemaVersion', { kind: 'version', version: String(JSON.stringify(d.schemaVersion)), known });
  if (d.kind !== undefined && d.kind !== 'batch')
    throw new Shape('kind', { kind: 'report-kind', reportKind: String(JSON.stringify(d.kind)) });
  const s = scheme(d.scheme);
  const fields =
    d.itemFields === undefined
      ? ITEM_FIELDS
      : arr(d.itemFields, 'itemFields').map((f, i) => str(f, `itemFields[${i}]`));
  const shared = sharedTexts(d.kind === 'batch' ? d.items : undefined);
  const snapshots: Snapshot[] = [];
  if (d.kind === undefined) {
    units(
      d.units,
      'units',
      { period: period(d.period, 'period'), source: null, scheme: s, fields, shared },
      { path: [], names: [] },
      snapshots,
    );
    return { file, kind: 'single', scheme: s, snapshots };
  }
  arr(d.assessments, 'assessments').forEach((x, i) => {
    const w = `assessments[${i}]`;
    const a = obj(x, w);
    units(
      a.units,
      `${w}.units`,
      {
        period: period(a.period, `${w}.period`),
        source: strOrNull(a.source, `${w}.source`),
        scheme: s,
        fields,
        shared,
      },
      { path: [], names: [] },
      snapshots,
    );
  });
  attachItemRanks(d.rankings, snapshots);
  return { file, kind: 'batch', scheme: s, snapshots };
}

/** Per-item ranks of the top-level units from the batch `rankings` (optional; ignored when absent). */
function attachItemRanks(v: unknown, snapshots: Snapshot[]): void {
  if (v === undefined) return;
  const ranks = new Map<string, { rank: number; of: number }>();
  arr(v, 'rankings').forEach((x, i) => {
    const r = obj(x, `rankings[${i}]`);
    const p = period(r.period, `rankings[${i}].period`);
    if (r.items === undefined) return;
    arr(r.items, `rankings[${i}].items`).forEach((y, k) => {
      const it = obj(y, `rankings[${i}].items[${k}]`);
      const id = str(it.id, `rankings[${i}].items[${k}].id`);
      // A summary writes `of` once per item when it is the same for every unit.
      const of = it.of === undefined ? undefined : int(it.of, `rankings[${i}].items[${k}].of`);
      arr(it.units, `rankings[${i}].items[${k}].units`).forEach((z, m) => {
        const w = `rankings[${i}].items[${k}].units[${m}]`;
        const u = obj(z, w);
        ranks.set(JSON.stringify([p, id, str(u.key, `${w}.key`)]), {
          rank: int(u.rank, `${w}.rank`),
          of: u.of === undefined && of !== undefined ? of : int(u.of, `${w}.of`),
        });
      });
    });
  });
  for (const s of snapshots) {
    if (s.depth !== 0) continue;
    for (const it of s.items.values()) {
      const r = ranks.get(JSON.stringify([s.period, it.id, s.unitKey]));
      if (r) {
        it.rank = r.rank;
        it.of = r.of;
      }
    }
  }
}
