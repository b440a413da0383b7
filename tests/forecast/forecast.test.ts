/** The forecast on a small scheme where every projected number is known in closed form. */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data/dataset';
import { forecast, type ForecastMonth } from '../../src/forecast/forecast';
import { project } from '../../src/forecast/project';
import type { Forecast } from '../../src/forecast/types';
import { R, Rational } from '../../src/rational';
import { bytes, scheme } from '../support';

const S = scheme(`
id: t
title: T
version: 1
total: 16
pass: 14
year: { starts: "10-01" }
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: served, label: 已服务, type: count, accumulate: ytd }
  - { id: women, label: 妇女, type: count }
  - { id: cases, label: 例数, type: count, accumulate: ytd }
sections:
  - id: s
    title: S
    points: 16
    items:
      - id: cover
        title: 覆盖率
        points: 10
        formula: served / women
        target: ">= 60%"
        rule: { type: deduct, deduct: 1, per: 1%, partial: proportional }
      - id: cases
        title: 例数
        points: 6
        formula: cases
        target: "<= 11"
        rule: { type: per_case, deduct: 2 }
`);

const month = (period: string, served: number, women: number, cases: number): ForecastMonth => ({
  period,
  dataset: readDataset(S, [
    { name: `${period}.csv`, bytes: bytes(`县,乡镇,已服务,妇女,例数\n甲县,A镇,${served},${women},${cases}\n`) },
  ]),
});

function run(months: ForecastMonth[], history?: ForecastMonth[]): Forecast {
  const r = forecast(S, months, { history });
  if ('problem' in r) throw new Error(r.problem.code);
  return r.forecast;
}

const q = (n: number, d = 1) => Rational.of(BigInt(n), BigInt(d));

describe('project (one field)', () => {
  it('ytd: run rate C(L)/L×12, band from the first report’s mean and each increment', () => {
    // 500 by month 10, 560 by month 11: rates 50 and 60; mid 560/11×12 = 6720/11; low 560+50, high 560+60.
    const p = project(
      'ytd',
      [
        { index: 10, value: q(500) },
        { index: 11, value: q(560) },
      ],
      12,
    );
    expect([p.mid, p.low, p.high]).toEqual([q(6720, 11), q(610), q(620)]);
  });
  it('month: the months to come at the mean, band at the smallest and largest month', () => {
    // 10, 20, 30 in months 1–3: to date 60; 9 months to come: 60 + 9×20 = 240, 60 + 9×10 = 150, 60 + 9×30 = 330.
    const s = [10, 20, 30].map((v, i) => ({ index: i + 1, value: q(v) }));
    const p = project('month', s, 12);
    expect([p.mid, p.low, p.high]).toEqual([q(240), q(150), q(330)]);
  });
  it('stock: the last value carried; band from the changes per month and no change', () => {
    // 1000 → 1010 → 1004 in months 9–11: changes 10 and −6; at 12: 1004 −6 = 998, 1004 + 10 = 1014.
    const s = [1000, 1010, 1004].map((v, i) => ({ index: 9 + i, value: q(v) }));
    const p = project('stock', s, 12);
    expect([p.mid, p.low, p.high]).toEqual([q(1004), q(998), q(1014)]);
  });
  it('with last year: the same share of the year as last year by the same month', () => {
    // Last year 550 by month 11 and 600 by month 12; this year 440 by month 11: 440 × 600/550 = 480.
    const s = [{ index: 11, value: q(440) }];
    const h = new Map([
      [11, q(550)],
      [12, q(600)],
    ]);
    expect(project('ytd', s, 12, h).mid).toEqual(q(480));
  });
});

describe('forecast', () => {
  // June (month 9) and July (month 10) reported; August and September projected.
  const f = run([month('2026-07', 500, 1010, 10), month('2026-06', 450, 1000, 9)]);
  const u = f.units[0]!;
  const item = (id: string) => u.items.find((i) => i.id === id)!;

  it('places the months in the statistical year ending 2026-09', () => {
    expect([f.year, f.yearEnd, f.months, f.method]).toEqual([2026, '2026-09', ['2026-06', '2026-07'], 'run-rate']);
  });

  it('scores the projected year end with the engine', () => {
    // served: 500/10×12 = 600 (rates 450/9 = 50 and 50: no band). women: 1010 (changes 0, 10: high 1010 + 2×10 = 1030).
    // cover = 600/1010: 60% − 600/1010 = 6/1010 = 0.594 pp → loses 60/101 → 950/101.
    // cases: 10/10×12 = 12 > 11 → one case → loses 2 → 4. Total 950/101 + 4 = 1354/101 < 14: fails.
    expect(item('cover').points).toEqual(q(950, 101));
    expect(item('cases').points).toEqual(q(4));
    expect(u.yearEnd.scaled).toEqual(q(1354, 101));
    expect(u.yearEnd.passed).toBe(false);
    // lowest: women 1030: 60% − 600/1030 = 18/1030 → loses 180/103 → 850/103; + 4 = 1262/103.
    expect(u.yearEnd.low).toEqual(q(1262, 103));
    expect(u.yearEnd.high).toEqual(q(1354, 101));
    // now (July to date): 60% − 500/1010 = 106/1010 → loses 1060/101 > 10 → 0; cases 10 ≤ 11 → 6.
    expect(u.now.scaled).toEqual(q(6));
  });

  it('draws each item’s path: reported months, then the projection with its band', () => {
    const p = item('cover').path;
    expect(p.map((x) => [x.period, x.projected])).toEqual([
      ['2026-06', false],
      ['2026-07', false],
      ['2026-08', true],
      ['2026-09', true],
    ]);
    // 450/1000; 500/1010; August 550/1010; September 600/1010.
    expect(p.map((x) => x.value)).toEqual([q(9, 20), q(50, 101), q(55, 101), q(60, 101)]);
    // September's band: 600/1030 (high women) .. 600/1010; August's: 550/1020 .. 550/1010.
    expect([p[3]!.low, p[3]!.high]).toEqual([q(60, 103), q(60, 101)]);
    expect([p[2]!.low, p[2]!.high]).toEqual([q(55, 102), q(55, 101)]);
    expect(item('cover').lines).toEqual([R('0.6')]);
  });

  it('names the items at risk with the month they cross', () => {
    // cases: 9, 10 reported (met), 11 in August (met), 12 in September (missed): crosses in 2026-09.
    expect(item('cases').path.map((p) => p.value)).toEqual([q(9), q(10), q(11), q(12)]);
    expect(item('cases').risk).toEqual({ kind: 'fails', from: '2026-09', already: false });
    // cover misses in every month: since 2026-06, not projected to recover.
    expect(item('cover').risk).toEqual({ kind: 'fails', from: '2026-06', already: true });
  });

  it('a projected count is a whole number', () => {
    // 11 cases by month 10: 11/10×12 = 13.2 → 13.
    const g = run([month('2026-07', 500, 1010, 11)]);
    expect(g.units[0]!.items.find((i) => i.id === 'cases')!.path.at(-1)!.value).toEqual(q(13));
  });

  it('a year whose last month is reported is not projected', () => {
    const g = run([month('2026-09', 600, 1000, 3)]);
    expect(g.units[0]!.items.every((i) => i.path.every((p) => !p.projected))).toBe(true);
    // 600/1000 = 60% met, 3 cases met: 16.
    expect(g.units[0]!.yearEnd.scaled).toEqual(q(16));
  });

  it('with last year’s months, the months to come follow last year’s shape', () => {
    // served last year: 500 by August, 625 by September (share 625/500); this year 550 → 687.5, a count: 688.
    const g = run([month('2026-08', 550, 1010, 3)], [month('2025-08', 500, 1000, 0), month('2025-09', 625, 1000, 0)]);
    expect(g.method).toBe('history');
    const cover = g.units[0]!.items.find((i) => i.id === 'cover')!;
    // 688 / 1010 ≥ 60%: met.
    expect(cover.path.at(-1)!.value).toEqual(q(688, 1010));
  });

  it('refuses months that are no month, of two years, or twice', () => {
    const code = (ms: ForecastMonth[], h?: ForecastMonth[]) => {
      const r = forecast(S, ms, { history: h });
      return 'problem' in r ? r.problem.code : 'ok';
    };
    expect(code([{ ...month('2026-07', 1, 1, 0), period: '2026h1' }])).toBe('forecast/not-a-month');
    // 2026-09 ends statistical year 2026; 2026-10 starts 2027.
    expect(code([month('2026-09', 1, 1, 0), month('2026-10', 1, 1, 0)])).toBe('forecast/two-years');
    expect(code([month('2026-07', 1, 1, 0), month('2026-07', 1, 1, 0)])).toBe('forecast/month-twice');
    expect(code([month('2026-07', 1, 1, 0)], [month('2024-07', 1, 1, 0)])).toBe('forecast/history-year');
  });
});

describe('a per-month field', () => {
  const M = scheme(`
id: m
title: M
version: 1
total: 10
pass: 6
year: { starts: "10-01" }
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: cases, label: 例数, type: number, accumulate: month }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: cases, title: 例数, points: 10, formula: cases, target: "<= 16", rule: { type: all } }
`);
  const m = (period: string, cases: number): ForecastMonth => ({
    period,
    dataset: readDataset(M, [{ name: `${period}.csv`, bytes: bytes(`县,乡镇,例数\n甲县,A镇,${cases}\n`) }]),
  });

  it('is summed to date, the months not reported at the mean, the months to come at the mean (band: smallest, largest)', () => {
    const r = forecast(M, [m('2026-06', 1), m('2026-07', 2)]);
    if ('problem' in r) throw new Error(r.problem.code);
    const path = r.forecast.units[0]!.items[0]!.path;
    // To date by June (month 9), from the reports up to June: 1 + (9 − 1) × 1 = 9.
    // By July: 1 + 2 + (10 − 2) × 1.5 = 15. August: 15 + 1.5 = 16.5. September: 18;
    // band: 15 + 2 × 1 = 17 .. 15 + 2 × 2 = 19 (the smallest and largest month reported).
    expect(path.map((p) => p.value)).toEqual([q(9), q(15), q(33, 2), q(18)]);
    expect([path[3]!.low, path[3]!.high]).toEqual([q(17), q(19)]);
    // 16.5 > 16 in August: crosses then.
    expect(r.forecast.units[0]!.items[0]!.risk).toEqual({ kind: 'fails', from: '2026-08', already: false });
  });
});
