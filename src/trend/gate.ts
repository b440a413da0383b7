/**
 * The gates of the monthly job (pure): decide from a Trend whether the run fails,
 * and say why, as data reports can print.
 *
 *   parseRegression(text: string): Rational            // the --fail-on-regression value; throws UsageError
 *   gateTrend(trend: Trend, options: GateOptions): GateResult
 *
 * `--fail-on-regression POINTS`: fails when a unit's regression measure (its change
 * in scaled score; when the scheme changed, the change in points over the items
 * defined alike on both sides) dropped by MORE THAN POINTS: with 2, a drop of 2 passes
 * and a drop of 2.01 fails; with 0, any drop fails.
 * `--fail-on-new-failure`: fails when an item newly fails (full points, met or not
 * applicable before; short of its points now). Bonus items and items the scheme
 * change touched are never counted.
 * Only the top-level units of the reports (the counties) are gated unless
 * `allLevels` is set; the units below are reported all the same.
 */
import { message } from '../messages/codes';
import { UsageError } from '../errors';
import { Rational } from '../rational';
import type { Trend, UnitTrend } from './diff';
import { compareCodePoints } from '../compare';

export interface GateOptions {
  /** Fail when a unit's measure dropped by more than this many points; undefined: no regression gate. */
  regression?: Rational;
  /** Fail when an item newly fails. */
  newFailure?: boolean;
  /** Gate the units below the top level too (default: top-level units only). */
  allLevels?: boolean;
}

export interface ItemLoss {
  item: string;
  title: string;
  /** Points after − before (negative: lost). */
  points: Rational;
}

export type GateReason =
  | {
      kind: 'regression';
      unit: string;
      key: string;
      path: string[];
      /** The scaled scores before and after. */
      from: Rational;
      to: Rational;
      /** How much the measure dropped (positive): the scaled score, or the points on unchanged items. */
      drop: Rational;
      threshold: Rational;
      /** True when the measure is points on the unchanged items (the scheme changed), not the scaled score. */
      schemeChanged: boolean;
      /** Items that lost points, biggest loss first (scheme-changed items left out). */
      items: ItemLoss[];
    }
  | {
      kind: 'new-failure';
      unit: string;
      key: string;
      path: string[];
      item: string;
      title: string;
      /** Points after − before (negative or zero). */
      points: Rational;
      before: string;
      after: string;
    };

export interface GateResult {
  /** 0 when every gate passes (or none is set), 1 when one fails. */
  exitCode: 0 | 1;
  reasons: GateReason[];
}

export function parseRegression(text: string): Rational {
  const r = Rational.parse(text);
  if (!r || r.sign() < 0 || !/^\s*\+?[\d.]+\s*$/.test(text)) {
    throw new UsageError(message('cli/bad-regression', { value: text }));
  }
  return r;
}

export function gateTrend(trend: Trend, o: GateOptions): GateResult {
  const reasons: GateReason[] = [];
  const gated = trend.units.filter(
    (u): u is UnitTrend & { diff: NonNullable<UnitTrend['diff']> } => u.diff !== null && (o.allLevels || u.depth === 0),
  );
  for (const u of gated) {
    const d = u.diff;
    const where = { unit: u.name, key: u.key, path: u.path };
    if (o.regression !== undefined && d.measure.neg().gt(o.regression)) {
      const items = d.items
        .filter((i) => !i.schemeChanged && i.points && i.points.sign() < 0)
        .sort((a, b) => a.points!.cmp(b.points!) || compareCodePoints(a.id, b.id))
        .map((i) => ({ item: i.id, title: i.title, points: i.points! }));
      reasons.push({
        kind: 'regression',
        ...where,
        from: d.before.scaled,
        to: d.after.scaled,
        drop: d.measure.neg(),
        threshold: o.regression,
        schemeChanged: d.schemeChanged,
        items,
      });
    }
    if (o.newFailure) {
      for (const i of d.newlyFailing) {
        if (i.schemeChanged) continue;
        reasons.push({
          kind: 'new-failure',
          ...where,
          item: i.id,
          title: i.title,
          points: i.points ?? Rational.ZERO,
          before: i.before!.status,
          after: i.after!.status,
        });
      }
    }
  }
  return { exitCode: reasons.length ? 1 : 0, reasons };
}
