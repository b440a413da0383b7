#!/usr/bin/env node
/**
 * Writes fixtures/jinzhong/: illustrative (made-up) township and county data for the
 * 11 counties of 晋中市, three monthly reports (2026-07, 2026-08, 2026-09), scored
 * against the bundled scheme criteria/jsyzfw-2008.yaml.
 *
 *   node scripts/make-jinzhong.mjs           rewrite the folder (same bytes every run)
 *   node scripts/make-jinzhong.mjs --check   also score each month with bin/pinggu.js
 *                                            and check the properties the tests rely on
 *
 * Deterministic: one seeded PRNG per county (seeded from the county code), no clock,
 * no environment. The figures are cumulative for the statistical year that starts on
 * 1 October 2025 (10, 11 and 12 months). County-level rates are set by the profiles
 * below; the townships' figures scatter around them and add up to exactly the
 * county's numerator.
 *
 * 2026-07 is written as UTF-8 with a BOM and CRLF, 2026-08 as GB18030 with CRLF (as
 * Excel/WPS on Chinese Windows save it; encoded with iconv-lite, a dependency of
 * pinggu), 2026-09 as UTF-8 without a BOM and LF (like fixtures/xiyang).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import iconv from 'iconv-lite';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'fixtures', 'jinzhong');

// ---------------------------------------------------------------------------
// Months: k = months of the statistical year covered (October 2025 = month 1).
const MONTHS = [
  { id: '2026-07', k: 10, encoding: 'utf-8-bom', eol: '\r\n' },
  { id: '2026-08', k: 11, encoding: 'gb18030', eol: '\r\n' },
  { id: '2026-09', k: 12, encoding: 'utf-8', eol: '\n' },
];

// ---------------------------------------------------------------------------
// PRNG: mulberry32, seeded per county.
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const uniform = (rng, lo, hi) => lo + (hi - lo) * rng();

// ---------------------------------------------------------------------------
// Counties. Township names are plausible 镇/乡 of each county (illustrative; not
// checked against the current division table). Towns (镇) get codes 1xx and
// townships (乡) 2xx after the county code, in list order, as in fixtures/xiyang.
// pop: the townships' total population in July (made up); 昔阳县 reuses the
// townships and populations of fixtures/xiyang.
const COUNTIES = [
  {
    name: '榆次区',
    code: '140702',
    pop: 331000,
    seat: 0.27,
    zhen: ['修文镇', '东阳镇', '什贴镇', '长凝镇', '北田镇', '鸣谦镇', '乌金山镇'],
    xiang: ['张庆乡', '郭家堡乡', '庄子乡', '东赵乡'],
  },
  {
    name: '太谷区',
    code: '140703',
    pop: 231000,
    seat: 0.3,
    zhen: ['明星镇', '胡村镇', '范村镇'],
    xiang: ['侯城乡', '北洸乡', '阳邑乡', '小白乡', '水秀乡', '任村乡'],
  },
  {
    name: '榆社县',
    code: '140721',
    pop: 126000,
    seat: 0.33,
    zhen: ['箕城镇', '云竹镇', '郝北镇', '社城镇'],
    xiang: ['河峪乡', '北寨乡', '西马乡', '岚峪乡', '讲堂乡'],
  },
  {
    name: '左权县',
    code: '140722',
    pop: 152000,
    seat: 0.31,
    zhen: ['辽阳镇', '桐峪镇', '麻田镇', '芹泉镇', '拐儿镇'],
    xiang: ['寒王乡', '石匣乡', '龙泉乡', '粟城乡', '羊角乡'],
  },
  {
    name: '和顺县',
    code: '140723',
    pop: 137000,
    seat: 0.3,
    zhen: ['义兴镇', '李阳镇', '松烟镇', '青城镇', '横岭镇'],
    xiang: ['喂马乡', '平松乡', '阳光占乡', '牛川乡', '马坊乡'],
  },
  {
    name: '昔阳县',
    code: '140724',
    zhen: ['乐平镇', '皋落镇', '东冶头镇', '沾尚镇', '大寨镇'],
    xiang: ['李家庄乡', '界都乡', '三都乡', '赵壁乡', '孔氏乡', '闫庄乡', '西寨乡'],
    pops: [62140, 22630, 21360, 10150, 19820, 10230, 18210, 13040, 15570, 11690, 16640, 8250],
  },
  {
    name: '寿阳县',
    code: '140725',
    pop: 206000,
    seat: 0.24,
    zhen: ['朝阳镇', '南燕竹镇', '宗艾镇', '平头镇', '松塔镇', '西洛镇', '尹灵芝镇'],
    xiang: ['解愁乡', '景尚乡', '马首乡', '羊头崖乡', '平舒乡', '温家庄乡', '上湖乡'],
  },
  {
    name: '祁县',
    code: '140727',
    pop: 256000,
    seat: 0.3,
    zhen: ['昭馀镇', '东观镇', '古县镇', '贾令镇', '城赵镇', '来远镇'],
    xiang: ['西六支乡', '峪口乡'],
  },
  {
    name: '平遥县',
    code: '140728',
    pop: 468000,
    seat: 0.22,
    zhen: ['古陶镇', '段村镇', '东泉镇', '洪善镇', '宁固镇'],
    xiang: ['南政乡', '中都乡', '岳壁乡', '卜宜乡', '孟山乡', '朱坑乡', '襄垣乡', '杜家庄乡', '香乐乡'],
  },
  {
    name: '灵石县',
    code: '140729',
    pop: 251000,
    seat: 0.28,
    zhen: ['翠峰镇', '静升镇', '两渡镇', '夏门镇', '南关镇', '段纯镇'],
    xiang: ['英武乡', '王禹乡', '坛镇乡', '梁家墕乡'],
  },
  {
    name: '介休市',
    code: '140781',
    pop: 379000,
    seat: 0.26,
    zhen: ['义安镇', '张兰镇', '连福镇', '洪山镇', '龙凤镇', '绵山镇', '义棠镇'],
    xiang: ['城关乡', '宋古乡', '三佳乡'],
  },
];

// ---------------------------------------------------------------------------
// Profiles: the county-level value of each item per month [07, 08, 09] (a single
// value means the same in every month). Rates are fractions.
const DEFAULT = {
  policy: [0.962, 0.963, 0.964], // 符合政策生育率
  planFactor: 1.07, // annual birth plan ÷ expected births (births/plan ≈ 1/planFactor)
  multi: [0, 0, 0], // 政策外多孩 (cumulative cases)
  ratio: [108.6, 108.4, 108.2], // 出生人口性别比
  contra: [0.868, 0.869, 0.87], // 综合避孕率
  followup: [0.965, 0.967, 0.968],
  rh: [0.815, 0.83, 0.845], // cumulative in the year, so it grows
  informed: [0.92, 0.925, 0.93],
  complications: [0, 0, 0],
  checked: [0.875, 0.878, 0.88],
  outflow: [0.87, 0.872, 0.875],
  info: [0.965, 0.968, 0.97],
  unpaid: [0, 0, 0], // 奖励扶助 recipients not yet paid
  newRecipients: [0, 0, 0], // recipients added to the roster in that month
  onechild: [0.925, 0.93, 0.935],
  workers: [1.02, 1.02, 1.03], // 村级专干 per 3000 people
  // county sheet
  sessions: [3, 3, 4],
  missingOrg: [], // labels of 机构和制度 answered 否
  missingGov: [], // labels of 性别比综合治理制度 answered 否
  incentive: [2, 2, 2],
  fundsPerCapita: [13.3, 13.3, 13.3], // 元 per person of the July population
  spendGrowth: [12.8, 12.8, 12.8], // %
  revenueGrowth: [9.2, 9.2, 9.2],
  rewardFunds: [1, 1, 1], // share of the county's 奖扶资金 received
  workerPay: [85, 85, 85], // %
  satisfaction: [91.5, 91.6, 91.8],
  awareness: [88.2, 88.4, 88.6],
  statError: [0.025, 0.022, 0.02], // survey vs. report in the sampled villages
  lianfei: [0, 0, 0],
  cadre: [0, 0, 0],
};

const PROFILES = {
  介休市: {
    ratio: [108.5, 108.3, 108.1],
    workers: [0.985, 0.985, 0.99],
    informed: [0.885, 0.885, 0.888],
    onechild: [0.885, 0.886, 0.888],
    incentive: [1, 1, 1],
    lianfei: [1, 1, 1],
    newRecipients: [0, 4, 0],
    unpaid: [0, 4, 0],
    sessions: [4, 4, 4],
  },
  榆次区: {
    satisfaction: [89.4, 89.3, 89.5],
    ratio: [109.6, 109.4, 109.3],
    workers: [0.93, 0.93, 0.94],
    lianfei: [1, 2, 2],
    contra: [0.912, 0.913, 0.914],
    planFactor: 0.955,
    outflow: [0.842, 0.843, 0.845],
  },
  平遥县: {
    ratio: [110.6, 110.4, 110.2],
    awareness: [84.1, 84.2, 84.3],
    fundsPerCapita: [12.8, 12.8, 12.8],
    informed: [0.87, 0.872, 0.873],
    workers: [0.96, 0.96, 0.965],
    lianfei: [1, 1, 1],
    info: [0.94, 0.942, 0.943],
    followup: [0.935, 0.936, 0.937],
    checked: [0.828, 0.839, 0.84],
    sessions: [2, 3, 4],
  },
  祁县: {
    ratio: [112.3, 111.0, 110.9],
    lianfei: [0, 0, 0],
    policy: [0.9455, 0.9455, 0.9458],
    unpaid: [3, 3, 3],
    workers: [0.95, 0.95, 0.955],
    multi: [0, 1, 1],
    spendGrowth: [7.5, 7.5, 7.5],
    revenueGrowth: [9.1, 9.1, 9.1],
  },
  太谷区: {
    rewardFunds: [0.92, 0.92, 0.92],
    ratio: [112.4, 112.2, 112.0],
    incentive: [1, 1, 1],
    contra: [0.842, 0.842, 0.843],
    workers: [0.9, 0.9, 0.905],
    outflow: [0.83, 0.831, 0.832],
    lianfei: [1, 1, 1],
    onechild: [0.88, 0.881, 0.882],
    awareness: [83.0, 83.1, 83.2],
    satisfaction: [90.6, 88.9, 89.6],
    workerPay: [70, 70, 70],
  },
  灵石县: {
    ratio: [113.1, 113.0, 112.9],
    complications: [0, 1, 1],
    satisfaction: [87.9, 88.7, 88.8],
    fundsPerCapita: [12.5, 12.5, 12.5],
    rh: [0.76, 0.775, 0.79],
    workers: [0.88, 0.88, 0.885],
    lianfei: [1, 1, 1],
    missingGov: ['有两非专项治理队伍'],
    informed: [0.855, 0.856, 0.857],
    missingOrg: ['有信息平台'],
  },
  昔阳县: {
    unpaid: [2, 2, 2],
    ratio: [111.3, 111.3, 111.3],
    incentive: [1, 1, 1],
    satisfaction: [88.6, 88.6, 88.6],
    fundsPerCapita: [12.4, 12.4, 12.4],
    sessions: [3, 3, 3],
    multi: [2, 2, 2],
    outflow: [0.84, 0.841, 0.842],
    informed: [0.884, 0.884, 0.885],
    workers: [0.94, 0.94, 0.94],
    lianfei: [1, 1, 1],
  },
  寿阳县: {
    ratio: [114.6, 114.5, 114.4],
    policy: [0.938, 0.938, 0.9385],
    onechild: [0.86, 0.861, 0.862],
    workerPay: [75, 75, 75],
    checked: [0.8, 0.801, 0.802],
    workers: [0.85, 0.85, 0.855],
    sessions: [2, 3, 3],
    lianfei: [1, 1, 1],
    satisfaction: [88.9, 88.9, 88.9],
  },
  和顺县: {
    ratio: [112.8, 112.7, 112.6],
    rh: [0.75, 0.765, 0.78],
    rewardFunds: [0.85, 0.85, 0.85],
    contra: [0.828, 0.828, 0.829],
    workers: [0.8, 0.8, 0.805],
    informed: [0.82, 0.821, 0.84],
    awareness: [82.0, 82.1, 82.2],
    followup: [0.92, 0.931, 0.932],
    sessions: [3, 3, 3],
  },
  左权县: {
    ratio: [115.5, 115.4, 115.3],
    policy: [0.931, 0.9312, 0.9315],
    info: [0.953, 0.931, 0.932],
    incentive: [0, 0, 0],
    workers: [0.82, 0.82, 0.825],
    fundsPerCapita: [12.7, 12.7, 12.7],
    lianfei: [1, 1, 1],
    satisfaction: [88.5, 88.5, 88.5],
  },
  榆社县: {
    // the veto: the sex ratio at birth is above 120 in the July report
    ratio: [121.6, 118.6, 117.0],
    planFactor: 0.955,
    contra: [0.835, 0.835, 0.836],
    outflow: [0.8, 0.801, 0.802],
    onechild: [0.87, 0.871, 0.872],
    missingOrg: ['有专职人员'],
    missingGov: ['有B超使用登记制度'],
    workers: [0.86, 0.86, 0.865],
    sessions: [3, 3, 3],
    lianfei: [1, 1, 1],
    satisfaction: [88.2, 88.2, 88.3],
    complications: [1, 1, 1],
    multi: [1, 1, 1],
  },
};

// The county sheet's routine values differ a little from county to county (a
// separate PRNG, so that they do not move the township figures). All of them stay
// on the full-marks side of their targets; the profiles above set the shortfalls.
function countyDefaults(county) {
  const rng = mulberry32(Number(county.code) * 40503 + 7);
  const r1 = (lo, hi) => Math.round(uniform(rng, lo, hi) * 10) / 10;
  const sat = r1(90.4, 93.2);
  const aware = r1(85.6, 90.5);
  const err = Math.round(uniform(rng, 0.012, 0.034) * 1000) / 1000;
  const spend = r1(10.5, 16.5);
  const revenue = r1(5.5, 10.2);
  const funds = Math.round(uniform(rng, 13.15, 13.9) * 100) / 100;
  return {
    spendGrowth: [spend, spend, spend],
    revenueGrowth: [revenue, revenue, revenue],
    workerPay: Math.round(uniform(rng, 80.5, 92)),
    satisfaction: [sat, sat + 0.1, sat + 0.2],
    awareness: [aware, aware + 0.2, aware + 0.3],
    statError: [err, err - 0.002, err - 0.003],
    fundsPerCapita: funds,
  };
}

function profileOf(county) {
  const p = { ...DEFAULT, ...countyDefaults(county), ...(PROFILES[county.name] ?? {}) };
  const at = (key, m) => (Array.isArray(p[key]) && key !== 'missingOrg' && key !== 'missingGov' ? p[key][m] : p[key]);
  return { p, at };
}

// ---------------------------------------------------------------------------
// Integer allocation: x[i] in [lo[i], hi[i]], sum = total, close to pref[i].
function allocate(total, pref, lo, hi) {
  const n = pref.length;
  const sumLo = lo.reduce((a, b) => a + b, 0);
  const sumHi = hi.reduce((a, b) => a + b, 0);
  if (total < sumLo || total > sumHi) throw new Error(`allocate: ${total} outside [${sumLo}, ${sumHi}]`);
  const x = pref.map((v, i) => Math.min(hi[i], Math.max(lo[i], Math.round(v))));
  let diff = total - x.reduce((a, b) => a + b, 0);
  while (diff !== 0) {
    const up = diff > 0;
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < n; i++) {
      if (up ? x[i] >= hi[i] : x[i] <= lo[i]) continue;
      // relative shortfall (or excess) against the preferred value
      const s = ((up ? pref[i] - x[i] : x[i] - pref[i]) / Math.max(1, pref[i])) * 1000 + (n - i) * 1e-9;
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    x[best] += up ? 1 : -1;
    diff += up ? -1 : 1;
  }
  return x;
}
const sum = (a) => a.reduce((s, v) => s + v, 0);
const clamp = (v, lo, hi) => Math.min(hi, Math.max(lo, v));

/** County numerator for a rate that may not fall from 08 to 09 (m = 2). */
function rateTotal(den, rate, prev, m) {
  let n = Math.round(den * rate);
  if (m === 2 && prev) {
    // n / den >= prev.n / prev.den
    const need = Math.ceil((prev.n * den) / prev.den - 1e-9);
    n = Math.max(n, need);
  }
  return n;
}

// ---------------------------------------------------------------------------
function generateCounty(county) {
  const rng = mulberry32(Number(county.code) * 2654435761);
  const { at } = profileOf(county);
  const names = [...county.zhen, ...county.xiang];
  const codes = [
    ...county.zhen.map((_, i) => county.code + String(100 + i)),
    ...county.xiang.map((_, i) => county.code + String(200 + i)),
  ];
  const n = names.length;

  // July populations
  let pops;
  if (county.pops) pops = county.pops.slice();
  else {
    const weights = names.map((_, i) => (i === 0 ? 0 : uniform(rng, 0.6, 1.5)));
    const rest = county.pop * (1 - county.seat);
    const wsum = sum(weights);
    pops = weights.map((w, i) => (i === 0 ? Math.round(county.pop * county.seat) : Math.round((rest * w) / wsum)));
  }
  // static township attributes
  const T = names.map((name, i) => {
    const pop0 = pops[i];
    const annualBirths = pop0 * uniform(rng, 0.0089, 0.0106);
    return {
      name,
      code: codes[i],
      pop0,
      annualBirths,
      married: uniform(rng, 0.183, 0.204),
      villages: Math.max(12, Math.round(pop0 / uniform(rng, 380, 720))),
      migIn: i === 0 ? uniform(rng, 0.06, 0.09) : uniform(rng, 0.015, 0.06),
      migOut: uniform(rng, 0.06, 0.1),
      infoRate: uniform(rng, 0.17, 0.22), // messages a year per migrant woman
      ops: uniform(rng, 0.7, 0.78), // operations needing follow-up, per birth
      rewardDue: Math.max(20, Math.round(pop0 * uniform(rng, 0.002, 0.011))),
      onechildDue: Math.round(pop0 * uniform(rng, 0.021, 0.025)),
      planFactor: uniform(rng, 0.975, 1.025),
      noise: () => uniform(rng, -1, 1),
    };
  });
  const rewardTown = 1 + Math.floor(rng() * (n - 1)); // where unpaid recipients are

  const months = [];
  let prev = null;
  for (let m = 0; m < 3; m++) {
    const k = MONTHS[m].k;
    const R = T.map(() => ({}));
    const P = prev?.rows;
    // stocks
    T.forEach((t, i) => {
      const base = P ? P[i].population : t.pop0;
      const drift = m === 0 ? 0 : Math.round(base * uniform(rng, m === 1 ? -0.0016 : -0.0014, m === 1 ? 0.0008 : 0));
      R[i].population = base + drift;
      R[i].married_women = Math.round(R[i].population * t.married * (1 + uniform(rng, -0.002, 0.002)));
      R[i].villages = t.villages;
      R[i].migrant_women = Math.max(5, Math.round(R[i].married_women * t.migIn * (1 + uniform(rng, -0.03, 0.03))));
      R[i].outflow_women = Math.max(5, Math.round(R[i].married_women * t.migOut * (1 + uniform(rng, -0.02, 0.02))));
      R[i].onechild_due =
        t.onechildDue + (P ? Math.round(uniform(rng, 0, 3)) + (P[i].onechild_due - t.onechildDue) : 0);
    });
    // flows (cumulative)
    T.forEach((t, i) => {
      const add = (prevValue, annual) =>
        P
          ? prevValue + Math.max(0, Math.round((annual / 12) * uniform(rng, 0.82, 1.18)))
          : Math.round(((annual * k) / 12) * uniform(rng, 0.96, 1.04));
      R[i].births = Math.max(
        add(P?.[i].births, t.annualBirths),
        Math.ceil(R[i].population * 0.0058),
        P ? P[i].births : 0,
      );
      R[i].postop_due = add(P?.[i].postop_due, t.annualBirths * t.ops);
      const migTotal = R[i].migrant_women + R[i].outflow_women;
      R[i].info_due = add(P?.[i].info_due, migTotal * t.infoRate);
      R[i].planned_births = Math.round((t.annualBirths * at('planFactor', m) * t.planFactor * k) / 12);
    });
    // 奖励扶助 roster: new recipients join the town with the unpaid ones
    T.forEach((t, i) => {
      R[i].reward_due = (P ? P[i].reward_due : t.rewardDue) + (i === rewardTown ? at('newRecipients', m) : 0);
    });

    const col = (f) => R.map((r) => r[f]);
    const prevCol = (f) => (P ? P.map((r) => r[f]) : R.map(() => 0));
    const tot = (f) => sum(col(f));
    const cprev = (num, den) => (prev ? { n: prev.totals[num], den: prev.totals[den] } : null);

    // From 08 to 09 (m = 2) no township may do worse on any item: augFloor is the
    // smallest numerator that keeps a township's August rate.
    const augFloor = (num, den) =>
      R.map((r, i) => {
        if (m !== 2 || P[i][den] === 0) return 0;
        const n8 = P[i][num];
        const d8 = P[i][den];
        return Math.min(r[den], Math.floor((n8 * r[den] + d8 - 1) / d8));
      });
    const gap = (b, g) => {
      const r = (b / g) * 100;
      return Math.max(0, 103 - r, r - 107);
    };

    // 出生计划数: the plan to date; a township inside 85%–100% in August stays inside
    if (m === 2) {
      R.forEach((r, i) => {
        const b8 = P[i].births;
        const p8 = P[i].planned_births;
        r.planned_births = Math.max(r.planned_births, p8);
        if (100 * b8 >= 85 * p8 && b8 <= p8)
          r.planned_births = clamp(r.planned_births, Math.max(r.births, p8), Math.floor((100 * r.births) / 85));
      });
    }
    // births: boys by the sex ratio; girls the rest
    {
      const births = col('births');
      const pb = prevCol('boys');
      const pB = prevCol('births');
      const ratio = at('ratio', m);
      const lo = pb.slice();
      const hi = pb.map((v, i) => v + births[i] - pB[i]);
      if (m === 2) {
        R.forEach((r, i) => {
          const g8 = gap(P[i].boys, P[i].girls);
          let first = null;
          let last = null;
          for (let b = lo[i]; b <= hi[i]; b++) {
            if (gap(b, births[i] - b) <= g8 + 1e-12) {
              first ??= b;
              last = b;
            }
          }
          if (first === null) throw new Error(`${county.name} ${T[i].name}: no sex ratio as good as in August`);
          lo[i] = first;
          hi[i] = last;
        });
      }
      const B = sum(births);
      let boys = clamp(Math.round((B * ratio) / (100 + ratio)), sum(lo), sum(hi));
      if (m === 2) {
        // the county's distance from 103–107 may not grow either
        const g8 = gap(prev.totals.boys, prev.totals.births - prev.totals.boys);
        let found = null;
        for (let d = 0; found === null && d <= sum(hi) - sum(lo); d++) {
          for (const b of [boys - d, boys + d])
            if (b >= sum(lo) && b <= sum(hi) && gap(b, B - b) <= g8 + 1e-12) {
              found = b;
              break;
            }
        }
        if (found === null) throw new Error(`${county.name}: no county sex ratio as good as in August`);
        boys = found;
      }
      const pref = births.map((b) => ((b * ratio) / (100 + ratio)) * (1 + uniform(rng, -0.03, 0.03)));
      const x = allocate(boys, pref, lo, hi);
      R.forEach((r, i) => {
        r.boys = x[i];
        r.girls = r.births - x[i];
      });
    }
    // policy births: an increment of policy births never exceeds the new births
    {
      const births = col('births');
      const pp = prevCol('policy_births');
      const pbirths = prevCol('births');
      const rate = at('policy', m);
      const lo = augFloor('policy_births', 'births').map((v, i) => Math.max(v, pp[i]));
      const hi = births.map((b, i) => pp[i] + (b - pbirths[i]));
      const total = clamp(
        Math.max(rateTotal(tot('births'), rate, cprev('policy_births', 'births'), m), sum(lo)),
        0,
        sum(hi),
      );
      const pref = births.map((b) => b * clamp(rate + 0.012 * rng() - 0.006, 0.9, 0.995));
      const x = allocate(total, pref, lo, hi);
      R.forEach((r, i) => {
        r.policy_births = x[i];
      });
    }
    // 政策外多孩: placed where there are births outside the policy
    {
      const pm = prevCol('multi_outside');
      const hi = R.map((r) => r.births - r.policy_births);
      const pref = R.map((r, i) => pm[i] + (r.births - r.policy_births > 8 && rng() < 0.3 ? 1 : 0));
      const x = allocate(at('multi', m), pref, pm, hi);
      R.forEach((r, i) => {
        r.multi_outside = x[i];
      });
    }
    // 手术并发症
    {
      const pc = prevCol('complications');
      const pref = R.map((r, i) => (i === 1 ? 1 : 0));
      const x = allocate(
        at('complications', m),
        pref,
        pc,
        R.map(() => 5),
      );
      R.forEach((r, i) => {
        r.complications = x[i];
      });
    }
    // rates over stocks (no floor from last month, except 08 -> 09)
    const stockRate = (num, den, key, spread) => {
      const dens = col(den);
      const lo = augFloor(num, den);
      const rate = at(key, m);
      const total = clamp(Math.max(rateTotal(tot(den), rate, cprev(num, den), m), sum(lo)), 0, tot(den));
      const pref = dens.map((d) => d * clamp(rate + spread * (2 * rng() - 1), 0, 1));
      const x = allocate(total, pref, lo, dens);
      R.forEach((r, i) => {
        r[num] = x[i];
      });
    };
    // rates over cumulative flows (a township's count never falls)
    const flowRate = (num, den, key, spread) => {
      const dens = col(den);
      const floor = augFloor(num, den);
      const lo = prevCol(num).map((v, i) => Math.max(floor[i], Math.min(v, dens[i])));
      const rate = at(key, m);
      const total = clamp(Math.max(rateTotal(tot(den), rate, cprev(num, den), m), sum(lo)), 0, tot(den));
      const pref = dens.map((d, i) => Math.max(lo[i], d * clamp(rate + spread * (2 * rng() - 1), 0, 1)));
      const x = allocate(total, pref, lo, dens);
      R.forEach((r, i) => {
        r[num] = x[i];
      });
    };
    stockRate('contraceptive_users', 'married_women', 'contra', 0.02);
    flowRate('postop_followed', 'postop_due', 'followup', 0.015);
    flowRate('rh_served', 'married_women', 'rh', 0.025);
    flowRate('informed_choice_villages', 'villages', 'informed', 0.05);
    stockRate('migrant_checked', 'migrant_women', 'checked', 0.03);
    stockRate('outflow_certified', 'outflow_women', 'outflow', 0.03);
    flowRate('info_fed', 'info_due', 'info', 0.015);
    flowRate('onechild_paid', 'onechild_due', 'onechild', 0.02);
    // 奖励扶助: everyone paid but the unpaid ones in one township
    {
      const due = col('reward_due');
      const unpaid = at('unpaid', m);
      const pref = due.map((d, i) => d - (i === rewardTown ? unpaid : 0));
      const x = allocate(
        sum(due) - unpaid,
        pref,
        prevCol('reward_paid').map((v, i) => Math.min(v, due[i])),
        due,
      );
      R.forEach((r, i) => {
        r.reward_paid = x[i];
      });
    }
    // 村级专干: per 3000 people; never fewer than last month
    {
      const popTotal = tot('population');
      let w = Math.round((at('workers', m) * popTotal) / 3000);
      if (m === 2) w = Math.max(w, prev.totals.village_workers);
      const pw = prevCol('village_workers');
      const pref = R.map((r) => (r.population / 3000) * at('workers', m) * (1 + uniform(rng, -0.08, 0.08)));
      const x = allocate(
        w,
        pref,
        P ? pw : R.map(() => 1),
        R.map((r) => r.villages),
      );
      R.forEach((r, i) => {
        r.village_workers = x[i];
      });
    }

    const totals = {};
    for (const f of Object.keys(R[0])) totals[f] = tot(f);
    months.push({ rows: R.map((r, i) => ({ name: T[i].name, code: T[i].code, ...r })), totals });
    prev = months[m];
  }
  return { county, months, pop0: sum(T.map((t) => t.pop0)) };
}

// ---------------------------------------------------------------------------
// County sheet values for month m.
const ORG = ['有领导小组', '有办公场地', '有专职人员', '有工作制度', '有信息平台'];
const GOV = ['有B超使用登记制度', '有终止中期妊娠审批制度', '有出生信息通报制度', '有两非专项治理队伍'];

function countyRow(g, m) {
  const { county } = g;
  const { at, p } = profileOf(county);
  const totals = g.months[m].totals;
  const funds = Math.round((at('fundsPerCapita', m) * g.pop0) / 100) * 100;
  const rewardDue = totals.reward_due * 600;
  const survey = Math.round(totals.births * 0.18);
  const reported = Math.round(survey * (1 - at('statError', m)));
  const yes = (b) => (b ? '是' : '否');
  return {
    县: county.name,
    县代码: county.code,
    '计生事业经费投入（元）': money(funds),
    计生事业经费增长率: pct(at('spendGrowth', m)),
    经常性财政收入增长率: pct(at('revenueGrowth', m)),
    '奖励扶助资金应到位（元）': money(rewardDue),
    '奖励扶助资金实际到位（元）': money(Math.round((rewardDue * at('rewardFunds', m)) / 100) * 100),
    村专干报酬占村主任报酬比例: pct(at('workerPay', m)),
    育龄群众满意率: pct(at('satisfaction', m)),
    政策知晓率: pct(at('awareness', m)),
    调查出生数: int(survey),
    报表出生数: int(reported),
    党政专题研究计生工作次数: int(at('sessions', m)),
    ...Object.fromEntries(ORG.map((f) => [f, yes(!p.missingOrg.includes(f))])),
    ...Object.fromEntries(GOV.map((f) => [f, yes(!p.missingGov.includes(f))])),
    奖励优惠政策落实情况: int(at('incentive', m)),
    查处两非案件数: int(at('lianfei', m)),
    党员干部政策外生育数: int(at('cadre', m)),
    严重弄虚作假: '否',
  };
}

// ---------------------------------------------------------------------------
// CSV writing, in the style of fixtures/xiyang (thousands separators in quotes).
function int(v) {
  if (!Number.isInteger(v) || v < 0) throw new Error(`not a count: ${v}`);
  return v >= 1000 ? `"${v.toLocaleString('en-US')}"` : String(v);
}
const money = int;
const pct = (v) => `${Number(v.toFixed(1))}%`;

const TOWNSHIP_COLUMNS = [
  ['乡镇', 'name'],
  ['区划代码', 'code'],
  ['期末总人口', 'population'],
  ['已婚育龄妇女数', 'married_women'],
  ['落实避孕措施人数', 'contraceptive_users'],
  ['本期出生人数', 'births'],
  ['其中：计划内', 'policy_births'],
  ['出生计划数', 'planned_births'],
  ['政策外多孩出生数', 'multi_outside'],
  ['出生男婴', 'boys'],
  ['出生女婴', 'girls'],
  ['手术并发症例数', 'complications'],
  ['术后应随访人数', 'postop_due'],
  ['术后已随访人数', 'postop_followed'],
  ['接受生殖健康服务人数', 'rh_served'],
  ['行政村数', 'villages'],
  ['开展知情选择的村数', 'informed_choice_villages'],
  ['流入已婚育龄妇女', 'migrant_women'],
  ['其中：已查验', 'migrant_checked'],
  ['流出已婚育龄妇女', 'outflow_women'],
  ['其中：已办证', 'outflow_certified'],
  ['流动人口信息应反馈数', 'info_due'],
  ['流动人口信息已反馈数', 'info_fed'],
  ['奖励扶助应兑现人数', 'reward_due'],
  ['已兑现人数', 'reward_paid'],
  ['独生子女父母奖励应发户数', 'onechild_due'],
  ['独生子女父母奖励已发户数', 'onechild_paid'],
  ['村级专职计生专干人数', 'village_workers'],
];

function checkRow(r, where) {
  const fail = (what) => {
    throw new Error(`${where}: ${what}`);
  };
  if (r.policy_births > r.births) fail('policy_births > births');
  if (r.boys + r.girls !== r.births) fail('boys + girls != births');
  if (r.multi_outside > r.births - r.policy_births) fail('multi_outside');
  for (const [a, b] of [
    ['contraceptive_users', 'married_women'],
    ['rh_served', 'married_women'],
    ['postop_followed', 'postop_due'],
    ['informed_choice_villages', 'villages'],
    ['migrant_checked', 'migrant_women'],
    ['outflow_certified', 'outflow_women'],
    ['info_fed', 'info_due'],
    ['reward_paid', 'reward_due'],
    ['onechild_paid', 'onechild_due'],
  ]) {
    if (r[a] > r[b]) fail(`${a} > ${b}`);
  }
  const share = r.married_women / r.population;
  if (share < 0.15 || share > 0.25) fail(`married share ${share}`);
  if (r.births < r.population * 0.005 || r.births > r.population * 0.02) fail(`birth rate ${r.births / r.population}`);
}

function encode(text, month) {
  const body = text.replace(/\n/g, month.eol);
  if (month.encoding === 'gb18030') return iconv.encode(body, 'gb18030');
  if (month.encoding === 'utf-8-bom')
    return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(body, 'utf8')]);
  return Buffer.from(body, 'utf8');
}

function writeMonth(gens, m) {
  const month = MONTHS[m];
  const dir = join(OUT, month.id);
  mkdirSync(dir, { recursive: true });
  const lines = [['县', ...TOWNSHIP_COLUMNS.map(([h]) => h)].join(',')];
  for (const g of gens) {
    for (const r of g.months[m].rows) {
      checkRow(r, `${month.id} ${g.county.name} ${r.name}`);
      lines.push([g.county.name, r.name, r.code, ...TOWNSHIP_COLUMNS.slice(2).map(([, f]) => int(r[f]))].join(','));
    }
  }
  writeFileSync(join(dir, 'townships.csv'), encode(lines.join('\n') + '\n', month));
  const rows = gens.map((g) => countyRow(g, m));
  const header = Object.keys(rows[0]);
  const clines = [header.join(','), ...rows.map((r) => header.map((h) => r[h]).join(','))];
  writeFileSync(join(dir, 'county.csv'), encode(clines.join('\n') + '\n', month));
}

// ---------------------------------------------------------------------------
// Scores as `node bin/pinggu.js score fixtures/jinzhong/<month> --format json` gives
// them (county units: scaled score, rank, passed, vetoed). `--check` compares.
// [scaled score, rank, passed] per county; `vetoed` names the one vetoed county.
const EXPECTED = {
  '2026-07': {
    vetoed: '榆社县',
    榆次区: [95.87, 2, true],
    太谷区: [86.99, 5, false],
    榆社县: [80.21, 11, false],
    左权县: [84.16, 8, false],
    和顺县: [82.52, 10, false],
    昔阳县: [86.68, 6, false],
    寿阳县: [83.09, 9, false],
    祁县: [88.7, 4, false],
    平遥县: [89.22, 3, false],
    灵石县: [84.87, 7, false],
    介休市: [97.66, 1, true],
  },
  '2026-08': {
    vetoed: null,
    榆次区: [95.87, 1, true],
    太谷区: [84.99, 7, false],
    榆社县: [80.71, 11, false],
    左权县: [81.46, 10, false],
    和顺县: [83.32, 9, false],
    昔阳县: [87.18, 5, false],
    寿阳县: [84.59, 8, false],
    祁县: [88.7, 4, false],
    平遥县: [90.72, 3, true],
    灵石县: [85.87, 6, false],
    介休市: [93.66, 2, true],
  },
  '2026-09': {
    vetoed: null,
    榆次区: [96.89, 2, true],
    太谷区: [88.62, 5, false],
    榆社县: [80.82, 11, false],
    左权县: [83.86, 10, false],
    和顺县: [84.52, 9, false],
    昔阳县: [87.68, 6, false],
    寿阳县: [86.82, 8, false],
    祁县: [90.5, 4, true],
    平遥县: [92.23, 3, true],
    灵石县: [87.37, 7, false],
    介休市: [97.68, 1, true],
  },
};

function scoreTable() {
  const head = '| 县 County | 代码 Code | 乡镇 Townships | 2026-07 | 2026-08 | 2026-09 |';
  const rule = '|---|---|---:|---|---|---|';
  const cell = (id, name) => {
    const [scaled, rank, passed] = EXPECTED[id][name];
    const veto = EXPECTED[id].vetoed === name ? ' **否决 veto**' : '';
    return `${scaled.toFixed(2)} · #${rank} · ${passed ? '**通过 pass**' : '未通过 fail'}${veto}`;
  };
  const rows = COUNTIES.map(
    (c) =>
      `| ${c.name} | ${c.code} | ${c.zhen.length + c.xiang.length} | ${MONTHS.map((mo) => cell(mo.id, c.name)).join(' | ')} |`,
  );
  return [head, rule, ...rows].join('\n');
}

function readme() {
  const townships = sum(COUNTIES.map((c) => c.zhen.length + c.xiang.length));
  return `# 晋中市 sample data, three months (illustrative)

<!-- Written by scripts/make-jinzhong.mjs; edit the script, not this file. -->

**这里的数字全部是编造的**，只为给 pinggu 一个多县、多月份的示例；不是晋中市或各县的统计数据，
不得引用。**Every figure here is made up.** The data give pinggu a city with 11
counties and three monthly reports to score. They are not statistics of 晋中市 or
its counties and must not be quoted as such. Township names are plausible 镇/乡 of
each county but were not checked against the current division table; 昔阳县 reuses
the townships and codes of \`fixtures/xiyang\`.

## 内容 / Layout

\`\`\`text
fixtures/jinzhong/
  2026-07/townships.csv  county.csv    UTF-8 with BOM, CRLF
  2026-08/townships.csv  county.csv    GB18030, CRLF (as Excel/WPS save on Chinese Windows)
  2026-09/townships.csv  county.csv    UTF-8, LF (like fixtures/xiyang)
\`\`\`

- 每月一个文件夹（文件夹名即统计期）。One folder per month; the folder name is the period.
- \`townships.csv\`：${townships} 个乡镇，每县 ${Math.min(...COUNTIES.map((c) => c.zhen.length + c.xiang.length))}–${Math.max(...COUNTIES.map((c) => c.zhen.length + c.xiang.length))} 个；表头与
  \`fixtures/xiyang/townships.csv\` 相同，前面多一列 \`县\`，pinggu 据此把乡镇归到县。没有合计行。
  ${townships} townships with the header of \`fixtures/xiyang/townships.csv\` plus a
  leading \`县\` column, which places each township under its county. No total rows.
  Codes follow the xiyang pattern: county code + \`1xx\` for 镇, \`2xx\` for 乡.
- \`county.csv\`：表头与 \`fixtures/xiyang/county.csv\` 相同，每县一行。The header of
  \`fixtures/xiyang/county.csv\`, one row per county.
- 报表数为统计年度累计数（2025年10月1日起，7月 = 10个月，8月 = 11个月，9月 = 12个月）：出生、
  随访、信息反馈、兑现等逐月增加；总人口、已婚育龄妇女、避孕、流动人口等为期末数，略有变化。
  \`出生计划数\` 是按进度分解到当月的计划数。Report figures are cumulative for the
  statistical year starting 1 October 2025 (10, 11 and 12 months). Births, follow-ups,
  payments etc. grow from month to month; population, married women, contraceptive
  users and migrants are end-of-period stocks and change slightly. \`出生计划数\` is
  the birth plan to date.
- 每个月都没有错误或警告（\`0 errors, 0 warnings\`）：方案中的全部检查在每一行都成立。
  Every month reads with 0 errors and 0 warnings: all checks of the scheme hold on
  every row.

## 得分 / Scores

As \`node bin/pinggu.js score fixtures/jinzhong/<month> --format json\` computes them
with the bundled scheme \`jsyzfw-2008\` (scaled score, rank among the 11 counties,
passed). \`node bin/pinggu.js score fixtures/jinzhong\` scores the three months in
one run (batch report, \`docs/batch-json.md\`) with the same numbers. 按内置方案
\`jsyzfw-2008\` 计分的实际结果（得分、11县中的名次、是否通过）：

${scoreTable()}

- **一票否决（2026-07）：榆社县**，出生人口性别比 558 / 459 × 100 = 121.57 > 120
  (\`veto_sex_ratio\`)，因此排在最后。8月降到 118.66，9月 116.40，不再否决。
  **Veto in 2026-07: 榆社县**, sex ratio at birth 121.57 > 120, so it ranks last. It
  is 118.66 in August and 116.40 in September: no veto in those months.
- 7月→8月有县下降（太谷区满意率、左权县信息反馈率、介休市8月新增奖扶对象尚未兑现）。
  From July to August some counties drop (太谷区 satisfaction, 左权县 migrant
  information, 介休市 new 奖励扶助 recipients not yet paid).
- **8月→9月没有任何县、任何乡镇、任何评分项失分**（各项得分相等或提高）。因此在 2026-09
  中改动一个数，就只出现这一处退步。例如把介休市义安镇的 \`手术并发症例数\` 由 0 改为 1，
  县级只有 \`yzfw_complication\` 由 3 分降为 2 分。
  **From August to September no county, no township and no item loses points** (each
  stays equal or improves). A change to one number in 2026-09 therefore shows as the
  only regression: e.g. 介休市 义安镇 \`手术并发症例数\` 0 → 1 makes \`yzfw_complication\`
  of 介休市 go from 3 to 2 points, and nothing else at the county level.
- 昔阳县按 \`fixtures/xiyang\` 的失分点设计（奖扶未兑现2人、政策外多孩2例等），但数字不同。
  昔阳县 repeats the shortfalls of \`fixtures/xiyang\` (2 unpaid 奖励扶助 recipients, 2
  multi-child births outside the policy, …) with different figures.

## 重新生成 / Regenerate

\`\`\`sh
node scripts/make-jinzhong.mjs           # 重写本文件夹，每次结果完全相同 / same bytes every run
node scripts/make-jinzhong.mjs --check   # 并用 bin/pinggu.js 计分核对上表和 8月→9月 无失分
\`\`\`

The script has no inputs besides itself: a seeded PRNG per county, the county
profiles (which items each county falls short on, per month) and iconv-lite for
the GB18030 month. \`--check\` scores each month with \`bin/pinggu.js\` (build
\`dist\` first) and checks: no error or warning findings, the table above, one veto
in 2026-07 only, at most one tie per month, and no drop from 2026-08 to 2026-09.
`;
}

// ---------------------------------------------------------------------------
const gens = COUNTIES.map(generateCounty);
for (let m = 0; m < 3; m++) writeMonth(gens, m);
writeFileSync(join(OUT, 'README.md'), readme());

if (process.argv.includes('--check')) check();

function score(monthId) {
  const out = execFileSync(
    process.execPath,
    [join(ROOT, 'bin', 'pinggu.js'), 'score', join(OUT, monthId), '--format', 'json'],
    {
      cwd: ROOT,
      encoding: 'utf8',
      maxBuffer: 64 << 20,
    },
  ).toString();
  return JSON.parse(out);
}

function scoreAllowFail(monthId) {
  try {
    return score(monthId);
  } catch (e) {
    if (e.status === 1 && e.stdout) return JSON.parse(e.stdout.toString());
    throw e;
  }
}

/** The single-assessment JSON as is; the batch JSON (kind: "batch", one assessment
 * per county) in the same shape: { units, data: { read, used, findings } }. */
function normalise(j) {
  if (j.kind !== 'batch') return j;
  const sources = j.sources ?? [];
  return {
    units: j.assessments.map((a) => a.units[0]),
    data: {
      read: sum(sources.map((x) => x.data.read)),
      used: sum(sources.map((x) => x.data.used)),
      findings: [...(j.findings ?? []), ...sources.flatMap((x) => x.data.findings ?? [])],
    },
  };
}

function check() {
  const results = {};
  let ok = true;
  const bad = (s) => {
    ok = false;
    console.log('  FAIL ' + s);
  };
  for (const month of MONTHS) {
    const j = normalise(scoreAllowFail(month.id));
    results[month.id] = j;
    const findings = j.data.findings ?? [];
    const errors = findings.filter((f) => f.severity === 'error');
    const warnings = findings.filter((f) => f.severity === 'warning');
    console.log(
      `${month.id}: ${j.units.length} counties, ${errors.length} errors, ${warnings.length} warnings, rows ${j.data.read}/${j.data.used}`,
    );
    for (const f of [...errors, ...warnings]) console.log('   ', f.severity, f.message ?? JSON.stringify(f));
    if (errors.length || warnings.length) bad(`${month.id}: error or warning findings`);
    const exp = EXPECTED[month.id];
    for (const u of j.units) {
      const [scaled, rank, passed] = exp[u.name] ?? [];
      if (u.scaled.toFixed(2) !== scaled?.toFixed(2) || u.rank !== rank || u.passed !== passed) {
        bad(
          `${month.id} ${u.name}: ${u.scaled.toFixed(2)} #${u.rank} ${u.passed}, the README says ${scaled} #${rank} ${passed}`,
        );
      }
      const vetoed = u.vetoes.some((v) => v.triggered);
      if (vetoed !== (exp.vetoed === u.name)) bad(`${month.id} ${u.name}: vetoed ${vetoed}`);
    }
    if (j.units.length !== COUNTIES.length) bad(`${month.id}: ${j.units.length} counties`);
    for (const u of [...j.units].sort((a, b) => a.rank - b.rank)) {
      const vetoed = u.vetoes.filter((v) => v.triggered).map((v) => v.id);
      console.log(
        `   ${String(u.rank).padStart(2)} ${u.name.padEnd(4, '　')} ${u.scaled.toFixed(2).padStart(6)} ${u.passed ? 'pass' : 'fail'}${vetoed.length ? ' VETO ' + vetoed.join(',') : ''}`,
      );
      const tv = (u.children ?? []).filter((c) => c.vetoes?.some((v) => v.triggered));
      if (tv.length) bad(`${month.id} ${u.name}: township veto ${tv.map((c) => c.name).join(',')}`);
    }
    const ranks = j.units.map((u) => u.rank);
    if (new Set(ranks).size < ranks.length - 1) bad(`${month.id}: more than one tie`);
  }
  // 08 -> 09: no county, no township, no item loses points
  const a = results['2026-08'];
  const b = results['2026-09'];
  let drops = 0;
  const compare = (u8, u9, where) => {
    if (!u9) {
      drops++;
      bad(`${where}: missing in 2026-09`);
      return;
    }
    if (u9.scaled < u8.scaled - 1e-9) {
      drops++;
      bad(`${where}: ${u8.scaled} -> ${u9.scaled}`);
    }
    for (const it of u8.items) {
      const it9 = u9.items.find((x) => x.id === it.id);
      if (!it9 || it9.points < it.points - 1e-9) {
        drops++;
        bad(`${where} ${it.id}: ${it.points} -> ${it9?.points}`);
      }
    }
    for (const c of u8.children ?? [])
      compare(
        c,
        u9.children?.find((x) => x.key === c.key),
        `${where} ${c.name}`,
      );
  };
  for (const u8 of a.units)
    compare(
      u8,
      b.units.find((u) => u.key === u8.key),
      u8.name,
    );
  console.log(`08 -> 09: ${drops} drops (counties, townships, items)`);
  if (!ok) process.exitCode = 1;
}
