/**
 * Messages about formulas (src/scheme/formula.ts, target.ts, formula-types.ts): why a
 * formula or target does not parse (said inside `scheme/bad-formula` and
 * `scheme/bad-target`), and operands of the wrong kind (`scheme/formula-type`).
 */
import { type Renderers, en, zh } from './render';

/** A value's kind in a formula: a number or yes/no. */
export type FormulaKind = 'number' | 'boolean';

/** What an operand belongs to: an operator (`"-"`, `"and"`), a function (`min()`), or the condition of if(). */
export type Operand = { k: 'op'; op: string } | { k: 'fn'; fn: string } | { k: 'if' };

export interface FormulaArgs {
  'formula/too-long': { max: number };
  'formula/too-deep': { max: number };
  /** The parser's (jsep's) own English message; its Chinese is made from it. */
  'formula/parser': { said: string };
  'formula/not-number': { raw: string };
  'formula/operator': { op: string };
  /** `name` empty when the call has no plain name. */
  'formula/unknown-function': { name: string; allowed: string[] };
  /** `max` Infinity when there is no upper bound. */
  'formula/arity': { fn: string; min: number; max: number; got: number };
  'formula/member': Record<string, never>;
  'formula/compound': Record<string, never>;
  /** A node of a kind formulas do not have (jsep's type name). */
  'formula/node-type': { type: string };
  /** A target that is only a comparison sign. */
  'formula/cmp-no-value': Record<string, never>;
  /** An operand of the wrong kind, or two that should be of one kind. */
  'scheme/formula-type':
    | { kind: 'needs-number' | 'needs-boolean'; of: Operand; shown: string }
    | { kind: 'compare'; op: string; a: string; aKind: FormulaKind; b: string; bKind: FormulaKind }
    | { kind: 'if-branches'; a: string; aKind: FormulaKind; b: string; bKind: FormulaKind };
}

/** jsep's messages in Chinese (the English stays jsep's own). */
function parserZh(said: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^Expected expression after (.+)$/, (m) => `“${m[1]}”后面缺少运算对象`],
    [/^Expected expression$/, () => '缺少表达式'],
    [/^Expected comma$/, () => '缺少逗号'],
    [/^Expected (.)$/, (m) => `缺少“${m[1]}”`],
    [/^Unclosed \($/, () => '左括号“(”没有对应的右括号“)”'],
    [/^Unclosed \[$/, () => '方括号“[”没有闭合'],
    [/^Unclosed quote after "(.*)"$/, (m) => `引号没有闭合（在“${m[1]}”之后）`],
    [/^Unexpected period$/, () => '此处不应有“.”'],
    [/^Unexpected token (.+)$/, (m) => `此处不应有“${m[1]}”`],
    [/^Unexpected "(.*)"$/, (m) => `此处不应有“${m[1]}”`],
    [/^Unexpected (.+)$/, (m) => `此处不应有“${m[1]}”`],
    [/^Variable names cannot start with a number \((.*)\)$/, (m) => `名称不能以数字开头（${m[1]}）`],
    [/^Expected exponent \((.*)\)$/, (m) => `数字的指数部分不完整（${m[1]}）`],
    [/^missing unaryOp argument$/, () => '运算符后面缺少运算对象'],
  ];
  for (const [re, say] of rules) {
    const m = re.exec(said);
    if (m) return say(m);
  }
  return said;
}

const OPERAND = {
  en: (o: Operand) => (o.k === 'op' ? `"${o.op}"` : o.k === 'fn' ? `${o.fn}()` : 'the condition of if()'),
  zh: (o: Operand) => (o.k === 'op' ? `“${o.op}”` : o.k === 'fn' ? `${o.fn}()` : 'if() 的条件'),
};
const KIND = {
  en: (k: FormulaKind) => (k === 'boolean' ? 'yes/no' : 'a number'),
  zh: (k: FormulaKind) => (k === 'boolean' ? '“是/否”' : '数值'),
};

export const FORMULA: Renderers<FormulaArgs> = {
  'formula/too-long': {
    en: (a) => `formula too long (more than ${a.max} characters); split it up`,
    zh: (a) => `公式过长（超过 ${a.max} 个字符），请拆分`,
  },
  'formula/too-deep': {
    en: (a) => `formula nested too deeply (more than ${a.max} levels of brackets or operators); split it up`,
    zh: (a) => `公式嵌套过深（超过 ${a.max} 层括号或运算），请拆分`,
  },
  'formula/parser': { en: (a) => a.said, zh: (a) => parserZh(a.said) },
  'formula/not-number': {
    en: (a) => `only numbers are allowed here, not ${a.raw}`,
    zh: (a) => `这里只能是数字，不能是 ${a.raw}`,
  },
  'formula/operator': { en: (a) => `operator ${a.op} is not allowed`, zh: (a) => `不允许运算符 ${a.op}` },
  'formula/unknown-function': {
    en: (a) => `unknown function ${a.name || 'this call'}; allowed: ${en(a.allowed)}`,
    zh: (a) => `未知函数 ${a.name || 'this call'}；可用：${zh(a.allowed)}`,
  },
  'formula/arity': {
    en: (a) =>
      `${a.fn}() takes ${a.min === a.max ? `${a.min}` : a.max === Infinity ? `at least ${a.min}` : `${a.min} to ${a.max}`} arguments, got ${a.got}`,
    zh: (a) =>
      `${a.fn}() 需要 ${a.min === a.max ? `${a.min}` : a.max === Infinity ? `至少 ${a.min}` : `${a.min} 到 ${a.max}`} 个参数，实际 ${a.got} 个`,
  },
  'formula/member': {
    en: () => 'property access (a.b, a[b]) is not allowed in formulas',
    zh: () => '公式中不允许属性访问（a.b、a[b]）',
  },
  'formula/compound': {
    en: () => 'one expression expected; is an operator missing?',
    zh: () => '应为单个表达式；是否缺少运算符？',
  },
  'formula/node-type': { en: (a) => `${a.type} is not allowed in formulas`, zh: (a) => `公式中不允许 ${a.type}` },
  'formula/cmp-no-value': { en: () => 'a value is expected after the comparison', zh: () => '比较符号后应有数值' },
  'scheme/formula-type': {
    en: (a) => {
      switch (a.kind) {
        case 'needs-number':
          return `${OPERAND.en(a.of)} needs a number, but "${a.shown}" is yes/no; compare it or write if(${a.shown}, 1, 0)`;
        case 'needs-boolean':
          return `${OPERAND.en(a.of)} needs yes/no (a comparison such as x > 0), but "${a.shown}" is a number`;
        case 'compare':
          return `"${a.op}" compares two numbers or two yes/no values, but "${a.a}" is ${KIND.en(a.aKind)} and "${a.b}" is ${KIND.en(a.bKind)}`;
        case 'if-branches':
          return `the two results of if() must be of one kind, but "${a.a}" is ${KIND.en(a.aKind)} and "${a.b}" is ${KIND.en(a.bKind)}; write the yes/no one as if(…, 1, 0) or compare the number (… == 1); 1/0 (no value) fits either`;
      }
    },
    zh: (a) => {
      switch (a.kind) {
        case 'needs-number':
          return `${OPERAND.zh(a.of)}需要数值，而“${a.shown}”是“是/否”；请改为比较式，或写成 if(${a.shown}, 1, 0)`;
        case 'needs-boolean':
          return `${OPERAND.zh(a.of)}需要“是/否”（比较式，如 x > 0），而“${a.shown}”是数值`;
        case 'compare':
          return `“${a.op}”只能比较两个数值或两个“是/否”值，而“${a.a}”是${KIND.zh(a.aKind)}，“${a.b}”是${KIND.zh(a.bKind)}`;
        case 'if-branches':
          return `if() 的两个结果必须同类，而“${a.a}”是${KIND.zh(a.aKind)}，“${a.b}”是${KIND.zh(a.bKind)}；请把“是/否”的一个写成 if(…, 1, 0)，或把数值写成比较式（… == 1）；1/0（无值）两类都适用`;
      }
    },
  },
};

/** The codes that say why a formula or a target does not parse. */
export type FormulaCode = Exclude<keyof FormulaArgs, 'scheme/formula-type'>;
/** Why a formula or a target does not parse, as data. */
export type FormulaReason = { [K in FormulaCode]: { code: K; args: FormulaArgs[K] } }[FormulaCode];
export const formulaReason = <K extends FormulaCode>(code: K, args: FormulaArgs[K]): FormulaReason =>
  ({ code, args }) as FormulaReason;
/** A reason in one language (for the findings that say it inside their own words). */
export const reasonText = (r: FormulaReason, lang: 'en' | 'zh'): string =>
  (FORMULA[r.code][lang] as (a: FormulaReason['args']) => string)(r.args);
