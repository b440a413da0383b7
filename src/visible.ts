/**
 * Text from a data file or a scheme made safe to show on a terminal or in a document:
 * characters that would act instead of show — C0 controls (ESC starts the sequences
 * that clear a screen, set a window title or write the clipboard, OSC 52), DEL, C1
 * controls, and the bidirectional marks, embeddings, overrides and isolates that reorder
 * what is shown ("Trojan Source") — become visible escapes: `\x1b`, `\x07`, `\u202e`.
 * Tab and line feed are kept (a format that cannot hold them handles them itself).
 * A backslash is not escaped, so `\x1b` typed into a cell looks the same as an ESC.
 */

// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex
const ACTIVE_OR_LINE = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

const shown = (c: string): string => {
  const u = c.charCodeAt(0);
  return u < 0x100 ? `\\x${u.toString(16).padStart(2, '0')}` : `\\u${u.toString(16).padStart(4, '0')}`;
};

/** `s` with every active character written as an escape; tab and line feed kept. */
export function visible(s: string): string {
  ACTIVE.lastIndex = 0;
  return ACTIVE.test(s) ? s.replace(ACTIVE, shown) : s;
}

/** As `visible`, and a line feed escaped too (`\x0a`): for what must stay on one line. */
export function visibleLine(s: string): string {
  ACTIVE_OR_LINE.lastIndex = 0;
  return ACTIVE_OR_LINE.test(s) ? s.replace(ACTIVE_OR_LINE, shown) : s;
}

/** Whether `s` holds a character `visible` would escape. */
export function hasActive(s: string): boolean {
  ACTIVE.lastIndex = 0;
  return ACTIVE.test(s);
}
