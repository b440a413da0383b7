/**
 * `--adjustments FILE [--as-of YYYY-MM-DD]`: reads the inspectors' adjustments,
 * checks them against the assessment and applies those in force. The only place the
 * clock is read (today, when neither --as-of nor a period gives the reference date).
 */
import * as path from 'node:path';
import { formatDiagnostic, hasErrors, msg, sortDiagnostics, type Lang } from '../diagnostics';
import { InputError, UsageError } from '../errors';
import { isDate, parseAdjustments } from '../data/adjustments';
import { applyAdjustments, resolveAdjustments } from '../engine/adjust';
import { referenceDate } from '../engine/reference-date';
import type { Assessment } from '../engine/types';
import type { Scheme } from '../scheme/model';
import { shown } from './inputs';
import type { Io } from './io';

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
  if (!isDate(o.asOf)) throw new UsageError(msg(`--as-of ${o.asOf}: a date written YYYY-MM-DD expected, e.g. 2026-07-31`, `--as-of ${o.asOf}：应为 YYYY-MM-DD 格式的日期，如 2026-07-31`));
  return o.asOf;
}

/**
 * The assessment with the file's adjustments applied; unchanged without --adjustments.
 * Errors in the file stop the run (InputError, exit 2); warnings (expired, not yet in
 * force) go to stderr and into the report. `period`: the assessed period, when known.
 */
export function withAdjustments(io: Io, scheme: Scheme, a: Assessment, o: AdjustmentOptions, lang: Lang, period?: string | null): Assessment {
  const asOf = asOfOption(o);
  if (o.adjustments === undefined) return a;
  const file = path.resolve(io.cwd, o.adjustments);
  if (io.listDir(file)) throw new UsageError(msg(`--adjustments ${o.adjustments}: is a folder; give the CSV or YAML file`, `--adjustments ${o.adjustments}：这是一个文件夹；请指定 CSV 或 YAML 文件`));
  if (!io.exists(file)) throw new UsageError(msg(`--adjustments ${o.adjustments}: no such file`, `--adjustments ${o.adjustments}：文件不存在`));
  const name = shown(io, file);
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(file);
  } catch (e) {
    const code = (e as { code?: string }).code ?? String(e);
    throw new InputError([{ severity: 'error', code: 'adjust/unreadable', file: name, line: 1, col: 1, message: msg(`cannot read the file (${code})`, `无法读取文件（${code}）`) }]);
  }
  const parsed = parseAdjustments(bytes, name);
  const date = referenceDate({ asOf, period, today: today() });
  const resolved = resolveAdjustments(scheme, a, parsed.adjustments, date);
  const findings = sortDiagnostics([...parsed.findings, ...resolved.findings]);
  if (hasErrors(findings)) throw new InputError(findings);
  for (const d of findings) io.stderr(`${formatDiagnostic(d, lang)}\n`);
  return applyAdjustments(scheme, a, resolved.records, date);
}
