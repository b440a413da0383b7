/** The forecast as a terminal table: the heading lines, the units, then each unit's items at risk. */
import { Chalk, type ChalkInstance } from 'chalk';
import type { Lang } from '../../diagnostics';
import type { Forecast } from '../../forecast/types';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';
import { visibleLine } from '../shared/escape';
import { grid, textWidth } from '../shared/grid';
import { atRisk, stillShort, col, headingLines, ITEM_COLUMNS, itemRow, UNIT_COLUMNS, unitRow } from './words';

const widthsOf = (rows: string[][], max: number[]): number[] =>
  max.map((m, c) => Math.min(m, Math.max(...rows.map((r) => textWidth(r[c]!)))));

export function formatForecastText(f: Forecast, ctx: { lang: Lang; color: boolean }): string {
  const { lang } = ctx;
  const c: ChalkInstance = new Chalk({ level: ctx.color ? 1 : 0 });
  const out = headingLines(f, lang).map((l, i) => (i === 0 ? c.bold(visibleLine(l)) : visibleLine(l)));
  const head = UNIT_COLUMNS.map((k) => col(lang, k));
  const rows = f.units.map((u) => unitRow(u, lang).map(visibleLine));
  out.push('', grid(rows, { head, widths: widthsOf([head, ...rows], [24, 10, 12, 14, 28, 10]) }));
  if (!f.units.some((u) => atRisk(u).length)) out.push('', say(message('forecast/no-risk', {}), lang));
  for (const u of f.units) {
    const [items, short] = [atRisk(u), stillShort(u, lang)];
    if (!items.length && !short) continue;
    out.push('', c.bold(visibleLine(say(message('forecast/risks-of', { unit: u.name }), lang))));
    const ihead = ITEM_COLUMNS.map((k) => col(lang, k));
    const irows = items.map((i) => itemRow(i, lang).map(visibleLine));
    if (items.length) out.push(grid(irows, { head: ihead, widths: widthsOf([ihead, ...irows], [30, 28, 14, 36]) }));
    if (short) out.push(visibleLine(short));
  }
  return `${out.join('\n')}\n`;
}
