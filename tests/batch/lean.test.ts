/**
 * A lean batch evaluates each county on its own (src/cli/batch-lean.ts): the same
 * units, scores and findings, in the same order, as evaluating the whole dataset.
 */
import { describe, expect, it } from 'vitest';
import { readDataset } from '../../src/data/dataset';
import { evaluate } from '../../src/engine/evaluate';
import type { Assessment, UnitResult } from '../../src/engine/types';
import { dropChildren, evaluateLean } from '../../src/cli/batch-lean';
import { bytes, optionalFieldsScheme } from '../support';

const S = optionalFieldsScheme();

const data = (...files: [string, string][]) =>
  readDataset(
    S,
    files.map(([name, text]) => ({ name, bytes: bytes(text) })),
  );
/** A county as compared: its field values read out (UnitFields holds a closure, equal only to itself). */
const fieldValues = (u: UnitResult) =>
  u.fields && [...u.fields.scheme.fields.keys()].map((id) => [id, u.fields.value(id), u.fields.invalid(id)]);
const slimRoot = (u: UnitResult) => ({ ...u, rank: 0, of: 0, children: [], fields: fieldValues(u) });
const text = (b: Uint8Array | undefined) => new TextDecoder().decode(b);

function same(whole: Assessment, lean: ReturnType<typeof evaluateLean>) {
  expect(lean).toBeDefined();
  const want = dropChildren(whole);
  expect(lean!.assessment.units.map(slimRoot)).toEqual(want.assessment.units.map(slimRoot));
  expect(lean!.assessment.units.map((u) => text(lean!.townships.get(u)))).toEqual(
    want.assessment.units.map((u) => text(want.townships.get(u))),
  );
  expect(lean!.assessment.data).toEqual(whole.data);
  expect({ ...lean!.assessment, units: [], data: null }).toEqual({ ...whole, units: [], data: null });
}

describe('evaluateLean', () => {
  it('blanks, zero divisors, a bad row and a column in no file, in several counties: the findings of the whole, in its order', () => {
    const csv =
      '县,乡镇,出生数,政策内,农场计划\n甲县,A,10,9,2\n甲县,B,0,0,\n乙县,C,10,9,\n乙县,D,0,0,1\n丙县,E,10,x,1\n丙县,F,0,0,\n';
    const d = data(['t.csv', csv]);
    const whole = evaluate(S, d);
    expect(whole.data.findings.filter((f) => f.severity === 'warning').length).toBeGreaterThan(3);
    // The column 农场 is in no file: said once.
    expect(whole.data.findings.filter((f) => f.code === 'data/optional-column-absent')).toHaveLength(1);
    expect(whole.data.findings.some((f) => f.severity === 'error')).toBe(true);
    same(whole, evaluateLean(S, d, new Map()));
  });

  it("a column one county's file lacks: the whole dataset is evaluated (an absent column is judged over all files)", () => {
    const d = data(
      ['a.csv', '县,乡镇,出生数,政策内,农场计划,农场\n甲县,A,10,9,2,否\n甲县,B,10,8,,否\n'],
      ['b.csv', '县,乡镇,出生数,政策内,农场\n乙县,C,10,9,否\n'],
    );
    const whole = evaluate(S, d);
    same(whole, evaluateLean(S, d, new Map()));
  });

  it('one county: nothing to split (its report may be the single one, in full)', () => {
    expect(evaluateLean(S, data(['t.csv', '县,乡镇,出生数,政策内\n甲县,A,10,9\n']), new Map())).toBeUndefined();
  });
});
