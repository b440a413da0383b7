/** Text normalisation for matching headers and unit names. */

import { normalizeLabel } from '../labels';

export { normalizeLabel };

/** Names of rows that are totals, not units: 合计, 总计, 全县, 全县合计, 县合计, 小计 … */
const TOTAL = /^(全县|全市|全区|全省|全镇|全乡|总体|总数|total|sum|subtotal)$|^(合计|总计)|(合计|总计|小计)$/;
export const isTotalName = (name: string): boolean => TOTAL.test(totalKey(name));
const totalKey = (name: string): string => normalizeLabel(name).replace(/[:：()（）]/g, '');

/**
 * Names that can only be a total (合计, 小计, 全县合计, 乡镇小计, total): `sure`. Names
 * that look like a total but could name a unit (总计镇, 合计乡, 全县, 全镇, 总数):
 * `maybe`, a total only where its values are the sums or it ends the table.
 */
const SURE_TOTAL = /(合计|总计|小计)$|^(total|sum|subtotal)$/;
export function totalNameKind(name: string): 'sure' | 'maybe' | undefined {
  if (!isTotalName(name)) return undefined;
  return SURE_TOTAL.test(totalKey(name)) ? 'sure' : 'maybe';
}

/** Sign-off lines under a report (填表人：张丽 …), even when they spread over the value columns. */
const FOOTER =
  /^(填报单位|填表单位|单位负责人|统计负责人|负责人|填表人|制表人?|审核人?|审核|报出日期|填报日期|填表日期|联系电话|说明|备注|注)[:：]/;
export const isFooterText = (cell: string): boolean => FOOTER.test(cell.normalize('NFKC').trim().replace(/\s+/g, ''));
