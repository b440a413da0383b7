/**
 * Inline SVG charts for the HTML report: plain markup, no script, no reference to
 * anything outside the page (no xmlns either: inline SVG in HTML needs none, and the
 * report carries no URL at all). Every text is escaped; coordinates are rounded to a
 * tenth, so the same numbers give the same bytes. Colours come from the page's CSS
 * through class names (`tone-*`), so the legend and the charts cannot disagree.
 */
import { textWidth } from './grid';
import { visible } from './escape';

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Text for HTML or SVG, in element content and in quoted attributes alike; control
 * characters and bidi overrides shown as escapes (`\u202e`), so a name cannot reorder
 * the text around it.
 */
export const esc = (s: string): string => visible(s.replace(/\r\n?/g, '\n')).replace(/[&<>"']/g, (c) => ENTITIES[c]!);

/** A coordinate: one decimal, never `-0`. */
const n = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return String(r === 0 ? 0 : r);
};

/** Rough rendered width of a text at `size` px: wide (CJK) characters an em, others 0.6 em (a little generous). */
export function textPx(s: string, size: number): number {
  let px = 0;
  for (const ch of s) px += textWidth(ch) === 2 ? size : textWidth(ch) === 1 ? 0.6 * size : 0;
  return px;
}

/** The text cut to fit `px` at `size`, with an ellipsis when cut. */
function fit(s: string, px: number, size: number): string {
  if (textPx(s, size) <= px) return s;
  let out = '';
  for (const ch of s) {
    if (textPx(`${out}${ch}…`, size) > px) break;
    out += ch;
  }
  return `${out}…`;
}

export interface GaugeSpec {
  /** Accessible name and tooltip of the whole chart. */
  title: string;
  /** The score on the scale, the end of the scale, the pass line. */
  score: number;
  end: number;
  pass: number;
  scoreLabel: string;
  passLabel: string;
  ticks: { at: number; label: string }[];
  /** Colour of the filled part: `tone-pass` or `tone-fail`. */
  tone: string;
}

/** The score as a filled bar on the scale 0 … end, the pass line marked across it. */
export function gauge(g: GaugeSpec, id: string): string {
  const W = 680;
  const H = 92;
  const x0 = 10;
  const x1 = W - 10;
  const x = (v: number) => x0 + ((x1 - x0) * Math.max(0, Math.min(v, g.end))) / (g.end || 1);
  const top = 30;
  const h = 28;
  const out: string[] = [];
  out.push(
    `<svg id="${esc(id)}" class="chart gauge" data-chart="gauge" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(g.title)}">`,
  );
  out.push(`<title>${esc(g.title)}</title>`);
  out.push(`<rect class="track" x="${n(x0)}" y="${top}" width="${n(x1 - x0)}" height="${h}" rx="3"/>`);
  out.push(`<rect class="${esc(g.tone)}" x="${n(x0)}" y="${top}" width="${n(x(g.score) - x0)}" height="${h}" rx="3"/>`);
  for (const t of g.ticks) {
    out.push(`<line class="tick" x1="${n(x(t.at))}" y1="${top + h}" x2="${n(x(t.at))}" y2="${top + h + 4}"/>`);
    out.push(
      `<text class="tick-label" x="${n(x(t.at))}" y="${top + h + 16}" text-anchor="middle">${esc(t.label)}</text>`,
    );
  }
  const px = x(g.pass);
  out.push(`<line class="pass-line" x1="${n(px)}" y1="${top - 8}" x2="${n(px)}" y2="${top + h + 2}"/>`);
  // The pass label sits left of its line when the line is near the right end.
  const passRight = px > W - 120;
  out.push(
    `<text class="pass-label" x="${n(passRight ? px - 4 : px + 4)}" y="${top - 10}" text-anchor="${passRight ? 'end' : 'start'}">${esc(g.passLabel)}</text>`,
  );
  // The score inside the bar when there is room, else just right of it.
  const sx = x(g.score);
  const inside = sx - x0 > 70;
  out.push(
    `<text class="score-label${inside ? ' inside' : ''}" x="${n(inside ? sx - 6 : sx + 6)}" y="${top + h / 2 + 5}" text-anchor="${inside ? 'end' : 'start'}">${esc(g.scoreLabel)}</text>`,
  );
  out.push('</svg>');
  return out.join('');
}

export interface Bar {
  label: string;
  value: number;
  valueLabel: string;
  /** A lighter bar behind, e.g. the item's full points, so the loss reads against what was at stake. */
  back?: number;
  /** Class of the bar: `tone-*`. */
  tone: string;
  /** Tooltip. */
  tip?: string;
}

export interface BarChartSpec {
  title: string;
  /** `data-chart` of the svg, used by tests and print CSS. */
  kind: string;
  bars: Bar[];
  /** The end of the scale. */
  end: number;
  /** A vertical line across every bar, e.g. the pass line. */
  marker?: { at: number; label: string };
}

/** Horizontal bars, one row each, labels left, values right; sorted by the caller. */
export function barChart(c: BarChartSpec, id: string): string {
  const W = 680;
  const size = 12;
  const rowH = 22;
  const barH = 13;
  const top = c.marker ? 22 : 4;
  const labelW = Math.min(280, Math.max(60, ...c.bars.map((b) => textPx(b.label, size) + 14)));
  const valueW = Math.max(48, ...c.bars.map((b) => textPx(b.valueLabel, size) + 12));
  const x0 = labelW;
  const x1 = W - valueW;
  const x = (v: number) => x0 + ((x1 - x0) * Math.max(0, Math.min(v, c.end))) / (c.end || 1);
  const H = top + rowH * c.bars.length + 6;
  const out: string[] = [];
  out.push(
    `<svg id="${esc(id)}" class="chart bars" data-chart="${esc(c.kind)}" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(c.title)}">`,
  );
  out.push(`<title>${esc(c.title)}</title>`);
  // The marker goes under the bars: it shows between them and past the short ones.
  if (c.marker) {
    const mx = x(c.marker.at);
    out.push(`<line class="pass-line" x1="${n(mx)}" y1="${top - 4}" x2="${n(mx)}" y2="${n(H - 4)}"/>`);
    out.push(`<text class="pass-label" x="${n(mx)}" y="${top - 8}" text-anchor="middle">${esc(c.marker.label)}</text>`);
  }
  c.bars.forEach((b, i) => {
    const y = top + i * rowH;
    const cy = y + rowH / 2;
    out.push(`<g class="bar">`);
    if (b.tip) out.push(`<title>${esc(b.tip)}</title>`);
    out.push(
      `<text class="bar-label" x="${n(x0 - 8)}" y="${n(cy + 4)}" text-anchor="end">${esc(fit(b.label, labelW - 12, size))}</text>`,
    );
    if (b.back !== undefined)
      out.push(
        `<rect class="back" x="${n(x0)}" y="${n(cy - barH / 2)}" width="${n(x(b.back) - x0)}" height="${barH}"/>`,
      );
    out.push(
      `<rect class="${esc(b.tone)}" x="${n(x0)}" y="${n(cy - barH / 2)}" width="${n(Math.max(x(b.value) - x0, b.value > 0 ? 1 : 0))}" height="${barH}"/>`,
    );
    // The value inside the end of a bar long enough to hold it (none behind it), else after it.
    const inside = b.back === undefined && x(b.value) - x0 > textPx(b.valueLabel, 11) + 12;
    const vx = inside ? x(b.value) - 5 : Math.max(x(b.value), b.back === undefined ? 0 : x(b.back)) + 6;
    out.push(
      `<text class="bar-value${inside ? ' inside' : ''}" x="${n(vx)}" y="${n(cy + 4)}"${inside ? ' text-anchor="end"' : ''}>${esc(b.valueLabel)}</text>`,
    );
    out.push('</g>');
  });
  out.push('</svg>');
  return out.join('');
}
