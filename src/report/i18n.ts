/** Every word the tool itself prints, in Chinese and English. Scheme labels are shown as written. */
import type { Lang } from '../diagnostics';
import type { Status } from '../engine/types';

const WORDS = {
  score: { en: 'Score', zh: '得分' },
  passLine: { en: 'pass line', zh: '及格线' },
  passed: { en: 'PASS', zh: '通过' },
  failed: { en: 'FAIL', zh: '未通过' },
  grade: { en: 'grade', zh: '等级' },
  gradeHead: { en: 'Grade', zh: '等级' },
  scaledHead: { en: 'Scaled', zh: '折算分' },
  notEarned: { en: 'not earned', zh: '未获加分' },
  bonus: { en: 'bonus', zh: '加分' },
  scaledNote: { en: 'scaled to the total over applicable items', zh: '按应得分折算' },
  vetoes: { en: 'Vetoes', zh: '一票否决' },
  vetoNone: { en: 'none triggered', zh: '未触发' },
  vetoTriggered: { en: 'TRIGGERED', zh: '触发' },
  item: { en: 'Item', zh: '指标' },
  value: { en: 'Value', zh: '实际值' },
  target: { en: 'Target', zh: '目标' },
  points: { en: 'Points', zh: '得分' },
  lost: { en: 'Lost', zh: '失分' },
  status: { en: 'Status', zh: '状态' },
  remedy: { en: 'What it takes', zh: '整改所需' },
  gap: { en: 'Gap', zh: '差距' },
  rank: { en: 'Rank', zh: '排名' },
  worst: { en: 'Where it loses most', zh: '主要失分项' },
  items: { en: 'Items', zh: '指标得分' },
  ranking: { en: 'Ranking', zh: '排名' },
  notReachable: { en: 'not reachable by this lever', zh: '仅靠该项无法达标' },
  more: { en: 'more', zh: '增加' },
  less: { en: 'fewer', zh: '减少' },
  recovers: { en: 'recovers', zh: '可挽回' },
  pts: { en: 'pts', zh: '分' },
  none: { en: '—', zh: '—' },
  bonusItems: { en: 'Bonus', zh: '加分项' },
  sectionsTotal: { en: 'Sections', zh: '分项得分' },
  section: { en: 'Section', zh: '分项' },
} as const;

export type Word = keyof typeof WORDS;
export const t = (lang: Lang, w: Word): string => WORDS[w][lang];

const STATUS: Record<Status, { en: string; zh: string }> = {
  met: { en: 'met', zh: '达标' },
  partial: { en: 'partial', zh: '部分失分' },
  failed: { en: 'failed', zh: '未达标' },
  na: { en: 'n/a', zh: '不适用' },
  missing: { en: 'missing data', zh: '缺数据' },
  invalid: { en: 'invalid data', zh: '数据无效' },
};
export const statusWord = (lang: Lang, s: Status): string => STATUS[s][lang];

/** `zh` from LANG/LC_ALL values such as `zh_CN.UTF-8`, else `en`. */
export function langFromEnv(env: Record<string, string | undefined>): Lang {
  const v = env.LC_ALL || env.LC_MESSAGES || env.LANG || '';
  return /^zh/i.test(v) ? 'zh' : 'en';
}
