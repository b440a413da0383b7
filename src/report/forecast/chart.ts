/**
 * One item's year as an inline SVG line chart: the reported months solid, the
 * projection dashed, the low–high band shaded, the target (pass line) across. The
 * x axis is the twelve months of the statistical year. No script, no external
 * reference; coordinates rounded to a tenth, so the same forecast gives the same bytes.
 */
import type { ForecastItem } from '../../forecast/types';
import { Rational } from '../../rational';
import { showValue } from '../shared/display';
import { esc } from '../shared/svg';

const W = 560;
const H = 200;
const PAD = { l: 64, r: 12, t: 12, b: 28 };
const c = (x: number): string => {
  const r = Math.round(x * 10) / 10;
  return String(r === 0 ? 0 : r);
};

export interface ChartWords {
  title: string;
  /** Month labels 1–12 of the statistical year, e.g. `10`, `11`, … `09`. */
  months: string[];
  legend: { actual: string; projected: string; band: string; target: string };
}

const num = (v: unknown): number | undefined => (v instanceof Rational ? v.toNumber(6) : undefined);

/** The y range: every value, band end and target line, with a little room. */
function range(i: ForecastItem): [number, number] {
  const ys = [
    ...i.path.flatMap((p) => [num(p.value), num(p.low), num(p.high)]),
    ...i.lines.map((l) => l.toNumber(6)),
  ].filter((y): y is number => y !== undefined);
  const lo = Math.min(...ys);
  const hi = Math.max(...ys);
  const pad = hi > lo ? (hi - lo) * 0.08 : Math.abs(hi) * 0.05 || 1;
  return [lo - pad, hi + pad];
}

/** Whether the item has numbers to draw (a yes/no item has none). */
export const drawable = (i: ForecastItem): boolean => i.path.some((p) => num(p.value) !== undefined);

export function itemChart(i: ForecastItem, w: ChartWords, id: string): string {
  const [lo, hi] = range(i);
  const x = (m: number) => PAD.l + ((m - 1) / 11) * (W - PAD.l - PAD.r);
  const y = (v: number) => PAD.t + (1 - (v - lo) / (hi - lo)) * (H - PAD.t - PAD.b);
  const pts = (ps: { m: number; v: number }[]) => ps.map((p) => `${c(x(p.m))},${c(y(p.v))}`).join(' ');
  const actual = i.path.filter((p) => !p.projected && num(p.value) !== undefined);
  const proj = i.path.filter((p) => p.projected && num(p.value) !== undefined);
  const last = actual.at(-1);
  const start = last ? [{ m: last.index, v: num(last.value)! }] : [];
  const out: string[] = [
    `<svg class="forecast-chart" id="${esc(id)}" role="img" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-labelledby="${esc(id)}-t">`,
    `<title id="${esc(id)}-t">${esc(w.title)}</title>`,
    ...axes(x, y, lo, hi, i, w),
  ];
  if (proj.length) {
    const upper = [...start, ...proj.map((p) => ({ m: p.index, v: num(p.high ?? p.value)! }))];
    const lower = [...start, ...proj.map((p) => ({ m: p.index, v: num(p.low ?? p.value)! }))].reverse();
    out.push(
      `<polygon class="band" points="${pts([...upper, ...lower])}"><title>${esc(w.legend.band)}</title></polygon>`,
    );
    const line = [...start, ...proj.map((p) => ({ m: p.index, v: num(p.value)! }))];
    out.push(
      `<polyline class="projection" fill="none" stroke-dasharray="6 4" points="${pts(line)}"><title>${esc(w.legend.projected)}</title></polyline>`,
    );
  }
  for (const l of i.lines)
    out.push(
      `<line class="pass-line" x1="${c(PAD.l)}" x2="${c(W - PAD.r)}" y1="${c(y(l.toNumber(6)))}" y2="${c(y(l.toNumber(6)))}"><title>${esc(`${w.legend.target} ${showValue(l, i.kind)}`)}</title></line>`,
    );
  if (actual.length)
    out.push(
      `<polyline class="actual" fill="none" points="${pts(actual.map((p) => ({ m: p.index, v: num(p.value)! })))}"><title>${esc(w.legend.actual)}</title></polyline>`,
      ...actual.map((p) => `<circle class="actual" cx="${c(x(p.index))}" cy="${c(y(num(p.value)!))}" r="3"/>`),
    );
  out.push('</svg>');
  return out.join('\n');
}

/** The frame, the month labels and three value labels on the left. */
function axes(
  x: (m: number) => number,
  y: (v: number) => number,
  lo: number,
  hi: number,
  i: ForecastItem,
  w: ChartWords,
): string[] {
  const out = [
    `<rect class="frame" x="${c(PAD.l)}" y="${c(PAD.t)}" width="${c(W - PAD.l - PAD.r)}" height="${c(H - PAD.t - PAD.b)}" fill="none"/>`,
  ];
  w.months.forEach((label, k) =>
    out.push(`<text class="tick" x="${c(x(k + 1))}" y="${c(H - 10)}" text-anchor="middle">${esc(label)}</text>`),
  );
  for (const v of [lo, (lo + hi) / 2, hi]) {
    const label = showValue(Rational.fromNumber(Number(v.toFixed(6))), i.kind, 1);
    out.push(`<text class="tick" x="${c(PAD.l - 6)}" y="${c(y(v) + 4)}" text-anchor="end">${esc(label)}</text>`);
  }
  return out;
}
