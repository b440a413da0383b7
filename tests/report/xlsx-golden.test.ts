/**
 * The sample's workbook report as a readable dump (sheet, row, and for each cell its
 * value and number format), compared with reviewed golden files: the workbook's
 * bytes are binary, the dump can be read by eye.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from '../cli/fake-io';

async function dump(lang: string): Promise<string> {
  const io = fakeIo();
  await main(['score', 'fixtures/xiyang', '--format', 'xlsx', '-o', 'out/r.xlsx', '--lang', lang], io);
  const bytes = io.written.get(join(ROOT, 'out/r.xlsx')) as Uint8Array;
  const ExcelJS = ((await import('exceljs')) as any).default ?? (await import('exceljs'));
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes));
  const lines: string[] = [];
  wb.eachSheet((ws: any) => {
    lines.push(`## ${ws.name} (frozen: ${JSON.stringify(ws.views?.[0]?.ySplit ?? 0)})`);
    ws.eachRow((row: any, r: number) => {
      const cells: string[] = [];
      row.eachCell({ includeEmpty: false }, (c: any) => {
        const fmt = c.numFmt && typeof c.value === 'number' ? ` [${c.numFmt}]` : '';
        cells.push(
          `${c.address}=${typeof c.value === 'object' && c.value !== null ? JSON.stringify(c.value) : String(c.value)}${fmt}`,
        );
      });
      lines.push(`${r}: ${cells.join(' | ')}`);
    });
  });
  return `${lines.join('\n')}\n`;
}

describe('golden workbook report (dumped)', () => {
  for (const lang of ['zh', 'en']) {
    it(`matches tests/golden/xiyang.${lang}.xlsx.txt`, async () => {
      const file = join(ROOT, `tests/golden/xiyang.${lang}.xlsx.txt`);
      const text = await dump(lang);
      if (process.env.UPDATE_GOLDEN) writeFileSync(file, text);
      expect(text).toBe(readFileSync(file, 'utf8'));
    });
  }
});
