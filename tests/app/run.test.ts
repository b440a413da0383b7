/** The offline page's scoring without a browser (src/app/run.ts): the same bytes give what the command line gives. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { saveAs, scoreInPage, scoreKeeping, templateGb18030, type AppFile, type AppResult } from '../../src/app/run';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

const XIYANG = join(ROOT, 'fixtures', 'xiyang');
const SCHEME = {
  name: 'criteria/jsyzfw-2008.yaml',
  text: readFileSync(join(ROOT, 'criteria', 'jsyzfw-2008.yaml'), 'utf8'),
};
const file = (name: string): AppFile => ({ name, bytes: new Uint8Array(readFileSync(join(XIYANG, name))) });

/** The bytes `pinggu <args> -o <file>` writes. */
async function cliFile(args: string[], out: string): Promise<Uint8Array> {
  const io = fakeIo();
  io.cwd = XIYANG;
  expect(await main([...args, '-o', out], io)).toBe(0);
  const data = [...io.written.entries()].find(([p]) => p.endsWith(out))![1];
  return typeof data === 'string' ? new TextEncoder().encode(data) : data;
}

async function cli(args: string[]): Promise<string> {
  const io = fakeIo();
  io.cwd = XIYANG;
  await main(args, io);
  return io.out;
}

function report(r: AppResult) {
  if (r.kind !== 'report') throw new Error(`expected a report, got ${r.kind}`);
  return r;
}

describe('scoreInPage', () => {
  it('gives the JSON, HTML and CSV of pinggu score for the same files, in either order given', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const steps: number[] = [];
      const kept = await scoreKeeping(
        { scheme: SCHEME, files: [file('townships.csv'), file('county.csv')], lang },
        (s) => steps.push(s),
      );
      const r = report(kept.result);
      expect(steps).toEqual([1, 2, 3]);
      const args = ['score', 'county.csv', 'townships.csv', '--lang', lang, '--fail-on', 'never'];
      expect(await saveAs(kept.scored!, 'json')).toBe(await cli([...args, '--format', 'json']));
      expect(r.html).toBe(await cli([...args, '--format', 'html']));
      expect(await saveAs(kept.scored!, 'csv')).toBe(await cli([...args, '--format', 'csv']));
      expect(r.files).toBe(2);
    }
  });

  it('gives the CSV in GB18030 byte for byte as pinggu score --csv-encoding gb18030 writes it', async () => {
    for (const lang of ['zh', 'en'] as const) {
      const kept = await scoreKeeping({ scheme: SCHEME, files: [file('townships.csv'), file('county.csv')], lang });
      const args = [
        'score',
        'county.csv',
        'townships.csv',
        '--lang',
        lang,
        '--fail-on',
        'never',
        '--format',
        'csv',
        '--csv-encoding',
        'gb18030',
      ];
      const page = await saveAs(kept.scored!, 'csv-gb18030');
      expect(page).toBeInstanceOf(Uint8Array);
      const bytes = page as Uint8Array;
      expect(Buffer.from(bytes)).toEqual(Buffer.from(await cliFile(args, 'report.csv')));
      // Not UTF-8 with another name: no BOM, and the Chinese words in two-byte GB18030.
      expect([...bytes.subarray(0, 3)]).not.toEqual([0xef, 0xbb, 0xbf]);
      if (lang === 'zh')
        expect(new TextDecoder('gb18030').decode(bytes)).toBe(((await saveAs(kept.scored!, 'csv')) as string).slice(1));
    }
  });

  it('lists the items most points lost first, each with what pinggu explain prints', async () => {
    const r = report(
      await scoreInPage({ scheme: SCHEME, files: [file('county.csv'), file('townships.csv')], lang: 'zh' }),
    );
    const lost = r.items.map((i) => Number(i.lost));
    expect(lost).toEqual([...lost].sort((a, b) => b - a));
    expect(r.items.filter((i) => i.lostAny).length).toBe(lost.filter((x) => x > 0).length);
    const top = r.items[0]!;
    expect(top.explain.trim()).toBe(
      (await cli(['explain', top.id, 'county.csv', 'townships.csv', '--lang', 'zh'])).trim(),
    );
    expect(r.summary).toMatch(/^昔阳县：87\.18 \/ 100 分，未通过/);
  });

  it("says a scheme's errors as pinggu check does, file:line:col first", async () => {
    const r = await scoreInPage({
      scheme: { name: 'mine.yaml', text: 'id: x\ntitle: [oops\n' },
      files: [file('county.csv')],
      lang: 'en',
    });
    expect(r.kind).toBe('scheme-errors');
    if (r.kind !== 'scheme-errors') return;
    expect(r.lines[0]).toMatch(/^mine\.yaml:2:\d+: error: /);
  });

  it('without data: the scheme is good and its blank sheets can be had (UTF-8 with BOM)', async () => {
    const r = await scoreInPage({ scheme: SCHEME, files: [], lang: 'zh' });
    expect(r.kind).toBe('scheme-ok');
    if (r.kind !== 'scheme-ok') return;
    expect(r.templates.map((t) => t.level)).toEqual(['township', 'county']);
    expect(r.templates[0]!.csv.startsWith('\ufeff')).toBe(true);
  });

  it('gives the blank sheet in GB18030 as pinggu template --encoding gb18030 writes it', async () => {
    const r = await scoreInPage({ scheme: SCHEME, files: [], lang: 'zh' });
    if (r.kind !== 'scheme-ok') throw new Error(r.kind);
    const cli = await cliFile(['template', '--encoding', 'gb18030', '--lang', 'zh'], 't.csv');
    expect(Buffer.from(await templateGb18030(r.templates[0]!.csv))).toEqual(Buffer.from(cli));
    expect(new TextDecoder('gb18030').decode(cli)).toBe(r.templates[0]!.csv.slice(1));
  });

  it('says a workbook it cannot read, and leaves files that are not data alone', async () => {
    const r = report(
      await scoreInPage({
        scheme: SCHEME,
        files: [
          file('county.csv'),
          file('townships.csv'),
          { name: 'x/a.xlsx', bytes: new Uint8Array([80, 75]) },
          { name: 'x/README.md', bytes: new Uint8Array([35]) },
        ],
        lang: 'en',
      }),
    );
    expect(r.files).toBe(3);
    expect(r.findings.filter((f) => f.startsWith('x/a.xlsx:1:1: error: not a readable .xlsx workbook'))).toHaveLength(
      1,
    );
    expect(r.findings).toContain(
      'x/README.md:1:1: warning: README.md: not read: only .csv, .tsv and .xlsx files are data',
    );
  });

  it("never skips a file silently: an .xls and an open workbook's lock file are said, in Chinese too", async () => {
    const odd = [
      { name: 'd/乡镇.xls', bytes: new Uint8Array([0xd0, 0xcf]) },
      { name: 'd/~$乡镇.xlsx', bytes: new Uint8Array([1]) },
    ];
    const r = report(
      await scoreInPage({ scheme: SCHEME, files: [file('county.csv'), file('townships.csv'), ...odd], lang: 'zh' }),
    );
    expect(
      r.findings.some((f) =>
        f.startsWith(
          'd/乡镇.xls:1:1: 警告: 乡镇.xls：未读取：Excel 97–2003 工作簿（.xls）；请用 Excel/WPS“文件 → 另存为”存成 .xlsx 或 CSV',
        ),
      ),
    ).toBe(true);
    expect(
      r.findings.some((f) =>
        f.startsWith('d/~$乡镇.xlsx:1:1: 警告: ~$乡镇.xlsx：未读取：Excel 或 WPS 打开工作簿时留下的锁定文件'),
      ),
    ).toBe(true);
    expect(r.summary).toMatch(/^昔阳县：87\.18/);
  });

  it('says a file over the rows limit and leaves it out, and scores nothing without data files', async () => {
    const rows = `乡镇,区划代码\n${'甲镇,1\n'.repeat(2_000_001)}`;
    const big = { name: 'big.csv', bytes: new TextEncoder().encode(rows) };
    const r = report(await scoreInPage({ scheme: SCHEME, files: [big], lang: 'en' }));
    expect(r.findings[0]).toMatch(/^big\.csv:\d+:1: error: .*limit/);
    expect(r.items).toEqual([]);
    expect(r.summary).toBe('No data yet: drop the township and county CSV files above');
  });
});
