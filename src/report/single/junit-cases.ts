/** The test cases of one unit's JUnit suites: an item, a veto, and the unit's `--fail-on fail` verdict. */
import { gapText, vetoWords } from '../shared/item-words';
import type { Lang } from '../../diagnostics';
import { Rational } from '../../rational';
import { showPoints } from '../shared/display';
import type { Assessment, ItemResult, Status, UnitResult, VetoResult } from '../../engine/types';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';
import { sectionTitle } from './csv';
import { xmlText } from '../shared/escape';
import { attrs, type Case } from '../shared/junit-xml';
import { explainItem } from './explain';
import { statusWord, t } from '../shared/i18n';

export type FailOn = 'veto' | 'fail' | 'never';

/** Statuses that make an item a failure (unless it is a bonus item). */
export const NOT_MET: readonly Status[] = ['partial', 'failed', 'missing', 'invalid'];

export const num = (r: Rational): string => r.toDecimal(6);

/** A section's titles from the outermost down: `一级 / 二级`. */
export function sectionPath(a: Assessment, id: string, lang: Lang): string {
  const titles: string[] = [];
  const seen = new Set<string>();
  for (
    let s = a.scheme.sections.find((x) => x.id === id);
    s && !seen.has(s.id);
    s = a.scheme.sections.find((x) => x.id === s.parent)
  ) {
    seen.add(s.id);
    titles.unshift(s.title);
  }
  return titles.length ? titles.join(' / ') : sectionTitle(a, id, lang);
}

function failureMessage(i: ItemResult, lang: Lang): string {
  const zh = lang === 'zh';
  const status = statusWord(lang, i.status);
  // An item met by the data but marked down by the inspectors has no gap to speak of.
  const gap = i.adjustment && i.gap?.isZero() ? undefined : gapText(i);
  const lost = showPoints(i.lost);
  const max = showPoints(i.max);
  if (zh) return `${status}：${gap !== undefined ? `差距 ${gap}，` : ''}失 ${lost} 分（共 ${max} 分）`;
  return `${status}: ${gap !== undefined ? `gap ${gap}, ` : ''}${lost} of ${max} point${max === '1' ? '' : 's'} lost`;
}

export function itemCase(a: Assessment, u: UnitResult, i: ItemResult, lang: Lang): Case {
  const zh = lang === 'zh';
  const name = `${i.id} ${i.title}`;
  const classname = `pinggu.${u.key}.${i.section}`;
  const explanation = explainItem(u.fields, i, lang, a.scheme.labels);
  // A bonus loses no points: earned (even in part) it passes; otherwise it is skipped.
  const out = i.adjustment ? `<system-out>${xmlText(explanation)}</system-out>` : undefined;
  if (i.bonus && (i.status === 'met' || i.status === 'partial'))
    return { name, classname, outcome: 'pass', ...(out ? { body: out } : {}) };
  if (i.bonus) {
    const why = i.status === 'failed' ? t(lang, 'notEarned') : statusWord(lang, i.status);
    const message = zh ? `${t(lang, 'bonusItems')}：${why}` : `${t(lang, 'bonus')}: ${why}`;
    return {
      name,
      classname,
      outcome: 'skipped',
      body: `<skipped${attrs([['message', message]])}>${xmlText(explanation)}</skipped>`,
    };
  }
  if (i.status === 'na') {
    return {
      name,
      classname,
      outcome: 'skipped',
      body: `<skipped${attrs([['message', statusWord(lang, 'na')]])}>${xmlText(explanation)}</skipped>`,
    };
  }
  // Points lost fail no gate by themselves: said in the output of a passing testcase.
  if (NOT_MET.includes(i.status))
    return {
      name,
      classname,
      outcome: 'pass',
      body: `<system-out>${xmlText(`${failureMessage(i, lang)}\n${explanation}`)}</system-out>`,
    };
  // A passing item the inspectors adjusted: the adjustment in the testcase's output.
  return { name, classname, outcome: 'pass', ...(out ? { body: out } : {}) };
}

export function vetoCase(u: UnitResult, v: VetoResult, lang: Lang, failOn: FailOn): Case {
  const zh = lang === 'zh';
  const name = `${v.id} ${v.title}`;
  const classname = `pinggu.${u.key}.veto`;
  if (!v.triggered && v.checked) return { name, classname, outcome: 'pass' };
  const w = vetoWords(u, v);
  const text = [w.condition, v.basis].filter((x): x is string => Boolean(x)).join('\n');
  const why = v.reason ? say(v.reason, lang) : '';
  const said = v.triggered
    ? zh
      ? `触发一票否决：${w.condition}（实际 ${w.display}）`
      : `veto triggered: ${w.condition} (here ${w.display})`
    : zh
      ? `无法核查一票否决，不能排除${why ? `：${why}` : ''}`
      : `veto cannot be checked, so not ruled out${why ? `: ${why}` : ''}`;
  // With --fail-on never a veto fails nothing: said, not red.
  if (failOn === 'never')
    return { name, classname, outcome: 'pass', body: `<system-out>${xmlText(`${said}\n${text}`)}</system-out>` };
  return {
    name,
    classname,
    outcome: 'error',
    body: `<error${attrs([
      ['message', said],
      ['type', v.triggered ? 'veto' : 'veto-unchecked'],
    ])}>${xmlText(text)}</error>`,
  };
}

/** `--fail-on fail`: the unit fails when below the pass line or vetoed; the items that lost points say why. */
export function gateCase(a: Assessment, u: UnitResult, lang: Lang): Case {
  const name = '--fail-on fail';
  const classname = `pinggu.${u.key}.gate`;
  if (u.passed) return { name, classname, outcome: 'pass' };
  const lost = u.items
    .filter((i) => !i.bonus && i.lost.gt(Rational.ZERO))
    .sort((x, y) => y.lost.cmp(x.lost))
    .map((i) => `${i.title} −${showPoints(i.lost)}`);
  const vetoes = u.vetoes.filter((v) => v.triggered || !v.checked).map((v) => v.title);
  const lines = [
    ...(vetoes.length ? [say(message('junit/vetoed', { unit: u.name, vetoes }), lang)] : []),
    ...(u.scaled.lt(a.scheme.pass)
      ? [
          say(
            message('junit/below-pass', {
              unit: u.name,
              scaled: showPoints(u.scaled),
              pass: showPoints(a.scheme.pass),
            }),
            lang,
          ),
        ]
      : []),
    ...(lost.length ? [say(message('junit/points-lost', { items: lost }), lang)] : []),
  ];
  return {
    name,
    classname,
    outcome: 'failure',
    body: `<failure${attrs([
      ['message', lines[0] ?? ''],
      ['type', 'gate'],
    ])}>${xmlText(lines.join('\n'))}</failure>`,
  };
}
