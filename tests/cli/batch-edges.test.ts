/**
 * Edge cases of batches found in review: paths named twice, rosters under a folder
 * that names a period, township names shared by two counties in adjustments,
 * --quiet, formats a batch has not, per-county data errors, gates with nothing to
 * compare. Each runs the CLI in-process on copies of the fixtures in a temporary folder.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from './fake-io';

const X = path.join(ROOT, 'fixtures/xiyang');
const J = path.join(ROOT, 'fixtures/jinzhong');
let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-edges-'));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

async function score(args: string[], o: { tty?: boolean } = {}) {
  const io = fakeIo();
  io.cwd = dir;
  if (o.tty) io.stderrIsTTY = true;
  const code = await main(['score', '--lang', 'en', ...args], io);
  return { code, out: io.out, err: io.err, written: io.written };
}

const put = (rel: string, text: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.writeFileSync(path.join(dir, rel), text);
};
const copy = (from: string, rel: string) => {
  fs.mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
  fs.copyFileSync(from, path.join(dir, rel));
};

describe('discovering datasets', () => {
  it('a folder and one of its files named again: one dataset, the single report', async () => {
    const r = await score([X, path.join(X, 'county.csv'), '--format', 'json']);
    const doc = JSON.parse(r.out);
    expect(doc.kind).toBeUndefined();
    expect(doc.units.map((u: { name: string }) => u.name)).toEqual(['昔阳县']);
    expect(r.code).toBe(1); // fails the pass line, as the sample does; no data errors
  });

  it('a roster without a period in its name is shared by the months named beside it, whatever the folder says', async () => {
    copy(path.join(X, 'townships.csv'), 'r/2026-09/data/乡镇-2026-07.csv');
    copy(path.join(X, 'townships.csv'), 'r/2026-09/data/乡镇-2026-08.csv');
    copy(path.join(X, 'county.csv'), 'r/2026-09/data/county.csv');
    const r = await score(['r', '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    const doc = JSON.parse(r.out);
    expect(doc.periods).toEqual(['2026-07', '2026-08']);
    expect(
      doc.assessments.map((a: { units: { name: string; scaled: number }[] }) => [a.units[0]!.name, a.units[0]!.scaled]),
    ).toEqual([
      ['昔阳县', 87.180468],
      ['昔阳县', 87.180468],
    ]);
  });

  it('a glob that matches no data file is a usage error', async () => {
    copy(path.join(X, 'README.md'), 'x/README.md');
    const r = await score(['x/*.md']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/no \.csv, \.tsv or \.xlsx file to read/);
  });
});

describe('a workbook for a batch', () => {
  it('-o b.xlsx writes the city workbook beside the JSON (it was refused before)', async () => {
    const r = await score([J, '-o', 'a.json', '-o', 'b.xlsx']);
    expect(r.code).toBe(1);
    expect(r.err).not.toMatch(/holds one assessment/);
    const book = [...r.written.entries()].find(([k]) => k.endsWith('b.xlsx'))![1] as Uint8Array;
    expect(Buffer.from(book.slice(0, 2)).toString('latin1')).toBe('PK');
    expect(r.written.size).toBe(2);
  });
});

describe('data errors in a batch', () => {
  it('a bad cell marks only the county whose row it is', async () => {
    for (const f of ['townships.csv', 'county.csv']) copy(path.join(J, '2026-09', f), `one/2026-09/${f}`);
    const file = path.join(dir, 'one/2026-09/townships.csv');
    const rows = parseCsv(fs.readFileSync(file, 'utf8'), { bom: true });
    const row = rows.find((r) => r[0] === '介休市')!;
    row[rows[0]!.indexOf('本期出生人数')] = 'abc';
    const quote = (c: string) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c);
    fs.writeFileSync(file, `${rows.map((r) => r.map(quote).join(',')).join('\n')}\n`);
    const r = await score(['one', '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(2);
    const doc = JSON.parse(r.out);
    const codes = Object.fromEntries(
      doc.assessments.map((a: { exitCode: number; units: { name: string }[] }) => [a.units[0]!.name, a.exitCode]),
    );
    expect(codes['介休市']).toBe(2);
    expect(Object.values(codes).filter((c) => c === 2)).toHaveLength(1);
    expect(doc.summary.withErrors).toBe(1);
  });
});

describe('inspector adjustments in a batch', () => {
  const twoCounties = () => {
    for (const f of ['townships.csv', 'county.csv']) copy(path.join(X, f), `p/2026-09/A/${f}`);
    put(
      'p/2026-09/B/townships.csv',
      fs.readFileSync(path.join(X, 'townships.csv'), 'utf8').replace(/140724/g, '149999'),
    );
    put(
      'p/2026-09/B/county.csv',
      fs
        .readFileSync(path.join(X, 'county.csv'), 'utf8')
        .replace(/140724/g, '149999')
        .replace('昔阳县', '乙县'),
    );
  };

  it('a township name found in two counties asks for the code', async () => {
    twoCounties();
    put(
      'adj.csv',
      '单位,指标,扣分,核定得分,理由,核查单位,文号,日期,有效期至\n乐平镇,lyd_reward,,0,x,省,,2026-09-01,\n',
    );
    const r = await score(['p', '--adjustments', 'adj.csv', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/adj\.csv:2:1: error: unit "乐平镇": 2 units have that name/);
  });

  it('the code picks one; --quiet silences the warnings, which otherwise are said once', async () => {
    twoCounties();
    put(
      'adj.csv',
      '单位,指标,扣分,核定得分,理由,核查单位,文号,日期,有效期至\n149999100,lyd_reward,,0,x,省,,2026-09-01,\n乙县,出生统计求实率,1,,y,省,,2026-01-01,2026-06-30\n',
    );
    const quiet = await score(['p', '--adjustments', 'adj.csv', '-o', 'out.json', '--quiet', '--fail-on', 'never']);
    expect([quiet.code, quiet.err]).toEqual([0, '']);
    // The township's items in full (the default batch JSON has them compact).
    const loud = await score([
      'p',
      '--adjustments',
      'adj.csv',
      '-o',
      'out.json',
      '--fail-on',
      'never',
      '--detail',
      'full',
    ]);
    expect(loud.err.match(/expired on 2026-06-30/g)).toHaveLength(1);
    const doc = JSON.parse(String(loud.written.get(path.join(dir, 'out.json'))));
    const adjusted = doc.assessments.map(
      (a: {
        units: {
          name: string;
          children: { name: string; items: { id: string; points: number; adjustment?: unknown }[] }[];
        }[];
      }) => [
        a.units[0]!.name,
        a.units[0]!.children.find((c) => c.name === '乐平镇')!.items.find((i) => i.id === 'lyd_reward')!.adjustment !==
          undefined,
      ],
    );
    expect(adjusted).toEqual([
      ['昔阳县', false],
      ['乙县', true],
    ]);
  });
});

describe('gates with nothing earlier to compare with', () => {
  it('say so on stderr, even with --quiet', async () => {
    const r = await score([
      path.join(J, '2026-09'),
      '--fail-on',
      'never',
      '--fail-on-regression',
      '1',
      '--quiet',
      '-o',
      'x.json',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/the gates have nothing earlier to compare with/);
  });
});

describe('a county with township rows but no row of its own', () => {
  it('is a warning at its first township row, not a silent batch of missing items', async () => {
    for (const f of ['townships.csv', 'county.csv']) copy(path.join(J, '2026-09', f), `o/2026-09/${f}`);
    const county = path.join(dir, 'o/2026-09/county.csv');
    fs.writeFileSync(
      county,
      fs
        .readFileSync(county, 'utf8')
        .split('\n')
        .filter((l) => !l.startsWith('介休市,'))
        .join('\n'),
    );
    const r = await score(['o', '--format', 'json', '--fail-on', 'never']);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(
      /townships\.csv:\d+:1: warning: 县 "介休市" is named here but has no row of its own in o\/2026-09\/county\.csv: its 县 fields are missing/,
    );
  });
});

describe('--history', () => {
  it('a folder that does not exist yet (the first month) is no history', async () => {
    const r = await score([
      path.join(J, '2026-09'),
      '--history',
      'reports/',
      '--fail-on',
      'never',
      '--fail-on-new-failure',
      '-o',
      'x.json',
    ]);
    expect(r.code).toBe(0);
    expect(r.err).toMatch(/the gates have nothing earlier to compare with/);
  });

  it('a file where the folder should be is a usage error', async () => {
    put('reports', 'not a folder');
    const r = await score([path.join(J, '2026-09'), '--history', 'reports']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--history reports: is a file; give the folder of earlier reports/);
  });
});

describe('review fixes', () => {
  /** One folder per county in one month, cut from the city file. */
  const perCounty = (names: string[]) => {
    for (const f of ['townships.csv', 'county.csv']) {
      const [head, ...rows] = fs
        .readFileSync(path.join(J, '2026-07', f), 'utf8')
        .replace(/^\ufeff/, '')
        .split(/\r?\n/);
      for (const n of names)
        put(`pc/2026-07/${n}/${f}`, [head, ...rows.filter((r) => r.startsWith(`${n},`))].join('\n') + '\n');
    }
  };

  it("a county's own report lists only its own adjustments", async () => {
    perCounty(['昔阳县', '介休市']);
    put(
      'adj.csv',
      '单位,指标,扣分,核定得分,理由,核查单位,文号,日期,有效期至\n昔阳县,出生统计求实率,1,,x,省,,2026-07-01,\n',
    );
    const r = await score([
      'pc',
      '--adjustments',
      'adj.csv',
      '--fail-on',
      'never',
      '--output-dir',
      'out',
      '--format',
      'json',
    ]);
    expect(r.code).toBe(0);
    const own = (name: string) =>
      JSON.parse(String(r.written.get(path.join(dir, `out/2026-07/${name}.json`)))).adjustments.map(
        (x: { unit: string }) => x.unit,
      );
    expect(own('昔阳县')).toEqual(['昔阳县']);
    expect(own('介休市')).toEqual([]);
  });

  it('a county twice in one month with adjustments: the duplicate is what is said', async () => {
    perCounty(['昔阳县']);
    fs.cpSync(path.join(dir, 'pc/2026-07/昔阳县'), path.join(dir, 'pc/2026-07/copy'), { recursive: true });
    put(
      'adj.csv',
      '单位,指标,扣分,核定得分,理由,核查单位,文号,日期,有效期至\n昔阳县,出生统计求实率,1,,x,省,,2026-07-01,\n',
    );
    const r = await score(['pc', '--adjustments', 'adj.csv', '--format', 'json']);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/batch\/duplicate-unit|is also assessed from/);
    expect(r.err).not.toMatch(/2 units have that name/);
  });

  it('the gates at the top of the Markdown summary make names from the data inert', async () => {
    for (const m of ['2026-08', '2026-09'])
      for (const f of ['townships.csv', 'county.csv']) {
        const text = fs.readFileSync(path.join(J, m, f));
        put(
          `esc/${m}/${f}`,
          new TextDecoder(m === '2026-08' ? 'gb18030' : 'utf-8').decode(text).replace(/介休市/g, '介休<b>*市'),
        );
      }
    put(
      'esc/2026-09/townships.csv',
      fs
        .readFileSync(path.join(dir, 'esc/2026-09/townships.csv'), 'utf8')
        .replace(
          /^(介休<b>\*市,义安镇,(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),(?:[^,"]*|"[^"]*"),)0,/m,
          '$11,',
        ),
    );
    const r = await score(['esc', '--fail-on', 'never', '--fail-on-new-failure', '--format', 'md']);
    expect(r.code).toBe(1);
    const top = r.out.split('\n## ')[0]!;
    expect(top).toContain('介休&lt;b&gt;\\*市');
    expect(top).not.toContain('<b>');
  });

  it('without a period, headings name none', async () => {
    for (const f of ['townships.csv', 'county.csv']) copy(path.join(J, '2026-09', f), `np/${f}`);
    const r = await score(['np', '--format', 'md', '--fail-on', 'never']);
    expect(r.out).toMatch(/^## Ranking of 县$/m);
    expect(r.out).toMatch(/^## Last on each item$/m);
    expect(r.out).not.toMatch(/no period/);
  });

  it('a gate with nothing to compare is a skipped test case in JUnit', async () => {
    const r = await score([
      path.join(J, '2026-09'),
      '--fail-on',
      'never',
      '--fail-on-new-failure',
      '--format',
      'junit',
      '--quiet',
    ]);
    expect(r.out).toMatch(
      /<testcase classname="pinggu.gates" name="--fail-on-new-failure" time="0">\n\s*<skipped message="nothing earlier to compare with"\/>/,
    );
  });
});
