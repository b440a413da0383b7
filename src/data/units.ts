/** The units of a dataset being built (dataset.ts), found by code, else by normalised name under their parent. */
import { Rational } from '../rational';
import type { DataUnit } from './model';
import type { CellIndex } from './cells';
import { normalizeLabel } from './normalize';

export class Units {
  readonly list: DataUnit[] = [];
  private readonly byCode = new Map<string, DataUnit>();
  private readonly byName = new Map<string, DataUnit[]>();

  find(level: number, name: string, code?: string, parent?: string): DataUnit | undefined {
    if (code) {
      const u = this.byCode.get(`${level}:${code}`);
      if (u) return u;
    }
    const candidates = (this.byName.get(`${level}:${normalizeLabel(name)}`) ?? []).filter(
      (u) => parent === undefined || u.parent === undefined || u.parent === parent,
    );
    return candidates.find((u) => !code || !u.code) ?? undefined;
  }

  get(level: number, name: string, code?: string, parent?: string): DataUnit {
    const found = this.find(level, name, code, parent);
    if (found) {
      if (code && !found.code) {
        found.code = code;
        this.byCode.set(`${level}:${code}`, found);
      }
      // A unit first met by its code alone takes its name when a row gives one.
      if (name && (!found.name || found.name === found.code)) {
        found.name = name;
        this.index(found);
      }
      if (parent && !found.parent) found.parent = parent;
      return found;
    }
    // Keys are unique: the code, else the name under its parent (two 城关镇 in two counties differ).
    const key = code ?? (parent !== undefined ? `${parent}/${normalizeLabel(name)}` : normalizeLabel(name));
    const u: DataUnit = {
      level,
      key,
      code,
      name: name || code || '',
      parent,
      values: new Map(),
      invalid: new Map(),
      sources: [],
    };
    this.list.push(u);
    if (code) this.byCode.set(`${level}:${code}`, u);
    this.index(u);
    return u;
  }

  private index(u: DataUnit): void {
    if (!u.name || u.name === u.code) return;
    const k = `${u.level}:${normalizeLabel(u.name)}`;
    const list = this.byName.get(k) ?? [];
    if (!list.includes(u)) this.byName.set(k, [...list, u]);
  }

  at(level: number): DataUnit[] {
    return this.list.filter((u) => u.level === level);
  }
}

/** Sums of summable fields of a parent's children, when every child has the value. */
export function childSum(
  units: Units,
  parent: DataUnit,
  level: number,
  id: string,
): { sum: Rational; n: number } | undefined {
  const children = units.at(level).filter((u) => u.parent === parent.key);
  const parts = children.map((c) => c.values.get(id));
  if (!children.length || parts.some((p) => !(p instanceof Rational))) return undefined;
  return { sum: (parts as Rational[]).reduce((a, b) => a.add(b), Rational.ZERO), n: children.length };
}

/** Where each unit's cells are (file:line:col), for findings that name a cell. */
export type Where = Map<DataUnit, CellIndex>;
