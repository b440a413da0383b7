import v8 from 'node:v8';
import { afterEach, describe, expect, it, vi } from 'vitest';

const fresh = async () => {
  vi.resetModules();
  return import('../../src/cli/heap-growth');
};

describe('boundHeapGrowth (V8 heap growth for large inputs)', () => {
  const saved = process.env.NODE_OPTIONS;
  afterEach(() => {
    if (saved === undefined) delete process.env.NODE_OPTIONS;
    else process.env.NODE_OPTIONS = saved;
    vi.restoreAllMocks();
  });

  it('leaves small inputs alone and sets the flag once for a large one', async () => {
    delete process.env.NODE_OPTIONS;
    const set = vi.spyOn(v8, 'setFlagsFromString');
    const { boundHeapGrowth, LARGE_INPUT_BYTES, HEAP_GROWING_PERCENT } = await fresh();
    expect(boundHeapGrowth(LARGE_INPUT_BYTES - 1)).toBe(false);
    expect(set).not.toHaveBeenCalled();
    expect(boundHeapGrowth(LARGE_INPUT_BYTES)).toBe(true);
    expect(set).toHaveBeenCalledWith(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
    expect(boundHeapGrowth(10 * LARGE_INPUT_BYTES)).toBe(false);
    expect(set).toHaveBeenCalledTimes(1);
  });

  it("keeps the user's own setting", async () => {
    process.env.NODE_OPTIONS = '--heap-growing-percent=50';
    const set = vi.spyOn(v8, 'setFlagsFromString');
    const { boundHeapGrowth, LARGE_INPUT_BYTES } = await fresh();
    expect(boundHeapGrowth(LARGE_INPUT_BYTES)).toBe(false);
    expect(set).not.toHaveBeenCalled();
  });
});
