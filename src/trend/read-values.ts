/** Typed reads of a parsed JSON report (read.ts): each value checked where it stands, a Shape error naming its path otherwise. */
import { msg, type Msg } from '../diagnostics';
import { Rational } from '../rational';
import { isPeriod } from '../data/period';

/** A problem with the document's shape: where (a JSON path) and what. */
export class Shape extends Error {
  constructor(
    readonly where: string,
    readonly what: Msg,
  ) {
    super(what.en);
  }
}

export type Obj = Record<string, unknown>;
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
const wrong = (where: string, expected: Msg, v: unknown) =>
  v === undefined
    ? new Shape(where, msg(`${where} is missing (${expected.en} expected)`, `缺少 ${where}（应为${expected.zh}）`))
    : new Shape(where, msg(`${where || 'the document'} should be ${expected.en}, not ${kindOf(v)}`, `${where || '文档'}应为${expected.zh}，而不是 ${kindOf(v)}`));

export function obj(v: unknown, where: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw wrong(where, msg('an object', '对象'), v);
  return v as Obj;
}
export function arr(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw wrong(where, msg('an array', '数组'), v);
  return v;
}
export function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw wrong(where, msg('a string', '字符串'), v);
  return v;
}
export const strOrNull = (v: unknown, where: string): string | null => (v === null || v === undefined ? null : str(v, where));
export function num(v: unknown, where: string): Rational {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw wrong(where, msg('a number', '数值'), v);
  return Rational.fromNumber(v);
}
export function int(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw wrong(where, msg('a whole number', '整数'), v);
  return v;
}
export function bool(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw wrong(where, msg('true or false', 'true 或 false'), v);
  return v;
}

export function period(v: unknown, where: string): string | null {
  if (v === null || v === undefined) return null;
  const p = str(v, where);
  if (!isPeriod(p)) throw new Shape(where, msg(`period "${p}" is neither YYYY-MM nor YYYYhN`, `期间“${p}”既不是 YYYY-MM 也不是 YYYYhN`));
  return p;
}
