/** Small workbooks for the limit tests. */
import ExcelJS from 'exceljs';

/** A workbook of `rows` data rows × 5 columns under a header, in sheet 数据 (and an optional second sheet). */
export async function workbook(rows: number, second?: number): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const fill = (ws: ExcelJS.Worksheet, n: number) => {
    ws.addRow(['乡镇', '总人口', '出生人数', '政策内出生数', '出生男婴']);
    for (let i = 0; i < n; i++) ws.addRow([`乡${i}`, 1000 + i, 10, 9, 5]);
  };
  fill(wb.addWorksheet('数据'), rows);
  if (second !== undefined) fill(wb.addWorksheet('第二表'), second);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}
