/**
 * The units of a report's JSON → snapshots (read.ts): a unit in full (its items as
 * objects) or compact (its items as arrays of `itemFields`, their words from the
 * county's items or the summary's shared `items`), every unit below it in turn.
 */
import { arr, bool, int, num, obj, Shape, str, strOrNull, type Obj } from './read-values';
import { STATUSES, type ItemSnap, type ItemStatus, type SchemeInfo, type Snapshot } from './read-types';

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

export interface Ctx {
  period: string | null;
  source: string | null;
  scheme: SchemeInfo;
  /** The order of a compact item's values (the document's `itemFields`). */
  fields: string[];
  /** The texts each item shows alike at every unit (a summary's top-level `items`), by id. */
  shared: Map<string, Obj>;
}

/** The values of a compact item in the first summaries (`itemFields` absent): the id first. */
export const ITEM_FIELDS = ['id', 'status', 'points', 'max', 'lost', 'value'];

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

export function units(
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
export function sharedTexts(v: unknown): Map<string, Obj> {
  if (v === undefined) return new Map();
  return new Map(Object.entries(obj(v, 'items')).map(([id, t]) => [id, { ...obj(t, `items.${id}`), id }]));
}
