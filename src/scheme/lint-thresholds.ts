/**
 * Thresholds that cannot mean what they say: a share compared with a number written
 * without `%` (`">= 92"` on 0.92), a per-case bonus whose `>= 1` makes the first case
 * earn nothing, `between` with its ends swapped, a band no value reaches.
 */
import { message } from '../messages/codes';
import { Rational } from '../rational';
import type { Node } from './formula';
import type * as M from './model';
import type { Path } from './positions';
import type { Target } from './target';
import type { Ctx } from './lint-context';

const HUNDRED = Rational.int(100);
const TEN = Rational.int(10);
const TWO = Rational.int(2);
const num = (n: Node): { v: Rational; raw: string } | undefined =>
  n.k === 'num' ? n : n.k === 'neg' && n.a.k === 'num' ? { v: n.a.v.neg(), raw: `-${n.a.raw}` } : undefined;

/** The value is a share: a percent field, or a count over a count (as unreachableTargets assumes). */
function shareOf(scheme: M.Scheme, a: Node): 'percent' | 'counts' | undefined {
  const type = (n: Node) => (n.k === 'ref' ? scheme.fields.get(n.name)?.type : undefined);
  if (type(a) === 'percent') return 'percent';
  if (a.k === 'bin' && a.op === '/' && type(a.a) === 'count' && type(a.b) === 'count') return 'counts';
  return undefined;
}

/** `>= 92` on a share: never met (`<= 5`: always met); the fix writes the number as a percentage. */
export function percentWithoutSign(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  const check = (share: 'percent' | 'counts', t: Target | undefined, path: Path) => {
    if (t?.kind !== 'cmp' || t.op === '==' || t.op === '!=') return;
    const n = num(t.rhs.ast);
    // A percentage typed without % (5, 92, 100): from 2 on a percent field (a growth rate
    // may be 1.5, 150%), from 10 on a count over a count (births / planned births ≤ 1.05,
    // population / married women ≥ 3 are ratios, not shares), never above 100.
    if (!n || /[%‰]/.test(n.raw) || n.v.lt(share === 'percent' ? TWO : TEN) || n.v.gt(HUNDRED)) return;
    const at = t.text.lastIndexOf(n.raw);
    const fix = `${t.text.slice(0, at + n.raw.length)}%${t.text.slice(at + n.raw.length)}`;
    const kind = t.op === '>=' || t.op === '>' ? 'never' : 'always';
    rep.error(path, message('scheme/percent-target', { kind, target: t.text, number: n.raw, fix }));
  };
  for (const { model, path } of ctx.items) {
    const share = model && shareOf(scheme, model.formula.ast);
    if (!model || !share) continue;
    check(share, model.target, [...path, 'target']);
    if (model.rule.type === 'bands')
      model.rule.bands.forEach((b, i) => check(share, b.when, [...path, 'rule', 'bands', i, 'when']));
  }
}

/** `add` on a count of cases with `>= 1`: what is beyond 1 is counted, so 3 cases earn 2 × add. */
export function addFirstCase(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  for (const { model, path } of ctx.items) {
    const t = model?.target;
    const a = model?.formula.ast;
    if (!model || model.rule.type !== 'add' || t?.kind !== 'cmp' || t.op !== '>=' || a?.k !== 'ref') continue;
    if (scheme.fields.get(a.name)?.type !== 'count' || !num(t.rhs.ast)?.v.eq(Rational.ONE)) continue;
    rep.error([...path, 'target'], message('scheme/add-first-case', { target: t.text }));
  }
}

/** `between 107 and 103`, and a band that an earlier band leaves nothing to. */
export function invertedThresholds(ctx: Ctx): void {
  const { rep } = ctx;
  for (const { model, path } of ctx.items) {
    const t = model?.target;
    if (t?.kind === 'between') {
      const lo = num(t.lo.ast);
      const hi = num(t.hi.ast);
      if (lo && hi && lo.v.gt(hi.v))
        rep.error(
          [...path, 'target'],
          message('scheme/inverted-target', {
            kind: 'between',
            target: t.text,
            fix: `between ${hi.raw} and ${lo.raw}`,
          }),
        );
    }
    if (model?.rule.type !== 'bands') continue;
    const bands = model.rule.bands;
    bands.forEach((b, j) => {
      const i = bands.findIndex((e, k) => k < j && takesAll(e.when, b.when));
      if (i < 0 || !b.when) return;
      const earlier = [...path, 'rule', 'bands', i, 'when'];
      rep.error(
        [...path, 'rule', 'bands', j, 'when'],
        message('scheme/inverted-target', {
          kind: 'band',
          when: b.when.text,
          earlier: bands[i]!.when?.text ?? '',
          line: rep.lineOf(earlier),
        }),
      );
    });
  }
}

/** Every value that meets `later` meets `earlier` (both one-sided comparisons with a number, the same way). */
function takesAll(earlier: Target | undefined, later: Target | undefined): boolean {
  if (earlier?.kind !== 'cmp' || later?.kind !== 'cmp') return false;
  const a = num(earlier.rhs.ast);
  const b = num(later.rhs.ast);
  if (!a || !b) return false;
  const up = (op: string) => op === '>=' || op === '>';
  const down = (op: string) => op === '<=' || op === '<';
  // later ⊆ earlier: for ">": later's bound at or beyond earlier's (strictly when only earlier is strict).
  const strictOnlyEarlier = (earlier.op === '>' || earlier.op === '<') && (later.op === '>=' || later.op === '<=');
  if (up(earlier.op) && up(later.op)) return strictOnlyEarlier ? b.v.gt(a.v) : b.v.ge(a.v);
  if (down(earlier.op) && down(later.op)) return strictOnlyEarlier ? b.v.lt(a.v) : b.v.le(a.v);
  return false;
}
