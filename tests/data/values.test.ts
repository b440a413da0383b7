import { describe, expect, it } from 'vitest';
import { valueProblem } from '../../src/messages/data-units';
import { R, Rational } from '../../src/rational';
import type { Field } from '../../src/scheme/model';
import { parseCell, parseNumberText, type Parsed } from '../../src/data/values';
import { field, loadTestScheme } from './helpers';

const scheme = loadTestScheme();
const births = field(scheme, 'births');
const satisfaction = field(scheme, 'satisfaction');
const hasOffice = field(scheme, 'has_office');
/** Field types the test scheme does not declare. */
const ofType = (type: Field['type']): Field => ({
  id: `a_${type}`,
  label: type,
  aliases: [],
  type,
  level: 0,
  required: true,
});

/** The exact value of a successful parse, as a Rational. */
function valueOf(p: Parsed): Rational {
  if ('error' in p) throw new Error(`expected a value, got error: ${valueProblem.en(p.error)}`);
  if (!(p.value instanceof Rational)) throw new Error(`expected a number, got ${String(p.value)}`);
  return p.value;
}
function errorOf(p: Parsed): { en: string; zh: string } {
  if (!('error' in p)) throw new Error(`expected an error, got ${String(p.value)}`);
  return { en: valueProblem.en(p.error), zh: valueProblem.zh(p.error) };
}

describe('parseNumberText', () => {
  it('reads thousands separators: 1,234 → 1234', () => {
    const n = parseNumberText('1,234')!;
    expect(n.suffix).toBe('');
    expect(n.value.toString()).toBe('1234');
  });

  it('reads several groups and a decimal part: 2,848,600.5', () => {
    expect(parseNumberText('2,848,600.5')!.value.toString()).toBe('5697201/2');
  });

  it('reads 92.5% as exactly 0.925 (37/40)', () => {
    const n = parseNumberText('92.5%')!;
    expect(n.suffix).toBe('%');
    expect(n.value.toString()).toBe('37/40');
    expect(n.value.eq(R('0.925'))).toBe(true);
  });

  it('reads full-width digits, point and percent sign: ９２．５％', () => {
    const n = parseNumberText('９２．５％')!;
    expect(n.suffix).toBe('%');
    expect(n.value.eq(R('0.925'))).toBe(true);
  });

  it('reads full-width thousands separators: １，２３４', () => {
    expect(parseNumberText('１，２３４')!.value.toString()).toBe('1234');
  });

  it('reads per mille: 1‰ → 1/1000, 12.5‰ → 1/80', () => {
    expect(parseNumberText('1‰')).toEqual({ value: Rational.of(1n, 1000n), suffix: '‰' });
    expect(parseNumberText('12.5‰')!.value.toString()).toBe('1/80');
  });

  it('allows spaces around the number and before the suffix', () => {
    expect(parseNumberText('  92.5 % ')!.value.toString()).toBe('37/40');
  });

  it("drops the apostrophe Excel uses to mark text: '0042 → 42", () => {
    expect(parseNumberText("'0042")!.value.toString()).toBe('42');
  });

  it('reads signs and a leading or trailing decimal point', () => {
    expect(parseNumberText('-3')!.value.toString()).toBe('-3');
    expect(parseNumberText('+7')!.value.toString()).toBe('7');
    expect(parseNumberText('.5')!.value.toString()).toBe('1/2');
    expect(parseNumberText('12.')!.value.toString()).toBe('12');
  });

  it.each(['12.3.4', 'N/A', 'abc', '', '%', '1,2345', '12,34', ',123', '1,234,', '1 234', '=SUM(A1:A3)', '5 人'])(
    'does not accept %j as a number',
    (text) => {
      expect(parseNumberText(text)).toBeUndefined();
    },
  );
});

describe('parseCell: missing values', () => {
  it.each(['', '   ', '-', '--', '—', '——', '–', '/', '\\', '－', '／', '\u3000'])(
    '%j is missing in a count column',
    (text) => {
      expect(parseCell(text, births)).toEqual({ value: undefined });
    },
  );

  it('missing marks are missing in percent and boolean columns too', () => {
    expect(parseCell('-', satisfaction)).toEqual({ value: undefined });
    expect(parseCell('/', hasOffice)).toEqual({ value: undefined });
    expect(parseCell('', hasOffice)).toEqual({ value: undefined });
  });
});

describe('parseCell: count columns', () => {
  it('reads whole numbers, with separators and surrounding spaces', () => {
    expect(valueOf(parseCell('628', births)).toString()).toBe('628');
    expect(valueOf(parseCell(' 62,140 ', births)).toString()).toBe('62140');
    expect(valueOf(parseCell('0', births)).toString()).toBe('0');
    expect(valueOf(parseCell('６２８', births)).toString()).toBe('628');
  });

  it('accepts 12.0 as the whole number 12', () => {
    expect(valueOf(parseCell('12.0', births)).toString()).toBe('12');
  });

  it('rejects a negative count: -3', () => {
    expect(errorOf(parseCell('-3', births))).toEqual({
      en: '"-3" is not a count (a whole number ≥ 0)',
      zh: '“-3”不是人数/个数（应为不小于0的整数）',
    });
  });

  it('rejects a fractional count: 1.5', () => {
    expect(errorOf(parseCell('1.5', births)).en).toBe('"1.5" is not a count (a whole number ≥ 0)');
  });

  it('rejects a percentage in a count column', () => {
    expect(errorOf(parseCell('92.5%', births))).toEqual({
      en: '"92.5%" is a percentage but the column is a count',
      zh: '“92.5%”是百分数，但该列应为人数/个数',
    });
    expect(errorOf(parseCell('3‰', births)).en).toBe('"3‰" is a percentage but the column is a count');
  });

  it.each([
    ['12.3.4', '"12.3.4" is not a number', '“12.3.4”不是数字'],
    ['N/A', '"N/A" is not a number', '“N/A”不是数字'],
    ['abc', '"abc" is not a number', '“abc”不是数字'],
    ['1,2345', '"1,2345" is not a number', '“1,2345”不是数字'],
  ])('rejects %j with a message quoting it', (text, en, zh) => {
    expect(errorOf(parseCell(text, births))).toEqual({ en, zh });
  });

  it('rejects a spreadsheet formula and says to paste values', () => {
    expect(errorOf(parseCell('=SUM(A1:A3)', births))).toEqual({
      en: '"=SUM(A1:A3)" is a spreadsheet formula, not a value: paste values only',
      zh: '“=SUM(A1:A3)”是电子表格公式而不是数值：请“选择性粘贴—数值”',
    });
  });

  it('quotes the cell as written (not normalised) in the message', () => {
    expect(errorOf(parseCell('１２ａ', births)).en).toBe('"１２ａ" is not a number');
  });
});

describe('parseCell: percent columns', () => {
  it('reads 92.5% as 0.925', () => {
    expect(valueOf(parseCell('92.5%', satisfaction)).eq(R('0.925'))).toBe(true);
  });

  it('reads a bare 92.5 as percentage points: 92.5%', () => {
    expect(valueOf(parseCell('92.5', satisfaction)).toString()).toBe('37/40');
  });

  it('reads full-width ９２．５％ and per mille 925‰ as the same value', () => {
    expect(valueOf(parseCell('９２．５％', satisfaction)).toString()).toBe('37/40');
    expect(valueOf(parseCell('925‰', satisfaction)).toString()).toBe('37/40');
  });

  it('reads a bare 100 as 100% and 0 as 0%', () => {
    expect(valueOf(parseCell('100', satisfaction)).toString()).toBe('1');
    expect(valueOf(parseCell('0', satisfaction)).toString()).toBe('0');
  });

  it('rejects text in a percent column', () => {
    expect(errorOf(parseCell('九成', satisfaction)).en).toBe('"九成" is not a number');
  });
});

describe('parseCell: other number types', () => {
  it('number and money columns keep fractions and signs', () => {
    expect(valueOf(parseCell('-1.25', ofType('number'))).toString()).toBe('-5/4');
    expect(valueOf(parseCell('2,848,600', ofType('money'))).toString()).toBe('2848600');
  });

  it('a percentage in a money column is an error naming the type', () => {
    expect(errorOf(parseCell('5%', ofType('money')))).toEqual({
      en: '"5%" is a percentage but the column is a money',
      zh: '“5%”是百分数，但该列应为金额',
    });
  });

  it('text columns keep the normalised, trimmed text', () => {
    expect(parseCell(' 县卫健局 ', ofType('text'))).toEqual({ value: '县卫健局' });
  });
});

describe('parseCell: boolean columns', () => {
  it.each([
    ['是', true],
    ['否', false],
    ['有', true],
    ['无', false],
    ['1', true],
    ['0', false],
    ['１', true],
    ['Yes', true],
    ['NO', false],
    ['√', true],
    ['×', false],
    [' 是 ', true],
  ])('%j → %s', (text, expected) => {
    expect(parseCell(text, hasOffice)).toEqual({ value: expected });
  });

  it('rejects other text with the accepted spellings in the message', () => {
    expect(errorOf(parseCell('部分', hasOffice))).toEqual({
      en: '"部分" is not a yes/no value (是/否, 有/无, 1/0)',
      zh: '“部分”不是是/否值（是/否、有/无、1/0）',
    });
    expect(errorOf(parseCell('2', hasOffice)).en).toBe('"2" is not a yes/no value (是/否, 有/无, 1/0)');
  });
});
