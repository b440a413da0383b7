/** Reports for the trend tests, made by the real CLI in-process: the sample, and a copy where one township number drops. */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

/** 乐平镇's 落实避孕措施人数 10,760 → 10,260 (and the 合计 row left alone): the county's contraception rate falls below target. */
export function worseSample(): string {
  const dir = mkdtempSync(join(tmpdir(), 'pinggu-trend-'));
  const src = join(ROOT, 'fixtures', 'xiyang');
  const towns = readFileSync(join(src, 'townships.csv'), 'utf8');
  const changed = towns.replace(
    '乐平镇,140724100,"62,140","12,580","10,760"',
    '乐平镇,140724100,"62,140","12,580","10,260"',
  );
  if (changed === towns) throw new Error('the sample changed: update worseSample');
  writeFileSync(join(dir, 'townships.csv'), changed);
  writeFileSync(join(dir, 'county.csv'), readFileSync(join(src, 'county.csv')));
  return dir;
}

export async function scoreJson(data: string): Promise<string> {
  const io = fakeIo();
  const code = await main(['score', data, '--format', 'json', '--fail-on', 'never'], io);
  if (code !== 0) throw new Error(`score failed (${code}): ${io.err}`);
  return io.out;
}

let cached: Promise<{ sample: string; worse: string }> | undefined;
/** The two JSON reports (text), made once per test file. */
export function reports(): Promise<{ sample: string; worse: string }> {
  cached ??= (async () => ({ sample: await scoreJson('fixtures/xiyang'), worse: await scoreJson(worseSample()) }))();
  return cached;
}

export const fixture = (name: string): string => readFileSync(join(ROOT, 'tests', 'fixtures', 'trend', name), 'utf8');

/** An Io whose files include the given in-memory ones (by path relative to the repository). */
export function memIo(files: Record<string, string>, env?: Record<string, string>) {
  const io = fakeIo(env);
  const real = io.readFile.bind(io);
  io.readFile = (p: string) => {
    for (const [name, text] of Object.entries(files)) if (p === join(ROOT, name)) return new TextEncoder().encode(text);
    return real(p);
  };
  return io;
}
