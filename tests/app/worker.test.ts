/**
 * The page's scoring thread (src/app/worker.ts): requests are handled as they come, and
 * an older score request that finishes after a newer one (a workbook waits on exceljs)
 * is neither answered nor kept for saving.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { handle, type WorkerReply } from '../../src/app/worker';
import { ROOT } from '../cli/fake-io';

const XIYANG = join(ROOT, 'fixtures', 'xiyang');
const SCHEME = {
  name: 'criteria/jsyzfw-2008.yaml',
  text: readFileSync(join(ROOT, 'criteria', 'jsyzfw-2008.yaml'), 'utf8'),
};
const csv = (name: string) => ({ name, bytes: new Uint8Array(readFileSync(join(XIYANG, name))) });

describe('the scoring thread', () => {
  it('answers the newest score request only, and saves its report, when an older one finishes later', async () => {
    const posted: WorkerReply[] = [];
    const post = (m: WorkerReply) => posted.push(m);
    // The older request: a file that is not a workbook under a .xlsx name, read through
    // exceljs (awaited); the newer: the sample's two CSV files, in English.
    const older = handle(
      {
        type: 'score',
        req: { scheme: SCHEME, files: [{ name: 'townships.xlsx', bytes: csv('townships.csv').bytes }], lang: 'zh' },
      },
      post,
    );
    const newer = handle(
      { type: 'score', req: { scheme: SCHEME, files: [csv('townships.csv'), csv('county.csv')], lang: 'en' } },
      post,
    );
    await Promise.all([older, newer]);
    const done = posted.filter((m) => m.type === 'done');
    expect(done).toHaveLength(1);
    expect(posted.filter((m) => m.type === 'error')).toEqual([]);
    const result = (done[0] as Extract<WorkerReply, { type: 'done' }>).result;
    expect(result.kind === 'report' && result.summary).toMatch(/^昔阳县: 87\.18 of 100 points/);
    // What is saved is the newer request's report: its two files, in English.
    posted.length = 0;
    await handle({ type: 'save', format: 'json', file: 'r.json' }, post);
    const saved = posted.find((m) => m.type === 'saved') as Extract<WorkerReply, { type: 'saved' }>;
    const data = saved.data;
    const doc = JSON.parse(
      typeof data === 'string' ? data : Array.isArray(data) ? data.join('') : new TextDecoder().decode(data),
    );
    expect(doc.data.files.map((f: { file: string }) => f.file)).toEqual(['county.csv', 'townships.csv']);
    expect(doc.units[0].items[0].explanation).toMatch(/all present$/);
  });
});
