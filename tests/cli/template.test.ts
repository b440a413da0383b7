/**
 * `pinggu template`: what it writes, filled in with plausible numbers, scores
 * without a single finding, and the same numbers give the same assessment whether
 * they travel as GB18030 CSV, UTF-8 CSV or .xlsx.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { resolveScheme } from '../../src/cli/inputs';
import { readDataset } from '../../src/data/dataset';
import { readXlsx } from '../../src/data/xlsx';
import { evaluate } from '../../src/engine/evaluate';
import { formatJson } from '../../src/report/single/json';
import { csvText, templateSheets } from '../../src/report/single/template';
import type { Field } from '../../src/scheme/model';
import { fakeIo, ROOT } from './fake-io';

const UNITS = 'tests/fixtures/template/units.csv';
const { scheme } = await resolveScheme(fakeIo(), 'jsyzfw-2008');
const byLabel = new Map([...scheme.fields.values()].map((f) => [f.label, f]));

const tmp = fs.mkdtempSync(join(os.tmpdir(), 'pinggu-template-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));
const dir = (name: string) => {
  const d = join(tmp, name);
  fs.mkdirSync(d, { recursive: true });
  return d;
};

/** Township i (0, 1, 2, …): numbers that satisfy every check of the scheme, errors and warnings alike. */
function townshipValues(i: number): Record<string, number> {
  const population = 20000 + 1000 * i;
  const married = population / 5; // 20% of the population
  const births = population / 100; // 10‰
  const boys = births / 2 + 5;
  return {
    population,
    married_women: married,
    births,
    policy_births: births - 4,
    planned_births: births + 10,
    multi_outside: 1,
    boys,
    girls: births - boys,
    contraceptive_users: (married * 9) / 10,
    complications: 0,
    postop_due: 100,
    postop_followed: 98,
    rh_served: (married * 85) / 100,
    villages: 30,
    informed_choice_villages: 28,
    migrant_women: 200,
    migrant_checked: 180,
    outflow_women: 150,
    outflow_certified: 140,
    info_due: 80,
    info_fed: 78,
    reward_due: 50,
    reward_paid: 50,
    onechild_due: 300,
    onechild_paid: 290,
    village_workers: 10,
  };
}

const COUNTY: Record<string, number | boolean> = {
  fp_funds: 1_000_000,
  fp_spending_growth: 0.15,
  revenue_growth: 0.1,
  reward_funds_due: 100_000,
  reward_funds_received: 100_000,
  worker_pay_ratio: 0.8,
  satisfaction: 0.9,
  policy_awareness: 0.9,
  survey_births: 400,
  reported_births: 395,
  study_sessions: 4,
  incentive_policy: 2,
  lianfei_cases: 1,
  cadre_births_outside_policy: 0,
  serious_falsification: false,
};
const COUNTY_NAME = '昔阳县';
const COUNTY_CODE = '140724';

/** What the analyst types into a cell: 90%, 是/否, 1000000. */
function typed(f: Field, v: number | boolean | undefined): string {
  if (v === undefined) v = f.type === 'boolean' ? true : f.type === 'percent' ? 0.9 : 1;
  if (typeof v === 'boolean') return v ? '是' : '否';
  return f.type === 'percent' ? `${Math.round(v * 1000) / 10}%` : String(v);
}

function valueOf(f: Field, row: number): number | boolean | undefined {
  return f.level === 0 ? townshipValues(row)[f.id] : COUNTY[f.id];
}

/** A written CSV sheet, filled in: blank cells get values; a sheet with no rows gets the county's row. */
function fillCsv(text: string): string {
  const lines = text.split('\r\n');
  expect(lines.pop()).toBe('');
  expect(text).not.toMatch(/"/);
  const [header, ...rows] = lines.map((l) => l.split(','));
  const fields = header!.map((h) => byLabel.get(h));
  const filled = (rows.length ? rows : [[COUNTY_NAME, COUNTY_CODE, ...fields.slice(2).map(() => '')]]).map((r, i) =>
    r.map((c, j) => (c !== '' || !fields[j] ? c : typed(fields[j], valueOf(fields[j], i)))),
  );
  return csvText(header!, filled);
}

const gb = (b: Uint8Array) => new TextDecoder('gb18030').decode(b);
const utf8bom = (b: Uint8Array) => {
  expect([...b.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  return new TextDecoder('utf-8').decode(b.subarray(3));
};
const written = (io: ReturnType<typeof fakeIo>, rel: string): Uint8Array => {
  const b = io.written.get(join(ROOT, rel));
  expect(b, `${rel} written`).toBeInstanceOf(Uint8Array);
  return b as Uint8Array;
};

async function scoreJson(args: string[]): Promise<{ code: number; json: any; err: string }> {
  const io = fakeIo();
  const code = await main(['score', ...args, '--format', 'json', '--lang', 'en'], io);
  return { code, json: io.out ? JSON.parse(io.out) : undefined, err: io.err };
}

/** The assessment part of the JSON, which must not depend on how the numbers travelled. */
const assessment = (json: any) => ({
  units: json.units,
  findings: json.data.findings,
  read: json.data.read,
  used: json.data.used,
});

describe('templateSheets and csvText (pure)', () => {
  it('one sheet per level with fields: unit name, code, field labels in scheme order', () => {
    const [t, c, ...rest] = templateSheets(scheme);
    expect(rest).toEqual([]);
    const fields = [...scheme.fields.values()];
    expect(t).toMatchObject({ level: 'township', title: '乡镇', idColumns: 2, rows: [] });
    expect(t!.header).toEqual(['乡镇', '区划代码', ...fields.filter((f) => f.level === 0).map((f) => f.label)]);
    expect(c).toMatchObject({ level: 'county', title: '县', idColumns: 2, rows: [] });
    expect(c!.header).toEqual(['县', '县代码', ...fields.filter((f) => f.level === 1).map((f) => f.label)]);
  });

  it('units prefill the township rows, the other cells blank', () => {
    const [t, c] = templateSheets(scheme, [{ name: '甲镇', code: '1' }, { name: '乙乡' }]);
    expect(t!.rows.map((r) => r.slice(0, 3))).toEqual([
      ['甲镇', '1', ''],
      ['乙乡', '', ''],
    ]);
    expect(t!.rows.every((r) => r.length === t!.header.length && r.slice(2).every((x) => x === ''))).toBe(true);
    expect(c!.rows).toEqual([]);
  });

  it('csvText quotes commas, quotes, line breaks and edge spaces (RFC 4180), CRLF line ends', () => {
    expect(
      csvText(
        ['a', 'b,c'],
        [
          ['say "hi"', 'x\ny'],
          [' pad', 'plain'],
        ],
      ),
    ).toBe('a,"b,c"\r\n"say ""hi""","x\ny"\r\n" pad",plain\r\n');
    expect(csvText(['乡镇'], [])).toBe('乡镇\r\n');
  });

  it('csvText neutralises formula prefixes in names from a units file (=, ﹦, after NBSP), keeping plain numbers', () => {
    expect(
      csvText(
        ['乡镇', '代码'],
        [
          ['=HYPERLINK("http://x","乐平镇")', '-3'],
          ['\u00a0﹦1+1', '140724100'],
        ],
      ),
    ).toBe('乡镇,代码\r\n"\'=HYPERLINK(""http://x"",""乐平镇"")",-3\r\n\'\u00a0﹦1+1,140724100\r\n');
  });
});

describe('pinggu template', () => {
  it('writes the township sheet and the county sheet beside it, GB18030 by default in Chinese', async () => {
    const io = fakeIo({ LANG: 'zh_CN.UTF-8' });
    const code = await main(['template', '-o', 'out/t.csv'], io);
    expect({ code, err: io.err }).toEqual({ code: 0, err: '' });
    expect(io.out).toBe(
      '已写入 out/t.csv（乡镇：2 + 26 列；GB18030）\n已写入 out/t-county.csv（县：2 + 24 列；GB18030）\n',
    );
    const bytes = written(io, 'out/t.csv');
    expect(bytes[0]).not.toBe(0xef); // no BOM
    expect(gb(bytes)).toBe(csvText(templateSheets(scheme)[0]!.header, []));
    expect(gb(written(io, 'out/t-county.csv'))).toMatch(/^县,县代码,计生事业经费投入（元）,/);
  });

  it('--lang en: UTF-8 with BOM, default name template.csv in the working directory', async () => {
    const io = fakeIo();
    expect(await main(['template', '--lang', 'en'], io)).toBe(0);
    expect(io.out).toBe(
      'wrote template.csv (乡镇: 2 + 26 columns; UTF-8 with BOM)\nwrote template-county.csv (县: 2 + 24 columns; UTF-8 with BOM)\n',
    );
    expect(utf8bom(written(io, 'template.csv'))).toMatch(/^乡镇,区划代码,期末总人口,/);
  });

  it('--encoding overrides the language default', async () => {
    const io = fakeIo();
    expect(await main(['template', '--encoding', 'gbk', '--units', UNITS, '-o', 'out/t.csv'], io)).toBe(0);
    expect(io.out).toMatch(/^wrote out\/t\.csv \(乡镇: 2 \+ 26 columns, 3 rows; GB18030\)$/m);
    expect(gb(written(io, 'out/t.csv'))).toMatch(/\r\n乐平镇,140724100,,/);
  });

  it('cells holding commas or quotes are quoted', async () => {
    const units = join(dir('quoted'), 'units.csv');
    fs.writeFileSync(units, '乡镇,区划代码\n"城关镇,东区",1\n"新""村""乡",2\n');
    const io = fakeIo();
    expect(await main(['template', '--units', units, '-o', 'out/q.csv', '--encoding', 'utf-8'], io)).toBe(0);
    const text = utf8bom(written(io, 'out/q.csv'));
    const blanks = ','.repeat(26);
    expect(text.split('\r\n').slice(1)).toEqual([`"城关镇,东区",1${blanks}`, `"新""村""乡",2${blanks}`, '']);
  });

  it('.xlsx: one workbook, a sheet per level named by its title, header bold and frozen, names and codes as text', async () => {
    const io = fakeIo();
    expect(await main(['template', '--units', UNITS, '-o', 'out/t.xlsx'], io)).toBe(0);
    expect(io.out).toBe('wrote out/t.xlsx (乡镇: 2 + 26 columns, 3 rows; 县: 2 + 24 columns)\n');
    const ExcelJS = ((await import('exceljs')) as any).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(written(io, 'out/t.xlsx')));
    expect(wb.worksheets.map((w: any) => w.name)).toEqual(['乡镇', '县']);
    const ws = wb.getWorksheet('乡镇');
    expect(ws.getRow(1).getCell(3).value).toBe('期末总人口');
    expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getRow(2).getCell(2).value).toBe('140724100');
    expect(ws.getRow(2).getCell(2).numFmt).toBe('@');
    expect(ws.getRow(4).getCell(1).value).toBe('东冶头镇');
    expect(ws.getRow(5).getCell(1).value).toBe(null);
  });

  const CASES: { args: string[]; code: number; err: RegExp; env?: Record<string, string> }[] = [
    {
      args: ['--encoding', 'latin1'],
      code: 2,
      err: /^pinggu: --encoding latin1: use gb18030 \(also for gbk\) or utf-8 \(written with a BOM\)\n$/,
    },
    { args: ['--encoding', 'latin1', '--lang', 'zh'], code: 2, err: /--encoding latin1：请用 gb18030/ },
    { args: ['--encoding', 'utf-16le'], code: 2, err: /--encoding utf-16le: use gb18030/ },
    { args: ['--format', 'pdf'], code: 2, err: /--format pdf: expected one of csv, xlsx/ },
    { args: ['-o', 'out/t.txt'], code: 2, err: /--output out\/t\.txt: cannot tell the format from the extension/ },
    { args: ['-o', 'out/t.csv', '--format', 'xlsx'], code: 2, err: /--output out\/t\.csv is not a \.xlsx file/ },
    { args: ['-o', 'out/t.xlsx', '--encoding', 'utf-8'], code: 2, err: /--encoding applies to CSV only/ },
    {
      args: ['-o', 'package.json', '--format', 'csv'],
      code: 2,
      err: /package\.json already exists; choose another --output, or add --force/,
    },
    { args: ['--units', 'no/such.csv'], code: 2, err: /--units no\/such\.csv: no such file/ },
    { args: ['--scheme', 'nope'], code: 2, err: /--scheme nope: no such file/ },
  ];
  for (const c of CASES) {
    it(`pinggu template ${c.args.join(' ')} → ${c.code}`, async () => {
      const io = fakeIo(c.env);
      expect(await main(['template', ...c.args], io)).toBe(c.code);
      expect(io.err).toMatch(c.err);
      expect(io.written.size).toBe(0);
      expect(io.out).toBe('');
    });
  }

  it('--force overwrites an existing file', async () => {
    const d = dir('force');
    fs.writeFileSync(join(d, 't.csv'), 'filled in');
    const io = fakeIo();
    expect(await main(['template', '-o', join(d, 't.csv')], io)).toBe(2);
    expect(await main(['template', '-o', join(d, 't.csv'), '--force'], io)).toBe(0);
    expect(io.written.size).toBe(2);
  });

  it("--units: a GB18030 file with a title row, a 合计 row and extra columns (last year's sheet) gives its townships", async () => {
    const units = join(dir('units-gb'), 'units.csv');
    const iconv = ((await import('iconv-lite')) as any).default;
    fs.writeFileSync(
      units,
      iconv.encode(
        '昔阳县乡镇名单\n序号,乡镇,区划代码,期末总人口\n1,乐平镇,140724100,"62,140"\n2,皋落镇,140724101,"22,630"\n,合计,,"84,770"\n填表人：张丽\n',
        'gb18030',
      ),
    );
    const io = fakeIo();
    expect(
      await main(['template', '--units', units, '-o', 'out/u.csv', '--encoding', 'utf-8', '--lang', 'en'], io),
    ).toBe(0);
    expect(
      utf8bom(written(io, 'out/u.csv'))
        .split('\r\n')
        .map((l) => l.split(',').slice(0, 2).join(',')),
    ).toEqual(['乡镇,区划代码', '乐平镇,140724100', '皋落镇,140724101', '']);
    expect(io.err).toMatch(/units\.csv:1:1: note: skipped line above the header: "昔阳县乡镇名单"/);
    expect(io.err).toMatch(/units\.csv:5:1: note: not a 乡镇, skipped: "合计 84,770"/);
    expect(io.err).toMatch(/units\.csv:6:1: note: not a 乡镇, skipped/);
  });

  it('--units: 总计镇 and 全县 in the middle of the list are townships; 全县 ending the list is its total', async () => {
    const units = join(dir('units-total-names'), 'units.csv');
    fs.writeFileSync(units, '乡镇,区划代码\n乐平镇,1\n总计镇,2\n全县,3\n皋落镇,4\n全县,\n');
    const io = fakeIo();
    expect(
      await main(['template', '--units', units, '-o', 'out/t.csv', '--encoding', 'utf-8', '--lang', 'en'], io),
    ).toBe(0);
    expect(
      utf8bom(written(io, 'out/t.csv'))
        .split('\r\n')
        .map((l) => l.split(',').slice(0, 2).join(',')),
    ).toEqual(['乡镇,区划代码', '乐平镇,1', '总计镇,2', '全县,3', '皋落镇,4', '']);
    expect(io.err).toMatch(/units\.csv:6:1: note: not a 乡镇, skipped: "全县"/);
    expect(io.err).not.toMatch(/units\.csv:[34]:/);
  });

  const BAD_UNITS: { text: string; err: RegExp[] }[] = [
    {
      text: '名称,代码\n乐平镇,1\n',
      err: [
        /units\.csv:1:1: error: no header row naming the 乡镇 column \(乡镇 \/ 地区 \/ 乡镇名称 \/ 单位\) in the first 30 rows/,
      ],
    },
    {
      text: '乡镇,区划代码\n乐平镇,1\n,2\n皋落镇,3\n乐平镇,4\n东冶头镇,3\n',
      err: [
        /units\.csv:3:1: error: no 乡镇 name in column "乡镇"/,
        /units\.csv:5:1: error: "乐平镇" is listed twice \(first at line 2\)/,
        /units\.csv:6:2: error: "3" is listed twice \(first at line 4\)/,
      ],
    },
    { text: '乡镇,区划代码\n', err: [/units\.csv:1:1: error: no 乡镇 listed below the header/] },
    {
      text: '乡镇,区划代码\n"乐平镇,1\n',
      err: [/units\.csv:2:1: error: not a readable CSV table: a quote opened on line 2 is never closed/],
    },
    { text: '', err: [/units\.csv:1:1: error: no header row/] },
  ];
  for (const [i, c] of BAD_UNITS.entries()) {
    it(`a bad units file gives file:line errors and writes nothing (${i + 1})`, async () => {
      const units = join(dir(`bad-${i}`), 'units.csv');
      fs.writeFileSync(units, c.text);
      const io = fakeIo();
      expect(await main(['template', '--units', units], io)).toBe(2);
      for (const re of c.err) expect(io.err).toMatch(re);
      expect(io.written.size).toBe(0);
    });
  }

  it('the help lists the command and its options', async () => {
    const io = fakeIo();
    expect(await main(['template', '--help'], io)).toBe(0);
    expect(io.out).toMatch(/--units <file>/);
    expect(io.out).toMatch(/--encoding <name>/);
    const all = fakeIo();
    await main(['--help'], all);
    expect(all.out).toMatch(/template \[options\]/);
  });
});

describe('what template writes, filled in, scores without a finding', () => {
  const results: Record<string, any> = {};

  async function csvRoundTrip(
    name: string,
    args: string[],
    read: (b: Uint8Array) => string,
    write: (t: string) => Uint8Array,
  ) {
    const io = fakeIo();
    expect(await main(['template', '--units', UNITS, '-o', 'out/t.csv', ...args], io)).toBe(0);
    const d = dir(name);
    fs.writeFileSync(join(d, 't.csv'), write(fillCsv(read(written(io, 'out/t.csv')))));
    fs.writeFileSync(join(d, 't-county.csv'), write(fillCsv(read(written(io, 'out/t-county.csv')))));
    const r = await scoreJson([d]);
    expect(r.err).toBe('');
    expect(r.json.data.findings).toEqual([]);
    expect([0, 1]).toContain(r.code);
    expect(r.json.data.files.map((f: any) => [f.read, f.used, f.rejected])).toEqual([
      [1, 1, 0],
      [3, 3, 0],
    ]);
    expect(r.json.units[0]).toMatchObject({ name: COUNTY_NAME, code: COUNTY_CODE });
    expect(r.json.units[0].children.map((u: any) => [u.name, u.code])).toEqual([
      ['乐平镇', '140724100'],
      ['皋落镇', '140724101'],
      ['东冶头镇', '140724102'],
    ]);
    // Every item has a value: nothing was left blank or read as missing.
    const statuses = new Set(r.json.units[0].items.map((i: any) => i.status));
    expect([...statuses].filter((s) => s === 'missing' || s === 'invalid')).toEqual([]);
    results[name] = assessment(r.json);
  }

  it('CSV, GB18030', async () => {
    const iconv = ((await import('iconv-lite')) as any).default;
    await csvRoundTrip('gb18030', ['--encoding', 'gb18030'], gb, (t) => iconv.encode(t, 'gb18030'));
  });

  it('CSV, UTF-8 with BOM', async () => {
    const enc = (t: string) => Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(t, 'utf8')]);
    await csvRoundTrip('utf8', ['--encoding', 'utf-8'], utf8bom, enc);
  });

  /** The filled workbook, made once for the two tests that read it (writing and loading it takes seconds). */
  let filled: Promise<{ path: string; bytes: Uint8Array }> | undefined;
  const filledWorkbook = () => (filled ??= fillWorkbook());

  /** Fills the written workbook as an analyst would in Excel: numbers as numbers, percents formatted 0.0%. */
  async function fillWorkbook(): Promise<{ path: string; bytes: Uint8Array }> {
    const io = fakeIo();
    expect(await main(['template', '--units', UNITS, '-o', 'out/t.xlsx'], io)).toBe(0);
    const ExcelJS = ((await import('exceljs')) as any).default;
    const wb = new ExcelJS.Workbook();
    // Without the data validations: exceljs would make an object of each of the 260,000
    // cells they cover and take seconds to write them back. The reader ignores them
    // (tests/limits/xlsx-limits.test.ts reads a workbook validated over the whole sheet).
    await wb.xlsx.load(Buffer.from(written(io, 'out/t.xlsx')), { ignoreNodes: ['dataValidations'] });
    for (const ws of wb.worksheets) {
      const header: string[] = (ws.getRow(1).values as string[]).slice(1);
      const county = ws.name === '县';
      if (county) {
        ws.getRow(2).getCell(1).value = COUNTY_NAME;
        ws.getRow(2).getCell(2).value = COUNTY_CODE;
      }
      const rows = county ? 1 : 3;
      for (let i = 0; i < rows; i++) {
        const row = ws.getRow(i + 2);
        header.forEach((h, j) => {
          const f = byLabel.get(h);
          if (!f) return;
          const cell = row.getCell(j + 1);
          expect(cell.value).toBe(null);
          const v = valueOf(f, i) ?? (f.type === 'boolean' ? true : f.type === 'percent' ? 0.9 : 1);
          if (typeof v === 'boolean') cell.value = v ? '是' : '否';
          else {
            cell.value = v;
            if (f.type === 'percent') cell.numFmt = '0.0%';
          }
        });
      }
    }
    const path = join(dir('xlsx'), 't.xlsx');
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    fs.writeFileSync(path, bytes);
    return { path, bytes };
  }

  it('.xlsx, both sheets read back through the workbook reader', async () => {
    const { path, bytes } = await filledWorkbook();
    const sheets = await Promise.all(['乡镇', '县'].map((s) => readXlsx(bytes, `t.xlsx#${s}`, s)));
    const dataset = readDataset(
      scheme,
      sheets.map((s, i) => ({
        name: `t.xlsx#${['乡镇', '县'][i]}`,
        bytes,
        workbook: { rows: s.rows, findings: s.findings },
      })),
    );
    const a = evaluate(scheme, dataset, { params: new Map() });
    const json = JSON.parse(formatJson(a, { lang: 'en' }));
    expect(json.data.findings).toEqual([]);
    results.xlsx = assessment(json);
    expect(fs.existsSync(path)).toBe(true);
  });

  // `pinggu score t.xlsx` reads every sheet of the workbook that matches the scheme:
  // the township sheet and the county sheet, scored back with no findings.
  it('.xlsx through `pinggu score`: both sheets read, no findings, the same assessment', async () => {
    const { path } = await filledWorkbook();
    const r = await scoreJson([path]);
    expect(r.json.data.findings).toEqual([]);
    expect([0, 1]).toContain(r.code);
    expect(assessment(r.json)).toEqual(results.gb18030);
  });

  it('the three give identical assessments', () => {
    expect(Object.keys(results).sort()).toEqual(['gb18030', 'utf8', 'xlsx']);
    expect(results.utf8).toEqual(results.gb18030);
    expect(results.xlsx).toEqual(results.gb18030);
  });
});
