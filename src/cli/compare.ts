/**
 * `pinggu compare BEFORE.json AFTER.json`: what changed between two pinggu JSON
 * reports (single or batch), and the gates of the monthly job.
 *
 *   runCompare(io: Io, before: string, after: string, o: CompareOptions): Promise<number>
 *   readReportFile(io: Io, file: string): Report        // for `score --baseline/--history`
 *   gateOptions(o: { failOnRegression?: string; failOnNewFailure?: boolean }): GateOptions
 *
 * Exit codes as the rest of the CLI: 0 ran and the gates pass (or none is set), 1 a
 * gate fails, 2 a file is unreadable or not a pinggu report, or a usage error.
 */
import * as path from 'node:path';
import { message } from '../messages/codes';
import { InputError, UsageError } from '../errors';
import { TREND, TREND_LINES } from '../report/trend/registry';
import { buildTrend } from '../trend/diff';
import { gateTrend, parseRegression, type GateOptions } from '../trend/gate';
import { readReport, type Report } from '../trend/read';
import { chooseLang, EXIT } from './commands';
import { useColor } from './conventions';
import type { Io } from './io';

export interface CompareOptions {
  format?: string;
  lang?: string;
  color?: boolean;
  failOnRegression?: string;
  failOnNewFailure?: boolean;
}

export const COMPARE_FORMATS = ['table', 'json', 'md'] as const;

/** Reads and parses one report file; unreadable or not a report: InputError (exit 2), naming the file. */
export function readReportFile(io: Io, file: string): Report {
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path.resolve(io.cwd, file));
  } catch (e) {
    const code = (e as { code?: string }).code;
    throw new InputError([{ severity: 'error', file, ...message('trend/unreadable', { errno: code ?? String(e) }) }]);
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch (e) {
    // Longer than the longest text V8 can hold (a national report with every township).
    if (!(e instanceof TypeError)) {
      const mb = Math.round(bytes.length / 2 ** 20);
      throw new InputError([{ severity: 'error', file, ...message('trend/too-large', { mb }) }]);
    }
    throw new InputError([{ severity: 'error', file, ...message('trend/not-a-report', { kind: 'utf8' }) }]);
  }
  return readReport(text, file);
}

export function gateOptions(o: { failOnRegression?: string; failOnNewFailure?: boolean }): GateOptions {
  return {
    regression: o.failOnRegression === undefined ? undefined : parseRegression(o.failOnRegression),
    newFailure: Boolean(o.failOnNewFailure),
  };
}

/** The command as main runs every command: a promise of the exit code (rejected where the comparison throws). */
export function runCompare(io: Io, before: string, after: string, o: CompareOptions): Promise<number> {
  return new Promise((resolve) => resolve(compareReports(io, before, after, o)));
}

function compareReports(io: Io, before: string, after: string, o: CompareOptions): number {
  const lang = chooseLang(io, o.lang);
  const format = o.format ?? 'table';
  if (!(COMPARE_FORMATS as readonly string[]).includes(format)) {
    throw new UsageError(message('cli/one-of', { flag: '--format', value: format, allowed: [...COMPARE_FORMATS] }));
  }
  const gates = gateOptions(o);
  // Both files are read before either error is reported: all problems at once.
  const errors: InputError[] = [];
  const read = (f: string) => {
    try {
      return readReportFile(io, f);
    } catch (e) {
      if (e instanceof InputError) errors.push(e);
      else throw e;
      return undefined;
    }
  };
  const a = read(before);
  const b = read(after);
  if (!a || !b) throw new InputError(errors.flatMap((e) => e.diagnostics));
  const trend = buildTrend([a.snapshots], b.snapshots);
  const gateSet = gates.regression !== undefined || gates.newFailure;
  const gate = gateSet ? gateTrend(trend, gates) : undefined;
  const warning = TREND_LINES.nothingCompared(trend, gate, lang);
  if (warning) io.stderr(`${warning}\n`);
  const title = `${b.scheme.title} ${b.scheme.version}`;
  const color = format === 'table' && useColor(io, o.color);
  io.stdout(TREND[format as keyof typeof TREND].render(trend, { lang, title, gate, color, before: [before], after }));
  return gate?.exitCode ?? EXIT.ok;
}
