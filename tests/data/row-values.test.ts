import { describe, expect, it } from 'vitest';
import { R } from '../../src/rational';
import { RowValues, slotsOf } from '../../src/data/row-values';

describe("RowValues (a row's values on the slots its sheet shares)", () => {
  it('behaves as a Map in the order of setting, also once a change turns it into one', () => {
    const slots = slotsOf(['births', 'boys', 'births', 'girls', 'funds']);
    expect(slots.ids).toEqual(['births', 'boys', 'girls', 'funds']);
    const v = new RowValues(slots);
    const m = new Map();
    const both = (f: (x: Map<string, unknown>) => unknown) => expect(f(v)).toEqual(f(m));
    const steps: [string, ReturnType<typeof R> | boolean][] = [
      ['births', R(10)],
      ['girls', R(4)],
      ['births', R(11)],
      ['boys', R(6)],
      ['other', true],
      ['funds', R('2.5')],
    ];
    for (const [id, x] of steps) {
      v.set(id, x);
      m.set(id, x);
      both((x) => [...x]);
      both((x) => [x.size, [...x.keys()], [...x.values()], x.get('boys'), x.has('girls'), x.has('nope')]);
    }
    expect(v.delete('girls')).toBe(m.delete('girls'));
    both((x) => [...x]);
    const seen: string[] = [];
    v.forEach((x, k) => seen.push(`${k}=${String(x)}`));
    expect(seen).toEqual([...m].map(([k, x]) => `${k}=${String(x)}`));
  });

  it('a row set in column order stays on its slots and reads as the Map it stands for', () => {
    const v = new RowValues(slotsOf(['a', 'b', 'c']));
    v.set('a', R(1)).set('c', R(3));
    expect(v.size).toBe(2);
    expect(new Map(v)).toEqual(
      new Map([
        ['a', R(1)],
        ['c', R(3)],
      ]),
    );
    expect(Object.prototype.toString.call(v)).toBe('[object Map]');
  });
});
