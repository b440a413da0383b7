/**
 * A unit's field values as the engine used them: its own, and for a unit with units
 * below, the summable fields summed from them. Kept on the unit's result so that
 * words about its items (the formula with its numbers put in, the fields an item
 * reads) can be made later, in src/report, only for what a format prints, without
 * scoring again. A leaf unit shares its data unit's maps (nothing is copied).
 *
 * A class, so that report walks (visibleData) and JSON pass it by as a value.
 */
import type { FieldValue } from '../data/model';
import type { Text } from '../messages/codes';
import type { Rational } from '../rational';
import type { Env } from '../scheme/formula';
import type { Scheme } from '../scheme/model';

export class UnitFields {
  /** Field values, then params, by name: what formulas read at this unit. */
  readonly env: Env;

  constructor(
    readonly scheme: Scheme,
    readonly params: ReadonlyMap<string, Rational>,
    /** Index of the unit's level in the scheme's `units`. */
    readonly level: number,
    private readonly values: ReadonlyMap<string, FieldValue>,
    private readonly bad: ReadonlyMap<string, Text>,
  ) {
    this.env = (name) => this.value(name) ?? params.get(name);
  }

  /** The field's value here; undefined when missing or invalid. */
  value(id: string): FieldValue | undefined {
    return this.bad.size && this.bad.has(id) ? undefined : this.values.get(id);
  }

  /** Why the field's value here is unusable, when it is. */
  invalid(id: string): Text | undefined {
    return this.bad.size ? this.bad.get(id) : undefined;
  }
}
