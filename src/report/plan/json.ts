/**
 * The plan as JSON (contract: docs/plan.md#json): numbers as decimals (6 places at
 * most), blockers as codes with their arguments and the words in the run's language.
 */
import type { Lang } from '../../diagnostics';
import { say } from '../../messages/catalog';
import type { Rational } from '../../rational';
import type { PlanResult, PlanStep, Standing } from '../../plan/types';

/** The version of the plan JSON; raised when a key changes meaning or goes. */
export const PLAN_SCHEMA_VERSION = 1;

const n = (r: Rational | undefined): number | null => (r === undefined ? null : r.toNumber(6));

const standing = (s: Standing | undefined) =>
  s ? { scaled: n(s.scaled), passed: s.passed, rank: s.rank, of: s.of, vetoes: s.vetoes } : null;

const goalOf = (p: PlanResult) =>
  p.goal.kind === 'pass'
    ? { kind: 'pass' }
    : p.goal.kind === 'score'
      ? { kind: 'score', score: n(p.goal.score) }
      : { kind: 'rank', rank: p.goal.rank };

const step = (s: PlanStep) => ({
  item: s.item,
  title: s.title,
  bonus: s.bonus,
  lever: s.lever,
  label: s.label,
  kind: s.kind,
  from: n(s.from),
  to: n(s.to),
  change: n(s.change),
  pointsBefore: n(s.before),
  pointsEstimated: n(s.estimated),
  pointsAfter: n(s.after),
  effort: n(s.effort),
  effortGiven: s.effortGiven,
  units: s.units.map((u) => ({
    key: u.key,
    code: u.code ?? null,
    name: u.name,
    from: n(u.from),
    to: n(u.to),
    change: n(u.change),
    shortfall: n(u.shortfall),
  })),
});

export function formatPlanJson(p: PlanResult, lang: Lang): string {
  const doc = {
    schemaVersion: PLAN_SCHEMA_VERSION,
    kind: 'plan',
    scheme: {
      id: p.scheme.id,
      title: p.scheme.title,
      version: p.scheme.version,
      total: n(p.scheme.total),
      pass: n(p.scheme.pass),
    },
    unit: { level: p.unit.level, key: p.unit.key, code: p.unit.code ?? null, name: p.unit.name },
    goal: goalOf(p),
    needed: n(p.needed),
    status: p.already ? 'already' : p.found ? 'found' : 'none',
    before: standing(p.before),
    after: standing(p.after),
    effort: n(p.effort),
    steps: p.steps.map(step),
    verified: p.verified,
    truncated: p.truncated,
    best: standing(p.best),
    blockers: p.blockers.map((m) => ({ code: m.code, args: m.args, message: say(m, lang) })),
  };
  return `${JSON.stringify(doc, null, 2)}\n`;
}
