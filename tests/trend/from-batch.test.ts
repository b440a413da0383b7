/**
 * The trend's snapshots of a batch made from the Batch (src/trend/from-batch.ts)
 * equal those read back from the batch's JSON (src/trend/read.ts): the two paths
 * into a trend, this run and an earlier report, kept honest on the city fixture.
 */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { collect, type ScoredJob } from '../../src/batch/collect';
import { gate } from '../../src/batch/gate';
import type { Batch } from '../../src/batch/types';
import { readDataset } from '../../src/data/dataset';
import { evaluate } from '../../src/engine/evaluate';
import { dropChildren } from '../../src/cli/batch-lean';
import { ITEM_FIELDS } from '../../src/report/batch/compact';
import { formatBatchJson } from '../../src/report/batch/json';
import { valueText } from '../../src/report/shared/item-words';
import { batchSnapshots } from '../../src/trend/from-batch';
import { readReport } from '../../src/trend/read';
import { scheme as schemeOf } from '../support';

const bundled = schemeOf(fs.readFileSync('criteria/jsyzfw-2008.yaml', 'utf8'));
const words = { display: valueText, compactFields: ITEM_FIELDS };
const PERIODS = ['2026-07', '2026-08', '2026-09'];

/** Each month of fixtures/jinzhong scored (several counties a month); lean: the townships dropped as a lean batch does. */
function cityBatch(lean = false): Batch {
  const results: ScoredJob[] = PERIODS.map((period) => {
    const dir = `fixtures/jinzhong/${period}`;
    const files = ['townships.csv', 'county.csv'].map((n) => ({ name: n, bytes: fs.readFileSync(`${dir}/${n}`) }));
    const whole = evaluate(bundled, readDataset(bundled, files));
    const slim = lean ? dropChildren(whole) : undefined;
    return {
      job: { period, source: dir },
      assessment: slim?.assessment ?? whole,
      dataErrors: () => false,
      ...(slim ? { townships: slim.townships } : {}),
    };
  });
  return collect(results, (a) => gate(a, 'fail'));
}

const written = (b: Batch, detail: 'full' | 'summary'): string => {
  const doc = formatBatchJson(b, { lang: 'zh', detail });
  return typeof doc === 'string' ? doc : [...doc.chunks].join('');
};

describe('batchSnapshots', () => {
  const full = cityBatch();

  it('equals the snapshots read back from the batch JSON in full: every unit of every month, numbers as written', () => {
    const snaps = batchSnapshots(full, words);
    expect(new Set(snaps.map((s) => s.period))).toEqual(new Set(PERIODS));
    expect(snaps.filter((s) => s.depth === 0).length).toBeGreaterThan(3); // several counties a month
    expect(snaps.filter((s) => s.depth === 1).length).toBeGreaterThan(20); // and their townships
    // Item ranks from the rankings, and displays from the words passed in.
    expect(snaps.some((s) => s.depth === 0 && [...s.items.values()].some((i) => i.rank !== null))).toBe(true);
    expect(snaps.some((s) => [...s.items.values()].some((i) => i.display !== ''))).toBe(true);
    expect(snaps).toEqual(readReport(written(full, 'full'), 'b.json').snapshots);
  });

  it('a lean batch (townships as compact lines): equals the snapshots read back from its summary JSON', () => {
    const lean = cityBatch(true);
    expect(lean.entries.every((e) => e.townships && e.assessment.units[0]!.children.length === 0)).toBe(true);
    const snaps = batchSnapshots(lean, words);
    expect(snaps).toEqual(readReport(written(lean, 'summary'), 's.json').snapshots);
    // The same units as the full batch's, the townships included.
    expect(snaps.map((s) => s.path.join('/'))).toEqual(batchSnapshots(full, words).map((s) => s.path.join('/')));
  });

  it('an empty batch has no snapshots', () => {
    expect(
      batchSnapshots(
        collect([], () => 0),
        words,
      ),
    ).toEqual([]);
  });
});
