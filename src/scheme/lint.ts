/**
 * Semantic rules run after the schema: each is a small named function that reports
 * every finding it sees, so a scheme author fixes them all in one pass.
 *
 * With `bestEffort` (the scheme failed the schema, and the rules run anyway so one
 * run shows every finding) values may have any type: rules skip what is not what the
 * schema wants, and a rule that throws all the same has its findings dropped.
 *
 * The rules about targets are in lint-targets.ts, those about levels and roll-ups in
 * lint-levels.ts; what they share in lint-context.ts.
 */
import { message } from '../messages/codes';
import { Rational } from '../rational';
import type { Reporter } from './compile';
import { MAX_ROUND_DIGITS, type Formula } from './formula';
import { nodes, type NodeOf } from './formula-walk';
import { checkKinds } from './formula-types';
import { formulas, isNum, isObj, kindIn, list, refKindIn, wordIndex, type Ctx } from './lint-context';
import { rollupKind, rollupTarget, scopes } from './lint-levels';
import { effortNeedsLever } from './lint-effort';
import {
  bandPoints,
  proportionalThreshold,
  rulesFitTargets,
  unreachableTargets,
  valueFitsTarget,
} from './lint-targets';
import { LINES_RULES } from './lint-lines';
import { addFirstCase, invertedThresholds, percentWithoutSign } from './lint-thresholds';
import { lastYearFields, relativeFunctions } from './lint-relative';
import { expandParts, PARTS_RULES } from './lint-parts';
import { partsCombine } from './lint-combos';
import type * as M from './model';
import { SUMMABLE_TYPES } from './model';
import { showPath, type Path } from './positions';
import type { SchemeInput, SectionInput } from './schema';

export function lintScheme(
  input: SchemeInput,
  scheme: M.Scheme,
  rep: Reporter,
  options: { bestEffort?: boolean } = {},
): void {
  const sections: Ctx['sections'] = [];
  const items: Ctx['items'] = [];
  const parents: Ctx['items'] = [];
  // Items are matched by where they are, not by id: ids may repeat.
  const models = new Map(
    [...scheme.items, ...(scheme.bonus?.items ?? [])].flatMap((i) => (i.path ? [[showPath(i.path), i] as const] : [])),
  );
  // An item with parts is linted as its parts (lint-parts.ts).
  const push = (it: Ctx['items'][number]['input'], path: Path) =>
    items.push(...expandParts({ input: it, model: models.get(showPath(path)), path }, parents, showPath));
  const walk = (s: SectionInput, path: Path) => {
    if (!isObj(s)) return;
    sections.push({ input: s, path });
    list(s.items).forEach((it, i) => isObj(it) && push(it, [...path, 'items', i]));
    list(s.sections).forEach((c, i) => walk(c, [...path, 'sections', i]));
  };
  list(input.sections).forEach((s, i) => walk(s, ['sections', i]));
  if (isObj(input.bonus)) {
    list(input.bonus.items).forEach((it, i) => isObj(it) && push(it, ['bonus', 'items', i]));
  }
  for (const rule of RULES) {
    if (!options.bestEffort) {
      rule({ input, scheme, rep, items, sections, parents });
      continue;
    }
    const found: Parameters<Reporter['error']>[] = [];
    try {
      rule({
        input,
        scheme,
        items,
        sections,
        parents,
        rep: { lineOf: (path) => rep.lineOf(path), error: (...a) => void found.push(a) },
      });
    } catch {
      continue; // the rule tripped over a value the schema has reported: its findings may be wrong
    }
    for (const a of found) rep.error(...a);
  }
}

function duplicateIds({ input, rep, items, sections }: Ctx): void {
  const ids = (xs: unknown, key: string): { id: unknown; path: Path }[] =>
    list(xs as unknown[]).flatMap((x, i) => (isObj(x) ? [{ id: x.id, path: [key, i, 'id'] as Path }] : []));
  const groups: { id: unknown; path: Path }[][] = [
    [...ids(input.fields, 'fields'), ...ids(input.params, 'params')],
    [
      ...sections.map((s) => ({ id: s.input.id, path: [...s.path, 'id'] })),
      ...items.map((it) => ({ id: it.input.id, path: [...it.path, 'id'] })),
    ],
    ids(input.vetoes, 'vetoes'),
    ids(input.checks, 'checks'),
    ids(input.units, 'units'),
  ];
  for (const group of groups) {
    const seen = new Map<string, Path>();
    for (const { id, path } of group) {
      if (typeof id !== 'string') continue;
      const first = seen.get(id);
      if (first) rep.error(path, message('scheme/duplicate-id', { id, line: rep.lineOf(first) }));
      else seen.set(id, path);
    }
  }
}

function pointsAddUp({ input, rep, sections }: Ctx): void {
  /** The sum, or undefined when a part is not a number (the schema has said so). */
  const sum = (xs: unknown[]): Rational | undefined => {
    let total = Rational.ZERO;
    for (const x of xs) {
      if (!isObj(x) || !isNum(x.points)) return undefined;
      total = total.add(Rational.fromNumber(x.points));
    }
    return total;
  };
  for (const { input: s, path } of sections) {
    if (s.items && s.sections) {
      rep.error(path, message('scheme/items-and-sections', { section: String(s.id) }));
    }
    if (!s.items && !s.sections) {
      rep.error(path, message('scheme/empty-section', { section: String(s.id) }));
      continue;
    }
    // A child list that is not a list, or empty, has been reported by the schema: no sum to compare.
    if ([s.items, s.sections].some((k) => k !== undefined && (!Array.isArray(k) || !k.length))) continue;
    const got = sum([...list(s.items), ...list(s.sections)]);
    if (!got || !isNum(s.points)) continue;
    const want = Rational.fromNumber(s.points);
    if (!got.eq(want)) {
      rep.error(
        [...path, 'points'],
        message('scheme/points-sum', { kind: 'section', section: String(s.id), points: want, sum: got }),
      );
    }
  }
  if (!Array.isArray(input.sections) || !input.sections.length) return;
  if (input.sections.some((s) => isObj(s) && s.weight !== undefined)) return; // lines: each on its own points (lint-lines.ts)
  const got = sum(input.sections);
  if (!got || !isNum(input.total)) return;
  const total = Rational.fromNumber(input.total);
  if (!got.eq(total)) {
    rep.error(['total'], message('scheme/points-sum', { kind: 'total', points: total, sum: got }));
  }
}

function references(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  for (const { f, path, offset } of formulas(ctx)) {
    for (const name of f.refs) {
      const at = Math.max(0, offset) + wordIndex(f.source, name);
      const field = scheme.fields.get(name);
      if (!field && !scheme.params.has(name)) {
        rep.error(path, message('scheme/unknown-name', { name }), at);
      } else if (field?.type === 'text') {
        rep.error(path, message('scheme/text-in-formula', { name }), at);
      }
    }
  }
}

/** Every operand and every branch of every formula has the kind its operator or function needs. */
function formulaKinds(ctx: Ctx): void {
  const refKind = refKindIn(ctx.scheme);
  for (const { f, path, offset } of formulas(ctx)) {
    for (const k of checkKinds(f.ast, refKind).findings) ctx.rep.error(path, k.message, Math.max(0, offset) + k.index);
  }
}

function kinds(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  const kind = kindIn(scheme);
  const needBool = (f: Formula, path: Path, what: 'check' | 'veto' | 'target') => {
    if (kind(f) === 'number') {
      rep.error(path, message('scheme/not-boolean', { kind: what }));
    }
  };
  for (const c of scheme.checks) if (c.path) needBool(c.assert, [...c.path, 'assert'], 'check');
  for (const v of scheme.vetoes)
    if (v.path && v.when.kind === 'formula') needBool(v.when.f, [...v.path, 'when'], 'veto');
  for (const { model, path } of ctx.items) {
    if (model?.target?.kind === 'formula') needBool(model.target.f, [...path, 'target'], 'target');
  }
}

/** round(x, d) with a constant d: whole digits from 0 to MAX_ROUND_DIGITS (evaluation gives no value beyond). */
function roundDigits(ctx: Ctx): void {
  for (const { f, path, offset } of formulas(ctx)) {
    const calls = nodes(f.ast).filter((n): n is NodeOf<'call'> => n.k === 'call' && n.fn === 'round');
    const at = [...f.source.matchAll(/\bround\s*\(/g)].map((m) => m.index);
    calls.forEach((c, i) => {
      const d = c.args[1];
      const v = d?.k === 'num' ? d.v : d?.k === 'neg' && d.a.k === 'num' ? d.a.v.neg() : undefined;
      if (!v || (v.d === 1n && v.ge(Rational.ZERO) && v.le(Rational.int(MAX_ROUND_DIGITS)))) return;
      rep(ctx, path, Math.max(0, offset) + (at[i] ?? 0), v);
    });
  }
  function rep(c: Ctx, path: Path, index: number, v: Rational) {
    c.rep.error(path, message('scheme/round-digits', { max: MAX_ROUND_DIGITS, digits: v }), index);
  }
}

function vetoesAndLevers(ctx: Ctx): void {
  const { scheme, rep, input } = ctx;
  const all = new Set(ctx.items.map((i) => i.input.id));
  list(input.vetoes).forEach((v, i) => {
    if (!isObj(v)) return;
    const model = scheme.vetoes.find((x) => x.path?.[1] === i);
    if (typeof v.item === 'string' && !all.has(v.item)) {
      rep.error(['vetoes', i, 'item'], message('scheme/unknown-item', { veto: String(v.id), item: v.item }));
    }
    if (model && !v.item && model.when.kind !== 'formula') {
      rep.error(
        ['vetoes', i, 'when'],
        message('scheme/veto-when', { kind: 'needs-item', veto: String(v.id), when: String(v.when) }),
      );
    }
    if (model && v.item && model.when.kind === 'formula') {
      rep.error(['vetoes', i, 'when'], message('scheme/veto-when', { kind: 'needs-comparison', veto: String(v.id) }));
    }
  });
  for (const { model, path } of ctx.items) {
    if (!model?.lever) continue;
    const f = scheme.fields.get(model.lever);
    if (!f) {
      rep.error([...path, 'lever'], message('scheme/unknown-field', { lever: model.lever }));
    } else if (!model.formula.refs.includes(f.id)) {
      rep.error([...path, 'lever'], message('scheme/lever-unused', { lever: f.id }));
    } else if (!SUMMABLE_TYPES.has(f.type) && f.type !== 'percent') {
      rep.error([...path, 'lever'], message('scheme/lever-type', { lever: f.id, type: f.type }));
    }
  }
}

function passLine({ input, scheme, rep }: Ctx): void {
  if (!isNum(input.total)) return; // reported by the schema
  if (scheme.pass.gt(scheme.total)) {
    rep.error(['pass'], message('scheme/pass', { pass: scheme.pass, total: scheme.total }));
  }
}

const RULES: ((ctx: Ctx) => void)[] = [
  duplicateIds,
  pointsAddUp,
  references,
  formulaKinds,
  kinds,
  scopes,
  rulesFitTargets,
  unreachableTargets,
  percentWithoutSign,
  addFirstCase,
  invertedThresholds,
  valueFitsTarget,
  proportionalThreshold,
  bandPoints,
  rollupTarget,
  rollupKind,
  roundDigits,
  vetoesAndLevers,
  effortNeedsLever,
  passLine,
  ...LINES_RULES,
  relativeFunctions,
  lastYearFields,
  ...PARTS_RULES,
  partsCombine,
];
