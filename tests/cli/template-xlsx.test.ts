/**
 * The template as an analyst needs it (issue 11, point 3): units from last month's
 * workbook, and each field's column checked as it is typed (是/否 lists, whole numbers
 * from 0 for counts, percent format), with a hint in the header's note.
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from './fake-io';

const tmp = fs.mkdtempSync(join(os.tmpdir(), 'pinggu-template-xlsx-'));
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

const written = (io: ReturnType<typeof fakeIo>, rel: string): Buffer =>
  Buffer.from(io.written.get(join(ROOT, rel)) as Uint8Array);

async function load(bytes: Buffer): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as never);
  return wb;
}

describe('template --units from a workbook', () => {
  it('reads the townships of an .xlsx (title row, 合计 skipped) into the template', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('乡镇').addRows([
      ['昔阳县乡镇名单'],
      ['乡镇', '区划代码', '期末总人口'],
      ['乐平镇', '140724100', 62140],
      ['皋落镇', '140724101', 22630],
      ['合计', '', 84770],
    ]);
    const units = join(tmp, 'report.xlsx');
    fs.writeFileSync(units, Buffer.from(await wb.xlsx.writeBuffer()));
    const io = fakeIo();
    expect(
      await main(['template', '--units', units, '-o', 'out/t.csv', '--encoding', 'utf-8', '--lang', 'en'], io),
    ).toBe(0);
    const text = new TextDecoder().decode(written(io, 'out/t.csv'));
    expect(
      text
        .split('\r\n')
        .slice(1, 3)
        .map((l) => l.split(',').slice(0, 2).join(',')),
    ).toEqual(['乐平镇,140724100', '皋落镇,140724101']);
  });

  it('an .xls units file is said, with how to re-save it', async () => {
    const units = join(tmp, 'old.xls');
    fs.writeFileSync(units, Uint8Array.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    const io = fakeIo();
    expect(await main(['template', '--units', units, '-o', 'out/t.csv', '--lang', 'zh'], io)).toBe(2);
    expect(io.err).toMatch(
      /old\.xls:1:1: 错误: 这是 Excel 97–2003 工作簿（\.xls），本程序不读取；请用 Excel 或 WPS 打开，另存为 \.xlsx 或 CSV/,
    );
  });
});

describe('the template workbook checks what is typed', () => {
  it('是/否 lists, whole numbers from 0 for counts, percent format, the hint in the header note', async () => {
    const io = fakeIo();
    expect(await main(['template', '-o', 'out/t.xlsx', '--lang', 'zh'], io)).toBe(0);
    const wb = await load(written(io, 'out/t.xlsx'));
    const town = wb.getWorksheet('乡镇')!;
    const county = wb.getWorksheet('县')!;
    const col = (ws: ExcelJS.Worksheet, label: string) => (ws.getRow(1).values as unknown[]).indexOf(label);
    const letter = (ws: ExcelJS.Worksheet, label: string) => ws.getColumn(col(ws, label)).letter;
    // A count: 期末总人口.
    const pop = town.getCell(`${letter(town, '期末总人口')}5`);
    expect(pop.dataValidation).toMatchObject({
      type: 'whole',
      operator: 'greaterThanOrEqual',
      formulae: [0],
      showErrorMessage: true,
    });
    expect(town.getRow(1).getCell(col(town, '期末总人口')).note).toBe('期末总人口：填 0 或正整数');
    // A yes/no field: 有领导小组.
    expect(county.getCell(`${letter(county, '有领导小组')}2`).dataValidation).toMatchObject({
      type: 'list',
      formulae: ['"是,否"'],
    });
    // A percent field: 育龄群众满意率, shown as a percentage.
    const rate = county.getCell(`${letter(county, '育龄群众满意率')}2`);
    expect(rate.numFmt).toMatch(/%$/);
    expect(county.getRow(1).getCell(col(county, '育龄群众满意率')).note).toMatch(/百分数：输入 92\.5/);
    expect(town.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });
});
