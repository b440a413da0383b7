/**
 * The codes of the messages that are made as data (`{code, args}`) and put into
 * words only where they are printed, from the catalog (`./catalog.ts`, one renderer
 * per language). A closed union: a message is one of these codes with its arguments.
 * Arguments are names as written in the scheme or the data (labels, titles, unit
 * names) and numbers, never words of a language.
 *
 * Only the engine's messages are here so far; the rest of the tool's diagnostics are
 * still worded where they are made (`msg(en, zh)`) and can move here one by one.
 */
import type { Msg } from '../diagnostics';
import type { Rational } from '../rational';

/** How an item left without a value by a zero divisor is scored. */
export type NaPolicyCode = 'bonus' | 'exclude' | 'full' | 'zero';

export interface MessageArgs {
  /** An optional field (required: false) whose column is in no file, and the items reading it. */
  'data/optional-column-absent': { label: string; field: string; items: string[]; level: string };
  /** A blank cell in an optional column, and the items it costs. */
  'data/blank-optional': { unit: string; label: string; items: string[] };
  /** A field whose column the unit's own file does not have (another file has). */
  'data/field-absent': { unit: string; label: string; files: string[]; items: string[] };
  /** An item not applicable because a divisor in the data is 0. */
  'data/zero-divisor': { unit: string; item: string; divisor: string; policy: NaPolicyCode };
  'adjust/unknown-unit': { unit: string };
  'adjust/ambiguous-unit': { unit: string; codes: string[] };
  'adjust/unknown-item': { item: string };
  'adjust/ambiguous-item': { item: string; ids: string[] };
  'adjust/not-scored': { id: string; title: string; unit: string; level: string };
  'adjust/override-range': { amount: Rational; points: Rational };
  'adjust/duplicate': { unit: string; item: string; line: number };
  'adjust/expired': { unit: string; item: string; expires: string; asOf: string };
  'adjust/not-yet': { unit: string; item: string; date: string; asOf: string };
  /** Why a summed field is invalid at a unit: invalid in these units below. */
  'reason/invalid-in': { units: string[] };
  /** Why a veto could not be checked: the fields (by label) without a value or invalid. */
  'reason/veto-unchecked': { missing: string[]; invalid: string[] };
}

export type Code = keyof MessageArgs;

/** One message as data: a code and its arguments. */
export type Message = { [K in Code]: { code: K; args: MessageArgs[K] } }[Code];

/** A message made as data, or (not yet moved to the catalog) already in both languages. */
export type Text = Message | Msg;

export const message = <K extends Code>(code: K, args: MessageArgs[K]): Message => ({ code, args }) as Message;
