/**
 * The remedy solver: the smallest whole-number change of the lever that meets the
 * target, within the lever's bounds and the error-level checks. Every expected
 * change is worked out by hand in the comment beside it.
 */
import { describe, expect, it } from 'vitest';
import { R, Rational } from '../../src/rational';
import { solveRemedy } from '../../src/engine/remedy';
import { distance, meets } from '../../src/engine/target-eval';
import type { Remedy } from '../../src/engine/types';
import type { Env } from '../../src/scheme/formula';
import type { Scheme } from '../../src/scheme/model';
import { parseTarget, type Target } from '../../src/scheme/target';
import { assess, item, scheme } from '../support';

/** A one-level scheme with one all-or-nothing item `x`. */
function one(fields: string[], x: { formula: string; target: string; lever: string }, checks: string[] = []): Scheme {
  return scheme(`
id: rm
title: RM
version: 1
total: 10
pass: 10
units: [{ id: township, title: 乡镇, name: [乡镇] }]
fields:
${fields.map((f) => `  - ${f}`).join('\n')}
${checks.length ? `checks:\n${checks.map((c) => `  - ${c}`).join('\n')}` : ''}
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: x, title: X, points: 10, formula: "${x.formula}", target: "${x.target}", rule: { type: all }, lever: ${x.lever} }
`);
}

/** The remedy of item `x` for one township row (`header` and `row` without the name column). */
function remedy(s: Scheme, header: string, row: string): Remedy {
  const u = assess(s, ['t.csv', `乡镇,${header}\nA,${row}\n`]).units[0]!;
  const r = item(u, 'x').remedy;
  if (!r) throw new Error('no remedy');
  return r;
}

const change = (r: Remedy) => (r.reachable ? r.change!.toString() : 'not reachable');

const BIRTHS = '{ id: births, label: 出生数, type: count }';
const PLAN = '{ id: plan, label: 计划出生数, type: count }';
const POLICY = '{ id: policy, label: 政策内, type: count }';
const NUM = '{ id: num, label: 分子, type: count }';
const DEN = '{ id: den, label: 分母, type: count }';
const POLICY_LE_BIRTHS = '{ id: c1, title: 政策内不超过出生数, assert: policy <= births }';

describe('remedy: windows and checks are never jumped over', () => {
  const plan = one([BIRTHS, PLAN], { formula: 'births / plan', target: 'between 85% and 100%', lever: 'births' });

  it('a value above a between window comes down into it: 1000 births against a plan of 650 → −350', () => {
    // Window: 85% × 650 = 552.5 to 100% × 650 = 650 births. From 1000 the first whole
    // number in it going down is 650 (651/650 = 100.15% is still above): −350.
    // Going up only moves away. (Doubling 1, 2, …, 256, 512 went from 744 to 488 births,
    // past the window, and was reported unreachable.)
    const r = remedy(plan, '出生数,计划出生数', '1000,650');
    expect(r.reachable).toBe(true);
    expect(r.change!.toString()).toBe('-350');
    expect(r.to!.toString()).toBe('650');
    expect(r.gain!.toString()).toBe('10');
  });

  it('a value below the window goes up into it: 500 → +53', () => {
    // 552/650 = 84.92% < 85%; 553/650 = 85.08% ≥ 85%: 500 + 53.
    expect(change(remedy(plan, '出生数,计划出生数', '500,650'))).toBe('53');
  });

  it('a window narrower than one step is not reachable', () => {
    // between 100.01% and 100.02% of 650: 650.065 to 650.13 births, no whole number.
    const narrow = one([BIRTHS, PLAN], {
      formula: 'births / plan',
      target: 'between 100.01% and 100.02%',
      lever: 'births',
    });
    expect(change(remedy(narrow, '出生数,计划出生数', '700,650'))).toBe('not reachable');
  });

  it('a check that caps the lever is not jumped over: policy 10 of 20 births → +9', () => {
    // policy/births ≥ 95% with policy ≤ births: 19/20 = 95% meets, 18/20 = 90% does not;
    // 19 ≤ 20 holds: +9. (Doubling tried 8 (18/20) then 16 (26 > 20 breaks the check), forever.)
    const s = one([BIRTHS, POLICY], { formula: 'policy / births', target: '>= 95%', lever: 'policy' }, [
      POLICY_LE_BIRTHS,
    ]);
    const r = remedy(s, '出生数,政策内', '20,10');
    expect(change(r)).toBe('9');
    expect(r.to!.toString()).toBe('19');
  });

  it('a target only met beyond a check is not reachable', () => {
    // policy/births ≥ 95% needs policy ≥ 19 of 20 births, which breaks policy ≤ quota = 15;
    // lowering policy only moves away.
    const s = one(
      [BIRTHS, POLICY, '{ id: quota, label: 指标, type: count }'],
      { formula: 'policy / births', target: '>= 95%', lever: 'policy' },
      ['{ id: c2, title: 政策内不超过指标, assert: policy <= quota }'],
    );
    expect(change(remedy(s, '出生数,政策内,指标', '20,10,15'))).toBe('not reachable');
  });

  it('a window reachable only by breaking a check is not reachable', () => {
    // births/plan in [85%, 100%] needs births ≤ 650, but policy = 660 must stay ≤ births;
    // further down the window only breaks it more.
    const s = one(
      [BIRTHS, PLAN, POLICY],
      { formula: 'births / plan', target: 'between 85% and 100%', lever: 'births' },
      [POLICY_LE_BIRTHS],
    );
    expect(change(remedy(s, '出生数,计划出生数,政策内', '1000,650,660'))).toBe('not reachable');
    // With policy = 640 the check holds at 650: −350 as above.
    expect(change(remedy(s, '出生数,计划出生数,政策内', '1000,650,640'))).toBe('-350');
  });
});

describe('remedy: directions do not depend on one step making a difference', () => {
  it('round(): 9000/10000 against round(num/den×100, 1) ≥ 95 → +495', () => {
    // One person moves num/den×100 by 0.01, which round(…, 1) does not show, so one step
    // looked useless in both directions. 9494 → 94.94 → 94.9 < 95; 9495 → 94.95 → 95.0
    // (half away from zero) ≥ 95: +495.
    const s = one([NUM, DEN], { formula: 'round(num / den * 100, 1)', target: '>= 95', lever: 'num' });
    expect(change(remedy(s, '分子,分母', '9000,10000'))).toBe('495');
  });

  it('`> 0` at 0 → +1', () => {
    // 1 > 0; a count cannot go below 0.
    const s = one([NUM], { formula: 'num', target: '> 0', lever: 'num' });
    const r = remedy(s, '分子', '0');
    expect(change(r)).toBe('1');
    expect(r.to!.toString()).toBe('1');
  });

  it('`!= 0` at 0 → +1', () => {
    const s = one([NUM], { formula: 'num', target: '!= 0', lever: 'num' });
    expect(change(remedy(s, '分子', '0'))).toBe('1');
  });

  it('`== 0` from above → down to it; an exact value between two steps is not reachable', () => {
    // num − den == 0 with den 8: from 5, +3.
    const eq = one([NUM, DEN], { formula: 'num - den', target: '== 0', lever: 'num' });
    expect(change(remedy(eq, '分子,分母', '5,8'))).toBe('3');
    expect(change(remedy(eq, '分子,分母', '11,8'))).toBe('-3');
    // num/7 == 50% needs num = 3.5: 3/7 is below, 4/7 above.
    const half = one([NUM, DEN], { formula: 'num / den', target: '== 50%', lever: 'num' });
    expect(change(remedy(half, '分子,分母', '1,7'))).toBe('not reachable');
  });
});

describe('remedy: bounds, units and kinds of lever', () => {
  it('a lever at its bound cannot move that way: not reachable', () => {
    // num/den ≥ 95% needs num ≥ 95 of 100, but num's max is 90 and it is at 90.
    const s = one(['{ id: num, label: 分子, type: count, max: 90 }', DEN], {
      formula: 'num / den',
      target: '>= 95%',
      lever: 'num',
    });
    const r = remedy(s, '分子,分母', '90,100');
    expect(r.reachable).toBe(false);
    expect(r.from.toString()).toBe('90');
    expect(r.change).toBeUndefined();
  });

  it('a count at 0 cannot go below it: not reachable', () => {
    const s = one([NUM], { formula: 'num', target: '< 0', lever: 'num' });
    expect(change(remedy(s, '分子', '0'))).toBe('not reachable');
  });

  it('a percent lever moves in tenths of a percentage point: 88.6% → 90% is +1.4 pp', () => {
    // (90% − 88.6%) / 0.1% = 14 steps of 1/1000: +0.014 = 7/500, to 0.9.
    const s = one(['{ id: sat, label: 满意率, type: percent }'], { formula: 'sat', target: '>= 90%', lever: 'sat' });
    const r = remedy(s, '满意率', '88.6%');
    expect(r.kind).toBe('percent');
    expect(r.change!.toString()).toBe('7/500');
    expect(r.to!.toString()).toBe('9/10');
  });

  const funds = (lever: string) =>
    one(['{ id: funds, label: 经费, type: money }', '{ id: population, label: 人口, type: count }'], {
      formula: 'funds / population',
      target: '>= 13.04',
      lever,
    });

  it('the lever is the denominator: population down to 76687 (−3313)', () => {
    // funds/population ≥ 13.04 with 1,000,000 yuan: population ≤ 1,000,000 / 13.04 =
    // 76687.1…; 13.04 × 76687 = 999,998.48 ≤ 1,000,000, 13.04 × 76688 = 1,000,011.52 >.
    // 80000 − 76687 = 3313. (Going all the way down reaches population 0, where the
    // formula is undefined: the search stops one short.)
    const r = remedy(funds('population'), '经费,人口', '1000000,80000');
    expect(r.change!.toString()).toBe('-3313');
    expect(r.to!.toString()).toBe('76687');
  });

  it('the same item with the numerator as lever: funds up 43,200 yuan', () => {
    // 13.04 × 80000 = 1,043,200; 1,043,199 / 80000 = 13.0399875 < 13.04.
    expect(change(remedy(funds('funds'), '经费,人口', '1000000,80000'))).toBe('43200');
  });
});

describe('remedy: formulas monotone only piecewise', () => {
  const stat = one(
    ['{ id: survey, label: 调查出生数, type: count }', '{ id: reported, label: 报表出生数, type: count }'],
    {
      formula: '1 - abs(survey - reported) / survey',
      target: '>= 95%',
      lever: 'reported',
    },
  );

  it('abs(): 800 reported against 1000 surveyed → +150, though 1056 is past the window', () => {
    // 1 − |1000 − r|/1000 ≥ 95% ⇔ 950 ≤ r ≤ 1050. From 800: +150 (949 gives 94.9%).
    // Doubling alone tried 928 (92.8%) then 1056 (94.4%) and never came back.
    expect(change(remedy(stat, '调查出生数,报表出生数', '1000,800'))).toBe('150');
    // From above: 1200 → 1050, −150.
    expect(change(remedy(stat, '调查出生数,报表出生数', '1000,1200'))).toBe('-150');
  });

  it('a tie between the two directions goes to the increase', () => {
    // |num − 10| ≥ 3 at num = 10: 13 or 7, both 3 away.
    const s = one([NUM, DEN], { formula: 'abs(num - den)', target: '>= 3', lever: 'num' });
    expect(change(remedy(s, '分子,分母', '10,10'))).toBe('3');
  });
});

describe('remedy: solveRemedy directly', () => {
  it('a check that fails where the target is first met but holds further on, inside the window', () => {
    // Made-up data that already breaks births ≤ 640 (a real row would be invalid):
    // births/plan in [85%, 100%] from 1000 births, plan 650: the window starts at 650,
    // where the check still fails; the first births in the window that also passes it
    // is 640 (640/650 = 98.5%): −360.
    const s = one([BIRTHS, PLAN], { formula: 'births / plan', target: 'between 85% and 100%', lever: 'births' }, [
      '{ id: cap, title: 上限, assert: births <= 640 }',
    ]);
    const values = new Map([
      ['births', R(1000)],
      ['plan', R(650)],
    ]);
    const env: Env = (n) => values.get(n);
    const r = solveRemedy(s, s.items[0]!, env, () => Rational.ZERO)!;
    expect(change(r)).toBe('-360');
  });

  it('no remedy when the target is already met', () => {
    const s = one([NUM], { formula: 'num', target: '>= 1', lever: 'num' });
    expect(
      solveRemedy(
        s,
        s.items[0]!,
        (n) => (n === 'num' ? R(1) : undefined),
        () => Rational.ZERO,
      ),
    ).toBeUndefined();
  });

  it('stays within a few dozen formula evaluations, even 43,200 steps away', () => {
    // Each evaluation of funds / population reads population once.
    const s = one(['{ id: funds, label: 经费, type: money }', '{ id: population, label: 人口, type: count }'], {
      formula: 'funds / population',
      target: '>= 13.04',
      lever: 'funds',
    });
    let reads = 0;
    const env: Env = (n) => (n === 'population' ? (reads++, R(80000)) : n === 'funds' ? R(1000000) : undefined);
    const r = solveRemedy(s, s.items[0]!, env, () => Rational.ZERO)!;
    expect(change(r)).toBe('43200');
    // log2(43200) ≈ 15.4: ~17 doublings and ~15 bisection steps up, a couple down.
    expect(reads).toBeLessThan(60);
  });

  it('an unreachable item costs a handful of evaluations', () => {
    // num/den ≥ 95% with the lever den at 100 and num 90, den's min 100: down is
    // closed, up only lowers the rate.
    const s = one([NUM, '{ id: den, label: 分母, type: count, min: 100 }'], {
      formula: 'num / den',
      target: '>= 95%',
      lever: 'den',
    });
    let reads = 0;
    const env: Env = (n) => (n === 'num' ? (reads++, R(90)) : n === 'den' ? R(100) : undefined);
    const r = solveRemedy(s, s.items[0]!, env, () => Rational.ZERO)!;
    expect(r.reachable).toBe(false);
    expect(reads).toBeLessThan(8);
  });
});

describe('distance: the plain gap, 0 for some unmet strict targets', () => {
  const t = (text: string): Target => {
    const r = parseTarget(text);
    if ('error' in r) throw new Error('bad target');
    return r.target;
  };
  const none: Env = () => undefined;
  it('`> 0` at 0 and `!= 0` at 0 are unmet with a gap of 0; meets says so, not distance', () => {
    for (const text of ['> 0', '< 0', '!= 0']) {
      expect(meets(t(text), Rational.ZERO, none)).toBe(false);
      expect(distance(t(text), Rational.ZERO, none)!.toString()).toBe('0');
    }
    expect(distance(t('>= 95%'), R('0.9'), none)!.toString()).toBe('1/20');
  });
});
