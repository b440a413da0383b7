/**
 * The verdict part of the HTML report: the score and the badge, the gauge against the
 * pass line, and every veto with what it saw.
 */
import { unitLineTexts } from './explain-lines';
import { say } from '../../messages/catalog';
import type { Lang } from '../../diagnostics';
import type { Assessment, UnitResult } from '../../engine/types';
import { Rational } from '../../rational';
import { showPoints } from '../shared/display';
import { fill, t } from '../shared/i18n';
import { vetoPlain } from '../shared/plain';
import { esc, gauge } from '../shared/svg';
import { adjustmentsTitle, selfVsAdjusted, selfVsTitle } from './adjustments';

const num = (r: Rational): number => r.toNumber(6);

/** The score, of the maximum (scaled when they differ), the badge, grade and rank; self-assessed beside adjusted. */
function verdictHead(a: Assessment, u: UnitResult, L: Lang): string[] {
  const out: string[] = [];
  const total = a.scheme.total;
  const scaledNote = u.max.eq(total)
    ? ''
    : ` <span class="note">${esc(`${t(L, 'scaledHead')} ${showPoints(u.scaled)} (${t(L, 'scaledNote')})`)}</span>`;
  const bonus =
    u.bonus.sign() > 0 ? ` <span class="note">${esc(`${t(L, 'bonus')} +${showPoints(u.bonus)}`)}</span>` : '';
  out.push('<div class="verdict-head">');
  out.push(
    `<span class="big">${esc(showPoints(u.score))}</span><span class="of">/ ${esc(showPoints(u.max))}${bonus}${scaledNote}</span>`,
  );
  out.push(`<span class="badge ${u.passed ? 'pass' : 'fail'}">${esc(t(L, u.passed ? 'passed' : 'failed'))}</span>`);
  if (u.grade) out.push(`<span>${esc(`${t(L, 'gradeHead')}${L === 'zh' ? '：' : ': '}${u.grade}`)}</span>`);
  if (u.of > 1) out.push(`<span>${esc(`${t(L, 'rank')} ${u.rank}/${u.of}`)}</span>`);
  out.push('</div>');
  for (const line of unitLineTexts(u, L)) out.push(`<p class="line">${esc(line)}</p>`);
  const self = selfVsAdjusted(u, L);
  if (self)
    out.push(
      `<p class="self-vs">${esc(`${selfVsTitle(L)}${L === 'zh' ? '：' : ': '}${self}`)} <a href="#adjustments">${esc(adjustmentsTitle(L))}</a></p>`,
    );

  return out;
}

/** Score against the pass line, on the scheme's total scale (bonus may run past it); a provisional note on data errors. */
function scoreGauge(a: Assessment, u: UnitResult, L: Lang, id: (p: string) => string): string[] {
  const out: string[] = [];
  const total = a.scheme.total;
  const end = total.max(u.scaled);
  const diff = u.scaled.sub(a.scheme.pass);
  const ticks = Array.from({ length: 11 }, (_, k) => total.mul(Rational.int(k)).div(Rational.int(10))!).map((v) => ({
    at: num(v),
    label: showPoints(v),
  }));
  out.push(
    gauge(
      {
        title: `${t(L, 'htmlGauge')}: ${showPoints(u.scaled)} / ${showPoints(total)}, ${t(L, 'passLine')} ${showPoints(a.scheme.pass)}`,
        score: num(u.scaled),
        end: num(end),
        pass: num(a.scheme.pass),
        scoreLabel: showPoints(u.scaled),
        passLabel: `${t(L, 'passLine')} ${showPoints(a.scheme.pass)}`,
        ticks,
        tone: u.passed ? 'tone-pass' : 'tone-fail',
      },
      id('gauge'),
    ),
  );
  out.push(
    `<p>${esc(fill(L, diff.sign() < 0 ? 'htmlBelowPass' : 'htmlAbovePass', { n: showPoints(diff.abs()) }))}</p>`,
  );
  const errors = a.data.findings.filter((f) => f.severity === 'error').length;
  if (errors) out.push(`<p class="warn">${esc(fill(L, 'provisional', { n: errors }))}</p>`);

  return out;
}

/** Every veto: triggered, could not be checked (so no pass), or clear. */
function vetoPart(u: UnitResult, L: Lang): string[] {
  const out: string[] = [];
  const hit = u.vetoes.filter((v) => v.triggered).length;
  const unknown = u.vetoes.filter((v) => !v.checked).length;
  const summary = [
    ...(hit ? [fill(L, 'vetoTriggeredN', { n: hit })] : []),
    ...(unknown ? [fill(L, 'vetoUncheckedN', { n: unknown })] : []),
    ...(!hit && !unknown
      ? [
          L === 'zh'
            ? `${t(L, 'vetoNone')}（${fill(L, 'vetoAllChecked', { n: u.vetoes.length })}）`
            : `${t(L, 'vetoNone')} (${fill(L, 'vetoAllChecked', { n: u.vetoes.length })})`,
        ]
      : []),
  ].join(L === 'zh' ? '；' : '; ');
  out.push(
    `<h3>${esc(t(L, 'vetoes'))}${L === 'zh' ? '：' : ': '}<span class="${hit || unknown ? 'warn' : ''}">${esc(summary)}</span></h3>`,
  );
  if (u.vetoes.length) {
    out.push(
      `<table class="vetoes"><thead><tr><th></th><th>${esc(t(L, 'htmlVeto'))}</th><th>${esc(t(L, 'htmlCondition'))}</th><th>${esc(t(L, 'value'))}</th><th>${esc(t(L, 'status'))}</th></tr></thead><tbody>`,
    );
    for (const v of u.vetoes) {
      const [cls, mark, word] = v.triggered
        ? ['veto-hit', '✗', t(L, 'vetoTriggered')]
        : !v.checked
          ? ['veto-unknown', '?', v.reason ? say(v.reason, L) : t(L, 'htmlVetoUnchecked')]
          : ['veto-clear', '✓', t(L, 'htmlVetoClear')];
      const vw = vetoPlain(u, v, L);
      out.push(
        `<tr class="${cls}"><td>${mark}</td><td>${esc(v.title)}</td><td>${esc(vw.rule)}</td><td>${esc(vw.seen)}</td><td>${esc(word)}</td></tr>`,
      );
    }
    out.push('</tbody></table>');
  }
  return out;
}

export function verdict(a: Assessment, u: UnitResult, L: Lang, id: (p: string) => string, page: boolean): string {
  return [
    `<section class="part verdict${page ? ' page' : ''}" id="${id('verdict')}" data-part="verdict">`,
    `<h2>${esc(u.name)} · ${esc(t(L, 'htmlVerdict'))}</h2>`,
    ...verdictHead(a, u, L),
    ...scoreGauge(a, u, L, id),
    ...vetoPart(u, L),
    '</section>',
  ].join('\n');
}
