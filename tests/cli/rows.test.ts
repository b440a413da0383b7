/**
 * Issue 9, data rows: the sample county with one township row pasted above its
 * header is not scored as if that township did not exist (it went from 87.18 FAIL
 * to 92.29 PASS): `pinggu score` stops with exit 2 and names the line.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from './fake-io';
import { TEST_SCHEME_YAML } from '../data/helpers';

const tmp = fs.mkdtempSync(join(os.tmpdir(), 'pinggu-rows-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

/** fixtures/xiyang copied to a folder of its own, its township lines rearranged by `edit`. */
function sample(name: string, edit: (lines: string[]) => string[]): string {
  const dir = join(tmp, name);
  fs.mkdirSync(dir);
  for (const f of fs.readdirSync(join(ROOT, 'fixtures/xiyang')))
    fs.copyFileSync(join(ROOT, 'fixtures/xiyang', f), join(dir, f));
  const towns = join(dir, 'townships.csv');
  const lines = fs.readFileSync(towns, 'utf8').split('\n');
  fs.writeFileSync(towns, edit(lines).join('\n'));
  return dir;
}

describe('a township row above the header (fixtures/xiyang)', () => {
  it('control: the sample as it is scores 87.18 and fails (exit 1)', async () => {
    const io = fakeIo();
    const code = await main(['score', sample('as-is', (l) => l), '--format', 'json'], io);
    expect(code).toBe(1);
    const county = JSON.parse(io.out).units[0];
    expect(county.score).toBeCloseTo(87.18, 2);
    expect(county.passed).toBe(false);
  });

  it('score exits 2 naming the line of 皋落镇, pasted above the header', async () => {
    // Line 1 becomes 皋落镇, the header moves to line 2.
    const dir = sample('above', (l) => [l[2]!, l[0]!, l[1]!, ...l.slice(3)]);
    const io = fakeIo();
    const code = await main(['score', dir, '--format', 'json'], io);
    expect(code).toBe(2);
    expect(io.err).toContain(
      `${join(dir, 'townships.csv')}:1:1: error: a data row above the header (line 2): "皋落镇 140724101 22,630 4,580`,
    );
    expect(io.err).not.toMatch(/\n\s+at .+:\d+:\d+/);
  });

  it('check counts the row as read and not used, and does not compare the 合计 row', async () => {
    const dir = sample('above-check', (l) => [l[2]!, l[0]!, l[1]!, ...l.slice(3)]);
    const io = fakeIo();
    expect(await main(['check', dir], io)).toBe(2);
    expect(io.out).toMatch(/townships\.csv \(utf-8\): 13 rows read, 12 used, 1 not used/);
    expect(io.out).toMatch(/^Total: 1 error, 1 warning, /m);
  });
});

describe('a 合计 value that cannot be added up', () => {
  it('is a warning that check and score show without --verbose', async () => {
    const dir = join(tmp, 'rate-total');
    fs.mkdirSync(dir);
    const scheme = join(dir, 'scheme.yaml');
    fs.writeFileSync(
      scheme,
      TEST_SCHEME_YAML.replace(
        '  - id: satisfaction\n',
        '  - id: contraception\n    label: 避孕率\n    type: percent\n  - id: satisfaction\n',
      ),
    );
    const csv = join(dir, 't.csv');
    fs.writeFileSync(
      csv,
      [
        '乡镇,总人口,出生人数,政策内出生数,避孕率',
        '乐平镇,100,10,9,85%',
        '皋落镇,200,20,18,90%',
        '合计,300,30,27,88.3%',
        '',
      ].join('\n'),
    );
    const line = `${csv}:4:5: warning: total row "合计": 避孕率 cannot be added up over the 乡镇 rows, so it is neither checked nor used (only the 乡镇 rows' own values are)`;
    const check = fakeIo();
    await main(['check', csv, '--scheme', scheme], check);
    expect(check.out).toContain(`  1 warning\n    ${line}\n`);
    const score = fakeIo();
    await main(['score', csv, '--scheme', scheme, '--format', 'json'], score);
    expect(score.err.split('\n')).toContain(line);
  });
});
