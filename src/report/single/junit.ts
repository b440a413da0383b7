/**
 * The JUnit XML report, for CI dashboards (the common schema Jenkins, GitLab and
 * others read: `<testsuites>` / `<testsuite>` / `<testcase>` with `<failure>`,
 * `<error>`, `<skipped>`).
 *
 * For each top-level unit (the county; townships are in the other reports):
 * - a first suite `<unit> / Vetoes`, always present, whose properties carry the verdict
 *   (score, scaled, max, pass line, passed, grade); with `--fail-on fail` first the
 *   unit's `--fail-on fail` testcase, then one testcase per veto: a triggered veto is
 *   an `<error>`, and so is one the data cannot check (it cannot be ruled out);
 * - one suite per section, in scheme order, named `<unit> / <section title>` (a nested
 *   section by its path), one testcase per item: an item not met (partial, failed,
 *   missing or invalid data) passes, its `<system-out>` giving the gap and the points
 *   lost, then the explanation; a not-applicable item is `<skipped>`. A bonus item
 *   loses no points: not earned, it is `<skipped>`, never a failure.
 *
 * Red tests are exactly what fails the `--fail-on` gate, so a JUnit file has failed
 * tests when, and only when, the run exits 1 for it (docs/monthly-jobs.md): with
 * `--fail-on fail` (the default) a `--fail-on fail` testcase per unit fails when the
 * unit fails (below the pass line, or a veto), listing the items that lost points;
 * with `fail` or `veto` a triggered or unchecked veto is an `<error>`; with `never`
 * nothing is red (a veto is said in `<system-out>`). Errors in the data (exit 2) are
 * an `<error>` per file, always.
 *
 * Deterministic: no timestamps, no host names, every time is "0".
 */
import { gapText, vetoWords } from '../shared/item-words';
import { say } from '../../messages/catalog';
import { formatDiagnostic, type Lang } from '../../diagnostics';
import { Rational } from '../../rational';
import { message } from '../../messages/codes';
import { showPoints } from '../shared/display';
import type { Assessment, ItemResult, Status, UnitResult, VetoResult } from '../../engine/types';
import type { Finding } from '../../diagnostics';
import { sectionTitle } from './csv';
import { xmlAttr, xmlText } from '../shared/escape';
import { explainItem } from './explain';
import { statusWord, t } from '../shared/i18n';

export interface JunitContext {
  lang: Lang;
  /** The `--fail-on` gate the run exits by (default fail): what is red. */
  failOn?: FailOn;
  /** The assessed period, when known: a property of each unit's first suite. */
  period?: string | null;
  /** The reference date, only when given (`--as-of`). */
  asOf?: string;
}

export type FailOn = 'veto' | 'fail' | 'never';

/** Statuses that make an item a failure (unless it is a bonus item). */
export const NOT_MET: readonly Status[] = ['partial', 'failed', 'missing', 'invalid'];

interface Case {
  name: string;
  classname: string;
  /** Child element, already serialised, or none for a pass. */
  body?: string;
  outcome: 'pass' | 'failure' | 'error' | 'skipped';
}

interface Suite {
  name: string;
  /** The unit the suite belongs to, as a dotted package name: `pinggu.140724`. */
  pkg: string;
  properties: [string, string][];
  cases: Case[];
}

const attrs = (pairs: [string, string | number][]): string =>
  pairs.map(([k, v]) => ` ${k}="${xmlAttr(String(v))}"`).join('');
const num = (r: Rational): string => r.toDecimal(6);

/** A section's titles from the outermost down: `一级 / 二级`. */
function sectionPath(a: Assessment, id: string, lang: Lang): string {
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

function itemCase(a: Assessment, u: UnitResult, i: ItemResult, lang: Lang): Case {
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

function vetoCase(u: UnitResult, v: VetoResult, lang: Lang, failOn: FailOn): Case {
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
function gateCase(a: Assessment, u: UnitResult, lang: Lang): Case {
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

function unitSuites(
  a: Assessment,
  u: UnitResult,
  lang: Lang,
  prefix = '',
  failOn: FailOn = 'fail',
  stamp: { period?: string | null; asOf?: string } = {},
): Suite[] {
  const verdict: [string, string][] = [
    // What the verdict is about: the scheme's version, the period and the reference date (when known).
    ['schemeVersion', a.scheme.version],
    ...(stamp.period ? [['period', stamp.period] as [string, string]] : []),
    ...(stamp.asOf ? [['asOf', stamp.asOf] as [string, string]] : []),
    ['score', num(u.score)],
    ['scaled', num(u.scaled)],
    ['max', num(u.max)],
    ['bonus', num(u.bonus)],
    ['pass', num(a.scheme.pass)],
    ['passed', String(u.passed)],
    ['rank', `${u.rank}/${u.of}`],
    ...(u.grade !== undefined ? [['grade', u.grade] as [string, string]] : []),
    // The self-assessed verdict, when inspector adjustments changed this unit.
    ...(u.self
      ? ([
          ['selfScore', num(u.self.score)],
          ['selfScaled', num(u.self.scaled)],
          ['selfPassed', String(u.self.passed)],
          ...(u.self.grade !== undefined ? [['selfGrade', u.self.grade]] : []),
        ] as [string, string][])
      : []),
  ];
  const pkg = `pinggu.${prefix ? `${prefix}.` : ''}${u.key}`;
  const label = `${prefix ? `${prefix} / ` : ''}${u.name}`;
  const suites: Suite[] = [
    {
      name: `${label} / ${t(lang, 'vetoes')}`,
      pkg,
      properties: verdict,
      cases: [
        ...(failOn === 'fail' ? [gateCase(a, u, lang)] : []),
        ...u.vetoes.map((v) => vetoCase(u, v, lang, failOn)),
      ],
    },
  ];
  const bySection = new Map<string, ItemResult[]>();
  for (const i of u.items) bySection.set(i.section, [...(bySection.get(i.section) ?? []), i]);
  for (const [section, items] of bySection) {
    suites.push({
      name: `${label} / ${sectionPath(a, section, lang)}`,
      pkg,
      properties: [],
      cases: items.map((i) => itemCase(a, u, i, lang)),
    });
  }
  // In a batch the same item of the same county recurs each period: the period keeps the names apart.
  if (prefix)
    for (const st of suites)
      for (const c of st.cases) c.classname = c.classname.replace(/^pinggu\./, `pinggu.${prefix}.`);
  return suites;
}

const count = (cases: Case[], o: Case['outcome']) => cases.filter((c) => c.outcome === o).length;

/** Errors said per file, at most. */
const SAY_ERRORS = 50;

/**
 * Data errors make the exit code 2 whatever --fail-on: one `<error>` test case per file
 * with errors, in a suite before the unit's (none when the data has no error). `said`
 * keeps a file shared by several assessments of a period to one test case.
 */
function dataSuites(a: Assessment, lang: Lang, prefix: string, said = new Set<string>()): Suite[] {
  const top = a.units[0];
  const byFile = new Map<string, Finding[]>();
  for (const d of a.data.findings) {
    if (d.severity !== 'error') continue;
    const f = d.file ?? '';
    if (said.has(`${prefix}\u0000${f}`)) continue;
    byFile.set(f, [...(byFile.get(f) ?? []), d]);
  }
  if (!byFile.size) return [];
  for (const f of byFile.keys()) said.add(`${prefix}\u0000${f}`);
  const key = `${prefix ? `${prefix}.` : ''}${top?.key ?? 'data'}`;
  const label = `${prefix ? `${prefix} / ` : ''}${top?.name ?? ''}`;
  const cases: Case[] = [...byFile].map(([file, ds]) => {
    const lines = ds.slice(0, SAY_ERRORS).map((d) => formatDiagnostic(d, lang));
    if (ds.length > SAY_ERRORS) lines.push(`… ${ds.length - SAY_ERRORS}`);
    const m = say(message('junit/data-errors', { count: ds.length }), lang);
    return {
      name: file || '—',
      classname: `pinggu.${key}.data`,
      outcome: 'error',
      body: `<error${attrs([
        ['message', m],
        ['type', 'data'],
      ])}>${xmlText(lines.join('\n'))}</error>`,
    };
  });
  return [
    { name: say(message('junit/data-suite', { unit: label }), lang), pkg: `pinggu.${key}`, properties: [], cases },
  ];
}

export function formatJunit(a: Assessment, ctx: JunitContext): string {
  return junitDocument(`pinggu: ${a.scheme.title}`, [
    ...dataSuites(a, ctx.lang, ''),
    ...a.units.flatMap((u) => unitSuites(a, u, ctx.lang, '', ctx.failOn, ctx)),
  ]);
}

/** A check of the run as a whole (a trend gate): passed, or failed with why. */
export interface RunCheck {
  name: string;
  failure?: string;
  /** Could not be decided (a gate with nothing to compare): why. */
  skipped?: string;
}

/**
 * The suites of many assessments in one document; `prefix` (a period) starts each
 * suite's name. `checks` (the trend gates) come first, in a suite of their own.
 */
export function formatJunitMany(
  title: string,
  parts: { a: Assessment; prefix: string; period?: string | null }[],
  ctx: JunitContext,
  checks: RunCheck[] = [],
): string {
  const gates: Suite[] = checks.length
    ? [
        {
          name: ctx.lang === 'zh' ? '门槛' : 'Gates',
          pkg: 'pinggu.gates',
          properties: [],
          cases: checks.map((c) => ({
            name: c.name,
            classname: 'pinggu.gates',
            outcome: c.failure ? 'failure' : c.skipped ? 'skipped' : 'pass',
            ...(c.failure
              ? {
                  body: `<failure${attrs([
                    ['message', c.failure.split('\n')[0]!],
                    ['type', 'gate'],
                  ])}>${xmlText(c.failure)}</failure>`,
                }
              : {}),
            ...(!c.failure && c.skipped ? { body: `<skipped${attrs([['message', c.skipped]])}/>` } : {}),
          })),
        },
      ]
    : [];
  const said = new Set<string>();
  const units = parts.flatMap(({ a, prefix, period }) => [
    ...dataSuites(a, ctx.lang, prefix, said),
    ...a.units.flatMap((u) => unitSuites(a, u, ctx.lang, prefix, ctx.failOn, { period, asOf: ctx.asOf })),
  ]);
  return junitDocument(`pinggu: ${title}`, [...gates, ...units]);
}

function junitDocument(title: string, suites: Suite[]): string {
  const all = suites.flatMap((s) => s.cases);
  const lines = ['<?xml version="1.0" encoding="UTF-8"?>'];
  lines.push(
    `<testsuites${attrs([
      ['name', title],
      ['tests', all.length],
      ['failures', count(all, 'failure')],
      ['errors', count(all, 'error')],
      ['time', '0'],
    ])}>`,
  );
  suites.forEach((s, id) => {
    const head = attrs([
      ['name', s.name],
      ['id', id],
      ['package', s.pkg],
      ['tests', s.cases.length],
      ['failures', count(s.cases, 'failure')],
      ['errors', count(s.cases, 'error')],
      ['skipped', count(s.cases, 'skipped')],
      ['time', '0'],
    ]);
    lines.push(`  <testsuite${head}>`);
    if (s.properties.length) {
      lines.push('    <properties>');
      for (const [k, v] of s.properties)
        lines.push(
          `      <property${attrs([
            ['name', k],
            ['value', v],
          ])}/>`,
        );
      lines.push('    </properties>');
    }
    for (const c of s.cases) {
      const open = `    <testcase${attrs([
        ['classname', c.classname],
        ['name', c.name],
        ['time', '0'],
      ])}`;
      lines.push(c.body ? `${open}>\n      ${c.body}\n    </testcase>` : `${open}/>`);
    }
    lines.push('  </testsuite>');
  });
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}
