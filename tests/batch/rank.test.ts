/**
 * Rankings within a period (src/batch/rank.ts through collect in src/cli/batch-run.ts):
 * overall as in the core (vetoed last, ties 1, 2, 2, 4), per item by points, then the
 * smaller gap, with missing or invalid data last; entries ordered period → rank → key.
 */
import { findingText } from '../../src/diagnostics';
import { describe, expect, it } from 'vitest';
import { collect, type JobResult } from '../../src/cli/batch-run';
import type { Assessment } from '../../src/engine/types';
import { assess, scheme } from '../support';

const S = scheme(`
id: r
title: R
version: 1
total: 10
pass: 9
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县], key: [县代码] }
fields:
  - { id: births, label: 出生数, type: count }
  - { id: ok, label: 政策内, type: count }
  - { id: bad, label: 否决数, type: count }
sections:
  - id: s
    title: S
    points: 10
    items:
      - { id: rate, title: 率, points: 10, formula: ok / births, target: ">= 95%", rule: { type: deduct, deduct: 1, per: 1%, partial: proportional } }
vetoes:
  - { id: v, title: V, when: bad > 0 }
`);

/** One CSV: one township per county; [county, births, ok, bad]. */
function job(period: string | null, source: string, rows: [string, string, string, string][]): JobResult {
  const csv =
    ['县,乡镇,出生数,政策内,否决数', ...rows.map(([c, b, o, v]) => `${c},${c}甲镇,${b},${o},${v}`)].join('\n') + '\n';
  const a = assess(S, [`${source}/t.csv`, csv]);
  const errors = a.data.findings.some((f) => f.severity === 'error');
  return { job: { source, period, files: [] }, assessment: a, dataErrors: () => errors };
}
const gate = (a: Assessment) => (a.units.every((u) => u.passed) ? 0 : 1);

describe('rankBatch: overall', () => {
  // A 100% → 10; B, C 93% → 8; D 91% → 6; E 100% but vetoed.
  const b = collect(
    [
      job('2026-09', 'x', [
        ['A', '100', '100', '0'],
        ['B', '100', '93', '0'],
        ['C', '100', '93', '0'],
        ['D', '100', '91', '0'],
        ['E', '100', '100', '1'],
      ]),
    ],
    gate,
  );
  const r = b.rankings[0]!;

  it('ties share a rank (1, 2, 2, 4) and a vetoed unit is last whatever its score', () => {
    expect(r.units.map((u) => [u.name, u.rank, u.of, u.vetoed])).toEqual([
      ['A', 1, 5, false],
      ['B', 2, 5, false],
      ['C', 2, 5, false],
      ['D', 4, 5, false],
      ['E', 5, 5, true],
    ]);
    expect(r.units[4]!.scaled.toNumber(6)).toBe(10);
  });

  it('each entry has one unit, its rank agrees with the ranking, entries ordered by rank then key', () => {
    expect(b.entries.map((e) => e.assessment.units.length)).toEqual([1, 1, 1, 1, 1]);
    expect(
      b.entries.map((e) => `${e.assessment.units[0]!.name}${e.assessment.units[0]!.rank}/${e.assessment.units[0]!.of}`),
    ).toEqual(['A1/5', 'B2/5', 'C2/5', 'D4/5', 'E5/5']);
    expect(b.exit).toBe(1);
  });
});

describe('rankBatch: per item', () => {
  // P 80% → 0 points, gap 15%; Q 70% → 0 points, gap 25%; R missing births; T 96% full; U 94% → 9.
  const b = collect(
    [
      job('2026-09', 'x', [
        ['P', '100', '80', '0'],
        ['Q', '100', '70', '0'],
        ['R', '', '70', '0'],
        ['T', '100', '96', '0'],
        ['U', '100', '94', '0'],
      ]),
    ],
    gate,
  );
  const item = b.rankings[0]!.items.find((i) => i.id === 'rate')!;

  it('by points, then the smaller gap; missing data last', () => {
    expect(item.units.map((x) => [x.name, x.rank, x.status])).toEqual([
      ['T', 1, 'met'],
      ['U', 2, 'partial'],
      ['P', 3, 'failed'],
      ['Q', 4, 'failed'],
      ['R', 5, 'missing'],
    ]);
    expect(item.units.every((x) => x.of === 5)).toBe(true);
  });

  it('same points and same gap share a rank', () => {
    const c = collect(
      [
        job('2026-09', 'x', [
          ['P', '100', '80', '0'],
          ['Q', '200', '160', '0'],
          ['T', '100', '70', '0'],
        ]),
      ],
      gate,
    );
    const i = c.rankings[0]!.items[0]!;
    expect(i.units.map((x) => [x.name, x.rank])).toEqual([
      ['P', 1],
      ['Q', 1],
      ['T', 3],
    ]);
  });
});

describe('collect: periods and duplicates', () => {
  it('ranks within each period separately; periods chronological (half year after the month ending it, null last)', () => {
    const b = collect(
      [
        job(null, 'n', [['A', '100', '90', '0']]),
        job('2026h1', 'h', [
          ['A', '100', '90', '0'],
          ['B', '100', '99', '0'],
        ]),
        job('2026-06', 'm', [
          ['A', '100', '99', '0'],
          ['B', '100', '90', '0'],
        ]),
      ],
      gate,
    );
    expect(b.periods).toEqual(['2026-06', '2026h1', null]);
    expect(b.rankings.map((r) => r.units.map((u) => `${u.name}${u.rank}/${u.of}`))).toEqual([
      ['A1/2', 'B2/2'],
      ['B1/2', 'A2/2'],
      ['A1/1'],
    ]);
    expect(b.entries.map((e) => `${e.period}:${e.assessment.units[0]!.name}`)).toEqual([
      '2026-06:A',
      '2026-06:B',
      '2026h1:B',
      '2026h1:A',
      'null:A',
    ]);
    expect(b.findings).toEqual([]);
  });

  it('the same unit twice in one period is an error finding and exit 2; in two periods it is not', () => {
    const dup = collect(
      [job('2026-09', 'one', [['A', '100', '99', '0']]), job('2026-09', 'two', [['A', '100', '99', '0']])],
      gate,
    );
    expect(dup.findings.map((f) => [f.code, f.severity, f.file])).toEqual([['batch/duplicate-unit', 'error', 'two']]);
    expect(findingText(dup.findings[0]!, 'en')).toMatch(/"A" \(2026-09\) is also assessed from one/);
    expect(dup.exit).toBe(2);
    const ok = collect(
      [job('2026-08', 'one', [['A', '100', '99', '0']]), job('2026-09', 'two', [['A', '100', '99', '0']])],
      gate,
    );
    expect(ok.findings).toEqual([]);
    expect(ok.exit).toBe(0);
  });

  it('a job with no unit at all (every row rejected) still shows up as an error finding', () => {
    const bad = job('2026-09', 'bad', [['X', '1,2', '3', '0']]);
    const b = collect([bad, job('2026-09', 'good', [['A', '100', '99', '0']])], gate);
    expect(b.entries.map((e) => e.assessment.units[0]!.name)).toContain('A');
    expect(b.findings.some((f) => f.severity === 'error')).toBe(true);
    expect(b.exit).toBe(2);
  });
});
