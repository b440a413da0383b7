/**
 * Files that look like data and are not: Excel/WPS/LibreOffice lock files, and .xls
 * workbooks (Excel 97–2003, not read: see docs/data-preparation.md), with what an
 * .xls name really holds (an Excel 97–2003 workbook, an .xlsx, a web page, text).
 */
import * as path from 'node:path';

/** `~$报表.xlsx` (Excel, WPS) or `.~lock.报表.xlsx#` (LibreOffice). */
export const isLockFile = (file: string): boolean => {
  const name = path.basename(file);
  return name.startsWith('~$') || (name.startsWith('.~lock.') && name.endsWith('#'));
};

export const XLS = /\.xls$/i;

/** What bytes named .xls are: the OLE2 compound file of Excel 97–2003, a zip (an .xlsx), a web page, or text. */
export function xlsKind(b: Uint8Array): 'binary' | 'zip' | 'html' | 'text' {
  if (b.length >= 8 && [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1].every((x, i) => b[i] === x)) return 'binary';
  if (b.length >= 4 && b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'zip';
  const head = new TextDecoder('utf-8')
    .decode(b.subarray(0, 1024))
    .replace(/^\uFEFF/, '')
    .trimStart()
    .toLowerCase();
  if (/^<(!doctype html|html|table|\?xml|meta|head|body)/.test(head) || head.includes('<table')) return 'html';
  // Anything else: no known signature; most often a CSV export under an .xls name.
  return b.some((x) => x === 0) ? 'binary' : 'text';
}
