import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/errors';
import { R } from '../../src/rational';
import { buildTrend } from '../../src/trend/diff';
import { gateTrend, parseRegression } from '../../src/trend/gate';
import { readReport } from '../../src/trend/read';
import { fixture } from './support';

/** Sep vs Aug of the batch: 甲县 −3.5 (funds newly fails, −6), 乙区 +5.1. */
const trend = () => buildTrend([], readReport(fixture('batch-q3.json'), 'b.json').snapshots);

describe('gates', () => {
  it('--fail-on-regression: fails on a drop of MORE THAN the points (equal passes; 0 fails any drop)', () => {
    expect(gateTrend(trend(), { regression: R('3.5') }).exitCode).toBe(0);
    const g = gateTrend(trend(), { regression: R('3.49') });
    expect(g.exitCode).toBe(1);
    expect(g.reasons).toHaveLength(1);
    const r = g.reasons[0]!;
    if (r.kind !== 'regression') throw new Error(r.kind);
    expect([r.unit, r.key, r.from.toDecimal(), r.to.toDecimal(), r.drop.toDecimal(), r.threshold.toDecimal()]).toEqual([
      '甲县',
      '140701',
      '97.5',
      '94',
      '3.5',
      '3.49',
    ]);
    expect(r.items.map((i) => [i.item, i.points.toDecimal()])).toEqual([['funds', '-6']]);
    expect(gateTrend(trend(), { regression: R(0) }).exitCode).toBe(1);
  });

  it('--fail-on-new-failure: one reason per item newly failing, with the points', () => {
    const g = gateTrend(trend(), { newFailure: true });
    expect(g.exitCode).toBe(1);
    expect(
      g.reasons.map((r) =>
        r.kind === 'new-failure' ? [r.unit, r.item, r.title, r.points.toDecimal(), r.before, r.after] : r.kind,
      ),
    ).toEqual([['甲县', 'funds', '经费到位率', '-6', 'met', 'partial']]);
  });

  it('no gate set: exit 0, no reasons', () => {
    expect(gateTrend(trend(), {})).toEqual({ exitCode: 0, reasons: [] });
  });

  it('only the top-level units are gated, unless allLevels', () => {
    const t = trend();
    // Pretend 乙区 is a unit below 甲县: its changes are reported but not gated.
    const below = t.units[1]!;
    below.depth = 1;
    below.diff!.measure = R(-10);
    expect(gateTrend(t, { regression: R(5) }).exitCode).toBe(0);
    expect(gateTrend(t, { regression: R(5), allLevels: true }).reasons.map((r) => r.unit)).toEqual(['乙区']);
  });

  it('parses the points: a number, 0 or more', () => {
    expect(parseRegression('0').toDecimal()).toBe('0');
    expect(parseRegression('2.5').toDecimal()).toBe('2.5');
    for (const bad of ['-1', 'abc', '', '1e3', '2pts']) expect(() => parseRegression(bad)).toThrow(UsageError);
  });
});
