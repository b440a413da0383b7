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
import { jsonErrorAt } from './json-error';
import { arr, int, num, obj, period, Shape, str, strOrNull } from './read-values';
import type { Report, SchemeInfo, Snapshot } from './read-types';
import { ITEM_FIELDS, sharedTexts, units } from './read-units';

export { STATUSES } from './read-types';
export type { ItemSnap, ItemStatus, Report, SchemeInfo, Snapshot } from './read-types';

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
