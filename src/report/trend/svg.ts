/**
 * Inline SVG for the trend (same style as svg.ts): a line chart of a score over the
 * periods with the pass line, and tiny line charts for small multiples. Plain
 * markup, no script, no external reference; colours as presentation attributes (so a
 * fragment renders on any page) plus class names for a page's CSS; every text
 * escaped; coordinates rounded to a tenth, so the same numbers give the same bytes.
 *
 *   lineChart(spec: LineChartSpec, id: string): string
 *   miniChart(spec: MiniChartSpec, id: string): string
 */
import { esc, textPx } from '../shared/svg';

/** A coordinate: one decimal, never `-0`. */
const c = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return String(r === 0 ? 0 : r);
};

export interface LinePoint {
  label: string;
  /** Null: no value in this period (a gap in the line). */
  value: number | null;
  valueLabel: string;
  tip: string;
}

export interface LineChartSpec {
  title: string;
  kind: string;
  points: LinePoint[];
  /** A horizontal dashed line, e.g. the pass line. */
  marker?: { at: number; label: string };
  /** Scale end (full marks): the axis never goes above it. */
  end: number;
}

/** Nice axis bounds around the values (and the marker), in steps of 5, within 0 … end. */
function bounds(values: number[], end: number): [number, number, number] {
  const lo = Math.max(0, Math.floor((Math.min(...values) - 2) / 5) * 5);
  const hi = Math.min(end, Math.ceil((Math.max(...values) + 2) / 5) * 5);
  const span = Math.max(hi - lo, 5);
  const step = span > 40 ? 20 : span > 20 ? 10 : 5;
  return [lo, Math.max(hi, lo + 5), step];
}

/** Segments of consecutive known values, so a missing period breaks the line. */
function segments(pts: { x: number; y: number | null }[]): string[] {
  const out: string[] = [];
  let cur: string[] = [];
  for (const p of pts) {
    if (p.y === null) {
      if (cur.length) out.push(cur.join(' '));
      cur = [];
    } else cur.push(`${c(p.x)},${c(p.y)}`);
  }
  if (cur.length) out.push(cur.join(' '));
  return out;
}

export function lineChart(s: LineChartSpec, id: string): string {
  const W = 680;
  const H = 220;
  const left = 44;
  const right = 24;
  const top = 20;
  const bottom = 34;
  const known = s.points.map((p) => p.value).filter((v): v is number => v !== null);
  const [lo, hi, step] = bounds(s.marker ? [...known, s.marker.at] : known.length ? known : [0], s.end);
  const n = s.points.length;
  const x = (i: number) => (n === 1 ? (left + W - right) / 2 : left + ((W - left - right) * i) / (n - 1));
  const y = (v: number) => top + ((H - top - bottom) * (hi - Math.max(lo, Math.min(hi, v)))) / (hi - lo || 1);
  const out: string[] = [];
  out.push(
    `<svg id="${esc(id)}" class="chart trend-line" data-chart="${esc(s.kind)}" viewBox="0 0 ${W} ${H}" width="100%" role="img" aria-label="${esc(s.title)}">`,
  );
  out.push(`<title>${esc(s.title)}</title>`);
  for (let v = lo; v <= hi; v += step) {
    out.push(
      `<line class="grid" x1="${left}" y1="${c(y(v))}" x2="${W - right}" y2="${c(y(v))}" stroke="#e6e8eb" stroke-width="1"/>`,
    );
    out.push(
      `<text class="tick-label" x="${left - 6}" y="${c(y(v) + 4)}" text-anchor="end" font-size="10" fill="#57606a">${v}</text>`,
    );
  }
  if (s.marker) {
    const my = y(s.marker.at);
    out.push(
      `<line class="pass-line" x1="${left}" y1="${c(my)}" x2="${W - right}" y2="${c(my)}" stroke="#1f2328" stroke-width="1.5" stroke-dasharray="4 3"/>`,
    );
    // Under or over the line, left or right: wherever no point and no value label is.
    const p = passLabelPlace(s, s.marker.label, my, { left, right: W - right, x, y });
    out.push(
      `<text class="pass-label" x="${c(p.x)}" y="${c(p.y)}"${p.end ? ' text-anchor="end"' : ''} font-size="11" font-weight="600" fill="#1f2328">${esc(s.marker.label)}</text>`,
    );
  }
  s.points.forEach((p, i) => {
    out.push(
      `<text class="x-label" x="${c(x(i))}" y="${H - bottom + 18}" text-anchor="middle" font-size="11" fill="#57606a">${esc(p.label)}</text>`,
    );
  });
  for (const seg of segments(s.points.map((p, i) => ({ x: x(i), y: p.value === null ? null : y(p.value) })))) {
    out.push(
      `<polyline class="line" points="${seg}" fill="none" stroke="#1f5fa8" stroke-width="2.5" stroke-linejoin="round"/>`,
    );
  }
  out.push(...pointMarks(s, { left, right: W - right, x, y }));
  out.push('</svg>');
  return out.join('');
}

/** Each known point: a dot (red below the pass line) with its value above it, kept inside the frame. */
function pointMarks(
  s: LineChartSpec,
  f: { left: number; right: number; x: (i: number) => number; y: (v: number) => number },
): string[] {
  const out: string[] = [];
  s.points.forEach((p, i) => {
    if (p.value === null) return;
    const below = s.marker !== undefined && p.value < s.marker.at;
    out.push(`<g class="point${below ? ' below' : ''}"><title>${esc(p.tip)}</title>`);
    out.push(
      `<circle cx="${c(f.x(i))}" cy="${c(f.y(p.value))}" r="4" fill="${below ? '#c62828' : '#2e7d32'}" stroke="#fff" stroke-width="1.5"/>`,
    );
    const w = textPx(p.valueLabel, 11);
    const tx = Math.max(f.left + w / 2, Math.min(f.right - w / 2, f.x(i)));
    out.push(
      `<text class="value-label" x="${c(tx)}" y="${c(f.y(p.value) - 9)}" text-anchor="middle" font-size="11" font-weight="600" fill="#1f2328">${esc(p.valueLabel)}</text>`,
    );
    out.push('</g>');
  });
  return out;
}

interface Box {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
}

const overlaps = (p: Box, q: Box): boolean => p.x0 < q.x1 && q.x0 < p.x1 && p.y0 < q.y1 && q.y0 < p.y1;

/** Where each point's value label is drawn (centred above its point, kept inside the plot), and the point itself. */
function pointBoxes(
  s: LineChartSpec,
  g: { left: number; right: number; x: (i: number) => number; y: (v: number) => number },
): Box[] {
  const out: Box[] = [];
  s.points.forEach((p, i) => {
    if (p.value === null) return;
    const w = textPx(p.valueLabel, 11);
    const tx = Math.max(g.left + w / 2, Math.min(g.right - w / 2, g.x(i)));
    const ly = g.y(p.value) - 9;
    out.push({ x0: tx - w / 2, x1: tx + w / 2, y0: ly - 11, y1: ly + 3 });
    out.push({ x0: g.x(i) - 5, x1: g.x(i) + 5, y0: g.y(p.value) - 5, y1: g.y(p.value) + 5 });
  });
  return out;
}

/**
 * The pass line's label: under the line at the left, else over it, else at the right
 * end under or over; the first place where it covers no point and no value label (so
 * `88` and `及格线 90` never print over each other).
 */
export function passLabelPlace(
  s: LineChartSpec,
  label: string,
  my: number,
  g: { left: number; right: number; x: (i: number) => number; y: (v: number) => number },
): { x: number; y: number; end: boolean } {
  const w = textPx(label, 11);
  const taken = pointBoxes(s, g);
  const places = [
    { x: g.left + 4, y: my + 13, end: false },
    { x: g.left + 4, y: my - 5, end: false },
    { x: g.right - 4, y: my + 13, end: true },
    { x: g.right - 4, y: my - 5, end: true },
  ];
  const box = (p: { x: number; y: number; end: boolean }): Box => ({
    x0: p.end ? p.x - w : p.x,
    x1: p.end ? p.x : p.x + w,
    y0: p.y - 11,
    y1: p.y + 3,
  });
  return places.find((p) => !taken.some((t) => overlaps(box(p), t))) ?? places[0]!;
}

export interface MiniChartSpec {
  title: string;
  /** Shown above the line (cut to fit). */
  label: string;
  points: { value: number | null; tip: string }[];
  /** The scale: 0 … end (the section's full points). */
  end: number;
  /** The newest value as text, shown at the right. */
  lastLabel: string;
  /** `down` when the newest value is below the one before (drawn red), `up`, or `flat`. */
  trend: 'down' | 'up' | 'flat';
}

export function miniChart(s: MiniChartSpec, id: string): string {
  const W = 160;
  const H = 72;
  const top = 22;
  const bottom = 8;
  // The scale at the left: 0 at the base line, the section's full points at the dashed line.
  const scaleEnd = String(Math.round(s.end * 100) / 100);
  const left = 8 + Math.max(textPx('0', 9), textPx(scaleEnd, 9));
  const right = 44;
  const n = s.points.length;
  const x = (i: number) => (n === 1 ? (left + W - right) / 2 : left + ((W - left - right) * i) / (n - 1));
  const y = (v: number) => top + ((H - top - bottom) * (s.end - Math.max(0, Math.min(s.end, v)))) / (s.end || 1);
  const colour = s.trend === 'down' ? '#c62828' : s.trend === 'up' ? '#2e7d32' : '#1f5fa8';
  let label = s.label;
  while (textPx(label, 11) > W - 8 && label.length > 1) label = `${[...label].slice(0, -2).join('')}…`;
  const out: string[] = [];
  out.push(
    `<svg id="${esc(id)}" class="chart trend-mini ${s.trend}" data-chart="section-trend" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-label="${esc(s.title)}">`,
  );
  out.push(`<title>${esc(s.title)}</title>`);
  out.push(`<text class="mini-label" x="4" y="13" font-size="11" fill="#1f2328">${esc(label)}</text>`);
  out.push(
    `<line class="base" x1="${left}" y1="${c(y(0))}" x2="${W - right}" y2="${c(y(0))}" stroke="#d0d7de" stroke-width="1"/>`,
  );
  out.push(
    `<line class="full" x1="${left}" y1="${c(y(s.end))}" x2="${W - right}" y2="${c(y(s.end))}" stroke="#d0d7de" stroke-width="1" stroke-dasharray="2 2"/>`,
  );
  out.push(
    `<text class="mini-scale" x="${c(left - 3)}" y="${c(y(0) + 3)}" text-anchor="end" font-size="9" fill="#57606a">0</text>`,
  );
  out.push(
    `<text class="mini-scale" x="${c(left - 3)}" y="${c(y(s.end) + 3)}" text-anchor="end" font-size="9" fill="#57606a">${esc(scaleEnd)}</text>`,
  );
  for (const seg of segments(s.points.map((p, i) => ({ x: x(i), y: p.value === null ? null : y(p.value) })))) {
    out.push(
      `<polyline class="line" points="${seg}" fill="none" stroke="${colour}" stroke-width="2" stroke-linejoin="round"/>`,
    );
  }
  s.points.forEach((p, i) => {
    if (p.value === null) return;
    out.push(
      `<circle cx="${c(x(i))}" cy="${c(y(p.value))}" r="2.5" fill="${colour}"><title>${esc(p.tip)}</title></circle>`,
    );
  });
  const last = [...s.points].reverse().find((p) => p.value !== null);
  if (last)
    out.push(
      `<text class="mini-value" x="${W - 4}" y="${c(y(last.value!) + 4)}" text-anchor="end" font-size="11" font-weight="600" fill="${colour}">${esc(s.lastLabel)}</text>`,
    );
  out.push('</svg>');
  return out.join('');
}
