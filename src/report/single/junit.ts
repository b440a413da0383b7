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
import { say } from '../../messages/catalog';
import { formatDiagnostic, type Lang } from '../../diagnostics';
import { message } from '../../messages/codes';
import type { Assessment, ItemResult, UnitResult } from '../../engine/types';
import type { Finding } from '../../diagnostics';
import { attrs, junitDocument, type Case, type Suite } from '../shared/junit-xml';
import { t } from '../shared/i18n';
import { xmlText } from '../shared/escape';
import { gateCase, itemCase, num, sectionPath, vetoCase, type FailOn } from './junit-cases';

export interface JunitContext {
  lang: Lang;
  /** The `--fail-on` gate the run exits by (default fail): what is red. */
  failOn?: FailOn;
  /** The assessed period, when known: a property of each unit's first suite. */
  period?: string | null;
  /** The reference date, only when given (`--as-of`). */
  asOf?: string;
}

export function unitSuites(
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

/** Errors said per file, at most. */
const SAY_ERRORS = 50;

/**
 * Data errors make the exit code 2 whatever --fail-on: one `<error>` test case per file
 * with errors, in a suite before the unit's (none when the data has no error). `said`
 * keeps a file shared by several assessments of a period to one test case.
 */
export function dataSuites(a: Assessment, lang: Lang, prefix: string, said = new Set<string>()): Suite[] {
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
