/**
 * Escaping for the text formats that machines and spreadsheets read: CSV (RFC 4180
 * quoting, formula-injection neutralising) and XML (text, attributes, characters XML
 * 1.0 cannot carry); and for what people read on a terminal or in Markdown and HTML:
 * control characters and bidi overrides shown as escapes (`visible`, `visibleData`).
 */
import { visible } from '../../visible';

export { visible, visibleLine } from '../../visible';

/**
 * A report's input with every string passed through `visible`, for the formatters
 * that print to a terminal (whose colour codes must stay raw while the text from
 * files may not): arrays and plain objects are copied only where a string inside
 * changed, so clean input comes back as the very same object; shared objects stay
 * shared. Class instances (Rational) and Maps are kept as they are; object keys too.
 * The input is a tree or a DAG, never cyclic (it is what the JSON report writes).
 */
export function visibleData<T>(x: T): T {
  const done = new Map<object, unknown>();
  const walk = (v: unknown): unknown => {
    if (typeof v === 'string') return visible(v);
    if (v === null || typeof v !== 'object') return v;
    const known = done.get(v);
    if (known !== undefined) return known;
    let out: unknown = v;
    if (Array.isArray(v)) {
      let copy: unknown[] | undefined;
      for (let i = 0; i < v.length; i++) {
        const e: unknown = v[i];
        const w = typeof e === 'object' || typeof e === 'string' ? walk(e) : e;
        if (w !== e) (copy ??= v.slice())[i] = w;
      }
      if (copy) out = copy;
    } else {
      const proto = Object.getPrototypeOf(v) as unknown;
      if (proto === Object.prototype || proto === null) {
        const o = v as Record<string, unknown>;
        let copy: Record<string, unknown> | undefined;
        for (const k in o) {
          const e = o[k];
          const w = typeof e === 'object' || typeof e === 'string' ? walk(e) : e;
          if (w !== e) (copy ??= { ...o })[k] = w;
        }
        if (copy) out = copy;
      }
    }
    // Only what changed is remembered (clean data stays cheap): a shared object is copied once.
    if (out !== v) done.set(v, out);
    return out;
  };
  return walk(x) as T;
}

/**
 * A plain decimal number as pinggu writes it (`-6`, `0.014`, `1,234.5`, `-1.2%`,
 * `3‰`): a spreadsheet reads it as a number, never as a formula, so it is left alone
 * even when it starts with a minus sign.
 */
const PLAIN_NUMBER = /^-?(?:\d+|\d{1,3}(?:,\d{3})+)(?:\.\d+)?[%‰]?$/;

/**
 * What makes a spreadsheet treat a cell as a formula (OWASP "CSV injection"): `=`,
 * `+`, `-`, `@` first, in their full-width (＝＋－＠) and small (﹦﹢﹣﹫) forms too, which
 * some CJK spreadsheet setups normalise; also after anything an importer may trim or
 * not show — white space of every kind (tab, line breaks, NBSP U+00A0, ideographic
 * space U+3000, …), zero-width characters (U+200B–U+200D, U+2060, U+180E) and a BOM
 * (U+FEFF); and a leading tab, carriage return or line feed whatever follows.
 */
const FORMULA_START =
  /^(?:[\t\r\n]|[\s\u180e\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/;

/**
 * A cell made inert against formula injection: text that a spreadsheet would take for
 * a formula gets a leading `'`. A plain number (see PLAIN_NUMBER) passes unchanged, so
 * a change of `-6` stays the number -6; nothing that matches it can hold a formula.
 */
export function neutralizeFormula(s: string): string {
  return FORMULA_START.test(s) && !PLAIN_NUMBER.test(s) ? `'${s}` : s;
}

/**
 * One CSV field per RFC 4180: quoted when it holds a comma, a double quote, a line
 * break, or leading/trailing white space (which some readers would trim); a quote
 * inside is doubled.
 */
export function csvQuote(s: string): string {
  return /[",\r\n]|^\s|\s$/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** A CSV field that is both inert and quoted: what every cell of a report goes through. */
export const csvField = (s: string): string => csvQuote(neutralizeFormula(s));

/** A CSV record: fields joined by commas, ended by CRLF (as Excel writes it; RFC 4180). */
export const csvRecord = (cells: readonly string[]): string => `${cells.map(csvField).join(',')}\r\n`;

/**
 * Characters XML 1.0 cannot carry at all, not even as character references: C0
 * controls other than tab, LF and CR; lone surrogates; U+FFFE and U+FFFF. They become
 * U+FFFD (the replacement character), so the document stays well-formed.
 */

/** Characters XML 1.0 cannot carry (and lone surrogates). */
export const XML_INVALID =
  // eslint-disable-next-line no-control-regex -- the control characters XML 1.0 forbids are what it matches
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g;

/** Text content of an element: `&`, `<`, `>` escaped; a CR kept as `&#13;` (parsers turn raw CRs into LF). */
export function xmlText(s: string): string {
  return s
    .replace(XML_INVALID, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\r/g, '&#13;');
}

/**
 * An attribute value for double quotes: as text, plus `"` and `'`, and tab, LF and
 * CR as character references (attribute-value normalisation would turn them into
 * spaces).
 */
export function xmlAttr(s: string): string {
  return xmlText(s).replace(/"/g, '&quot;').replace(/'/g, '&apos;').replace(/\t/g, '&#9;').replace(/\n/g, '&#10;');
}
