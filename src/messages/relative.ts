/**
 * The messages of relative scoring (docs/scheme.md#relative-scoring): the scheme's
 * lint, the engine's warning when there is nothing to be relative to, and the words
 * of `explain` and the remedy. Values arrive already shown (`93.5%`), never as words.
 */
import type { Rational } from '../rational';
import { type Renderers, en, zh } from './render';

/** Where a function of relative scoring was used, and where it may not be. */
export type PeerPlace = 'formula' | 'check' | 'veto' | 'target';

export interface RelativeArgs {
  /** A peer function or value() outside an item's target and rule. */
  'scheme/peer-place': { fn: string; place: PeerPlace };
  /** A peer function's argument: not an item id, an unknown item, an item at a higher level, or one with no better way. */
  'scheme/peer-item':
    | { kind: 'not-an-id'; fn: string; item: string }
    | { kind: 'unknown'; fn: string; item: string }
    | { kind: 'higher-level'; fn: string; item: string; level: string }
    | { kind: 'no-direction'; fn: string; item: string; target: string };
  /** A name inside last_year(…) with no field holding its last-year figure. */
  'scheme/last-year-field': { name: string };
  /** A field's last_year names no field, or a field of another type or level. */
  'scheme/last-year-of': { field: string; of: string; kind: 'unknown' | 'mismatch' };
  /** Items scored relative to their peers, where there are none with a value. */
  'relative/no-peers': { items: string[]; level: string; parent?: string; units: number; withValue: number };
  /** The peers an item was scored against, for explain (values as shown). */
  'relative/peers': {
    item?: string;
    level: string;
    parent?: string;
    count: number;
    units: number;
    mean?: string;
    best?: string;
    worst?: string;
    rank?: number;
  };
  /** The calculation of an item that had no peers to be relative to. */
  'relative/no-peers-calc': { level: string; units: number; withValue: number };
  /** The `formula` rule's calculation: the formula's value, capped. */
  'relative/formula-calc': { raw: Rational; points: Rational; kind?: 'zero' | 'points' };
  /** Said after a remedy whose target is relative. */
  'relative/remedy-moves': Record<string, never>;
}

const p = (x: Rational) => x.toDecimal(2);
const among = (a: { level: string; parent?: string }, lang: 'en' | 'zh') =>
  lang === 'en'
    ? a.parent
      ? `the ${a.level} units of ${a.parent}`
      : `the top-level ${a.level} units of the run`
    : a.parent
      ? `${a.parent}所辖各${a.level}`
      : `本次评估的各${a.level}`;

export const RELATIVE: Renderers<RelativeArgs> = {
  'scheme/peer-place': {
    en: (a) =>
      a.place === 'target'
        ? `${a.fn} is the item's value, already what the target compares; it belongs in rule: { type: formula, points: … } only`
        : `${a.fn} is not allowed in a ${a.place}: peer values and value() belong in an item's target or rule (the formula gives the unit's own value); move it to the target or to rule: { type: formula }`,
    zh: (a) =>
      a.place === 'target'
        ? `${a.fn} 就是本指标的数值，目标本来就拿它比较；它只用于 rule: { type: formula, points: … }`
        : `${a.fn} 不能用在${{ formula: '公式', check: '数据校验', veto: '一票否决条件' }[a.place]}中：平均值、最优值等和 value() 只用于指标的 target 或 rule（formula 给出单位自身的数值）；请移到 target 或 rule: { type: formula }`,
  },
  'scheme/peer-item': {
    en: (a) =>
      a.kind === 'not-an-id'
        ? `${a.fn}(…) takes an item id, not "${a.item}"; write ${a.fn}() for this item or ${a.fn}(item_id)`
        : a.kind === 'unknown'
          ? `${a.fn}(${a.item}): no item "${a.item}"; name an item of the scheme`
          : a.kind === 'higher-level'
            ? `${a.fn}(${a.item}): item "${a.item}" is scored from the ${a.level} level up, so units below have no peers with its value; use it on items of that level (scope: ${a.level})`
            : `${a.fn}(${a.item}): "best", "worst" and rank follow the target's direction, and "${a.target}" has none; give item "${a.item}" a target ">= x" or "<= x", or use peer_mean()`,
    zh: (a) =>
      a.kind === 'not-an-id'
        ? `${a.fn}(…) 的参数应是指标 id，而不是“${a.item}”；本指标写 ${a.fn}()，其他指标写 ${a.fn}(指标id)`
        : a.kind === 'unknown'
          ? `${a.fn}(${a.item})：没有指标“${a.item}”；请写方案中的指标 id`
          : a.kind === 'higher-level'
            ? `${a.fn}(${a.item})：指标“${a.item}”从 ${a.level} 级起才计分，下级单位没有可比的数值；请只在该级指标中使用（scope: ${a.level}）`
            : `${a.fn}(${a.item})：最优、最差和名次按目标方向确定，而“${a.target}”没有方向；请给指标“${a.item}”写“>= x”或“<= x”目标，或改用 peer_mean()`,
  },
  'scheme/last-year-field': {
    en: (a) =>
      `last_year(…) reads last year's figure of "${a.name}", but no field holds it; add a field with last_year: ${a.name} (the column of last year's figure)`,
    zh: (a) =>
      `last_year(…) 要读取“${a.name}”的去年数，但没有对应字段；请增加一个字段并写 last_year: ${a.name}（去年数所在列）`,
  },
  'scheme/last-year-of': {
    en: (a) =>
      a.kind === 'unknown'
        ? `field "${a.field}": last_year names "${a.of}", which is not a field; name the field whose last-year figure this column holds`
        : `field "${a.field}": last year's figure of "${a.of}" must have its type and scope; make them the same`,
    zh: (a) =>
      a.kind === 'unknown'
        ? `字段“${a.field}”：last_year 写的“${a.of}”不是字段；请写本列所存去年数对应的字段 id`
        : `字段“${a.field}”：作为“${a.of}”的去年数，类型和 scope 须与之相同；请改为一致`,
  },
  'relative/no-peers': {
    en: (a) =>
      `${en(a.items)} ${a.items.length === 1 ? 'is' : 'are'} scored relative to ${among(a, 'en')}, but ${a.units === 1 ? `the run has only this one (${a.withValue} with a value)` : `only ${a.withValue} of ${a.units} have a value`}: not relative to anything, so 0 as missing data; score the ${a.level} units together in one run (one file or folder with all of them)`,
    zh: (a) =>
      `${zh(a.items)} 按${among(a, 'zh')}相对计分，但${a.units === 1 ? `本次只有这一个${a.level}（${a.withValue} 个有数值）` : `${a.units} 个中只有 ${a.withValue} 个有数值`}：无从比较，按缺数据记 0 分；请把各${a.level}放在同一次评估中（同一文件或文件夹）`,
  },
  'relative/peers': {
    en: (a) =>
      `${a.item ? `${a.item} over ` : ''}${among(a, 'en')}: ${a.count} of ${a.units} with a value${a.mean ? `, mean ${a.mean}` : ''}${a.best ? `, best ${a.best}` : ''}${a.worst ? `, worst ${a.worst}` : ''}${a.rank ? `; this unit ranks ${a.rank} of ${a.count}` : ''}`,
    zh: (a) =>
      `${a.item ? `${a.item}：` : ''}${among(a, 'zh')}共 ${a.units} 个，${a.count} 个有数值${a.mean ? `，平均 ${a.mean}` : ''}${a.best ? `，最优 ${a.best}` : ''}${a.worst ? `，最差 ${a.worst}` : ''}${a.rank ? `；本单位排第 ${a.rank} 名（共 ${a.count} 个）` : ''}`,
  },
  'relative/no-peers-calc': {
    en: (a) =>
      `no peers to be relative to (${a.units === 1 ? `the only ${a.level} of the run: ` : ''}${a.withValue} of ${a.units} ${a.level} units with a value): missing data, 0 points`,
    zh: (a) =>
      `无可比单位（${a.units === 1 ? `本次只有一个${a.level}，` : ''}${a.units} 个${a.level}中 ${a.withValue} 个有数值）：缺数据，不得分`,
  },
  'relative/formula-calc': {
    en: (a) =>
      `points by the formula: ${p(a.raw)}${a.kind === 'zero' ? ' → 0 (not below 0)' : a.kind === 'points' ? ` → ${p(a.points)} (the item's points)` : ''}`,
    zh: (a) =>
      `按公式得 ${p(a.raw)} 分${a.kind === 'zero' ? ' → 0（不低于 0 分）' : a.kind === 'points' ? ` → ${p(a.points)}（不超过本项分值）` : ''}`,
  },
  'relative/remedy-moves': {
    en: () => 'a relative target: it moves when the other units change; this holds them as they are',
    zh: () => '相对目标：随其他单位变化而变化，此处按其他单位不变计算',
  },
};
