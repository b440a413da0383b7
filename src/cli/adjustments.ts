/**
 * `--adjustments FILE [--as-of YYYY-MM-DD]`: reads the inspectors' adjustments,
 * checks them against the assessment and applies those in force. The only place the
 * clock is read (today, when neither --as-of nor a period gives the reference date).
 */
import * as path from 'node:path';
import { formatDiagnostic, hasErrors, sortDiagnostics, type Finding, type Lang, worded } from '../diagnostics';
import { message } from '../messages/codes';
import { InputError, UsageError } from '../errors';
import { isDate } from '../data/dates';
import { applyAdjustments, resolveAdjustments } from '../engine/adjust';
import { referenceDate } from '../engine/reference-date';
import type { Assessment } from '../engine/types';
import type { Scheme } from '../scheme/model';
import { shown } from './inputs';
import type { Io } from './io';
import { comparePeriods } from '../data/period';

export interface AdjustmentOptions {
  /** The adjustments file (CSV or YAML). */
  adjustments?: string;
  /** Reference date for expiry, YYYY-MM-DD. */
  asOf?: string;
}

/** Today in local time, YYYY-MM-DD. */
function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** Validates --as-of on its own (a usage error when it is not a date). */
export function asOfOption(o: AdjustmentOptions): string | undefined {
  if (o.asOf === undefined) return undefined;
  if (!isDate(o.asOf)) throw new UsageError(message('cli/bad-as-of', { date: o.asOf }));
  return o.asOf;
}

/**
 * The assessment with the file's adjustments applied; unchanged without --adjustments.
 * Errors in the file stop the run (InputError, exit 2); warnings (expired, not yet in
 * force) go to stderr and into the report. `period`: the assessed period, when known.
 */
export async function withAdjustments(
  io: Io,
  scheme: Scheme,
  a: Assessment,
  o: AdjustmentOptions,
  lang: Lang,
  period?: string | null,
): Promise<Assessment> {
  const r = await adjustMany(io, scheme, [{ assessment: a, period: period ?? null }], o);
  for (const d of r.findings) io.stderr(`${formatDiagnostic(d, lang)}\n`);
  return r.assessments[0]!;
}

/**
 * The adjustments applied to each of several assessments (a batch: counties ×
 * periods), each with its period's reference date. Units are looked up among all
 * assessments of the same period together, so a township name found in two counties
 * asks for the code. An adjustment is an error when its unit is in no period; errors
 * throw (InputError); the warnings (expired, not yet in force) are returned, once each.
 */
export async function adjustMany(
  io: Io,
  scheme: Scheme,
  list: { assessment: Assessment; period: string | null }[],
  o: AdjustmentOptions,
): Promise<{ assessments: Assessment[]; findings: Finding[] }> {
  const asOf = asOfOption(o);
  if (o.adjustments === undefined) return { assessments: list.map((x) => x.assessment), findings: [] };
  // The reader (and the YAML parser it may need) loads only for a run with adjustments.
  const { parseAdjustments } = await import('../data/adjustments');
  const parsed = parseAdjustments(readFile(io, o.adjustments), shown(io, path.resolve(io.cwd, o.adjustments)));
  const findings: Finding[] = [...parsed.findings];
  const byPeriod = new Map<string | null, number[]>();
  list.forEach((x, i) => byPeriod.set(x.period, [...(byPeriod.get(x.period) ?? []), i]));
  // Expiry is said against the newest period of the run, the one people act on; the
  // earlier months' statuses are in the report.
  const newest = [...byPeriod.keys()].sort(comparePeriods).at(-1) ?? null;
  const TIMING = new Set(['adjust/expired', 'adjust/not-yet']);
  const unknownIn = new Map<string, { d: Finding; n: number }>();
  const out = new Array<Assessment>(list.length);
  for (const [period, idx] of byPeriod) {
    const date = referenceDate({ asOf, period, today: today(), yearStarts: scheme.yearStarts });
    const first = list[idx[0]!]!.assessment;
    // The same county twice in a month (a duplicate, reported by the batch) is looked up once.
    const seen = new Set<string>();
    const units = idx
      .flatMap((i) => list[i]!.assessment.units)
      .filter((u) => !seen.has(`${u.level}\u0000${u.key}`) && Boolean(seen.add(`${u.level}\u0000${u.key}`)));
    const together: Assessment = { ...first, units };
    const resolved = resolveAdjustments(scheme, together, parsed.adjustments, date, parsed.cases);
    for (const d of resolved.findings) {
      if (TIMING.has(d.code) && period !== newest) continue;
      if (d.code !== 'adjust/unknown-unit') findings.push(d);
      else {
        const k = `${d.line}:${d.col}`;
        unknownIn.set(k, { d, n: (unknownIn.get(k)?.n ?? 0) + 1 });
      }
    }
    for (const i of idx) out[i] = applyAdjustments(scheme, list[i]!.assessment, resolved.records, date, resolved.cases);
  }
  for (const { d, n } of unknownIn.values()) if (n === byPeriod.size) findings.push(d);
  // One line per line of the file and kind of finding.
  const said = new Set<string>();
  const unique = sortDiagnostics(findings).filter((d) => {
    const k = `${d.file}:${d.line}:${d.col}:${d.code}`;
    return !said.has(k) && Boolean(said.add(k));
  });
  if (hasErrors(unique)) throw new InputError(unique.map(worded));
  return { assessments: out, findings: unique };
}

function readFile(io: Io, given: string): Uint8Array {
  const file = path.resolve(io.cwd, given);
  if (io.listDir(file))
    throw new UsageError(message('cli/is-folder', { flag: '--adjustments', file: given, kind: 'adjustments' }));
  if (!io.exists(file)) throw new UsageError(message('cli/no-such-file', { flag: '--adjustments', file: given }));
  try {
    return io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    throw new InputError([
      { severity: 'error', file: shown(io, file), line: 1, col: 1, ...message('adjust/unreadable', { errno: code }) },
    ]);
  }
}
