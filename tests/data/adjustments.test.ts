/** Reading the adjustments file: CSV and YAML, English and Chinese headers, each error with its position. */
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { parseAdjustments } from '../../src/data/adjustments';
import { formatDiagnostic } from '../../src/diagnostics';
import { R } from '../../src/rational';
import { bytes } from '../support';

const csv = (text: string, name = 'adj.csv') => parseAdjustments(bytes(text), name);
const yaml = (text: string, name = 'adj.yaml') => parseAdjustments(bytes(text), name);
/** The findings as printed: `file:line:col: severity: message`. */
const lines = (r: ReturnType<typeof csv>) => r.findings.map((d) => formatDiagnostic(d, 'en'));

const EN = 'unit,item,deduct,override,reason,authority,document,date,expires\n';
const ZH = '单位,指标,扣分,核定得分,理由,核查单位,文号,日期,有效期至\n';

describe('adjustments file: CSV', () => {
  it('reads English headers: a deduction and an override, with every value', () => {
    const r = csv(
      `${EN}乐平镇,xbb_ratio,1.5,,漏报,省评估组,晋卫评〔2026〕3号,2026-07-20,2026-12-31\n140724101,lyd_reward,,0,未兑现,省评估组,,2026-07-21,\n`,
    );
    expect(r.findings).toEqual([]);
    expect(r.adjustments).toHaveLength(2);
    const [a, b] = r.adjustments;
    expect(a).toMatchObject({
      file: 'adj.csv',
      line: 2,
      unit: '乐平镇',
      item: 'xbb_ratio',
      kind: 'deduct',
      reason: '漏报',
      authority: '省评估组',
      document: '晋卫评〔2026〕3号',
      date: '2026-07-20',
      expires: '2026-12-31',
    });
    expect(a!.amount.eq(R('1.5'))).toBe(true);
    expect(b).toMatchObject({ line: 3, unit: '140724101', item: 'lyd_reward', kind: 'override', date: '2026-07-21' });
    expect(b!.amount.isZero()).toBe(true);
    expect(b!.document).toBeUndefined();
    expect(b!.expires).toBeUndefined();
    expect(b!.at.unit).toEqual({ line: 3, col: 1 });
  });

  it('reads Chinese headers in a UTF-8 file with a BOM, and the same in GB18030', () => {
    const text = `${ZH}东冶头镇,流动人口信息通报反馈率,,3,补报材料属实,市卫健委,晋中卫〔2026〕11号,2026-01-15,2026-06-30\n`;
    for (const b of [bytes(`\ufeff${text}`), new Uint8Array(iconv.encode(text, 'gb18030'))]) {
      const r = parseAdjustments(b, '核定.csv');
      expect(r.findings).toEqual([]);
      expect(r.adjustments[0]).toMatchObject({
        unit: '东冶头镇',
        item: '流动人口信息通报反馈率',
        kind: 'override',
        reason: '补报材料属实',
        authority: '市卫健委',
        expires: '2026-06-30',
      });
    }
  });

  it('needs only one of the deduct and override columns; document and expires are optional', () => {
    const r = csv('单位,指标,扣分,理由,核查单位,日期\n乐平镇,xbb_ratio,2,漏报,省评估组,2026-07-20\n');
    expect(r.findings).toEqual([]);
    expect(r.adjustments[0]!.kind).toBe('deduct');
  });

  it('an unknown column is an error at its header cell, and nothing is read', () => {
    const r = csv('unit,item,deduct,reason,authority,date,colour\n乐平镇,xbb_ratio,1,漏报,省评估组,2026-07-20,红\n');
    expect(lines(r)).toEqual([
      expect.stringMatching(/^adj\.csv:1:7: error: unknown column "colour" \(known: unit\/单位, item\/指标/),
    ]);
    expect(r.adjustments).toEqual([]);
  });

  it('a missing required column is an error on the header line', () => {
    const r = csv('unit,item,reason,date\n乐平镇,xbb_ratio,漏报,2026-07-20\n');
    expect(lines(r)).toEqual([
      'adj.csv:1:1: error: no column authority/核查单位',
      'adj.csv:1:1: error: no column deduct/扣分 or override/核定得分',
    ]);
  });

  it('each bad value is one error at its cell; valid lines are still read', () => {
    const r = csv(
      EN +
        [
          '乐平镇,xbb_ratio,1,,漏报,省评估组,,2026-07-20,', // line 2: fine
          ',xbb_ratio,1,,漏报,省评估组,,2026-07-20,', // 3: no unit
          '乐平镇,xbb_ratio,1,2,漏报,省评估组,,2026-07-20,', // 4: both
          '乐平镇,xbb_ratio,一分,,漏报,省评估组,,2026-07-20,', // 5: not a number
          '乐平镇,xbb_ratio,-1,,漏报,省评估组,,2026-07-20,', // 6: negative deduction
          '乐平镇,xbb_ratio,,-2,漏报,省评估组,,2026-07-20,', // 7: override below 0
          '乐平镇,xbb_ratio,1,,漏报,省评估组,,2026-02-30,', // 8: no such day
          '乐平镇,xbb_ratio,1,,漏报,省评估组,,2026/7/20,', // 9: not YYYY-MM-DD
          '乐平镇,xbb_ratio,1,,漏报,省评估组,,2026-07-20,2026-07-01', // 10: expires before the date
          '乐平镇,xbb_ratio,,,漏报,省评估组,,2026-07-20,', // 11: neither deduct nor override
          '乐平镇,xbb_ratio,1,,,省评估组,,2026-07-20,', // 12: no reason
        ].join('\n'),
    );
    expect(lines(r)).toEqual([
      'adj.csv:3:1: error: no unit given',
      'adj.csv:4:4: error: both deduct and override given: an adjustment either deducts points or sets them',
      'adj.csv:5:3: error: deduct (扣分): "一分" is not a number',
      'adj.csv:6:3: error: deduct (扣分): -1 is negative; write the points to take off (to give points back, use override)',
      'adj.csv:7:4: error: override (核定得分): -2 is below 0',
      'adj.csv:8:8: error: date (日期): "2026-02-30" is not a date written YYYY-MM-DD (e.g. 2026-07-15)',
      'adj.csv:9:8: error: date (日期): "2026/7/20" is not a date written YYYY-MM-DD (e.g. 2026-07-15)',
      "adj.csv:10:9: error: expires 2026-07-01 is before the adjustment's date 2026-07-20",
      'adj.csv:11:1: error: no deduct or override given',
      'adj.csv:12:5: error: no reason given',
    ]);
    expect(r.adjustments.map((a) => a.line)).toEqual([2]);
  });

  it('messages are bilingual', () => {
    const r = csv(`${EN}乐平镇,xbb_ratio,x,,漏报,省评估组,,2026-07-20,\n`);
    expect(formatDiagnostic(r.findings[0]!, 'zh')).toBe('adj.csv:2:3: 错误: deduct (扣分)：“x”不是数字');
  });

  it('a value under no header, a broken quote and bytes that are not text are errors, not crashes', () => {
    expect(
      lines(csv(`unit,item,deduct,reason,authority,date\n乐平镇,xbb_ratio,1,漏报,省评估组,2026-07-20,多余\n`)),
    ).toEqual(['adj.csv:2:7: error: a value in column 7, which has no header']);
    expect(
      lines(csv(`unit,item,deduct,reason,authority,date\n"乐平镇,xbb_ratio,1,漏报,省评估组,2026-07-20\n`))[0],
    ).toMatch(/^adj\.csv:2:1: error: not a readable CSV table/);
    expect(
      parseAdjustments(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81]), 'x.csv').findings[0]!.severity,
    ).toBe('error');
  });

  it('an empty file has no adjustments and no findings', () => {
    expect(csv('')).toEqual({ adjustments: [], findings: [] });
  });
});

describe('adjustments file: YAML', () => {
  it('reads a list with English keys and one wrapped in adjustments: with Chinese keys; numbers may be YAML numbers', () => {
    const en = yaml(
      '- unit: 乐平镇\n  item: xbb_ratio\n  deduct: 1.5\n  reason: 漏报\n  authority: 省评估组\n  date: 2026-07-20\n',
    );
    expect(en.findings).toEqual([]);
    expect(en.adjustments[0]).toMatchObject({ line: 1, col: 3, unit: '乐平镇', kind: 'deduct', date: '2026-07-20' });
    expect(en.adjustments[0]!.amount.eq(R('1.5'))).toBe(true);
    const zh = yaml(
      'adjustments:\n  - 单位: "140724101"\n    指标: lyd_reward\n    核定得分: 0\n    理由: 未兑现\n    核查单位: 省评估组\n    文号: 晋卫评〔2026〕3号\n    日期: 2026-07-20\n    有效期至: 2026-12-31\n',
    );
    expect(zh.findings).toEqual([]);
    expect(zh.adjustments[0]).toMatchObject({
      line: 2,
      unit: '140724101',
      kind: 'override',
      document: '晋卫评〔2026〕3号',
      expires: '2026-12-31',
    });
    expect(zh.adjustments[0]!.at.unit).toEqual({ line: 2, col: 9 });
  });

  it('reports unknown and duplicate keys, bad values and a file that is not a list, each at its position', () => {
    const r = yaml(
      [
        '- unit: 乐平镇', // 1
        '  item: xbb_ratio',
        '  deduct: 1',
        '  reason: 漏报',
        '  authority: 省评估组',
        '  date: 2026-07-20',
        '  colour: 红', // 7: unknown key
        '- unit: 乐平镇', // 8
        '  item: [a, b]', // 9: not one value
        '  override: 7',
        '  deduct: 1', // 11: both
        '  reason: 漏报',
        '  authority: 省评估组',
        '  date: 20260720', // 14: bad date (a number)
      ].join('\n'),
    );
    expect(lines(r)).toEqual([
      expect.stringMatching(/^adj\.yaml:7:3: error: unknown key "colour"/),
      'adj.yaml:8:3: error: no item given',
      'adj.yaml:9:9: error: item: expected one value, not a list or mapping',
      'adj.yaml:10:13: error: both deduct and override given: an adjustment either deducts points or sets them',
      'adj.yaml:14:9: error: date (日期): "20260720" is not a date written YYYY-MM-DD (e.g. 2026-07-15)',
    ]);
    expect(r.adjustments).toHaveLength(1);
    expect(lines(yaml('unit: 乐平镇\n'))).toEqual([
      expect.stringMatching(/^adj\.yaml:1:1: error: unknown key "unit": the file holds a list/),
    ]);
    expect(lines(yaml('just text\n'))).toEqual(['adj.yaml:1:1: error: expected a list of adjustments (- unit: …)']);
    const dup = lines(
      yaml(
        '- unit: a\n  unit: b\n  单位: c\n  item: x\n  deduct: 1\n  reason: r\n  authority: a\n  date: 2026-07-20\n',
      ),
    );
    expect(dup).toEqual([
      expect.stringMatching(/^adj\.yaml:2:3: error: duplicate key "unit"/),
      'adj.yaml:3:3: error: key "单位" repeats unit (unit) given above',
    ]);
    expect(lines(yaml('- unit: [a\n'))[0]).toMatch(/^adj\.yaml:\d+:\d+: error: YAML syntax/);
  });
});
