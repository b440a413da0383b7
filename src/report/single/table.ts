/**
 * The terminal report: verdict first, vetoes, every item (sorted by points lost or in
 * scheme order), then the ranking of the units below with their worst items.
 * Returns a string; colour only when the context says so. Fits 100 columns. Text from
 * the files shows its control characters as escapes (`visibleData`).
 */
import { gapText } from '../shared/item-words';
import { plainTarget, plainValue, vetoPlain } from '../shared/plain';
import { say } from '../../messages/catalog';
import { Chalk, type ChalkInstance } from 'chalk';
import { formatDiagnostic, type Lang } from '../../diagnostics';
import { showPoints } from '../shared/display';
import type { Assessment, ItemResult, Status, UnitResult } from '../../engine/types';
import {
  adjustedUnits,
  adjustmentAction,
  adjustmentSource,
  adjustmentsSummary,
  adjustmentsTitle,
  notAppliedWhy,
  recordChange,
  selfVsAdjusted,
} from './adjustments';
import { remedyText } from './explain';
import { fixText, unitLineTexts } from './explain-lines';
import { grid } from '../shared/grid';
import { statusWord, t } from '../shared/i18n';
import { childrenByRank, sortItems } from '../shared/order';
import { visible, visibleData } from '../shared/escape';
import { titleLine } from '../shared/heading';

export interface TableContext {
  lang: Lang;
  color: boolean;
  sort: 'lost' | 'scheme';
  /** Show notes among the findings (`--verbose`). */
  verbose?: boolean;
  /** The assessed period, when known. */
  period?: string | null;
  /** The reference date, only when given (`--as-of`). */
  asOf?: string;
}

export function formatTable(input: Assessment, ctx: TableContext): string {
  const a = visibleData(input);
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const out: string[] = [];
  out.push(c.bold(titleLine(a.scheme, ctx, ctx.lang)));
  for (const u of a.units) out.push('', ...unitReport(a, u, ctx, c));
  if (a.adjustments) out.push('', ...adjustmentsBlock(a, ctx, c));
  out.push('', dataSummary(a, ctx));
  return `${out.join('\n')}\n`;
}

function statusColor(c: ChalkInstance, s: Status): (x: string) => string {
  return s === 'met' ? c.green : s === 'partial' ? c.yellow : s === 'na' ? c.gray : c.red;
}

function verdict(a: Assessment, u: UnitResult, ctx: TableContext, c: ChalkInstance): string[] {
  const L = ctx.lang;
  const zh = L === 'zh';
  const colon = zh ? '：' : ': ';
  const pass = u.passed ? c.green.bold(t(L, 'passed')) : c.red.bold(t(L, 'failed'));
  const scaled = u.max.eq(a.scheme.total)
    ? ''
    : zh
      ? `  （${t(L, 'scaledNote')}：${showPoints(u.scaled)}）`
      : `  (${t(L, 'scaledNote')}: ${showPoints(u.scaled)})`;
  const bonus =
    u.bonus.sign() > 0
      ? zh
        ? `（${t(L, 'bonus')} +${showPoints(u.bonus)}）`
        : ` (${t(L, 'bonus')} +${showPoints(u.bonus)})`
      : '';
  const grade = u.grade ? `  ${t(L, 'grade')} ${u.grade}` : '';
  const rank = u.of > 1 ? `  ${t(L, 'rank')} ${u.rank}/${u.of}` : '';
  const errors = a.data.findings.filter((f) => f.severity === 'error').length;
  const provisional = errors
    ? c.red(
        zh
          ? `  （数据有 ${errors} 个错误，结果仅供参考）`
          : `  (the data has ${errors} error${errors === 1 ? '' : 's'}: provisional)`,
      )
    : '';
  const lines = [
    `${c.bold(u.name)}  ${t(L, 'score')} ${c.bold(showPoints(u.score))} / ${showPoints(u.max)}${bonus}${scaled}  ${t(L, 'passLine')} ${showPoints(a.scheme.pass)}  ${pass}${grade}${rank}${provisional}`,
  ];
  lines.push(...unitLineTexts(u, L).map((x) => visible(x)));
  const self = selfVsAdjusted(u, L);
  if (self) lines.push(c.bold(`${adjustmentsTitle(L)}${colon}${self}`));
  const hit = u.vetoes.filter((v) => v.triggered);
  const unknown = u.vetoes.filter((v) => !v.checked);
  if (hit.length === 0 && unknown.length === 0) {
    lines.push(
      `${t(L, 'vetoes')}${colon}${c.green(t(L, 'vetoNone'))}${zh ? `（共 ${u.vetoes.length} 项，均已检查）` : ` (all ${u.vetoes.length} checked)`}`,
    );
  }
  if (hit.length) {
    lines.push(c.red.bold(`${t(L, 'vetoes')}${colon}${zh ? `触发 ${hit.length} 项` : `${hit.length} TRIGGERED`}`));
    for (const v of hit) {
      lines.push(c.red(`  ✗ ${v.title}${colon}${visible(vetoPlain(u, v, L).seen)}`));
    }
  }
  if (unknown.length) {
    lines.push(
      c.yellow.bold(
        `${t(L, 'vetoes')}${colon}${zh ? `${unknown.length} 项无法检查（不能判定通过）` : `${unknown.length} could not be checked (so no pass)`}`,
      ),
    );
    for (const v of unknown) lines.push(c.yellow(`  ? ${v.title}${colon}${v.reason ? say(v.reason, L) : ''}`));
  }
  return lines;
}

function itemsTable(u: UnitResult, items: ItemResult[], ctx: TableContext, c: ChalkInstance): string {
  const L = ctx.lang;
  const rows: string[][] = [];
  for (const i of items) {
    const color = statusColor(c, i.status);
    const gap = i.gap && i.gap.sign() > 0 ? (gapText(i) ?? '') : '';
    rows.push([
      `${i.bonus ? `+ ${i.title}` : i.title}${i.adjustment ? ' *' : ''}`,
      plainValue(u.fields, i, L),
      visible(plainTarget(u.fields, i) ?? ''),
      gap,
      showPoints(i.points),
      i.lost.sign() > 0 ? c.red(showPoints(i.lost)) : showPoints(i.lost),
      color(i.bonus && i.status === 'failed' ? t(L, 'notEarned') : statusWord(L, i.status)),
    ]);
  }
  return grid(rows, {
    head: [t(L, 'item'), t(L, 'value'), t(L, 'target'), t(L, 'gap'), t(L, 'points'), t(L, 'lost'), t(L, 'status')],
    widths: [25, 9, 12, 8, 6, 6, 12],
    headStyle: c.cyan,
    border: c.gray,
  });
}

/** What it takes: one line per item that a lever change would fix. */
function remedies(items: ItemResult[], ctx: TableContext, c: ChalkInstance, u: UnitResult): string[] {
  const withRemedy = items.filter((i) => i.remedy || i.fix);
  if (!withRemedy.length) return [];
  const line = (i: ItemResult) => {
    const text = i.remedy ? remedyText(i.remedy, ctx.lang) : visible(fixText(i, u, ctx.lang)!);
    return text.startsWith(i.title) ? `  • ${text}` : `  • ${i.title}${ctx.lang === 'zh' ? '：' : ': '}${text}`;
  };
  return ['', c.bold(`${t(ctx.lang, 'remedy')}${ctx.lang === 'zh' ? '：' : ':'}`), ...withRemedy.map(line)];
}

const ACTIONS_SHOWN = 10;

/** The action list (整改清单) of the units below: lever changes ordered by points recovered. */
function actions(u: UnitResult, ctx: TableContext, c: ChalkInstance): string[] {
  const zh = ctx.lang === 'zh';
  const list: { k: UnitResult; i: ItemResult }[] = [];
  const walk = (k: UnitResult) => {
    for (const i of k.items) if (i.remedy?.reachable && i.remedy.gain && i.remedy.gain.sign() > 0) list.push({ k, i });
    k.children.forEach(walk);
  };
  u.children.forEach(walk);
  if (!list.length) return [];
  list.sort((x, y) => y.i.remedy!.gain!.cmp(x.i.remedy!.gain!));
  const level = u.children[0]!.levelTitle;
  const more = list.length - ACTIONS_SHOWN;
  return [
    '',
    c.bold(zh ? `整改清单（${level}，按可挽回分值）：` : `Action list (${level}, by points recovered):`),
    ...list
      .slice(0, ACTIONS_SHOWN)
      .map(({ k, i }) => `  • ${k.name} — ${i.title}${zh ? '：' : ': '}${remedyText(i.remedy!, ctx.lang)}`),
    ...(more > 0
      ? [
          zh
            ? `  ……另有 ${more} 项（--format json 或 md 中可见全部）`
            : `  … ${more} more (all of them in --format json or md)`,
        ]
      : []),
  ];
}

function ranking(u: UnitResult, ctx: TableContext, c: ChalkInstance): string {
  const L = ctx.lang;
  const level = u.children[0]?.levelTitle ?? '';
  const rows: string[][] = [];
  const kids = childrenByRank(u);
  for (const k of kids) {
    const worst = sortItems(
      k.items.filter((i) => i.lost.sign() > 0),
      'lost',
    )
      .slice(0, 2)
      .map(
        (i) =>
          `${i.title} ${i.status === 'missing' || i.status === 'invalid' ? statusWord(L, i.status) : plainValue(k.fields, i, L)} −${showPoints(i.lost)}`,
      )
      .join('\n');
    const veto = k.vetoes.some((v) => v.triggered) ? ' ✗' : k.vetoes.some((v) => !v.checked) ? ' ?' : '';
    rows.push([
      String(k.rank),
      k.self ? `${k.name} *` : k.name,
      `${showPoints(k.score)} / ${showPoints(k.max)}`,
      showPoints(k.scaled),
      (k.grade ?? '') + veto,
      worst || t(L, 'none'),
    ]);
  }
  return grid(rows, {
    head: [t(L, 'rank'), level, t(L, 'score'), t(L, 'scaledHead'), t(L, 'gradeHead'), t(L, 'worst')],
    widths: [4, 12, 12, 6, 8, 35],
    headStyle: c.cyan,
    border: c.gray,
  });
}

function unitReport(a: Assessment, u: UnitResult, ctx: TableContext, c: ChalkInstance): string[] {
  const out = verdict(a, u, ctx, c);
  const items = sortItems(u.items, ctx.sort);
  out.push('', itemsTable(u, items, ctx, c), ...remedies(items, ctx, c, u));
  if (u.children.length) {
    out.push(
      '',
      c.bold(`${t(ctx.lang, 'ranking')}${ctx.lang === 'zh' ? '：' : ': '}${u.children[0]!.levelTitle}`),
      ranking(u, ctx, c),
      ...actions(u, ctx, c),
    );
    // Grandchildren (e.g. townships of each county in a city) get their own sections.
    for (const k of u.children) if (k.children.length) out.push('', ...unitReport(a, k, ctx, c));
  }
  return out;
}

/** Every line of the adjustments file: applied (marked * above) or not, and why. */
function adjustmentsBlock(a: Assessment, ctx: TableContext, c: ChalkInstance): string[] {
  const L = ctx.lang;
  const zh = L === 'zh';
  const colon = zh ? '：' : ': ';
  const asOf = a.adjustments!.asOf;
  const out = [
    c.bold(`${adjustmentsTitle(L)}${zh ? '（标 * 者）' : ' (marked *)'}${colon}${adjustmentsSummary(a, L)}`),
  ];
  for (const u of adjustedUnits(a.units)) out.push(`  ${u.name}${colon}${selfVsAdjusted(u, L)}`);
  for (const r of a.adjustments!.list) {
    const why = notAppliedWhy(r, asOf, L);
    const change = recordChange(r);
    const what = `${adjustmentAction(r, L)}${change ? (zh ? `（${change}）` : ` (${change})`) : ''}`;
    const line = `  ${why ? '✗' : '•'} ${r.unit.name} — ${r.item.title}${colon}${what}${zh ? '；理由：' : '; reason: '}${r.reason}${zh ? '；' : '; '}${adjustmentSource(r, L)}`;
    out.push(why ? c.yellow(`${line}${zh ? '；' : '; '}${why}`) : line);
  }
  return out;
}

function dataSummary(a: Assessment, ctx: TableContext): string {
  const d = a.data;
  const n = (sev: string) => d.findings.filter((f) => f.severity === sev).length;
  const [errors, warnings, notes] = [n('error'), n('warning'), n('note')];
  const zh = ctx.lang === 'zh';
  const noteText =
    notes && !ctx.verbose
      ? zh
        ? `（另有提示 ${notes} 个，--verbose 显示）`
        : ` (${notes} note${notes === 1 ? '' : 's'}: --verbose shows ${notes === 1 ? 'it' : 'them'})`
      : '';
  const lines = [
    zh
      ? `数据：读入 ${d.read} 行，使用 ${d.used} 行，未使用 ${d.rejected} 行；错误 ${errors} 个，警告 ${warnings} 个${noteText}`
      : `Data: ${d.read} rows read, ${d.used} used, ${d.rejected} not used; ${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}${noteText}`,
  ];
  for (const f of d.findings)
    if (ctx.verbose || f.severity !== 'note') lines.push(`  ${formatDiagnostic(f, ctx.lang)}`);
  return lines.join('\n');
}
