/** The message catalog: every code in both languages, rendered from sample arguments. */
import { describe, expect, it } from 'vitest';
import { formatDiagnostic, worded, type CodedDiagnostic } from '../../src/diagnostics';
import { both, CATALOG, say } from '../../src/messages/catalog';
import { message, type Code, type MessageArgs } from '../../src/messages/codes';
import { Rational } from '../../src/rational';
import { APP_SAMPLES } from './message-samples/app';
import { CLI_SAMPLES } from './message-samples/cli';
import { DATA_SAMPLES } from './message-samples/data';
import { PLAN_SAMPLES } from './message-samples/plan';
import { ENGINE_SAMPLES } from './message-samples/engine';
import { FORECAST_SAMPLES } from './message-samples/forecast';
import { RELATIVE_SAMPLES } from './message-samples/relative';
import { PARTS_SAMPLES } from './message-samples/parts';
import { COMBOS_SAMPLES } from './message-samples/combos';
import { REPORT_SAMPLES } from './message-samples/report';
import { SCHEME_ONE_LANGUAGE, SCHEME_SAMPLES } from './message-samples/scheme';
import { TREND_SAMPLES } from './message-samples/trend';
import { LINES_SAMPLES } from './message-samples/lines';

/** One set of arguments per code, one file per area: a code added to the union without a sample does not compile. */
const SAMPLES: { [K in Code]: MessageArgs[K] } = {
  ...ENGINE_SAMPLES,
  ...DATA_SAMPLES,
  ...SCHEME_SAMPLES,
  ...CLI_SAMPLES,
  ...TREND_SAMPLES,
  ...REPORT_SAMPLES,
  ...APP_SAMPLES,
  ...FORECAST_SAMPLES,
  ...PLAN_SAMPLES,
  ...LINES_SAMPLES,
  ...RELATIVE_SAMPLES,
  ...PARTS_SAMPLES,
  ...COMBOS_SAMPLES,
};

/**
 * Arguments that are sub-codes (which kind of message, of value, of problem), said in
 * words rather than shown; and a name given in each language (`en`, `zh`), shown in its own.
 */
const SAID_IN_WORDS = new Set(['kind', 'expected', 'what', 'en', 'zh']);

describe('message catalog', () => {
  const codes = Object.keys(SAMPLES) as Code[];

  it('has exactly the codes of the union, each with an English and a Chinese renderer', () => {
    expect(Object.keys(CATALOG).sort()).toEqual([...codes].sort());
    for (const code of codes) {
      expect(typeof CATALOG[code].en, code).toBe('function');
      expect(typeof CATALOG[code].zh, code).toBe('function');
    }
  });

  for (const code of Object.keys(SAMPLES) as Code[]) {
    it(`${code}: renders in both languages, with its arguments, differently`, () => {
      const m = message(code, SAMPLES[code]);
      const en = say(m, 'en');
      const zh = say(m, 'zh');
      expect(en.length).toBeGreaterThan(5);
      expect(zh.length).toBeGreaterThan(5);
      expect(en).not.toBe(zh);
      // Chinese text has Chinese words of its own (not only the names passed in).
      expect(zh.replace(/A镇|B镇|Z镇|甲|乙|农场计划|乡镇|分母|分子|出生|核定得分|扣分|抽查核定/g, '')).toMatch(
        /[\u4e00-\u9fff]/,
      );
      expect(en.replace(/A镇|B镇|Z镇|甲|乙|农场计划|乡镇|分母|分子|出生|核定得分|扣分|抽查核定/g, '')).not.toMatch(
        /[\u4e00-\u9fff]/,
      );
      // Every string argument shows up in both (lists joined), or in one where the code says so.
      const oneLanguage: string[] = (SCHEME_ONE_LANGUAGE as Partial<Record<Code, string[]>>)[code] ?? [];
      for (const [k, v] of Object.entries(SAMPLES[code])) {
        // A sub-code (`kind`, `aKind`) or a structured part (what the schema wanted, a formula error) is said in words.
        if (
          k === 'kind' ||
          k.endsWith('Kind') ||
          (typeof v === 'object' && !Array.isArray(v) && !(v instanceof Rational))
        )
          continue;
        if (SAID_IN_WORDS.has(k)) continue;
        const first = Array.isArray(v) ? String(v[0]) : v instanceof Rational ? v.toDecimal(2) : String(v);
        if (first === 'exclude') continue; // a policy code, said in words
        if (oneLanguage.includes(k)) {
          expect(en.includes(first) || zh.includes(first), `${code}: ${k}`).toBe(true);
          continue;
        }
        expect(en, code).toContain(first);
        expect(zh, code).toContain(first);
      }
    });
  }

  it('words lists by language: a comma in English, 、 in Chinese', () => {
    const m = message('reason/invalid-in', { units: ['A镇', 'B镇'] });
    expect(say(m, 'en')).toBe('invalid in A镇, B镇');
    expect(say(m, 'zh')).toBe('A镇、B镇 数据无效');
  });

  it('a message already in both languages (not yet moved) is said as it is', () => {
    expect(say({ en: 'x', zh: '叉' }, 'zh')).toBe('叉');
    expect(both({ en: 'x', zh: '叉' })).toEqual({ en: 'x', zh: '叉' });
  });

  it('a coded finding prints like a worded one, and can be worded for what takes a Diagnostic', () => {
    const d: CodedDiagnostic = {
      severity: 'error',
      file: 'adj.csv',
      line: 2,
      col: 1,
      ...message('adjust/unknown-unit', { unit: 'Z镇' }),
    };
    expect(formatDiagnostic(d, 'en')).toBe('adj.csv:2:1: error: unit "Z镇": no unit of that name or code in the data');
    expect(formatDiagnostic(d, 'zh')).toBe('adj.csv:2:1: 错误: 单位“Z镇”：数据中没有此名称或代码的单位');
    const w = worded(d);
    expect(w.message).toEqual({
      en: 'unit "Z镇": no unit of that name or code in the data',
      zh: '单位“Z镇”：数据中没有此名称或代码的单位',
    });
    expect(w.code).toBe('adjust/unknown-unit');
    expect('args' in w).toBe(false);
  });
});
