import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/errors';
import { worded } from '../../src/diagnostics';
import { R } from '../../src/rational';
import { jsonErrorAt } from '../../src/trend/json-error';
import { comparePeriods, isPeriod } from '../../src/data/period';
import { readReport } from '../../src/trend/read';
import { fixture, reports } from './support';

function error(text: string, file = 'r.json') {
  try {
    readReport(text, file);
  } catch (e) {
    expect(e).toBeInstanceOf(InputError);
    const ds = (e as InputError).diagnostics;
    expect(ds).toHaveLength(1);
    return worded(ds[0]!); // the finding with its words in both languages
  }
  throw new Error('no error');
}

describe('reading reports', () => {
  it('reads a single-assessment JSON made by score: the county and every township, exact numbers', async () => {
    const r = readReport((await reports()).sample, 'a.json');
    expect(r.kind).toBe('single');
    expect(r.scheme).toMatchObject({ id: 'jsyzfw-2008', version: '2008.1' });
    expect(r.snapshots).toHaveLength(13);
    const county = r.snapshots[0]!;
    expect(county).toMatchObject({
      period: null,
      unitKey: '140724',
      unitName: '昔阳县',
      level: 'county',
      depth: 0,
      passed: false,
      rank: 1,
      of: 1,
      vetoed: false,
    });
    expect(county.scaled.eq(R('87.180468'))).toBe(true);
    expect(county.items.size).toBe(28);
    expect(county.items.get('yzfw_contraception')).toMatchObject({ status: 'met', display: '85.33%', section: 'yzfw' });
    const town = r.snapshots[1]!;
    expect(town).toMatchObject({
      depth: 1,
      level: 'township',
      path: ['140724', town.unitKey],
      names: ['昔阳县', town.unitName],
    });
  });

  it('reads a batch JSON: one snapshot per assessment, with its period and the item ranks of the rankings', () => {
    const r = readReport(fixture('batch-q3.json'), 'b.json');
    expect(r.kind).toBe('batch');
    expect(r.snapshots.map((s) => `${s.period} ${s.unitName}`)).toEqual([
      '2026-07 甲县',
      '2026-07 乙区',
      '2026-08 甲县',
      '2026-08 乙区',
      '2026-09 甲县',
      '2026-09 乙区',
    ]);
    const sep = r.snapshots[5]!;
    expect(sep.source).toBe('data/140702/2026-09');
    expect(sep.items.get('funds')).toMatchObject({ rank: 2, of: 2 });
    expect(sep.items.get('funds')!.points.eq(R('20.1'))).toBe(true);
  });

  it('a single JSON may carry its period', () => {
    expect(readReport(fixture('june.json'), 'j.json').snapshots[0]!.period).toBe('2026-06');
  });

  it('bad JSON: one error naming the file with line:col, in both languages', () => {
    const d = error(fixture('broken.json'), 'tests/fixtures/trend/broken.json');
    expect(d).toMatchObject({ file: 'tests/fixtures/trend/broken.json', line: 5, col: 3, code: 'trend/not-a-report' });
    expect(d.message.en).toBe("not a pinggu report: invalid JSON (Expected ',' or '}' after property value)");
    expect(d.message.zh).toMatch(/^不是 pinggu 报告：JSON 格式错误/);
    expect(error('', 'e.json')).toMatchObject({ line: 1, col: 1 });
    expect(error('nope\n')).toMatchObject({ line: 1, col: 2 });
    expect(error('{"a": [1, 2,\n  3,, 4]}')).toMatchObject({ line: 2, col: 5 });
  });

  it('wrong shapes: one error each, naming what is wrong and where', () => {
    expect(error('[]').message.en).toBe('not a pinggu report: the document should be an object, not an array');
    expect(error('{"name": "pinggu"}').message.en).toBe('not a pinggu report: no "schemaVersion" key');
    expect(error('{"schemaVersion": 2}').message.en).toMatch(/schemaVersion 2 is not one this pinggu reads \(1\)/);
    expect(error('{"schemaVersion": 1, "kind": "check"}').message.en).toMatch(/kind "check" is not "batch"/);
    const s = JSON.parse(fixture('june.json'));
    s.units[0].items[1].points = '30';
    expect(error(JSON.stringify(s))).toMatchObject({
      path: 'units[0].items[1].points',
      message: { en: 'not a pinggu report: units[0].items[1].points should be a number, not string' },
    });
    s.units[0].items[1].points = 30;
    s.period = '2026-13';
    expect(error(JSON.stringify(s)).message.en).toMatch(/period "2026-13" is neither YYYY-MM nor YYYYhN/);
  });

  it('finds the position of a JSON error wherever Node reports one', () => {
    const cases = [
      '{"a":1,}',
      '{"a" 1}',
      '{\n  "a": 1\n  "b": 2\n}',
      '[1,2',
      '"abc',
      '{"a":1}x',
      '{"a":"\\q"}',
      '{"a":01}',
    ];
    for (const text of cases) {
      let pos: number | undefined;
      try {
        JSON.parse(text);
      } catch (e) {
        const m = / at position (\d+)/.exec((e as Error).message);
        pos = m ? Number(m[1]) : undefined;
      }
      if (pos !== undefined) expect([text, jsonErrorAt(text).offset]).toEqual([text, pos]);
    }
    expect(jsonErrorAt('{"a":tru}').offset).toBe(8);
  });
});

describe('periods', () => {
  it('are months or half years, ordered by their end', () => {
    expect(['2026-07', '2026h1', '2026-13', '2026h3', '26-07'].map(isPeriod)).toEqual([
      true,
      true,
      false,
      false,
      false,
    ]);
    const sorted = ['2026h2', '2026-07', '2026-12', '2025h2', '2026-06', '2026h1', '2026-01'].sort(comparePeriods);
    expect(sorted).toEqual(['2025h2', '2026-01', '2026-06', '2026h1', '2026-07', '2026-12', '2026h2']);
  });
});

describe('reading reports: missing keys', () => {
  it('names the missing key', () => {
    expect(error('{"schemaVersion": 1}').message.en).toBe(
      'not a pinggu report: scheme is missing (an object expected)',
    );
  });
});
