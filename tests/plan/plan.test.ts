/**
 * `pinggu plan` (src/plan): hand-computed optimal plans on small schemes, each plan
 * verified here once more by applying its township changes and scoring again.
 */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data/dataset';
import { formatDiagnostic } from '../../src/diagnostics';
import type { Dataset } from '../../src/data/model';
import { evaluate } from '../../src/engine/evaluate';
import { applyChanges } from '../../src/plan/apply';
import { makePlan } from '../../src/plan/plan';
import type { PlanResult } from '../../src/plan/types';
import { Rational } from '../../src/rational';
import { loadScheme } from '../../src/scheme/load';
import type { Scheme } from '../../src/scheme/model';
import { bytes, scheme } from '../support';

const q = (s: string) => Rational.parse(s)!;
const data = (s: Scheme, csv: string): Dataset => readDataset(s, [{ name: 't.csv', bytes: bytes(csv) }]);

/** The plan's changes made to the data and scored again: the county as the engine then scores it. */
function rescored(s: Scheme, d: Dataset, p: PlanResult) {
  const level = (key: string) => d.units.find((u) => u.key === key)!.level;
  const changes = p.steps.flatMap((st) =>
    st.units.map((u) => ({ level: level(u.key), key: u.key, field: st.lever, to: u.to })),
  );
  return evaluate(s, applyChanges(d, changes)).units[0]!;
}

const HEAD = `id: t
title: T
version: 1
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
`;

describe('least effort, not the greedy choice', () => {
  // Three all-or-nothing items, effort 1 per unit of each lever; the county scores 0 of 10, pass 5.
  //   X: 5 points, x 5 → 10: +5, effort 5 (1 point per effort)
  //   Y: 4 points, y 7 → 10: +3, effort 3 (1.33 per effort: the greedy first pick)
  //   Z: 1 point,  z 7 → 10: +3, effort 3 (0.33 per effort)
  // Greedy by points per effort: Y (4 points), then X for the last point: effort 3 + 5 = 8.
  // Least: X alone, 5 points for effort 5 (Y + Z also reaches 5, for effort 6).
  const s = scheme(`${HEAD}total: 10
pass: 5
fields:
  - { id: x, label: X数, type: count }
  - { id: y, label: Y数, type: count }
  - { id: z, label: Z数, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: ix, title: X, points: 5, formula: x, target: ">= 10", rule: { type: all }, lever: x, effort: 1, scope: county }
      - { id: iy, title: Y, points: 4, formula: y, target: ">= 10", rule: { type: all }, lever: y, effort: 1, scope: county }
      - { id: iz, title: Z, points: 1, formula: z, target: ">= 10", rule: { type: all }, lever: z, effort: 1, scope: county }
`);
  const d = data(s, '县,乡镇,X数,Y数,Z数\n甲县,A,3,4,4\n甲县,B,2,3,3\n');

  it('picks X alone (effort 5), and re-scoring gives 5 of 10: the pass line', () => {
    const p = makePlan(s, d, { goal: { kind: 'pass' } })!;
    expect(p.found).toBe(true);
    expect(p.steps.map((x) => x.item)).toEqual(['ix']);
    expect(p.effort.eq(q('5'))).toBe(true);
    expect(p.steps[0]!.change.eq(q('5'))).toBe(true);
    // x is 3 in A and 2 in B, so +5 goes to one township; no township target, so no shortfall: the most room first (A, data order on a tie).
    expect(p.steps[0]!.units.map((u) => [u.name, u.change.toDecimal()])).toEqual([['A', '5']]);
    expect(p.after!.scaled.eq(q('5'))).toBe(true);
    const u = rescored(s, d, p);
    expect(u.scaled.eq(q('5'))).toBe(true);
    expect(u.passed).toBe(true);
  });

  it('with score:9 it takes X and Y (effort 8, 9 points)', () => {
    const p = makePlan(s, d, { goal: { kind: 'score', score: q('9') } })!;
    expect(p.steps.map((x) => x.item)).toEqual(['ix', 'iy']);
    expect(p.effort.eq(q('8'))).toBe(true);
    expect(rescored(s, d, p).scaled.eq(q('9'))).toBe(true);
  });
});

describe('a ratio item needing two townships', () => {
  // 兑现率 = paid / eligible ≥ 100%, checked paid ≤ eligible in every township.
  // A: 8 of 10 (shortfall 2), B: 9 of 10 (shortfall 1); the county 17 / 20 = 85%: +3 paid.
  // Largest shortfall first: A +2 (its own shortfall, all the check allows), then B +1.
  const s = scheme(`${HEAD}total: 10
pass: 9
fields:
  - { id: paid, label: 已兑现, type: count }
  - { id: eligible, label: 应兑现, type: count }
checks:
  - { id: paid_le, title: 已兑现不超过应兑现, assert: paid <= eligible }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: pay, title: 兑现率, points: 10, formula: paid / eligible, target: ">= 100%", rule: { type: all }, lever: paid }
`);
  const d = data(s, '县,乡镇,已兑现,应兑现\n甲县,A,8,10\n甲县,B,9,10\n');

  it('pays 2 more in A and 1 more in B; re-scored the county has 10 of 10', () => {
    const p = makePlan(s, d, { goal: { kind: 'pass' } })!;
    expect(p.found).toBe(true);
    const st = p.steps[0]!;
    expect(st.change.eq(q('3'))).toBe(true);
    expect(st.units.map((u) => [u.name, u.from.toDecimal(), u.to.toDecimal(), u.shortfall.toDecimal()])).toEqual([
      ['A', '8', '10', '2'],
      ['B', '9', '10', '1'],
    ]);
    const u = rescored(s, d, p);
    expect(u.scaled.eq(q('10'))).toBe(true);
    expect(u.passed).toBe(true);
  });
});

describe('blocked by a veto', () => {
  // 满意率 can be lifted (+1 satisfied: 9/10 → 10/10, 10 points), but 党员干部政策外生育 > 0
  // is a veto that no item's lever reads: no plan passes, and the best reachable score is 10.
  const s = scheme(`${HEAD}total: 10
pass: 9
fields:
  - { id: sat, label: 满意数, type: count }
  - { id: asked, label: 调查数, type: count }
  - { id: cadre, label: 干部政策外生育, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: ok, title: 满意率, points: 10, formula: sat / asked, target: ">= 95%", rule: { type: all }, lever: sat }
vetoes:
  - { id: v_cadre, title: 党员干部政策外生育, when: cadre > 0 }
`);
  const d = data(s, '县,乡镇,满意数,调查数,干部政策外生育\n甲县,A,9,10,1\n');

  it('finds no plan, names the veto, and re-scores every remedy: 10 of 10, still vetoed', () => {
    const p = makePlan(s, d, { goal: { kind: 'pass' } })!;
    expect(p.found).toBe(false);
    expect(p.blockers).toContainEqual({ code: 'plan/veto', args: { veto: '党员干部政策外生育' } });
    expect(p.best!.scaled.eq(q('10'))).toBe(true);
    expect(p.best!.vetoes).toEqual(['v_cadre']);
  });

  it('a score goal ignores the veto: +1 satisfied reaches 10', () => {
    const p = makePlan(s, d, { goal: { kind: 'score', score: q('10') } })!;
    expect(p.found).toBe(true);
    expect(rescored(s, d, p).scaled.eq(q('10'))).toBe(true);
  });
});

describe('every plan is scored again, and one the estimate got wrong is dropped', () => {
  // A: x ≥ 5 (x is 3): +2, effort 2, 5 points. B: x ≤ 3, met, 5 points. C: y ≥ 5 (y is 2): +3, effort 3, 5 points.
  // Now 5 of 15; pass 10. Added up, A alone (effort 2) reaches 10, but re-scored B fails at x = 5: 5 + 0 = 5.
  // The next best, C alone (effort 3), re-scores to 5 + 5 = 10.
  const s = scheme(`${HEAD}total: 15
pass: 10
fields:
  - { id: x, label: X数, type: count }
  - { id: y, label: Y数, type: count }
sections:
  - id: s
    title: S
    points: 15
    items:
      - { id: a, title: A, points: 5, formula: x, target: ">= 5", rule: { type: all }, lever: x, effort: 1 }
      - { id: b, title: B, points: 5, formula: x, target: "<= 3", rule: { type: all } }
      - { id: c, title: C, points: 5, formula: y, target: ">= 5", rule: { type: all }, lever: y, effort: 1 }
`);
  const d = data(s, '县,乡镇,X数,Y数\n甲县,A,3,2\n');

  it('rejects A (re-scored 5) and returns C (re-scored 10), after two plans scored', () => {
    const p = makePlan(s, d, { goal: { kind: 'pass' } })!;
    expect(p.found).toBe(true);
    expect(p.steps.map((x) => x.item)).toEqual(['c']);
    expect(p.verified).toBe(2);
    expect(p.effort.eq(q('3'))).toBe(true);
    expect(rescored(s, d, p).scaled.eq(q('10'))).toBe(true);
  });
});

describe('a hard floor lifted by the plan', () => {
  // 符合政策率 = policy / births, 10 points, deduct 1 per 1% below 95%; below 80% it is zeroed and vetoed.
  // Births 100, policy 78: 78% → zeroed, vetoed. Pass 9 of 10 needs ≥ 94% (lose ≤ 1): +16 policy births
  // (94/100: 1 point lost, 9 left), effort 1 each = 16; the veto lifts at 80%.
  const s = scheme(`${HEAD}total: 10
pass: 9
fields:
  - { id: births, label: 出生数, type: count }
  - { id: policy, label: 政策内, type: count }
checks:
  - { id: p_le_b, title: 政策内不超过出生数, assert: policy <= births }
sections:
  - id: s
    title: S
    points: 10
    items:
      - id: rate
        title: 符合政策率
        points: 10
        formula: policy / births
        target: ">= 95%"
        rule: { type: deduct, deduct: 1, per: 1%, partial: up }
        lever: policy
        effort: 1
vetoes:
  - { id: floor, title: 低于80%, item: rate, when: "< 80%" }
`);
  const d = data(s, '县,乡镇,出生数,政策内\n甲县,A,100,78\n');

  it('raises policy births by 16 to 94%: 9 points, the veto lifted', () => {
    const p = makePlan(s, d, { goal: { kind: 'pass' } })!;
    expect(p.before.vetoes).toEqual(['floor']);
    expect(p.found).toBe(true);
    expect(p.steps[0]!.change.eq(q('16'))).toBe(true);
    const u = rescored(s, d, p);
    expect(u.scaled.eq(q('9'))).toBe(true);
    expect(u.vetoes.some((v) => v.triggered)).toBe(false);
    expect(u.passed).toBe(true);
  });
});

describe('rank:N among the counties given together', () => {
  // 兑现率 ≥ 100%, deduct 1 per 1% below (partial up), 10 points; effort 1 per recipient.
  // 甲县 98/100 → 8, 乙县 95/100 → 5, 丙县 90/100 → 0. 乙县 ranks 2.
  // rank:1 needs 甲县's 8 (a tie shares rank 1): lose ≤ 2, so paid ≥ 98: +3 in B, effort 3.
  const s = scheme(`${HEAD}total: 10
pass: 5
fields:
  - { id: paid, label: 已兑现, type: count }
  - { id: eligible, label: 应兑现, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - id: pay
        title: 兑现率
        points: 10
        formula: paid / eligible
        target: ">= 100%"
        rule: { type: deduct, deduct: 1, per: 1%, partial: up }
        lever: paid
        effort: 1
`);
  const d = data(s, '县,乡镇,已兑现,应兑现\n甲县,A,98,100\n乙县,B,95,100\n丙县,C,90,100\n');

  it('lifts 乙县 to rank 1 with +3 paid in B, re-scored 8 (tied first)', () => {
    const p = makePlan(s, d, { goal: { kind: 'rank', rank: 1 }, unit: '乙县' })!;
    expect(p.needed!.eq(q('8'))).toBe(true);
    expect(p.before.rank).toBe(2);
    expect(p.found).toBe(true);
    expect(p.steps[0]!.units.map((u) => [u.name, u.change.toDecimal()])).toEqual([['B', '3']]);
    expect(p.after!.rank).toBe(1);
    expect(p.effort.eq(q('3'))).toBe(true);
    const again = evaluate(
      s,
      applyChanges(d, [{ level: 0, key: p.steps[0]!.units[0]!.key, field: 'paid', to: q('98') }]),
    ).units.find((u) => u.name === '乙县')!;
    expect(again.rank).toBe(1);
  });

  it('rank:2 holds already; without --unit there is no one unit to plan for', () => {
    expect(makePlan(s, d, { goal: { kind: 'rank', rank: 2 }, unit: '乙县' })!.already).toBe(true);
    expect(makePlan(s, d, { goal: { kind: 'pass' } })).toBeUndefined();
  });
});

describe('the lint of effort', () => {
  it('an item with effort and no lever is an error at the effort key', () => {
    const text = `${HEAD}total: 10
pass: 5
fields:
  - { id: x, label: X数, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: ix, title: X, points: 10, formula: x, target: ">= 10", rule: { type: all }, effort: 2 }
`;
    const r = loadScheme(text, 'e.yaml');
    expect(r.scheme).toBeUndefined();
    const d = r.diagnostics.find((x) => 'code' in x && x.code === 'scheme/effort-without-lever')!;
    // Line 16 of the text (6 lines of HEAD, then 10), column 99: the value 2 after "effort: ".
    expect([d.line, d.col]).toEqual([16, 99]);
    expect(formatDiagnostic(d, 'en')).toContain('item "ix" has effort but no lever');
  });
});
