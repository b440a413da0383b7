/**
 * Issue #9, terminal escapes: text from a data file or a scheme never reaches the
 * terminal (or a Markdown/HTML document) as raw control characters. A CSV header
 * holding OSC 52 (`ESC ] 52 ; c ; … BEL`, which writes the clipboard), a cell holding
 * `ESC [2J` (clear screen) and a township name with a right-to-left override are shown
 * as `\x1b`, `\x07`, `\u202e` by score, check, explain and compare.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { memIo, scoreJson } from '../trend/support';
import { fakeIo, ROOT } from './fake-io';

/** Any character that would act on a terminal instead of showing (tab and line feed allowed). */
// eslint-disable-next-line no-control-regex
const ACTIVE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/;
const OSC52 = '\u001b]52;c;SGVsbG8=\u0007';
const CLEAR = '\u001b[2J';

const dir = mkdtempSync(join(tmpdir(), 'pinggu-esc-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
{
  const src = join(ROOT, 'fixtures', 'xiyang');
  const towns = readFileSync(join(src, 'townships.csv'), 'utf8').split('\n');
  towns[0] = `${towns[0]},备注${OSC52}`;
  // 乐平镇's 本期出生人数 (column 6) holds a clear-screen sequence; 皋落镇's name an RLO.
  towns[1] = towns[1]!.replace(',628,', `,6${CLEAR}28,`);
  towns[2] = towns[2]!.replace('皋落镇', '皋落\u202e镇');
  writeFileSync(join(dir, 'townships.csv'), towns.join('\n'));
  writeFileSync(join(dir, 'county.csv'), readFileSync(join(src, 'county.csv')));
}

async function run(args: string[]) {
  const io = fakeIo();
  const code = await main(args, io);
  expect(io.err).not.toMatch(/internal error|内部错误|\n\s+at .+:\d+:\d+/);
  return { code, out: io.out, err: io.err };
}

function noneActive(text: string) {
  const m = ACTIVE.exec(text);
  expect(
    m &&
      `U+${m[0].charCodeAt(0).toString(16)} at ${JSON.stringify(text.slice(Math.max(0, m.index - 30), m.index + 30))}`,
  ).toBeNull();
}

describe('control characters from the data', () => {
  for (const lang of ['en', 'zh']) {
    it(`score (table, --lang ${lang}): the header, the cell and the name are shown escaped`, async () => {
      const r = await run(['score', dir, '--lang', lang, '--verbose']);
      noneActive(r.out + r.err);
      const all = r.out + r.err;
      expect(all).toContain('备注\\x1b]52;c;SGVsbG8=\\x07');
      expect(all).toContain('6\\x1b[2J28');
      expect(r.out).toContain('皋落\\u202e镇');
    });
  }

  it('check: the findings name the header and the cell escaped', async () => {
    const r = await run(['check', dir, '--lang', 'en']);
    expect(r.code).toBe(2);
    noneActive(r.out + r.err);
    expect(r.out).toMatch(/townships\.csv:1:\d+: warning: column "备注\\x1b\]52;c;SGVsbG8=\\x07" matches no field/);
    expect(r.out).toMatch(/townships\.csv:2:6: error: .*"6\\x1b\[2J28" is not a number/);
  });

  it('score --format json on stdout: the findings on stderr escaped, the JSON keeps the text as data', async () => {
    const r = await run(['score', dir, '--format', 'json', '--lang', 'en']);
    noneActive(r.err);
    expect(r.err).toContain('"6\\x1b[2J28" is not a number');
    // JSON.stringify writes ESC as \u001b: no raw byte, and the data is exact.
    noneActive(r.out.replace(/\u202e/g, ''));
    expect(JSON.stringify(JSON.parse(r.out))).toContain('6\\u001b[2J28');
  });

  it('score --format md and html: escaped, no raw control character', async () => {
    for (const format of ['md', 'html']) {
      const r = await run(['score', dir, '--format', format, '--lang', 'en', '--verbose']);
      noneActive(r.out + r.err);
      expect(r.out, format).toMatch(/皋落\\{1,2}u202e镇/);
      expect(r.out, format).toMatch(/6\\{1,2}x1b\\?\[2J28/);
    }
  });

  it('explain: the unit named with an RLO is shown escaped', async () => {
    const r = await run(['explain', 'yzfw_contraception', dir, '--lang', 'en']);
    noneActive(r.out + r.err);
    expect(r.out).toContain('皋落\\u202e镇');
  });

  it('a usage error quoting the command line: escaped', async () => {
    const r = await run(['score', dir, '--format', `x${CLEAR}`]);
    expect(r.code).toBe(2);
    noneActive(r.err);
    expect(r.err).toContain('x\\x1b[2J');
  });

  it('an output file named with ESC: the "wrote" line shows it escaped', async () => {
    const r = await run(['score', dir, '--format', 'json', '-o', join(dir, `r${CLEAR}.json`), '--lang', 'en']);
    noneActive(r.err);
    expect(r.err).toContain('r\\x1b[2J.json');
  });
});

describe('control characters in a batch (two months, several counties)', () => {
  it('the batch table and its trend show a county named with an RLO escaped', async () => {
    const batch = join(dir, 'months');
    for (const month of ['2026-08', '2026-09']) {
      for (const f of ['townships.csv', 'county.csv']) {
        const text = readFileSync(join(ROOT, 'fixtures', 'jinzhong', month, f), 'utf8');
        mkdirSync(join(batch, month), { recursive: true });
        writeFileSync(join(batch, month, f), text.replaceAll('榆次区', '榆次\u202e区'));
      }
    }
    for (const format of ['table', 'md']) {
      const r = await run(['score', batch, '--lang', 'en', '--format', format]);
      noneActive(r.out + r.err);
      expect(r.out, format).toMatch(/榆次\\{1,2}u202e区/);
    }
  });
});

describe('control characters from a scheme, in compare', () => {
  it('a scheme title with ESC and a unit name with an RLO: escaped in the table and in Markdown', async () => {
    const doc = JSON.parse(await scoreJson('fixtures/xiyang')) as {
      scheme: { title: string };
      units: { name: string }[];
    };
    doc.scheme.title = `评估${CLEAR}方案${OSC52}`;
    doc.units[0]!.name = '昔阳\u202e县';
    const after = JSON.stringify(doc);
    for (const format of ['table', 'md']) {
      const io = memIo({ 'before.json': after, 'after.json': after });
      const code = await main(['compare', 'before.json', 'after.json', '--format', format, '--lang', 'en'], io);
      expect(code, io.err).toBe(0);
      noneActive(io.out + io.err);
      expect(io.out, format).toMatch(/评估\\{1,2}x1b\\?\[2J方案/);
      expect(io.out, format).toMatch(/昔阳\\{1,2}u202e县/);
    }
  });
});

describe('formula injection in CSV: every prefix of issue #9', () => {
  // After white space, zero-width characters and a BOM, these start a formula in some spreadsheet.
  const NAMES = ['\u200b=HYPERLINK("http://x","y")', '﹦1+1', '\u2060+cmd', '\u200d@SUM(A1)', '﹣2+3'];
  const csvDir = join(dir, 'csv');
  mkdirSync(csvDir, { recursive: true });
  {
    const src = join(ROOT, 'fixtures', 'xiyang');
    let towns = readFileSync(join(src, 'townships.csv'), 'utf8');
    for (const [i, from] of ['乐平镇', '皋落镇', '东冶头镇', '沾尚镇', '大寨镇'].entries())
      towns = towns.replace(new RegExp(`^${from},`, 'm'), `"${NAMES[i]!.replace(/"/g, '""')}",`);
    writeFileSync(join(csvDir, 'townships.csv'), towns);
    writeFileSync(join(csvDir, 'county.csv'), readFileSync(join(src, 'county.csv')));
  }
  const FORMULA =
    /^(?:[\t\r\n]|[\s\u180e\u200b-\u200d\u2060\ufeff]*[=+\-@\uff1d\uff0b\uff0d\uff20\ufe66\ufe62\ufe63\ufe6b])/;

  it('each such township name comes out with a leading quote; no other cell starts a formula', async () => {
    const r = await run(['score', csvDir, '--format', 'csv', '--lang', 'en']);
    const cells = parse(r.out.replace(/^\ufeff/, ''), { relax_column_count: false }).flat();
    for (const name of NAMES) expect(cells, JSON.stringify(name)).toContain(`'${name}`);
    for (const c of cells)
      expect(FORMULA.test(c) && !/^-\d[\d,]*(\.\d+)?[%‰]?$/.test(c), JSON.stringify(c)).toBe(false);
  });
});
