/**
 * Relative scoring (docs/scheme.md#relative-scoring): for a scheme whose items read
 * peer values, evaluation runs in two phases per group of peers (the units of one
 * level under one parent; the top-level units of the run): every unit's fields and
 * the values of the items peers are asked about first, then the items scored with
 * `peer_mean()` … answered from those values. Schemes without peer functions never
 * come here (evaluate.ts scores them as before).
 */
import type { CodedDiagnostic } from '../diagnostics';
import { message } from '../messages/codes';
import { Rational } from '../rational';
import { evaluate, type Env, type Node as FNode, type Value } from '../scheme/formula';
import { parseLookupKey, PEER_FNS } from '../scheme/formula-relative';
import type { Item, Scheme } from '../scheme/model';
import { targetFormulas } from '../scheme/target';
import type { Node } from './node';
import { PeerValues, type Direction, type PeerStats } from './peer-values';
import { rollupValue } from './rollup';
import type { Calc, ItemResult, PeerInfo } from './types';
import { unitTypeAt } from './unit-type-at';

/** What scoreAt needs to score an item relatively at one unit. */
export interface Relative {
  /** The unit's names, and the peer values as they stand. */
  env: (base: Env) => Env;
  /** The same with this unit's values as `e` gives them (for the remedy: the others stay). */
  rebind: (e: Env) => Env;
  peers: PeerInfo[];
  /** Set when there is nothing to be relative to: the item is then `missing data`. */
  none?: Extract<Calc, { kind: 'no-peers' }>;
}

/** The items peer functions ask about, per item that asks: `peer_mean()` is the item itself. */
export function peerItems(scheme: Scheme): Map<string, string[]> | undefined {
  const out = new Map<string, string[]>();
  for (const item of [...scheme.items, ...(scheme.bonus?.items ?? [])]) {
    if (!item.peers) continue;
    const rule = item.rule.type === 'formula' ? [item.rule.points] : [];
    const bands = item.rule.type === 'bands' ? item.rule.bands.flatMap((b) => targetFormulas(b.when)) : [];
    const ids = new Set<string>();
    const typed = [...(item.types?.byType.values() ?? [])].flatMap((t) => targetFormulas(t.target));
    for (const f of [...targetFormulas(item.target), ...typed, ...rule, ...bands]) collect(f.ast, item.id, ids);
    out.set(item.id, [...ids]);
  }
  return out.size ? out : undefined;
}

function collect(n: FNode, self: string, into: Set<string>): void {
  if (n.k === 'call' && PEER_FNS.has(n.fn)) {
    const a = n.args[0];
    into.add(a?.k === 'ref' ? a.name : self);
    return;
  }
  if (n.k === 'neg' || n.k === 'not') collect(n.a, self, into);
  else if (n.k === 'bin') [n.a, n.b].forEach((c) => collect(c, self, into));
  else if (n.k === 'call') n.args.forEach((c) => collect(c, self, into));
}

/** Which way is better for the item: its target's direction. */
function directionOf(item: Item): Direction {
  const t = item.target;
  if (t?.kind !== 'cmp') return 0;
  return t.op === '>=' || t.op === '>' ? 1 : t.op === '<=' || t.op === '<' ? -1 : 0;
}

const num = (v: Value): Rational | undefined => (v instanceof Rational ? v : undefined);

/** The item's value at a unit as a peer: a number from data none of which is invalid; else none. */
function peerValue(scheme: Scheme, item: Item, n: Node): Rational | undefined {
  if (n.unit.level < item.level) return undefined;
  // A unit the item does not assess (not_assessed: [农场]), or of no type, is no peer for it.
  if (item.types) {
    const at = unitTypeAt(scheme, n);
    if (at?.type === undefined || item.types.notAssessed.has(at.type)) return undefined;
  }
  if (n.unit.level > item.level && item.rollup !== 'sum') {
    const r = rollupValue(item, n);
    return r.calc ? undefined : num(r.value);
  }
  for (const f of item.formula.refs) if (n.fields.invalid(f)) return undefined;
  return num(evaluate(item.formula.ast, n.fields.env));
}

/** One group of peers: each asked-about item's values, in the order of `nodes`. */
export class PeerGroup {
  private readonly own = new Map<string, (Rational | undefined)[]>();
  private readonly tables = new Map<string, PeerValues>();

  constructor(
    private readonly scheme: Scheme,
    readonly nodes: readonly Node[],
    /** The parent's name; undefined for the top-level units of the run. */
    readonly parent: string | undefined,
  ) {}

  private table(id: string): { own: (Rational | undefined)[]; table: PeerValues; item: Item } | undefined {
    const item = itemById(this.scheme, id);
    if (!item) return undefined;
    let own = this.own.get(id);
    if (!own) {
      own = this.nodes.map((n) => peerValue(this.scheme, item, n));
      this.own.set(id, own);
      this.tables.set(id, new PeerValues(own, directionOf(item)));
    }
    return { own, table: this.tables.get(id)!, item };
  }

  /** How `item` (asking about `asks`) is scored relatively at the i-th unit. */
  relative(item: Item, asks: readonly string[], i: number): Relative {
    const node = this.nodes[i]!;
    const level = this.scheme.levels[node.unit.level]!.title;
    const sources = asks.flatMap((id) => this.table(id) ?? []);
    const infos = sources.map((s) => this.info(s.item.id, s.table.stats(s.own[i], s.own[i])));
    const fewest = Math.min(...infos.map((p) => p.count));
    const none =
      this.nodes.length < 2 || fewest < 2
        ? { kind: 'no-peers' as const, level, units: this.nodes.length, withValue: fewest }
        : undefined;
    const lookup = (rebound: Env | undefined) => {
      const memo = new Map<string, PeerStats>();
      return (key: string): Value => {
        const k = parseLookupKey(key);
        const s = k && sources.find((x) => x.item.id === (k.item || item.id));
        if (!k || !s) return undefined;
        let st = memo.get(s.item.id);
        if (!st) {
          const now = rebound && !rolled(s.item, node) ? num(evaluate(s.item.formula.ast, rebound)) : s.own[i];
          st = s.table.stats(s.own[i], now);
          memo.set(s.item.id, st);
        }
        return statOf(k.fn, st);
      };
    };
    const bind = (e: Env, rebound: Env | undefined): Env => {
      const ask = lookup(rebound);
      return (n) => (n.endsWith(')') ? ask(n) : e(n));
    };
    return { env: (base) => bind(base, undefined), rebind: (e) => bind(e, e), peers: infos, ...(none ? { none } : {}) };
  }

  private info(id: string, s: PeerStats): PeerInfo {
    return { item: id, parent: this.parent, units: this.nodes.length, ...s };
  }
}

const rolled = (item: Item, n: Node) => n.unit.level > item.level && item.rollup !== 'sum';

function statOf(fn: string, s: PeerStats): Value {
  switch (fn) {
    case 'peer_mean':
      return s.mean;
    case 'peer_best':
      return s.best;
    case 'peer_worst':
      return s.worst;
    case 'peer_rank':
      return s.rank === undefined ? undefined : Rational.int(s.rank);
    case 'peer_count':
      return Rational.int(s.count);
    default:
      return undefined;
  }
}

const byId = new WeakMap<Scheme, Map<string, Item>>();
function itemById(scheme: Scheme, id: string): Item | undefined {
  let m = byId.get(scheme);
  if (!m) {
    m = new Map([...scheme.items, ...(scheme.bonus?.items ?? [])].map((x) => [x.id, x]));
    byId.set(scheme, m);
  }
  return m.get(id);
}

/** One warning per group and level where items could not be relative: which, and why. */
export function noPeersWarning(
  items: Item[],
  none: Extract<Calc, { kind: 'no-peers' }>,
  parent?: string,
): CodedDiagnostic {
  return {
    severity: 'warning',
    about: { items: items.map((i) => i.id) },
    ...message('relative/no-peers', {
      items: items.map((i) => i.title),
      level: none.level,
      parent,
      units: none.units,
      withValue: none.withValue,
    }),
  };
}

/** The result with the peer values it was scored against, and its remedy marked as moving with them. */
export function relativeResult(r: ItemResult, rel: Relative): ItemResult {
  r.peers = rel.peers;
  if (r.remedy) r.remedy.relative = true;
  return r;
}
