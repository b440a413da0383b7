/** Words about an item at a unit, made from the engine's numbers and the unit's field values. */
import { describe, expect, it } from 'vitest';
import {
  formulaText,
  gapText,
  inputsOf,
  substitutedText,
  targetText,
  valueText,
  vetoWords,
} from '../../src/report/shared/item-words';
import { assess, child, item, oneItem } from '../support';

describe('item words', () => {
  const s = oneItem({
    target: '>= 95%',
    rule: '{ type: all }',
    extra: 'vetoes: [{ id: v, title: V, when: "num > den" }]\n',
  });
  const county = assess(s, ['t.csv', '县,乡镇,分子,分母\nC,A,90,100\nC,B,5,10\n']).units[0]!;
  const a = child(county, 'A');

  it('at a township: its own values put in', () => {
    const x = item(a, 'x');
    expect([valueText(a.fields, x), targetText(a.fields, x), gapText(x)]).toEqual(['90%', '>= 95%', '5%']);
    expect([formulaText(a.fields, x), substitutedText(a.fields, x)]).toEqual(['分子 / 分母', '90 / 100']);
    expect(inputsOf(a.fields, x)).toEqual([
      { field: 'num', label: '分子', value: '90', summed: false },
      { field: 'den', label: '分母', value: '100', summed: false },
    ]);
  });

  it('at the county: the sums of its townships put in', () => {
    const x = item(county, 'x');
    expect([valueText(county.fields, x), substitutedText(county.fields, x)]).toEqual(['86.36%', '95 / 110']);
    expect(inputsOf(county.fields, x).map((i) => [i.value, i.summed])).toEqual([
      ['95', true],
      ['110', true],
    ]);
  });

  it("a veto's condition in labels and with the unit's numbers", () => {
    expect(vetoWords(a, a.vetoes[0]!)).toEqual({ condition: '分子 > 分母', display: '90 > 100' });
    expect(vetoWords(county, county.vetoes[0]!)).toEqual({ condition: '分子 > 分母', display: '95 > 110' });
  });

  it('an invalid field is shown as ✗ among the inputs', () => {
    const c = assess(s, ['t.csv', '县,乡镇,分子,分母\nC,A,x,100\n']).units[0]!;
    const t = child(c, 'A');
    expect(inputsOf(t.fields, item(t, 'x'))[0]!.value).toBe('✗');
    expect(valueText(t.fields, item(t, 'x'))).toBe('—');
  });
});
