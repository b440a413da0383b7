/**
 * The --fail-on gate of one assessment: its exit code when its data has no errors
 * (0 passes, 1 fails the gate; data errors, 2, are the caller's to add).
 */
import type { Assessment } from '../engine/types';

/** The values of --fail-on, the default first in use (`fail`). */
export const FAIL_ON = ['veto', 'fail', 'never'] as const;
export type FailOn = (typeof FAIL_ON)[number];

/** Passes the gate (exit code 0). */
export const GATE_PASSED = 0;
/** Fails the gate (exit code 1). */
export const GATE_FAILED = 1;

export function gate(a: Assessment, failOn: FailOn): number {
  if (failOn === 'never') return GATE_PASSED;
  // A veto that could not be checked cannot be ruled out: it fails the veto gate too.
  if (failOn === 'veto')
    return a.units.some((u) => u.vetoes.some((v) => v.triggered || !v.checked)) ? GATE_FAILED : GATE_PASSED;
  return a.units.every((u) => u.passed) ? GATE_PASSED : GATE_FAILED;
}
