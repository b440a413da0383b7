/**
 * A box-drawn text table sized for CJK text: wide characters count two columns,
 * ANSI colour codes none. Cells wrap to their column width.
 */
// eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC: counted as no width
const ANSI = /\u001b\[[0-9;]*m/g;

/** Display width of one code point: 2 for East Asian wide and fullwidth, 0 for combining marks. */
function charWidth(cp: number): number {
  if (cp < 0x1100) return cp >= 0x300 && cp <= 0x36f ? 0 : cp < 0x20 || (cp >= 0x7f && cp < 0xa0) ? 0 : 1;
  return cp <= 0x115f ||
    (cp >= 0x2e80 && cp <= 0x303e) ||
    (cp >= 0x3041 && cp <= 0x33ff) ||
    (cp >= 0x3400 && cp <= 0x4dbf) ||
    (cp >= 0x4e00 && cp <= 0x9fff) ||
    (cp >= 0xa000 && cp <= 0xa4cf) ||
    (cp >= 0xac00 && cp <= 0xd7a3) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xff60) ||
    (cp >= 0xffe0 && cp <= 0xffe6) ||
    (cp >= 0x1f300 && cp <= 0x1f64f) ||
    (cp >= 0x20000 && cp <= 0x3fffd)
    ? 2
    : 1;
}

export function textWidth(s: string): number {
  let w = 0;
  for (const ch of s.replace(ANSI, '')) w += charWidth(ch.codePointAt(0)!);
  return w;
}

/** Splits text into lines of at most `width` columns, keeping colour codes with their text. */
function wrap(text: string, width: number): string[] {
  const out: string[] = [];
  for (const para of text.split('\n')) {
    let line = '';
    let w = 0;
    // eslint-disable-next-line no-control-regex -- ANSI colour codes start with ESC: kept whole, not wrapped
    const tokens = para.split(/(\u001b\[[0-9;]*m)/);
    for (const tok of tokens) {
      if (tok.startsWith('\u001b[')) {
        line += tok;
        continue;
      }
      for (const ch of tok) {
        const cw = charWidth(ch.codePointAt(0)!);
        if (w + cw > width && w > 0) {
          // Break after the last space when there is one (keeps "−0.3" whole); else here.
          const cut = line.lastIndexOf(' ');
          const breakable = cut > 0 && !line.slice(cut).includes('\u001b');
          out.push(breakable ? line.slice(0, cut) : line);
          line = breakable ? line.slice(cut + 1) : '';
          w = textWidth(line);
        }
        if (ch === ' ' && w === 0) continue;
        line += ch;
        w += cw;
      }
    }
    out.push(line);
  }
  return out;
}

export interface GridOptions {
  head: string[];
  /** Content width of each column (padding and borders come on top). */
  widths: number[];
  /** Styles the header cells (e.g. colour). */
  headStyle?: (s: string) => string;
  border?: (s: string) => string;
}

/** Renders rows under a header; total width = Σ widths + 3 × columns + 1. */
export function grid(rows: string[][], o: GridOptions): string {
  const b = o.border ?? ((s: string) => s);
  const line = (l: string, m: string, r: string) => b(l + o.widths.map((w) => '─'.repeat(w + 2)).join(m) + r);
  const render = (cells: string[], style?: (s: string) => string): string[] => {
    const wrapped = cells.map((c, i) => wrap(c, o.widths[i]!));
    const height = Math.max(...wrapped.map((w) => w.length));
    const lines: string[] = [];
    for (let k = 0; k < height; k++) {
      const parts = wrapped.map((w, i) => {
        const t = w[k] ?? '';
        const padded = t + ' '.repeat(Math.max(0, o.widths[i]! - textWidth(t)));
        return ` ${style && t ? style(padded) : padded} `;
      });
      lines.push(b('│') + parts.join(b('│')) + b('│'));
    }
    return lines;
  };
  return [
    line('┌', '┬', '┐'),
    ...render(o.head, o.headStyle),
    ...rows.flatMap((r) => render(r)),
    line('└', '┴', '┘'),
  ].join('\n');
}
