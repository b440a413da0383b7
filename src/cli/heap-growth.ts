/**
 * How far V8 lets the heap grow between full collections, set for large inputs.
 *
 * After a full collection V8 lets the old generation grow to up to 4× what survived
 * before the next one. Scoring a national file keeps ~70 MiB live but promotes the
 * short-lived results of each county, so the heap climbed to ~300 MiB of mostly
 * garbage before it was collected (peak RSS ~410 MiB). A factor of 3
 * (`--heap-growing-percent=200`) holds it near 330 MiB for ~1% more CPU; 2 gives
 * ~305 MiB for ~4% (docs/BENCHMARKS.md, third round). The flag is only read when
 * V8 computes the next limit, so setting it at run time is safe. Loading `node:v8`
 * costs ~3 ms, so small inputs (every start-up measure) leave V8's default, and so
 * does a run given its own `--heap-growing-percent` (NODE_OPTIONS or node's flags).
 */
export const LARGE_INPUT_BYTES = 1 << 20;
export const HEAP_GROWING_PERCENT = 200;

let done = false;

/** Sets the growth factor once, for inputs of LARGE_INPUT_BYTES or more; whether it was set now. */
export function boundHeapGrowth(inputBytes: number): boolean {
  if (done || inputBytes < LARGE_INPUT_BYTES) return false;
  done = true;
  const given = `${process.env.NODE_OPTIONS ?? ''} ${process.execArgv.join(' ')}`;
  if (/--heap[-_]growing[-_]percent/.test(given)) return false;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- node:v8 loads Node's stream modules (~7 ms, docs/startup.md); loaded only for large inputs
  (require('node:v8') as typeof import('node:v8')).setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  return true;
}
