/** The forecast as Markdown: the heading lines, the units' table, then each unit's items at risk. */
import type { Lang } from '../../diagnostics';
import type { Forecast } from '../../forecast/types';
import { say } from '../../messages/catalog';
import { message } from '../../messages/codes';
import { cell, inline, table } from '../shared/markdown-text';
import { atRisk, stillShort, col, headingLines, ITEM_COLUMNS, itemRow, UNIT_COLUMNS, unitRow } from './words';

export function formatForecastMarkdown(f: Forecast, ctx: { lang: Lang }): string {
  const { lang } = ctx;
  const [title, ...rest] = headingLines(f, lang);
  const out = [`# ${inline(title!)}`, '', ...rest.map((l) => `${inline(l)}  `), ''];
  out.push(
    ...table(
      UNIT_COLUMNS.map((k) => col(lang, k)),
      ['l', 'r', 'r', 'r', 'l', 'r'],
      f.units.map((u) => unitRow(u, lang).map(cell)),
    ),
  );
  if (!f.units.some((u) => atRisk(u).length)) out.push('', inline(say(message('forecast/no-risk', {}), lang)));
  for (const u of f.units) {
    const [items, short] = [atRisk(u), stillShort(u, lang)];
    if (!items.length && !short) continue;
    out.push('', `## ${inline(say(message('forecast/risks-of', { unit: u.name }), lang))}`, '');
    const head = ITEM_COLUMNS.map((k) => col(lang, k));
    if (items.length)
      out.push(
        ...table(
          head,
          ['l', 'r', 'r', 'l'],
          items.map((i) => itemRow(i, lang).map(cell)),
        ),
        '',
      );
    if (short) out.push(inline(short));
  }
  return `${out.join('\n')}\n`;
}
