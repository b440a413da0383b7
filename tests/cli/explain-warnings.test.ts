/**
 * `explain` says why an item has no score when the data is the reason: the warnings
 * scoring gives (src/engine/data-warnings.ts) for the explained item, at the explained
 * unit or below it, on stderr. Those about other units or other items are not shown.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo } from './fake-io';

const tmp = fs.mkdtempSync(join(os.tmpdir(), 'pinggu-explain-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const SCHEME = join(tmp, 'scheme.yaml');
fs.writeFileSync(
  SCHEME,
  `id: t
title: T
version: 1
total: 30
pass: 20
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: births, label: 出生数, type: count }
  - { id: policy, label: 政策内, type: count }
  - { id: farm_plan, label: 农场计划, type: count, required: false }
sections:
  - id: s
    title: S
    points: 30
    items:
      - { id: rate, title: 政策率, points: 10, formula: policy / births, target: ">= 90%", rule: { type: all } }
      - { id: plan, title: 农场计划, points: 20, formula: farm_plan, target: ">= 1", rule: { type: all } }
`,
);

async function explain(name: string, csv: string, ...args: string[]) {
  const file = join(tmp, name);
  fs.writeFileSync(file, csv);
  const io = fakeIo();
  const code = await main(['explain', ...args, file, '--scheme', SCHEME], io);
  return { code, out: io.out, err: io.err, file };
}

describe('explain shows the data warnings of the item it explains', () => {
  const BLANK = '县,乡镇,出生数,政策内,农场计划\n甲县,A,10,9,2\n甲县,B,10,9,\n';
  const blankAt = (file: string) =>
    `${file}:3:5: warning: B: 农场计划 is blank, so 农场计划 scores 0 as missing data; the column is optional (required: false), but a blank in it is not "not applicable"\n`;

  it('a blank optional cell: said when explaining that item at that unit', async () => {
    const r = await explain('blank.csv', BLANK, 'plan', '--unit', 'B');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^农场计划 \(plan\) — B$/m);
    expect(r.err).toBe(blankAt(r.file));
  });

  it('and at the county above it, whose sum it leaves without a score; not at another township or for another item', async () => {
    const county = await explain('blank.csv', BLANK, 'plan', '--unit', '甲县');
    expect(county.err).toBe(blankAt(county.file));
    expect((await explain('blank.csv', BLANK, 'plan', '--unit', 'A')).err).toBe('');
    expect((await explain('blank.csv', BLANK, 'rate', '--unit', 'B')).err).toBe('');
  });

  it('in Chinese', async () => {
    const r = await explain('blank.csv', BLANK, 'plan', '--unit', 'B', '--lang', 'zh');
    expect(r.err).toBe(
      `${r.file}:3:5: 警告: B：农场计划 为空，农场计划 按缺数据记 0 分；该列可以不提供（required: false），但空白不等于“不适用”\n`,
    );
  });

  it('a divisor that is 0 in the data', async () => {
    const r = await explain(
      'zero.csv',
      '县,乡镇,出生数,政策内,农场计划\n甲县,A,0,0,2\n甲县,B,10,9,1\n',
      'rate',
      '--unit',
      'A',
    );
    expect(r.err).toBe(
      `${r.file}:2:3: warning: A: 政策率 is not applicable because 出生数 is 0 (a divisor); it is left out of the unit's maximum (na: exclude)\n`,
    );
    expect(
      (
        await explain(
          'zero.csv',
          '县,乡镇,出生数,政策内,农场计划\n甲县,A,0,0,2\n甲县,B,10,9,1\n',
          'rate',
          '--unit',
          'B',
        )
      ).err,
    ).toBe('');
  });

  it('an optional column in no file, for any unit', async () => {
    const r = await explain('absent.csv', '县,乡镇,出生数,政策内\n甲县,A,10,9\n甲县,B,10,9\n', 'plan', '--unit', 'A');
    expect(r.err).toBe(
      'warning: no column "农场计划" in any file (field farm_plan, optional: required: false): 农场计划 scores 0 as missing data for every 乡镇\n',
    );
    expect(
      (await explain('absent.csv', '县,乡镇,出生数,政策内\n甲县,A,10,9\n甲县,B,10,9\n', 'rate', '--unit', 'A')).err,
    ).toBe('');
  });

  it('a column one file has and another has not: at the row of the unit without it', async () => {
    const a = join(tmp, 'a.csv');
    const b = join(tmp, 'b.csv');
    fs.writeFileSync(a, '县,乡镇,出生数,政策内,农场计划\n甲县,A,10,9,2\n');
    fs.writeFileSync(b, '县,乡镇,出生数,政策内\n甲县,B,10,9\n');
    const io = fakeIo();
    await main(['explain', 'plan', '--unit', 'B', a, b, '--scheme', SCHEME], io);
    expect(io.err).toBe(
      `${b}:2:1: warning: B: no value for 农场计划: ${b} has no column for it (another file has), so 农场计划 scores 0 as missing data\n`,
    );
  });
});
