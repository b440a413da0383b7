/**
 * The trend as HTML fragments for a self-contained page (the batch HTML report):
 * per top-level unit its score over the periods as an inline SVG line chart with the
 * pass line, small multiples (one tiny SVG per section: points over the periods),
 * and the items newly failing / newly met; the scheme change and the gates. No
 * script, no external request, no clock: the same trend gives the same bytes.
 *
 *   trendHtml(trend: Trend, ctx: TrendHtmlContext): string      // a <section> element
 *   TREND_CSS: string                                           // optional styling for the page's <style>
 */
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { ItemChange, Trend, UnitTrend } from '../../trend/diff';
import type { GateResult } from '../../trend/gate';
import { esc } from '../shared/svg';
import { lineChart, miniChart } from './svg';
import { comparedLabel, gateLines, schemeLines, sideLines } from './lines';
import { columnLabel, signed, tw } from './words';

export interface TrendHtmlContext {
  lang: Lang;
  gate?: GateResult;
  /** Prefix of the SVG ids, so several fragments can share a page (default `trend`). */
  idPrefix?: string;
}

export const TREND_CSS = `
.trend .multiples { display: flex; flex-wrap: wrap; gap: 2mm; margin: 2mm 0 }
.trend .multiples svg { border: 0.75pt solid #e6e8eb; border-radius: 1mm; break-inside: avoid }
.trend ul { margin: 1mm 0; padding-left: 5mm }
.trend .failing { color: #8e1b1b } .trend .met { color: #1b5e20 }
.trend .gate-fail { color: #c62828; font-weight: 700 } .trend .gate-pass { color: #2e7d32; font-weight: 700 }
`;

export function trendHtml(t: Trend, ctx: TrendHtmlContext): string {
  const L = ctx.lang;
  const id = ctx.idPrefix ?? 'trend';
  const out: string[] = [`<section class="part trend">`, `<h2>${esc(tw(L, 'title'))}</h2>`];
  const compared = t.units.filter((u) => u.diff);
  out.push(
    `<p class="meta">${esc(compared.length ? tw(L, 'compared', { pairs: comparedLabel(L, t) }) : tw(L, 'nothingBefore'))}</p>`,
  );
  for (const s of t.schemes) {
    const [first, ...rest] = schemeLines(L, s, esc);
    out.push(`<p class="warn">${first}</p><ul>${rest.map((l) => `<li>${l.trim()}</li>`).join('')}</ul>`);
  }
  t.units
    .filter((u) => u.depth === 0 && u.side !== 'gone')
    .forEach((u, k) => out.push(unitPart(t, u, L, `${id}-${k + 1}`)));
  const sides = sideLines(L, t, esc);
  if (sides.length) out.push(...sides.map((l) => `<p>${l}</p>`));
  out.push(...gateParts(L, ctx.gate), '</section>');
  return `${out.join('\n')}\n`;
}

/** The gates' verdict and reasons (empty without a gate). */
function gateParts(L: Lang, gate: GateResult | undefined): string[] {
  const gates = gateLines(L, gate, esc);
  if (!gates.length) return [];
  return [
    `<h3 class="${gate!.exitCode ? 'gate-fail' : 'gate-pass'}">${gates[0]}</h3>`,
    ...(gates.length > 1
      ? [
          `<ul>${gates
            .slice(1)
            .map((l) => `<li>${l.trim()}</li>`)
            .join('')}</ul>`,
        ]
      : []),
  ];
}

/** The gates' verdict as a part of its own, for the top of a summary page. */
export function gatesHtml(L: Lang, gate: GateResult | undefined): string {
  const parts = gateParts(L, gate);
  return parts.length ? `<section class="part trend gates" data-part="gates">\n${parts.join('\n')}\n</section>` : '';
}

/** The unit's scaled score over the periods, with the pass line. */
function scoreChart(t: Trend, u: UnitTrend, L: Lang, id: string): string {
  const labels = t.columns.map((c) => columnLabel(L, c, t.columns));
  const newest = u.series[u.series.length - 1]!;
  return lineChart(
    {
      title: tw(L, 'chartScore', { unit: u.name }),
      kind: 'score-trend',
      end: newest.total.toNumber(6),
      marker: { at: newest.pass.toNumber(6), label: tw(L, 'passLine', { n: showPoints(newest.pass) }) },
      points: t.columns.map((_, ci) => {
        const p = u.series.find((x) => x.column === ci);
        return {
          label: labels[ci]!,
          value: p ? p.scaled.toNumber(6) : null,
          valueLabel: p ? showPoints(p.scaled) : '',
          tip: p ? `${labels[ci]}: ${showPoints(p.scaled)}` : '',
        };
      }),
    },
    `${id}-score`,
  );
}

/** Small multiples: the sections of the newest snapshot, in its order, each a tiny chart of its points. */
function sectionMultiples(t: Trend, u: UnitTrend, L: Lang, id: string): string[] {
  const at = (ci: number) => u.series.find((p) => p.column === ci);
  const labels = t.columns.map((c) => columnLabel(L, c, t.columns));
  const newest = u.series[u.series.length - 1]!;
  const out: string[] = [];
  // Bonus points have no maximum to draw against: the multiples show the scored sections.
  newest.sections
    .filter((s) => s.max.sign() > 0)
    .forEach((s, k) => {
      const values = t.columns.map((_, ci) => at(ci)?.sections.find((x) => x.id === s.id));
      const known = values.filter((v) => v !== undefined);
      const prev = known.length > 1 ? known[known.length - 2]! : undefined;
      const last = known[known.length - 1]!;
      const cmp = prev ? last.points.cmp(prev.points) : 0;
      const end = Math.max(...known.map((v) => v.max.toNumber(6)), ...known.map((v) => v.points.toNumber(6)));
      out.push(
        miniChart(
          {
            title: tw(L, 'chartSection', { section: s.title, max: showPoints(s.max) }),
            label: s.title,
            end,
            lastLabel: showPoints(last.points),
            trend: cmp < 0 ? 'down' : cmp > 0 ? 'up' : 'flat',
            points: values.map((v, ci) => ({
              value: v ? v.points.toNumber(6) : null,
              tip: v ? `${labels[ci]}: ${showPoints(v.points)} / ${showPoints(v.max)}` : '',
            })),
          },
          `${id}-section-${k + 1}`,
        ),
      );
    });
  return out;
}

/** The items newly failing and newly met, at the unit and the units below it. */
function changeLists(t: Trend, u: UnitTrend, L: Lang): string[] {
  if (!u.diff) return [];
  const out: string[] = [];
  const colon = L === 'zh' ? '：' : ': ';
  const below = t.units.filter((x) => x.diff && x.depth > 0 && x.path[0] === u.path[0]);
  const li = (i: ItemChange) =>
    `<li>${esc(i.title)}${colon}${i.before ? showPoints(i.before.points) : '—'} → ${i.after ? showPoints(i.after.points) : '—'}${i.points ? ` (${signed(i.points)})` : ''}${i.schemeChanged ? ` <em>${esc(tw(L, 'schemeChangedMark'))}</em>` : ''}</li>`;
  for (const [w, cls, xs, pick] of [
    ['newlyFailing', 'failing', u.diff.newlyFailing, (x: UnitTrend) => x.diff!.newlyFailing],
    ['newlyMet', 'met', u.diff.newlyMet, (x: UnitTrend) => x.diff!.newlyMet],
  ] as const) {
    const lines = [
      ...xs.map(li),
      ...below
        .filter((b) => pick(b).length)
        .map(
          (b) =>
            `<li>${esc(b.names.slice(1).join(' › '))}${colon}${pick(b)
              .map((i) => `${esc(i.title)}${i.points ? ` ${signed(i.points)}` : ''}`)
              .join(L === 'zh' ? '，' : ', ')}</li>`,
        ),
    ];
    out.push(
      `<p class="${cls}"><strong>${esc(tw(L, w, { n: xs.length }))}</strong>${lines.length ? '' : `${colon}${esc(tw(L, 'none'))}`}</p>`,
    );
    if (lines.length) out.push(`<ul class="${cls}">${lines.join('')}</ul>`);
  }
  return out;
}

function unitPart(t: Trend, u: UnitTrend, L: Lang, id: string): string {
  return [
    `<h3>${esc(u.name)}</h3>`,
    scoreChart(t, u, L, id),
    `<h4>${esc(tw(L, 'sectionsOver'))}</h4>`,
    `<div class="multiples">`,
    ...sectionMultiples(t, u, L, id),
    '</div>',
    ...changeLists(t, u, L),
  ].join('\n');
}
