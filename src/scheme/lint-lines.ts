/**
 * Semantic rules of weighted lines, unit types and rollup all/share (issue #14):
 * weights on every line or none, on lines only, adding up to exactly 1; unit types
 * read from a text field, every map naming the declared types and only them, points
 * adding up for every type; rollup share with its share. Hooked into lint.ts's RULES.
 */
import { message } from '../messages/codes';
import { Rational } from '../rational';
import { parseQuantity } from './formula';
import { isNum, isObj, list, type Ctx } from './lint-context';
import type { Path } from './positions';

const quantity = (x: unknown) => (typeof x === 'string' || typeof x === 'number' ? parseQuantity(x) : undefined);

/** Weights: on every top-level section or none, nowhere else, adding up to exactly 1. */
function lineWeights({ input, rep, sections }: Ctx): void {
  for (const { input: s, path } of sections)
    if (path.length > 2 && s.weight !== undefined)
      rep.error([...path, 'weight'], message('scheme/line-weights', { kind: 'nested', section: String(s.id) }));
  const lines = list(input.sections).filter(isObj);
  const weighted = lines.filter((s) => s.weight !== undefined);
  if (!weighted.length) return;
  const others = weighted.map((s) => String(s.id));
  lines.forEach((s, i) => {
    if (s.weight === undefined)
      rep.error(['sections', i], message('scheme/line-weights', { kind: 'some', line: String(s.id), others }));
  });
  const ws = weighted.map((s) => quantity(s.weight));
  if (weighted.length !== lines.length || ws.some((w) => !w)) return;
  const sum = ws.reduce<Rational>((a, w) => a.add(w!), Rational.ZERO);
  if (sum.eq(Rational.ONE)) return;
  const last = lines.length - 1;
  const fix = Rational.ONE.sub(sum.sub(ws[last]!));
  const line = String(lines[last]!.id);
  rep.error(['sections', last, 'weight'], message('scheme/line-weights', { kind: 'sum', sum, fix, line }));
}

/** The unit-type field is a text field. */
function typeField({ input, scheme, rep }: Ctx): void {
  const u = input.unit_types;
  if (!isObj(u) || typeof u.field !== 'string') return;
  const f = scheme.fields.get(u.field);
  if (f?.type !== 'text')
    rep.error(['unit_types', 'field'], message('scheme/unit-type', { kind: 'field', field: u.field, type: f?.type }));
}

/** Every map by type (points, target) and not_assessed name declared types only; a map names every type not left out. */
function typeMaps(ctx: Ctx): void {
  const types = ctx.scheme.unitTypes?.values;
  const check = (x: Record<string, unknown>, path: Path) => {
    const skip = new Set(list(x.not_assessed as unknown[]).filter((t) => typeof t === 'string'));
    for (const key of ['points', 'target'] as const) {
      const m = x[key];
      if (!isObj(m)) continue;
      if (!types) {
        ctx.rep.error([...path, key], message('scheme/unit-type', { kind: 'undeclared' }));
        continue;
      }
      for (const t of Object.keys(m))
        if (!types.includes(t))
          ctx.rep.error([...path, key, t], message('scheme/unit-type', { kind: 'unknown', type: t, types }));
      const missing = types.filter((t) => !(t in m) && !skip.has(t));
      if (missing.length) ctx.rep.error([...path, key], message('scheme/unit-type', { kind: 'missing', missing }));
    }
    list(x.not_assessed as unknown[]).forEach((t, i) => {
      if (!types) ctx.rep.error([...path, 'not_assessed'], message('scheme/unit-type', { kind: 'undeclared' }));
      else if (typeof t === 'string' && !types.includes(t))
        ctx.rep.error([...path, 'not_assessed', i], message('scheme/unit-type', { kind: 'unknown', type: t, types }));
    });
  };
  for (const s of ctx.sections) check(s.input, s.path);
  for (const it of ctx.items) check(it.input, it.path);
}

/** A points value for one type: a number, the map's entry, 0 for a type left out as not assessed; undefined when unusable or missing (said by typeMaps). */
function pointsFor(x: unknown, type: string): Rational | undefined {
  if (!isObj(x)) return undefined;
  if (isNum(x.points)) return Rational.fromNumber(x.points);
  if (!isObj(x.points)) return undefined;
  const v = x.points[type];
  const left = Array.isArray(x.not_assessed) && x.not_assessed.includes(type);
  return isNum(v) ? Rational.fromNumber(v) : v === undefined && left ? Rational.ZERO : undefined;
}

const sumFor = (xs: unknown[], type: string): Rational | undefined =>
  xs.reduce<Rational | undefined>((a, x) => {
    const p = pointsFor(x, type);
    return a && p ? a.add(p) : undefined;
  }, Rational.ZERO);

/** For every unit type, where points are given by type: each section's children add up, and the sections to the total. */
function typePoints({ input, scheme, rep, sections }: Ctx): void {
  const types = scheme.unitTypes?.values ?? [];
  for (const type of types) {
    for (const { input: s, path } of sections) {
      const kids = [...list(s.items), ...list(s.sections)];
      if (!isObj(s.points) && !kids.some((k) => isObj(k) && isObj(k.points))) continue;
      const want = pointsFor(s, type);
      const sum = sumFor(kids, type);
      if (want && sum && kids.length && !sum.eq(want))
        rep.error(
          [...path, 'points'],
          message('scheme/type-points-sum', { type, section: String(s.id), points: want, sum }),
        );
    }
    const top = list(input.sections);
    if (!top.some((s) => isObj(s) && isObj(s.points)) || top.some((s) => isObj(s) && s.weight !== undefined)) continue;
    const sum = sumFor(top, type);
    if (sum && isNum(input.total) && !sum.eq(Rational.fromNumber(input.total)))
      rep.error(['total'], message('scheme/type-points-sum', { type, points: Rational.fromNumber(input.total), sum }));
  }
}

/** rollup share has a share above 0 and at most 100%, and only it has one; all/share need units below. */
function rollupShare({ scheme, rep, items }: Ctx): void {
  const top = scheme.levels.length - 1;
  for (const { input: it, model, path } of items) {
    const item = String(it.id);
    if (it.rollup === 'share' && it.share === undefined)
      rep.error([...path, 'rollup'], message('scheme/rollup-share', { kind: 'needs-share', item }));
    if (it.share !== undefined && it.rollup !== 'share')
      rep.error([...path, 'share'], message('scheme/rollup-share', { kind: 'share-without', item }));
    const share = quantity(it.share);
    if (share && (share.sign() <= 0 || share.gt(Rational.ONE)))
      rep.error([...path, 'share'], message('scheme/rollup-share', { kind: 'range', item }));
    if ((it.rollup === 'all' || it.rollup === 'share') && model && model.level >= top)
      rep.error([...path, 'rollup'], message('scheme/rollup-share', { kind: 'top', item }));
  }
}

export const LINES_RULES: ((ctx: Ctx) => void)[] = [lineWeights, typeField, typeMaps, typePoints, rollupShare];
