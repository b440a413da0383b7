/**
 * The building blocks of the scheme format (./schema.ts): descriptions, optional
 * keys, identifiers, quantities, points and text.
 */
import * as z from 'zod/mini';

/** Attaches the description editors show (JSON Schema `description`). */
export function doc<T extends z.ZodMiniType>(schema: T, text: string): T {
  return schema.check(z.describe(text));
}
/** An optional key, with its description. */
export function opt<T extends z.ZodMiniType>(schema: T, text?: string): z.ZodMiniOptional<T> {
  const o = z.optional(schema);
  return text ? doc(o, text) : o;
}

/** An identifier usable in formulas: letters, digits and `_`, starting with a letter. */
export const Id = doc(
  z.string().check(z.regex(/^[A-Za-z][A-Za-z0-9_]*$/, 'an identifier: letters, digits and _, starting with a letter')),
  'An identifier: letters, digits and _, starting with a letter (used in formulas).',
);

/** A number, or a number with `%` or `‰` (`0.1%`, `1‰`). */
export const Quantity = doc(
  z.union([
    z.number(),
    z.string().check(z.regex(/^\s*[+-]?(\d+(\.\d*)?|\.\d+)\s*[%‰]?\s*$/, 'a number, optionally with % or ‰')),
  ]),
  'A number, or a number with % or ‰ such as "0.1%" or "1‰".',
);

export const Points = doc(z.number().check(z.nonnegative()), 'Points (non-negative).');
export const Text = z.string().check(z.minLength(1));

/** Where a scheme's wording came from: shown beside the item in reports. */
export const Basis = doc(Text, 'The clause of the written scheme this comes from, quoted.');
