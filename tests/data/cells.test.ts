import { describe, expect, it } from 'vitest';
import { CellIndex } from '../../src/data/cells';

describe("CellIndex (where a unit's cells are, packed)", () => {
  it('gives back each cell as set, across the rows of one unit, in the order first set', () => {
    const c = new CellIndex();
    c.set('births', { file: 'a.csv', line: 7, col: 3 });
    c.set('boys', { file: 'a.csv', line: 7, col: 4 });
    c.set('funds', { file: 'county.csv', line: 2, col: 70_000 });
    c.set('girls', { file: 'a.csv', line: 9, col: 5 });
    c.set('boys', { file: 'a.csv', line: 9, col: 1 });
    expect([...c.keys()]).toEqual(['births', 'boys', 'funds', 'girls']);
    expect(c.size).toBe(4);
    expect(c.get('births')).toEqual({ file: 'a.csv', line: 7, col: 3 });
    expect(c.get('boys')).toEqual({ file: 'a.csv', line: 9, col: 1 });
    expect(c.get('funds')).toEqual({ file: 'county.csv', line: 2, col: 70_000 });
    expect(c.get('girls')).toEqual({ file: 'a.csv', line: 9, col: 5 });
    expect([c.has('girls'), c.has('nope'), c.get('nope')]).toEqual([true, false, undefined]);
    expect([...c].map(([id, at]) => `${id}@${at.file}:${at.line}:${at.col}`)).toEqual([
      'births@a.csv:7:3',
      'boys@a.csv:9:1',
      'funds@county.csv:2:70000',
      'girls@a.csv:9:5',
    ]);
  });

  it('a column past 4,194,304 on a later row (a hostile, very wide line) comes back as it was', () => {
    const c = new CellIndex();
    c.set('a', { file: 'w.csv', line: 2, col: 1 });
    c.set('b', { file: 'w.csv', line: 3, col: 4_194_308 });
    c.set('c', { file: 'w.csv', line: 4, col: 536_870_000 });
    expect(c.get('b')).toEqual({ file: 'w.csv', line: 3, col: 4_194_308 });
    expect(c.get('c')).toEqual({ file: 'w.csv', line: 4, col: 536_870_000 });
  });
});

describe("CellIndex.ofRow (one row's cells on columns shared by the sheet)", () => {
  it('reads the shared columns and copies them before a change, leaving the other rows as they were', () => {
    const cols = new Map([
      ['births', 3],
      ['boys', 4],
    ]);
    const a = CellIndex.ofRow({ file: 'a.csv', line: 7 }, cols);
    const b = CellIndex.ofRow({ file: 'a.csv', line: 8 }, cols);
    expect(a.get('boys')).toEqual({ file: 'a.csv', line: 7, col: 4 });
    a.set('funds', { file: 'county.csv', line: 2, col: 9 });
    a.set('boys', { file: 'a.csv', line: 9, col: 1 });
    expect([...a].map(([id, at]) => `${id}@${at.file}:${at.line}:${at.col}`)).toEqual([
      'births@a.csv:7:3',
      'boys@a.csv:9:1',
      'funds@county.csv:2:9',
    ]);
    expect([...b].map(([id, at]) => `${id}@${at.file}:${at.line}:${at.col}`)).toEqual([
      'births@a.csv:8:3',
      'boys@a.csv:8:4',
    ]);
    expect([...cols]).toEqual([
      ['births', 3],
      ['boys', 4],
    ]);
  });
});
