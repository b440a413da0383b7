/**
 * Period bookkeeping of a batch of several periods: JUnit shows the newest period
 * only, but the exit code counts every period, so one check says which assessments
 * of the earlier periods fail --fail-on (or have data errors). A red job then always
 * has a failed check that explains it.
 */
import { message, type Message } from '../messages/codes';
import type { Batch } from './types';
import type { FailOn } from './gate';

/** A check of the run as a whole, in coded words: its name and, when it fails, one line per failure. */
export interface EarlierCheck {
  name: Message;
  failures: Message[];
}

/** The check of the earlier periods: none for a batch of one period or under --fail-on never. */
export function earlierPeriodsCheck(batch: Batch, failOn: FailOn): EarlierCheck | undefined {
  if (batch.periods.length < 2 || failOn === 'never') return undefined;
  const newest = batch.periods[batch.periods.length - 1];
  const failing = batch.entries.filter((e) => e.period !== newest && e.exit > 0);
  return {
    name: message('junit/earlier-periods', { failOn }),
    failures: failing.map((e) =>
      message('junit/earlier-failing', {
        period: e.period ?? '—',
        unit: e.assessment.units[0]!.name,
        failOn,
        kind: e.exit === 2 ? 'data' : 'gate',
      }),
    ),
  };
}
