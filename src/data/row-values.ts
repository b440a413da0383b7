/**
 * A data row's field values, kept small: every row under one header has its values
 * in the same columns, so the field ids and their slots are the sheet's (shared) and
 * each row holds only an array of values. It behaves as the Map it stands for, in
 * the same order (the order the values were set); a change that a slot array cannot
 * keep in that order (a new field after a later one, a delete) turns it into a Map.
 */
import type { FieldValue } from './model';

/** The field slots of the rows under one header: each field's slot, and the field of each slot. */
export interface Slots {
  index: ReadonlyMap<string, number>;
  ids: readonly string[];
}

export function slotsOf(ids: readonly string[]): Slots {
  const index = new Map<string, number>();
  const unique: string[] = [];
  for (const id of ids) if (!index.has(id)) index.set(id, unique.push(id) - 1);
  return { index, ids: unique };
}

export class RowValues implements Map<string, FieldValue> {
  private readonly vals: (FieldValue | undefined)[];
  private n = 0;
  /** The highest slot holding a value: a value set in a later slot keeps the order of setting. */
  private last = -1;
  private map: Map<string, FieldValue> | undefined;

  constructor(private readonly slots: Slots) {
    this.vals = new Array<FieldValue | undefined>(slots.ids.length).fill(undefined);
  }

  get size(): number {
    return this.map ? this.map.size : this.n;
  }

  get(id: string): FieldValue | undefined {
    if (this.map) return this.map.get(id);
    const k = this.slots.index.get(id);
    return k === undefined ? undefined : this.vals[k];
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  set(id: string, v: FieldValue): this {
    if (!this.map) {
      const k = this.slots.index.get(id);
      if (k !== undefined && (this.vals[k] !== undefined || k > this.last)) {
        if (this.vals[k] === undefined) {
          this.n++;
          this.last = k;
        }
        this.vals[k] = v;
        return this;
      }
      this.map = new Map(this.entries());
    }
    this.map.set(id, v);
    return this;
  }

  delete(id: string): boolean {
    this.map ??= new Map(this.entries());
    return this.map.delete(id);
  }

  clear(): void {
    this.map = new Map();
  }

  forEach(f: (value: FieldValue, key: string, map: Map<string, FieldValue>) => void, self?: unknown): void {
    for (const [k, v] of this.entries()) f.call(self, v, k, this);
  }

  *entries(): MapIterator<[string, FieldValue]> {
    if (this.map) {
      yield* this.map.entries();
      return;
    }
    const { vals } = this;
    for (let k = 0; k <= this.last; k++) {
      const v = vals[k];
      if (v !== undefined) yield [this.slots.ids[k]!, v];
    }
  }

  *keys(): MapIterator<string> {
    for (const [k] of this.entries()) yield k;
  }

  *values(): MapIterator<FieldValue> {
    for (const [, v] of this.entries()) yield v;
  }

  [Symbol.iterator](): MapIterator<[string, FieldValue]> {
    return this.entries();
  }

  get [Symbol.toStringTag](): string {
    return 'Map';
  }
}
