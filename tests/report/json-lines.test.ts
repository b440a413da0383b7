import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Line, pretty, Raw } from '../../src/report/shared/json-lines';

describe('pretty (the JSON writer of reports and batch documents)', () => {
  it('writes what JSON.stringify(v, null, 2) writes, at any indentation', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom('', '  ', '    '), (v, ind) => {
        expect(pretty(v, ind)).toBe(JSON.stringify(v, null, 2).replaceAll('\n', `\n${ind}`));
      }),
      { numRuns: 2000 },
    );
  });

  it('leaves out undefined keys, writes undefined elements as null, keeps Line and Raw as given', () => {
    const doc = {
      a: undefined,
      b: [1, undefined, new Line({ x: [1, 2] })],
      c: new Raw('{"r":1}'),
      d: {},
      e: [],
      f: { g: undefined },
    };
    expect(pretty(doc, '')).toBe(
      '{\n  "b": [\n    1,\n    null,\n    {"x":[1,2]}\n  ],\n  "c": {"r":1},\n  "d": {},\n  "e": [],\n  "f": {}\n}',
    );
  });
});
