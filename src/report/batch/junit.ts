/**
 * The JUnit report of a batch, for CI: the newest period only (older months are in
 * the JSON), the run's checks (the trend gates, the earlier periods) first, in a
 * suite of their own.
 */
import type { Lang } from '../../diagnostics';
import type { Assessment } from '../../engine/types';
import type { Batch } from '../../batch/types';
import { xmlText } from '../shared/escape';
import { attrs, junitDocument, type Suite } from '../shared/junit-xml';
import { dataSuites, unitSuites, type JunitContext } from '../single/junit';
import { junitChecks, type BatchParts } from './trend-parts';

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

export interface BatchJunitContext extends BatchParts {
  lang: Lang;
  failOn?: JunitContext['failOn'];
  asOf?: string;
}

export function formatBatchJunit(b: Batch, c: BatchJunitContext): string {
  const newest = b.periods[b.periods.length - 1] ?? null;
  const parts = b.entries
    .filter((e) => e.period === newest)
    .map((e) => ({ a: e.assessment, prefix: e.period ?? '', period: e.period }));
  return formatJunitMany(
    b.entries[0]?.assessment.scheme.title ?? '',
    parts,
    { lang: c.lang, failOn: c.failOn, asOf: c.asOf },
    junitChecks(c, c.lang),
  );
}
