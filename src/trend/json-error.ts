/**
 * Where a JSON text stops being JSON, as the parser that failed on it (V8's
 * JSON.parse) says: the position its message gives, or the end of the text ("Unexpected
 * end of JSON input"). For an unexpected token V8 gives no position, only the token
 * and up to 10 characters either side of it: where that context is found once in the
 * text, the token is 10 characters in; otherwise the position is found by asking
 * JSON.parse about prefixes of the text (the longest that can still begin a JSON
 * document ends at the offending character). Returns the 0-based offset (the text's
 * length when it ends too early) and the 1-based line and column of that offset.
 */
export interface JsonErrorAt {
  offset: number;
  line: number;
  col: number;
}

export function jsonErrorAt(text: string): JsonErrorAt {
  const offset = stopAt(text);
  return { offset, ...lineCol(text, offset) };
}

export function lineCol(text: string, offset: number): { line: number; col: number } {
  let line = 1;
  let start = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text[i] === '\n') {
      line++;
      start = i + 1;
    }
  }
  return { line, col: offset - start + 1 };
}

/** V8's messages (Node 20: "… in JSON at position 7"; later: "… at position 7 (line 1 column 8)"). */
const POSITION = / at position (\d+)/;
const END = /^Unexpected end of JSON input/;
/** "Unexpected token 'x', "…"… is not valid JSON": the token and the text around it (`...` where cut). */
const TOKEN = /^Unexpected token '([^]+?)', (\.\.\.)?"([^]*)"(\.\.\.)? is not valid JSON$/;
/** How many characters V8 quotes either side of an unexpected token. */
const CONTEXT = 10;

/** JSON.parse's message on the text; undefined when it parses. */
function failure(text: string): string | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}

/** The position a message gives: its own, or the end of the text; undefined for an unexpected token. */
function positionIn(message: string, length: number): number | undefined {
  const m = POSITION.exec(message);
  if (m) return Number(m[1]);
  return END.test(message) ? length : undefined;
}

function stopAt(text: string): number {
  const m = failure(text);
  if (m === undefined) return text.length;
  const at = positionIn(m, text.length) ?? quotedAt(text, m) ?? longestViablePrefix(text);
  return Math.min(at, text.length);
}

/** An unexpected token's offset from the context V8 quotes, when that settles it (the token found there). */
function quotedAt(text: string, message: string): number | undefined {
  const q = TOKEN.exec(message);
  if (!q) return undefined;
  const [token, cutBefore, quote, cutAfter] = [q[1]!, q[2], q[3]!, q[4]];
  let at: number | undefined;
  if (!cutBefore && cutAfter) at = quote.length - CONTEXT;
  else if (cutBefore && !cutAfter) at = text.length - quote.length + CONTEXT;
  else if (cutBefore && cutAfter) {
    const first = text.indexOf(quote);
    if (first >= 0 && text.indexOf(quote, first + 1) < 0) at = first + CONTEXT;
  }
  return at !== undefined && text.startsWith(token, at) ? at : undefined;
}

/** Whether a prefix can still begin a JSON document: it parses, or fails only at its end. */
function viable(prefix: string): boolean {
  const m = failure(prefix);
  if (m === undefined) return true;
  const at = positionIn(m, prefix.length);
  return at !== undefined && at >= prefix.length;
}

/** The offending character: the end of the longest prefix that can still begin a JSON document (binary search). */
function longestViablePrefix(text: string): number {
  let lo = 0;
  let hi = text.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >>> 1;
    if (viable(text.slice(0, mid))) lo = mid;
    else hi = mid;
  }
  return lo;
}
