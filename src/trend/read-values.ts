/** Typed reads of a parsed JSON report (read.ts): each value checked where it stands, a Shape error naming its path otherwise. */
import type { JsonKind, NotAReport } from '../messages/trend';
import { say } from '../messages/catalog';
import { Rational } from '../rational';
import { isPeriod } from '../data/period';

/** A problem with the document's shape: where (a JSON path) and what. */
export class Shape extends Error {
  constructor(
    readonly where: string,
    readonly what: NotAReport,
  ) {
    super(say({ code: 'trend/not-a-report', args: what }, 'en'));
  }
}

export type Obj = Record<string, unknown>;
const kindOf = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'an array' : typeof v);
const wrong = (where: string, expected: JsonKind, v: unknown) =>
  v === undefined
    ? new Shape(where, { kind: 'missing', where, expected })
    : new Shape(where, { kind: 'wrong-type', where, expected, actual: kindOf(v) });

export function obj(v: unknown, where: string): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw wrong(where, 'object', v);
  return v as Obj;
}
export function arr(v: unknown, where: string): unknown[] {
  if (!Array.isArray(v)) throw wrong(where, 'array', v);
  return v;
}
export function str(v: unknown, where: string): string {
  if (typeof v !== 'string') throw wrong(where, 'string', v);
  return v;
}
export const strOrNull = (v: unknown, where: string): string | null =>
  v === null || v === undefined ? null : str(v, where);
export function num(v: unknown, where: string): Rational {
  if (typeof v !== 'number' || !Number.isFinite(v)) throw wrong(where, 'number', v);
  return Rational.fromNumber(v);
}
export function int(v: unknown, where: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v)) throw wrong(where, 'integer', v);
  return v;
}
export function bool(v: unknown, where: string): boolean {
  if (typeof v !== 'boolean') throw wrong(where, 'boolean', v);
  return v;
}

export function period(v: unknown, where: string): string | null {
  if (v === null || v === undefined) return null;
  const p = str(v, where);
  if (!isPeriod(p)) throw new Shape(where, { kind: 'period', period: p });
  return p;
}
