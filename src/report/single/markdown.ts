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
import type { Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Assessment, ItemResult, UnitResult } from '../../engine/types';
import { Rational } from '../../rational';
import { adjustmentsTitle, selfVsAdjusted } from './adjustments';
import { explainItem, remedyText } from './explain';
import { fixText, unitLineTexts } from './explain-lines';
import { fill, statusWord, t } from '../shared/i18n';
import { sortItems } from '../shared/order';
import { titleLine, type Stamp } from '../shared/heading';
import { cell, inline, table } from '../shared/markdown-text';
import { adjustmentsPart, dataSummary, ranking } from './markdown-parts';

export interface MarkdownContext extends Stamp {
  lang: Lang;
  sort: 'lost' | 'scheme';
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
  const lines = unitLineTexts(u, L).flatMap((x) => ['', inline(x)]);
  return self ? [line, ...lines, '', `**${adjustmentsTitle(L)}**${zh ? '：' : ': '}${inline(self)}`] : [line, ...lines];
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
function remedyLine(i: ItemResult, L: Lang, u?: UnitResult): string {
  const text = i.remedy ? remedyText(i.remedy, L) : (fixText(i, u!, L) ?? '');
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
    sortItems(u.items, 'lost').filter((i) => i.remedy || i.fix),
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
  if (own.length) out.push(...own.map((i, n) => `${n + 1}. ${remedyLine(i, L, u)}`), '');
  if (below.length) {
    out.push(`#### ${inline(fill(L, 'actionByLevel', { level: u.children[0]!.levelTitle }))}`, '');
    out.push(...below.map(({ k, i }, n) => `${n + 1}. **${inline(k.name)}** · ${remedyLine(i, L)}`), '');
  }
  return out;
}
