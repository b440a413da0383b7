/**
 * The lint of relative scoring (docs/scheme.md#relative-scoring): peer functions and
 * value() only where they have a meaning, their item arguments, and last year's
 * fields. Each finding at line:col with what to write instead.
 */
import { message } from '../messages/codes';
import type { PeerPlace } from '../messages/relative';
import type { Node } from './formula';
import { isLookupFn, PEER_FNS } from './formula-relative';
import { formulas, list, isObj, type Ctx } from './lint-context';
import type * as M from './model';
import type { Path } from './positions';

type Call = Extract<Node, { k: 'call' }>;

/** Every call in the tree, peer functions' too (formula-walk skips their arguments, not them). */
function calls(n: Node, out: Call[] = []): Call[] {
  if (n.k === 'call') out.push(n);
  if (n.k === 'neg' || n.k === 'not') calls(n.a, out);
  else if (n.k === 'bin') [n.a, n.b].forEach((c) => calls(c, out));
  else if (n.k === 'call') n.args.forEach((c) => calls(c, out));
  return out;
}

/** Where a formula at `path` is: an item's formula, a target or band, a rule's points, a check, a veto. */
function placeOf(path: Path): PeerPlace | 'rule' {
  if (path[0] === 'checks') return 'check';
  if (path[0] === 'vetoes') return 'veto';
  const last = path[path.length - 1];
  if (last === 'formula') return 'formula';
  return last === 'points' ? 'rule' : 'target';
}

/** The item holding the formula at `path`. */
function itemAt(ctx: Ctx, path: Path): M.Item | undefined {
  return ctx.items.find((i) => i.path.every((p, k) => path[k] === p))?.model;
}

/** Peer functions only in an item's target or rule; value() only in a rule's points. */
export function relativeFunctions(ctx: Ctx): void {
  const items = new Map([...ctx.scheme.items, ...(ctx.scheme.bonus?.items ?? [])].map((i) => [i.id, i]));
  for (const { f, path, offset } of formulas(ctx)) {
    if (!f.source.includes('(')) continue;
    const place = placeOf(path);
    for (const c of calls(f.ast)) {
      if (!isLookupFn(c.fn)) continue;
      const at = Math.max(0, offset) + (c.at ?? 0);
      const shown = `${c.fn}()`;
      if (place !== 'rule' && (place !== 'target' || c.fn === 'value')) {
        ctx.rep.error(path, message('scheme/peer-place', { fn: shown, place }), at);
        continue;
      }
      if (PEER_FNS.has(c.fn) && path.includes('parts'))
        ctx.rep.error(path, message('scheme/parts-combine', { kind: 'peer', fn: shown }), at);
      else if (PEER_FNS.has(c.fn)) peerArgument(ctx, c, itemAt(ctx, path), items, path, at);
    }
  }
}

function peerArgument(
  ctx: Ctx,
  c: Call,
  self: M.Item | undefined,
  items: Map<string, M.Item>,
  path: Path,
  at: number,
): void {
  const a = c.args[0];
  if (a && a.k !== 'ref') {
    ctx.rep.error(path, message('scheme/peer-item', { kind: 'not-an-id', fn: c.fn, item: f(a) }), at);
    return;
  }
  const id = a?.name ?? self?.id;
  const other = id === undefined ? undefined : items.get(id);
  if (!other) {
    ctx.rep.error(path, message('scheme/peer-item', { kind: 'unknown', fn: c.fn, item: id ?? '' }), at);
    return;
  }
  if (self && other.level > self.level) {
    const level = String(ctx.scheme.levels[other.level]?.id ?? other.level);
    ctx.rep.error(path, message('scheme/peer-item', { kind: 'higher-level', fn: c.fn, item: other.id, level }), at);
  }
  const t = other.target;
  const directed = t?.kind === 'cmp' && ['>=', '>', '<=', '<'].includes(t.op);
  if (!directed && c.fn !== 'peer_mean' && c.fn !== 'peer_count') {
    const target = t?.text ?? '';
    ctx.rep.error(path, message('scheme/peer-item', { kind: 'no-direction', fn: c.fn, item: other.id, target }), at);
  }
}

const f = (n: Node): string => (n.k === 'num' ? n.raw : n.k);

/** Names inside last_year(…) need a field holding their last-year figure; a field's last_year names a like field. */
export function lastYearFields(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  list(ctx.input.fields).forEach((input, i) => {
    if (!isObj(input) || typeof input.last_year !== 'string') return;
    const of = scheme.fields.get(input.last_year);
    const me = scheme.fields.get(String(input.id));
    const field = String(input.id);
    if (!of)
      rep.error(
        ['fields', i, 'last_year'],
        message('scheme/last-year-of', { field, of: input.last_year, kind: 'unknown' }),
      );
    else if (me && (me.type !== of.type || me.level !== of.level))
      rep.error(['fields', i, 'last_year'], message('scheme/last-year-of', { field, of: of.id, kind: 'mismatch' }));
  });
  for (const { f: formula, path, offset } of formulas(ctx)) {
    if (!formula.source.includes('last_year')) continue;
    for (const c of calls(formula.ast)) {
      if (c.fn !== 'last_year') continue;
      for (const r of refsIn(c.args[0]!)) {
        const field = scheme.fields.get(r.name);
        if (field && field.lastYear === undefined)
          rep.error(path, message('scheme/last-year-field', { name: r.name }), Math.max(0, offset) + (r.at ?? 0));
      }
    }
  }
}

function refsIn(n: Node): Extract<Node, { k: 'ref' }>[] {
  if (n.k === 'ref') return [n];
  if (n.k === 'neg' || n.k === 'not') return refsIn(n.a);
  if (n.k === 'bin') return [...refsIn(n.a), ...refsIn(n.b)];
  if (n.k === 'call' && !PEER_FNS.has(n.fn)) return n.args.flatMap(refsIn);
  return [];
}
