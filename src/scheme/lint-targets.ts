/** Semantic rules about targets: each rule's target form, the kind compared, proportional thresholds, band points, unreachable shares. */
import { message } from '../messages/codes';
import { Rational } from '../rational';
import type * as M from './model';
import type { Path } from './positions';
import type { Target } from './target';
import { PEER_FNS } from './formula-relative';
import { isNum, isObj, kindIn, list, type Ctx } from './lint-context';

export function rulesFitTargets(ctx: Ctx): void {
  const { rep } = ctx;
  for (const { model, path, input } of ctx.items) {
    if (!model) continue;
    const t = model.target;
    const r = model.rule;
    const at = [...path, 'rule', 'type'];
    if (input.target === undefined && r.type !== 'checklist') {
      rep.error(path, message('scheme/missing-target', { item: model.id }));
      continue;
    }
    if (r.type === 'checklist') {
      const a = model.formula.ast;
      if (a.k !== 'call' || a.fn !== 'count' || a.args.some((x) => x.k !== 'ref')) {
        rep.error([...path, 'formula'], message('scheme/checklist-formula', { kind: 'form' }));
      } else {
        for (const arg of a.args) {
          const f = arg.k === 'ref' ? ctx.scheme.fields.get(arg.name) : undefined;
          if (f && f.type !== 'boolean') {
            rep.error(
              [...path, 'formula'],
              message('scheme/checklist-formula', { kind: 'element', field: f.id, type: f.type }),
            );
          }
        }
      }
    }
    if (!t) continue; // absent (reported above) or did not parse (reported by compile)
    const distance = r.type === 'deduct' || r.type === 'per_case' || r.type === 'checklist';
    if (t && distance && !(t.kind === 'between' || (t.kind === 'cmp' && ['>=', '<=', '=='].includes(t.op)))) {
      rep.error(at, message('scheme/rule-target', { kind: 'distance', rule: r.type, target: t.text }));
    }
    if (
      t &&
      (r.type === 'proportional' || r.type === 'add') &&
      !(t.kind === 'cmp' && (t.op === '>=' || t.op === '<='))
    ) {
      rep.error(at, message('scheme/rule-target', { kind: 'one-sided', rule: r.type, target: t.text }));
    }
    if (r.type === 'add' && !model.bonus) {
      rep.error(at, message('scheme/add-outside-bonus', {}));
    }
    if (model.bonus && (r.type === 'deduct' || r.type === 'per_case' || r.type === 'checklist')) {
      rep.error(at, message('scheme/bonus-rule', { rule: r.type }));
    }
    if (
      (r.type === 'deduct' || r.type === 'add') &&
      isObj(input.rule) &&
      (input.rule as Record<string, unknown>).per !== undefined
    ) {
      if ((r as { per: Rational }).per.sign() <= 0) rep.error([...path, 'rule', 'per'], message('scheme/per', {}));
    }
  }
}

/** A yes/no value compared with a number (`>= 95%`), or a number compared with yes/no (`== true`). */
export function valueFitsTarget(ctx: Ctx): void {
  const { rep } = ctx;
  const kind = kindIn(ctx.scheme);
  const check = (model: M.Item, t: Target | undefined, path: Path) => {
    if (!t || t.kind === 'formula') return;
    const value = kind(model.formula);
    const against = t.kind === 'between' ? 'number' : kind(t.rhs);
    if (value === 'boolean' && against === 'number') {
      rep.error(path, message('scheme/target-kind', { kind: 'yes-no-vs-number', item: model.id, target: t.text }));
    } else if (value === 'number' && against === 'boolean') {
      rep.error(path, message('scheme/target-kind', { kind: 'number-vs-yes-no', item: model.id, target: t.text }));
    }
  };
  for (const { model, path } of ctx.items) {
    if (!model) continue;
    check(model, model.target, [...path, 'target']);
    if (model.rule.type === 'bands')
      model.rule.bands.forEach((b, i) => check(model, b.when, [...path, 'rule', 'bands', i, 'when']));
  }
}

/** proportional scores value/target or target/value: the target must be a fixed number above 0. */
export function proportionalThreshold(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  for (const { model, path } of ctx.items) {
    const t = model?.target;
    if (!model || model.rule.type !== 'proportional' || t?.kind !== 'cmp' || (t.op !== '>=' && t.op !== '<=')) continue; // other forms: rulesFitTargets
    const rhs = t.rhs.ast;
    if (rhs.k === 'call' && PEER_FNS.has(rhs.fn)) continue; // a peer value: its sign is the data's (docs/scheme.md#relative-scoring)
    const value = rhs.k === 'num' ? rhs.v : rhs.k === 'ref' ? scheme.params.get(rhs.name) : undefined;
    if (rhs.k === 'ref' && !scheme.params.has(rhs.name) && !scheme.fields.has(rhs.name)) continue; // an unknown name: reported by references
    if (!value) {
      rep.error(
        [...path, 'target'],
        message('scheme/proportional-target', { kind: 'not-fixed', item: model.id, target: t.text }),
      );
    } else if (value.sign() <= 0) {
      rep.error(
        [...path, 'target'],
        message('scheme/proportional-target', { kind: 'not-positive', item: model.id, target: t.text }),
      );
    }
  }
}

/** A band cannot give more than the item is worth. */
export function bandPoints(ctx: Ctx): void {
  for (const { input, path } of ctx.items) {
    if (!isObj(input.rule) || input.rule.type !== 'bands' || !isNum(input.points)) continue;
    const points = input.points;
    list(input.rule.bands).forEach((b, i) => {
      if (!isObj(b) || !isNum(b.points) || !Rational.fromNumber(b.points).gt(Rational.fromNumber(points))) return;
      ctx.rep.error(
        [...path, 'rule', 'bands', i, 'points'],
        message('scheme/band-points', { item: String(input.id), points: b.points, max: points }),
      );
    });
  }
}

export function unreachableTargets(ctx: Ctx): void {
  const { scheme, rep } = ctx;
  const isCount = (n: M.Item['formula']['ast']) => n.k === 'ref' && scheme.fields.get(n.name)?.type === 'count';
  for (const { model, path } of ctx.items) {
    const t = model?.target;
    const a = model?.formula.ast;
    if (!model || !t || !a || t.kind !== 'cmp' || !(t.op === '>=' || t.op === '>')) continue;
    if (!(a.k === 'bin' && a.op === '/' && isCount(a.a) && isCount(a.b))) continue;
    const rhs = t.rhs.ast;
    if (rhs.k !== 'num' || !/[%‰]/.test(rhs.raw)) continue;
    if (rhs.v.gt(Rational.ONE) || (t.op === '>' && rhs.v.eq(Rational.ONE))) {
      rep.error([...path, 'target'], message('scheme/unreachable-target', { target: t.text }));
    }
  }
}
