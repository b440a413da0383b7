/**
 * The Markdown report (GitHub/GitLab flavour): the same content as the terminal table,
 * in the same order — per top-level unit the verdict, the vetoes, the items by section
 * (each with a collapsible explanation), the action list (整改清单), the ranking of the
 * units below — and at the end the data summary. Pure and deterministic.
 *
 * Every text that comes from the scheme or the data goes through `inline` or `cell`:
 * `< > &` become entities and Markdown punctuation is backslash-escaped, so a name can
 * neither open an HTML tag nor a link, emphasis or table column. The only HTML in the
 * document is our own `<details>`, `<summary>` and `<br>`. Control characters and bidi
 * overrides become visible escapes (`\x1b`, `\u202e`).
 */
import { gapText } from '../shared/item-words';
import { plainOps, plainTarget, plainValue, vetoPlain } from '../shared/plain';
import { say } from '../../messages/catalog';
import { formatDiagnostic, type Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Assessment, ItemResult, UnitResult } from '../../engine/types';
import { Rational } from '../../rational';
import {
  adjustedUnits,
  adjustmentAction,
  adjustmentsSummary,
  adjustmentsTitle,
  recordChange,
  recordStatus,
  selfVsAdjusted,
} from './adjustments';
import { explainItem, remedyText } from './explain';
import { fill, statusWord, t } from '../shared/i18n';
import { childrenByRank, sortItems } from '../shared/order';
import { visible } from '../shared/escape';
import { titleLine, type Stamp } from '../shared/heading';

export interface MarkdownContext extends Stamp {
  lang: Lang;
  sort: 'lost' | 'scheme';
}

const ENTITIES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/** Text from the scheme or the data, inert inside a paragraph, list item or heading; line breaks become spaces. */
export function inline(s: string): string {
  return escapeText(s).replace(/\r\n|\r|\n/g, ' ');
}

/** Text inert inside a table cell: as `inline`, with line breaks kept as `<br>`. */
export function cell(s: string): string {
  return escapeText(s).replace(/\r\n|\r|\n/g, '<br>');
}

function escapeText(s: string): string {
  // CR LF and a lone CR are line breaks here (the callers turn them into a space or <br>), not controls.
  return (
    visible(s.replace(/\r\n?/g, '\n'))
      .replace(/[&<>]/g, (c) => ENTITIES[c]!)
      .replace(/[\\`*_[\]~|#$]/g, '\\$&')
      // GFM turns bare URLs into links: break the triggers.
      .replace(/\b(https?|ftp|mailto):/gi, '$1&#58;')
      .replace(/\bwww\./gi, 'www&#46;')
  );
}

export function table(head: string[], align: ('l' | 'r')[], rows: string[][]): string[] {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(head), line(align.map((a) => (a === 'r' ? '---:' : '---'))), ...rows.map(line)];
}

const gainOf = (i: ItemResult): Rational => i.remedy?.gain ?? Rational.ZERO;

export function formatMarkdown(a: Assessment, ctx: MarkdownContext): string {
  const L = ctx.lang;
  const out: string[] = [`# ${inline(titleLine(a.scheme, ctx, L, ' '))}`, ''];
  const colon = L === 'zh' ? '：' : ': ';
  const prov = [`${t(L, 'schemeId')}${colon}\`${a.scheme.id.replace(/`/g, '')}\``];
  if (a.scheme.issuer) prov.push(`${t(L, 'issuer')}${colon}${inline(a.scheme.issuer)}`);
  if (a.scheme.document) prov.push(`${t(L, 'document')}${colon}${inline(a.scheme.document)}`);
  out.push(prov.join(' · '), '');
  for (const u of a.units) out.push(...unitReport(a, u, ctx, []));
  if (a.adjustments) out.push(...adjustmentsPart(a, L));
  out.push(...dataSummary(a, L));
  return `${out
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trimEnd()}\n`;
}

function unitReport(a: Assessment, u: UnitResult, ctx: MarkdownContext, path: string[]): string[] {
  const L = ctx.lang;
  const names = [...path, u.name];
  const out = [`## ${names.map(inline).join(' › ')}`, '', ...verdict(a, u, L), '', ...vetoes(u, L), ''];
  out.push(`### ${t(L, 'items')}`, '');
  for (const g of sectionGroups(a, u.items)) out.push(...sectionBlock(a, u, g, ctx));
  out.push(...actionList(u, L));
  if (u.children.length) {
    out.push(
      `### ${t(L, 'ranking')}${L === 'zh' ? '：' : ': '}${inline(u.children[0]!.levelTitle)}`,
      '',
      ...ranking(u, L),
      '',
    );
    // Units below with units of their own (counties of a city) get their own reports.
    for (const k of u.children) if (k.children.length) out.push(...unitReport(a, k, ctx, names));
  }
  return out;
}

function verdict(a: Assessment, u: UnitResult, L: Lang): string[] {
  const zh = L === 'zh';
  const paren = (s: string) => (zh ? `（${s}）` : ` (${s})`);
  const bonus = u.bonus.sign() > 0 ? paren(`${t(L, 'bonus')} +${showPoints(u.bonus)}`) : '';
  const parts = [`${t(L, 'score')} **${showPoints(u.score)}** / ${showPoints(u.max)}${bonus}`];
  if (!u.max.eq(a.scheme.total)) parts.push(`${t(L, 'scaledNote')}${zh ? '：' : ': '}${showPoints(u.scaled)}`);
  parts.push(`${t(L, 'passLine')} ${showPoints(a.scheme.pass)}`, `**${t(L, u.passed ? 'passed' : 'failed')}**`);
  if (u.grade) parts.push(`${t(L, 'grade')} ${inline(u.grade)}`);
  if (u.of > 1) parts.push(`${t(L, 'rank')} ${u.rank}/${u.of}`);
  const errors = a.data.findings.filter((f) => f.severity === 'error').length;
  const line = parts.join(' · ') + (errors ? paren(`**${fill(L, 'provisional', { n: errors })}**`) : '');
  const self = selfVsAdjusted(u, L);
  return self ? [line, '', `**${adjustmentsTitle(L)}**${zh ? '：' : ': '}${inline(self)}`] : [line];
}

function vetoes(u: UnitResult, L: Lang): string[] {
  const colon = L === 'zh' ? '：' : ': ';
  // The colon stays outside the emphasis: `**一票否决：**未触发` would not render bold (CommonMark flanking rules).
  const label = `**${t(L, 'vetoes')}**${colon}`;
  const hit = u.vetoes.filter((v) => v.triggered);
  const unknown = u.vetoes.filter((v) => !v.checked);
  if (!hit.length && !unknown.length)
    return [
      `${label}${t(L, 'vetoNone')}${L === 'zh' ? '（' : ' ('}${fill(L, 'vetoAllChecked', { n: u.vetoes.length })}${L === 'zh' ? '）' : ')'}`,
    ];
  const out: string[] = [];
  if (hit.length) {
    out.push(`${label}**${fill(L, 'vetoTriggeredN', { n: hit.length })}**`, '');
    for (const v of hit) {
      out.push(`- ✗ ${inline(v.title)}${colon}${inline(vetoPlain(u, v, L).seen)}`);
    }
    out.push('');
  }
  if (unknown.length) {
    out.push(`${label}**${fill(L, 'vetoUncheckedN', { n: unknown.length })}**`, '');
    for (const v of unknown) out.push(`- ? ${inline(v.title)}${colon}${inline(v.reason ? say(v.reason, L) : '')}`);
    out.push('');
  }
  return out;
}

interface Group {
  /** Heading text, already escaped. */
  title: string;
  bonus: boolean;
  items: ItemResult[];
}

/** Items grouped by section in scheme order; sections unknown to the scheme list (bonus) come last. */
function sectionGroups(a: Assessment, items: ItemResult[]): Group[] {
  const byId = new Map(a.scheme.sections.map((s) => [s.id, s]));
  const titlePath = (id: string): string[] => {
    const s = byId.get(id);
    return s ? [...(s.parent ? titlePath(s.parent) : []), s.title] : [id];
  };
  const order = new Map(a.scheme.sections.map((s, i) => [s.id, i]));
  const groups = new Map<string, Group>();
  for (const i of items) {
    const key = `${i.bonus ? 1 : 0}:${i.section}`;
    let g = groups.get(key);
    if (!g) {
      const known = byId.has(i.section);
      g = { title: i.bonus && !known ? '' : titlePath(i.section).map(inline).join(' › '), bonus: i.bonus, items: [] };
      groups.set(key, g);
    }
    g.items.push(i);
  }
  const rank = (key: string) => {
    const [b, id] = [key.startsWith('1:'), key.slice(2)];
    return (b ? 1e6 : 0) + (order.get(id) ?? 5e5);
  };
  return [...groups.entries()].sort((x, y) => rank(x[0]) - rank(y[0])).map(([, g]) => g);
}

function sectionBlock(a: Assessment, u: UnitResult, g: Group, ctx: MarkdownContext): string[] {
  const L = ctx.lang;
  let heading: string;
  if (g.bonus) {
    const earned = g.items.reduce((s, i) => s.add(i.points), Rational.ZERO);
    heading = `${g.title || t(L, 'bonusItems')} · +${showPoints(earned)}`;
  } else {
    const points = g.items.reduce((s, i) => s.add(i.points), Rational.ZERO);
    const max = g.items.reduce((s, i) => s.add(i.max), Rational.ZERO);
    heading = `${g.title} · ${showPoints(points)} / ${showPoints(max)}`;
  }
  const items = sortItems(g.items, ctx.sort);
  const rows = items.map((i) => [
    cell(i.title) + (i.adjustment ? ' \\*' : ''),
    cell(plainValue(u.fields, i, L)),
    cell(plainTarget(u.fields, i) ?? ''),
    i.gap && i.gap.sign() > 0 ? cell(gapText(i) ?? '') : '',
    showPoints(i.points),
    i.lost.sign() > 0 ? showPoints(i.lost) : '0',
    cell(i.bonus && i.status === 'failed' ? t(L, 'notEarned') : statusWord(L, i.status)),
  ]);
  const head = [t(L, 'item'), t(L, 'value'), t(L, 'target'), t(L, 'gap'), t(L, 'points'), t(L, 'lost'), t(L, 'status')];
  const explained = items.map(
    (i) =>
      `- **${inline(i.title)}**${L === 'zh' ? '：' : ': '}${inline(plainOps(explainItem(u.fields, i, L, a.scheme.labels)))}`,
  );
  return [
    `#### ${heading}`,
    '',
    ...table(head, ['l', 'r', 'l', 'r', 'r', 'r', 'l'], rows),
    '',
    `<details><summary>${t(L, 'explained')}</summary>`,
    '',
    ...explained,
    '',
    '</details>',
    '',
  ];
}

/** "Item: lever change, recovers N points", without repeating the title when the lever is the item. */
function remedyLine(i: ItemResult, L: Lang): string {
  const text = remedyText(i.remedy!, L);
  return inline(text.startsWith(i.title) ? text : `${i.title}${L === 'zh' ? '：' : ' — '}${text}`);
}

/** By points recoverable, most first; equal gains keep the order given (points lost, then scheme). */
function byGain<T>(xs: T[], gain: (x: T) => Rational): T[] {
  return xs
    .map((x, i) => [x, i] as const)
    .sort((a, b) => gain(b[0]).cmp(gain(a[0])) || a[1] - b[1])
    .map(([x]) => x);
}

function actionList(u: UnitResult, L: Lang): string[] {
  const own = byGain(
    sortItems(u.items, 'lost').filter((i) => i.remedy),
    gainOf,
  );
  const below = byGain(
    // Below, only changes that recover points: the rest would drown the list.
    u.children.flatMap((k) =>
      sortItems(k.items, 'lost')
        .filter((i) => i.remedy?.reachable && gainOf(i).sign() > 0)
        .map((i) => ({ k, i })),
    ),
    (x) => gainOf(x.i),
  );
  if (!own.length && !below.length) return [];
  const out = [`### ${t(L, 'actionList')}`, ''];
  if (own.length) out.push(...own.map((i, n) => `${n + 1}. ${remedyLine(i, L)}`), '');
  if (below.length) {
    out.push(`#### ${inline(fill(L, 'actionByLevel', { level: u.children[0]!.levelTitle }))}`, '');
    out.push(...below.map(({ k, i }, n) => `${n + 1}. **${inline(k.name)}** · ${remedyLine(i, L)}`), '');
  }
  return out;
}

function ranking(u: UnitResult, L: Lang): string[] {
  const kids = childrenByRank(u);
  const rows = kids.map((k) => {
    const worst = sortItems(
      k.items.filter((i) => i.lost.sign() > 0),
      'lost',
    )
      .slice(0, 2)
      .map((i) =>
        cell(
          `${i.title} ${i.status === 'missing' || i.status === 'invalid' ? statusWord(L, i.status) : plainValue(k.fields, i, L)} −${showPoints(i.lost)}`,
        ),
      )
      .join('<br>');
    const veto = k.vetoes.some((v) => v.triggered) ? ' ✗' : k.vetoes.some((v) => !v.checked) ? ' ?' : '';
    return [
      String(k.rank),
      cell(k.name),
      `${showPoints(k.score)} / ${showPoints(k.max)}`,
      showPoints(k.scaled),
      cell(k.grade ?? '') + veto,
      worst || t(L, 'none'),
    ];
  });
  const head = [
    t(L, 'rank'),
    cell(u.children[0]!.levelTitle),
    t(L, 'score'),
    t(L, 'scaledHead'),
    t(L, 'gradeHead'),
    t(L, 'worst'),
  ];
  return table(head, ['r', 'l', 'r', 'r', 'l', 'l'], rows);
}

/** Every line of the adjustments file, applied or not; the self-assessed scores beside the adjusted ones. */
function adjustmentsPart(a: Assessment, L: Lang): string[] {
  const zh = L === 'zh';
  const asOf = a.adjustments!.asOf;
  const out = [`## ${adjustmentsTitle(L)}`, '', inline(adjustmentsSummary(a, L)), ''];
  const units = adjustedUnits(a.units);
  if (units.length)
    out.push(...units.map((u) => `- **${inline(u.name)}**${zh ? '：' : ': '}${inline(selfVsAdjusted(u, L)!)}`), '');
  const head = zh
    ? ['单位', '指标', '核定', '自评 → 核定', '理由', '核查单位', '文号', '日期', '状态']
    : ['Unit', 'Item', 'Adjustment', 'Self → adjusted', 'Reason', 'Authority', 'Document', 'Date', 'Status'];
  const rows = a.adjustments!.list.map((r) => [
    cell(r.unit.name),
    cell(r.item.title),
    cell(adjustmentAction(r, L)),
    recordChange(r),
    cell(r.reason),
    cell(r.authority),
    cell(r.document ?? ''),
    cell(r.expires ? `${r.date} – ${r.expires}` : r.date),
    cell(recordStatus(r, asOf, L)),
  ]);
  if (rows.length) out.push(...table(head, ['l', 'l', 'l', 'r', 'l', 'l', 'l', 'l', 'l'], rows), '');
  return out;
}

function dataSummary(a: Assessment, L: Lang): string[] {
  const d = a.data;
  const n = (sev: string) => d.findings.filter((f) => f.severity === sev).length;
  const sep = L === 'zh' ? '；' : '; ';
  const comma = L === 'zh' ? '，' : ', ';
  const counts = [
    fill(L, 'nErrors', { n: n('error') }),
    fill(L, 'nWarnings', { n: n('warning') }),
    fill(L, 'nNotes', { n: n('note') }),
  ].join(comma);
  const out = [
    `## ${t(L, 'data')}`,
    '',
    `${fill(L, 'dataRows', { read: d.read, used: d.used, rejected: d.rejected })}${sep}${counts}`,
    '',
  ];
  if (d.files.length) {
    const rows = d.files.map((f) => [
      cell(f.file),
      cell(f.encoding),
      String(f.read),
      String(f.used),
      String(f.rejected),
    ]);
    out.push(
      ...table(
        [t(L, 'file'), t(L, 'encoding'), t(L, 'rowsRead'), t(L, 'rowsUsed'), t(L, 'rowsNotUsed')],
        ['l', 'l', 'r', 'r', 'r'],
        rows,
      ),
      '',
    );
  }
  // Errors and warnings listed; notes only counted.
  const listed = d.findings.filter((f) => f.severity !== 'note');
  if (listed.length) out.push(...listed.map((f) => `- ${inline(formatDiagnostic(f, L))}`), '');
  return out;
}
