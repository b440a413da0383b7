/**
 * The workbook report, read back with exceljs (and with pinggu's own reader): the
 * sheets and their layout, numbers as numbers with their formats, status colours, the
 * action list's order, formula injection (a township named `=HYPERLINK(...)` stays
 * text in every sheet, and no sheet holds a `<f>` element), and identical bytes for
 * identical input.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it, vi } from 'vitest';
import type { Workbook, Worksheet } from 'exceljs';
import { main } from '../../src/cli/main';
import { readXlsx } from '../../src/data/xlsx';
import { Rational } from '../../src/rational';
import { formatXlsx, STATUS_TONE } from '../../src/report/single/xlsx';
import { statusWord } from '../../src/report/shared/i18n';
import { fakeIo, ROOT } from '../cli/fake-io';
import { assess, oneItem } from '../support';

const INJECTED_TOWNSHIP = '=HYPERLINK("http://x","y")';
const INJECTED_COUNTY = "+cmd|' /C calc'!A0";

async function scoreXlsx(dir: string, lang: 'zh' | 'en'): Promise<Uint8Array> {
  const io = fakeIo();
  const code = await main(['score', dir, '--format', 'xlsx', '--lang', lang, '-o', 'out/r.xlsx'], io);
  expect(code, io.err).toBe(1); // the sample county is below the pass line
  const bytes = io.written.get(join(ROOT, 'out/r.xlsx'));
  expect(bytes).toBeInstanceOf(Uint8Array);
  return bytes as Uint8Array;
}

async function load(bytes: Uint8Array): Promise<Workbook> {
  const ExcelJS = ((await import('exceljs')) as any).default;
  const wb = new ExcelJS.Workbook() as Workbook;
  await wb.xlsx.load(Buffer.from(bytes) as never);
  return wb;
}

/** The rows of a sheet as arrays of cells (1-based columns dropped to 0-based). */
function rows(ws: Worksheet): { r: number; values: unknown[] }[] {
  const out: { r: number; values: unknown[] }[] = [];
  ws.eachRow((row, r) => out.push({ r, values: (row.values as unknown[]).slice(1) }));
  return out;
}

/** The column (1-based) whose header cell in `row` reads `title`. */
function col(ws: Worksheet, title: string, row = 1): number {
  const values = (ws.getRow(row).values as unknown[]).slice(1);
  const j = values.indexOf(title);
  if (j < 0) throw new Error(`no column "${title}" in ${ws.name} row ${row}: ${values.join(', ')}`);
  return j + 1;
}

/** The entries of a zip, inflated: enough to look inside the workbook's XML and at the entries' timestamps. */
function unzip(b: Uint8Array): { name: string; time: number; date: number; data: Buffer }[] {
  const buf = Buffer.from(b);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  const out = [];
  let p = buf.readUInt32LE(eocd + 16);
  for (let k = buf.readUInt16LE(eocd + 10); k > 0; k--) {
    const method = buf.readUInt16LE(p + 10);
    const size = buf.readUInt32LE(p + 20);
    const nameLen = buf.readUInt16LE(p + 28);
    const local = buf.readUInt32LE(p + 42);
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const raw = buf.subarray(start, start + size);
    out.push({
      name,
      time: buf.readUInt16LE(local + 10),
      date: buf.readUInt16LE(local + 12),
      data: method === 8 ? inflateRawSync(raw) : raw,
    });
    out.push({
      name: `${name} (central directory)`,
      time: buf.readUInt16LE(p + 12),
      date: buf.readUInt16LE(p + 14),
      data: Buffer.alloc(0),
    });
    p += 46 + nameLen + buf.readUInt16LE(p + 30) + buf.readUInt16LE(p + 32);
  }
  return out;
}

describe('the workbook of the bundled sample', () => {
  it('has the four sheets, named in the chosen language, with frozen bold headers', async () => {
    const zh = await load(await scoreXlsx('fixtures/xiyang', 'zh'));
    expect(zh.worksheets.map((s) => s.name)).toEqual(['汇总', '指标明细', '排名', '整改清单']);
    const en = await load(await scoreXlsx('fixtures/xiyang', 'en'));
    expect(en.worksheets.map((s) => s.name)).toEqual(['Summary', 'Items', 'Ranking', 'Action list']);
    expect(en.creator).toBe('pinggu');

    for (const ws of zh.worksheets) {
      const view = ws.views[0] as { state?: string; ySplit?: number };
      expect(view.state, ws.name).toBe('frozen');
      // The summary freezes its title line and the units' header; the tables their header row.
      const header = ws.name === '汇总' ? 2 : 1;
      expect(view.ySplit, ws.name).toBe(header);
      ws.getRow(header).eachCell((c) => expect(c.font?.bold, `${ws.name} ${c.address}`).toBe(true));
    }
    // Columns are sized for CJK text: the items sheet's title column holds 15-character titles.
    const items = zh.getWorksheet('指标明细')!;
    expect(items.getColumn(col(items, '指标')).width).toBeGreaterThanOrEqual(30);
  });

  it('gives the county its score, max, scaled score, pass line and verdict as numbers and words', async () => {
    const ws = (await load(await scoreXlsx('fixtures/xiyang', 'zh'))).getWorksheet('汇总')!;
    expect(ws.getCell('A1').value).toBe('计划生育优质服务先进县评估方案（示例，非官方文本）  2008.1');
    const row = rows(ws).find((x) => x.values[1] === '昔阳县')!.r;
    const at = (title: string) => ws.getRow(row).getCell(col(ws, title, 2));
    expect(at('得分').value).toBe(87.180468);
    expect(at('得分').numFmt).toBe('0.00');
    expect(at('应得分').value).toBe(100);
    expect(at('折算分').value).toBe(87.180468);
    expect(at('及格线').value).toBe(90);
    expect(at('结论').value).toBe('未通过');
    expect(at('等级').value).toBe('接近达标');
    expect(at('排名').value).toBe(1);
    expect(at('一票否决').value).toBe('未触发');

    // Every veto with triggered / checked and its value.
    const vetoHead = rows(ws).find((x) => x.values[0] === '单位')!.r;
    const vetoes = rows(ws).filter((x) => x.r > vetoHead && x.values[0] === '昔阳县');
    expect(vetoes.map((x) => x.values[1])).toEqual([
      'veto_policy_floor',
      'veto_cadre_births',
      'veto_sex_ratio',
      'veto_stat_error',
      'veto_falsification',
    ]);
    const floor = ws.getRow(vetoes[0]!.r);
    expect(floor.getCell(col(ws, '是否触发', vetoHead)).value).toBe('否');
    expect(floor.getCell(col(ws, '能否判定', vetoHead)).value).toBe('是');
    expect(floor.getCell(col(ws, '实际值', vetoHead)).value).toBe(0.965747);
    expect(floor.getCell(col(ws, '实际值', vetoHead)).numFmt).toBe('0.00%');
  });

  it('writes a percent item as its fraction with a percent format, other values with a number format', async () => {
    const ws = (await load(await scoreXlsx('fixtures/xiyang', 'zh'))).getWorksheet('指标明细')!;
    const find = (unit: string, id: string) =>
      ws.getRow(rows(ws).find((x) => x.values[0] === unit && x.values[col(ws, '指标编号') - 1] === id)!.r);
    const value = col(ws, '实际值');
    const policy = find('昔阳县', 'rkkz_policy').getCell(value);
    // 符合政策出生数 / 出生人数 = 2171 / 2248, to 6 places as in the JSON report.
    expect(policy.value).toBe(Number(Rational.of(2171n, 2248n).toDecimal(6)));
    expect(policy.value).toBe(0.965747);
    expect(policy.numFmt).toBe('0.00%');
    const ratio = find('昔阳县', 'xbb_ratio');
    expect(ratio.getCell(value).value).toBe(111.278195);
    expect(ratio.getCell(value).numFmt).toBe('#,##0.00');
    // The gap is in the item's unit: percentage points of a percent item are a fraction too.
    const informed = find('昔阳县', 'yzfw_informed');
    expect(informed.getCell(col(ws, '差距')).value).toBe(0.01639);
    expect(informed.getCell(col(ws, '差距')).numFmt).toBe('0.00%');
    expect(informed.getCell(col(ws, '失分')).value).toBe(0.3);
    expect(informed.getCell(col(ws, '计分说明')).value).toEqual(expect.stringContaining('372 / 421 = 88.36%'));
    expect(informed.getCell(col(ws, '整改所需')).value).toBe('开展知情选择的村数增加 7，可挽回 0.3 分');
    // One row per unit × item at every level: the county's 28 items and each township's.
    const units = new Set(
      rows(ws)
        .slice(1)
        .map((x) => x.values[0]),
    );
    expect(units.size).toBe(13);
  });

  it('colours every status cell by its status', async () => {
    const ws = (await load(await scoreXlsx('fixtures/xiyang', 'zh'))).getWorksheet('指标明细')!;
    const status = col(ws, '状态');
    const fills = { good: 'FFC6EFCE', warn: 'FFFFEB9C', bad: 'FFFFC7CE', grey: 'FFE7E6E6' };
    const seen = new Set<string>();
    for (const { r } of rows(ws).slice(1)) {
      const cell = ws.getRow(r).getCell(status);
      const fill = cell.fill as { type: string; pattern: string; fgColor: { argb: string } };
      expect(fill?.pattern, `row ${r}`).toBe('solid');
      const s = (['met', 'partial', 'failed', 'na', 'missing', 'invalid'] as const).find(
        (x) => statusWord('zh', x) === cell.value,
      );
      const tone = s ? STATUS_TONE[s] : 'grey'; // 未获加分: a bonus not earned
      expect(fill.fgColor.argb, `row ${r} ${JSON.stringify(cell.value)}`).toBe(fills[tone]);
      seen.add(fill.fgColor.argb);
    }
    expect(seen).toEqual(new Set([fills.good, fills.warn, fills.bad, fills.grey]));
  });

  it('ranks the townships with their worst items', async () => {
    const ws = (await load(await scoreXlsx('fixtures/xiyang', 'zh'))).getWorksheet('排名')!;
    const body = rows(ws).slice(1);
    expect(body).toHaveLength(12);
    expect(body.map((x) => x.values[0])).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    const last = ws.getRow(body[11]!.r);
    expect(last.getCell(col(ws, '单位')).value).toBe('东冶头镇');
    expect(last.getCell(col(ws, '结论')).value).toBe('未通过');
    expect(last.getCell(col(ws, '主要失分项')).value).toEqual(expect.stringMatching(/^符合政策生育率 91.3% −10；/));
  });

  it('orders the action list by points recovered, biggest first', async () => {
    const ws = (await load(await scoreXlsx('fixtures/xiyang', 'zh'))).getWorksheet('整改清单')!;
    const gain = col(ws, '可挽回分');
    const gains = rows(ws)
      .slice(1)
      .map((x) => x.values[gain - 1] as number);
    expect(gains.length).toBe(42);
    expect(gains[0]).toBe(Math.max(...gains));
    expect([...gains].sort((p, q) => q - p)).toEqual(gains);
    const first = ws.getRow(2);
    expect(first.getCell(col(ws, '单位')).value).toBe('东冶头镇');
    expect(first.getCell(col(ws, '指标编号')).value).toBe('rkkz_policy');
    expect(first.getCell(col(ws, '需改变量')).value).toBe(8);
    expect(first.getCell(gain).value).toBe(10);
    expect(first.getCell(col(ws, '说明')).value).toBe('符合政策出生数增加 8，可挽回 10 分');
    // A percent lever's change is percentage points, written as a fraction with a percent format.
    const satisfaction = rows(ws).find((x) => x.values[3] === 'dwmy_satisfaction')!.r;
    expect(ws.getRow(satisfaction).getCell(col(ws, '需改变量')).value).toBe(0.014);
    expect(ws.getRow(satisfaction).getCell(col(ws, '需改变量')).numFmt).toBe('0.00%');
  });

  it('reads back with pinggu’s own workbook reader', async () => {
    const bytes = await scoreXlsx('fixtures/xiyang', 'zh');
    const r = await readXlsx(bytes, 'r.xlsx', '指标明细');
    expect(r.findings).toEqual([]);
    const policy = r.rows.find((x) => x.cells[0] === '昔阳县' && x.cells[4] === 'rkkz_policy')!;
    expect(policy.cells[6]).toBe('96.5747%');
  });

  it('gives identical bytes on two runs, with fixed dates in the workbook and the zip', async () => {
    // An injected clock instead of a sleep: the two runs happen on different days and seconds
    // (zip timestamps have a 2-second resolution), so any time that leaked into the bytes shows.
    vi.useFakeTimers({ toFake: ['Date'] });
    let a: Uint8Array, b: Uint8Array;
    try {
      vi.setSystemTime(new Date('2031-05-06T07:08:09Z'));
      a = await scoreXlsx('fixtures/xiyang', 'zh');
      vi.setSystemTime(new Date('2032-11-12T13:14:17Z'));
      expect(new Date().getUTCFullYear()).toBe(2032); // the clock the writer sees has moved
      b = await scoreXlsx('fixtures/xiyang', 'zh');
    } finally {
      vi.useRealTimers();
    }
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
    const entries = unzip(a);
    for (const e of entries) expect([e.name, e.time, e.date]).toEqual([e.name, 0, (0 << 9) | (1 << 5) | 1]);
    const core = entries.find((e) => e.name === 'docProps/core.xml')!.data.toString('utf8');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">1980-01-01T00:00:00Z</dcterms:created>');
    expect(core).toContain('<dc:creator>pinggu</dc:creator>');
  }, 15_000);
});

describe('formula injection', () => {
  it('a township named =HYPERLINK(...) and a county named +cmd|... stay inert text in every sheet', async () => {
    const bytes = await scoreXlsx('tests/fixtures/injection', 'en');
    const wb = await load(bytes);
    const found = new Map<string, string[]>();
    for (const ws of wb.worksheets) {
      ws.eachRow((row) =>
        row.eachCell((c) => {
          expect(c.formula, `${ws.name}!${c.address}`).toBeUndefined();
          expect(c.type, `${ws.name}!${c.address}`).not.toBe(6); // ValueType.Formula
          expect(typeof c.value === 'string' || typeof c.value === 'number', `${ws.name}!${c.address}`).toBe(true);
          for (const name of [INJECTED_TOWNSHIP, INJECTED_COUNTY]) {
            if (c.value !== name) continue;
            expect(c.type).toBe(3); // ValueType.String
            expect(c.numFmt).toBe('@');
            found.set(name, [...(found.get(name) ?? []), ws.name]);
          }
        }),
      );
    }
    expect(new Set(found.get(INJECTED_TOWNSHIP))).toEqual(new Set(['Items', 'Ranking', 'Action list']));
    expect(new Set(found.get(INJECTED_COUNTY))).toEqual(new Set(['Summary', 'Items', 'Ranking', 'Action list']));

    // The XML itself: no formula element anywhere, the names are shared strings.
    const entries = unzip(bytes);
    const sheets = entries.filter((e) => /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name));
    expect(sheets).toHaveLength(4);
    for (const s of sheets) expect(s.data.toString('utf8'), s.name).not.toMatch(/<f[\s>/]/);
    const shared = entries.find((e) => e.name === 'xl/sharedStrings.xml')!.data.toString('utf8');
    expect(shared).toContain('<t>=HYPERLINK(&quot;http://x&quot;,&quot;y&quot;)</t>');

    // pinggu's own reader takes the cell for the text it is.
    const r = await readXlsx(bytes, 'r.xlsx', 'Ranking');
    expect(r.rows.some((x) => x.cells[1] === INJECTED_TOWNSHIP)).toBe(true);
  });

  it('the fixture is the sample with two names changed', () => {
    const sample = readFileSync(join(ROOT, 'fixtures/xiyang/townships.csv'), 'utf8');
    const injected = readFileSync(join(ROOT, 'tests/fixtures/injection/townships.csv'), 'utf8');
    expect(injected).toBe(sample.replace('\n沾尚镇,', '\n"=HYPERLINK(""http://x"",""y"")",'));
  });
});

describe('text the XML cannot carry', () => {
  it('control characters become U+FFFD; text longer than Excel allows is cut', async () => {
    const s = oneItem({ target: '>= 90%', rule: '{ type: all }' });
    const a = assess(s, ['t.csv', '县,乡镇,分子,分母\nC,A,80,100\n']);
    a.units[0]!.children[0]!.name = 'a\u0001b\u0008c\ud800';
    a.units[0]!.children[0]!.items[0]!.title = 'x'.repeat(40_000);
    const wb = await load(await formatXlsx(a, { lang: 'en' }));
    const ws = wb.getWorksheet('Items')!;
    const row = rows(ws).find((x) => x.values[0] === 'a\ufffdb\ufffdc\ufffd')!;
    expect(row).toBeDefined();
    expect((ws.getRow(row.r).getCell(col(ws, 'Item')).value as string).length).toBe(32767);
  });
});

it('loads exceljs only when a workbook is written', () => {
  // The writing is in xlsx-cells.ts, shared by the single report and the city workbook.
  for (const f of ['single/xlsx.ts', 'shared/xlsx-cells.ts', 'batch/xlsx.ts'])
    expect(readFileSync(join(ROOT, 'src/report', f), 'utf8')).not.toMatch(/^import(?! type)[^;]*'exceljs'/m);
  expect(readFileSync(join(ROOT, 'src/report/shared/xlsx-cells.ts'), 'utf8')).toContain("await import('exceljs')");
});
