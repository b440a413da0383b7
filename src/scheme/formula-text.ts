/**
 * How a formula or target text is read before parsing, and where a parse error points:
 * full-width forms narrowed to ASCII, an unclosed bracket pointed at.
 */
import { formulaError, type FormulaError } from './formula';

/**
 * Full-width letters, digits, signs and spaces (＞＝９５％, （）, ，, the ideographic
 * space U+3000) as their ASCII forms (NFKC), one UTF-16 unit for one, so an index into
 * the result is an index into the text as written.
 */
export function narrow(text: string): string {
  return text.replace(/[\u3000\uff01-\uff5e]/g, (c) => {
    const n = c.normalize('NFKC');
    return n.length === 1 ? n : c;
  });
}

/** The innermost `(` left open in a formula text (the one "Unclosed (" is about). */
function unclosedParen(text: string): number | undefined {
  const open: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (text[i] === '(') open.push(i);
    else if (text[i] === ')') open.pop();
  }
  return open.at(-1);
}

/** A parse error as reported: an unclosed bracket points at the bracket. */
export function explain(e: FormulaError, text: string): FormulaError {
  const unclosed = e.reason.code === 'formula/parser' && /^(Unclosed \(|Expected \))$/.test(e.reason.args.said);
  return unclosed ? formulaError(e.reason, unclosedParen(text) ?? e.index) : e;
}
