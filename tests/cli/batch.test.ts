/**
 * `pinggu score` over many counties and months, in-process, on fixtures/jinzhong
 * (11 counties × 2026-07, 2026-08, 2026-09; fixtures/jinzhong/README.md has the
 * expected scores and ranks) and on folder trees made from it in a temporary folder.
 */
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parse as parseCsv } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { fakeIo, ROOT } from './fake-io';

const J = 'fixtures/jinzhong';
const MONTHS = ['2026-07', '2026-08', '2026-09'];

/** fixtures/jinzhong/README.md: scaled score and rank per month, in county-code order. */
const README: Record<string, { code: string; scores: [number, number][] }> = {
  榆次区: {
    code: '140702',
    scores: [
      [95.87, 2],
      [95.87, 1],
      [96.89, 2],
    ],
  },
  太谷区: {
    code: '140703',
    scores: [
      [86.99, 5],
      [84.99, 7],
      [88.62, 5],
    ],
  },
  榆社县: {
    code: '140721',
    scores: [
      [80.21, 11],
      [80.71, 11],
      [80.82, 11],
    ],
  },
  左权县: {
    code: '140722',
    scores: [
      [84.16, 8],
      [81.46, 10],
      [83.86, 10],
    ],
  },
  和顺县: {
    code: '140723',
    scores: [
      [82.52, 10],
      [83.32, 9],
      [84.52, 9],
    ],
  },
  昔阳县: {
    code: '140724',
    scores: [
      [86.68, 6],
      [87.18, 5],
      [87.68, 6],
    ],
  },
  寿阳县: {
    code: '140725',
    scores: [
      [83.09, 9],
      [84.59, 8],
      [86.82, 8],
    ],
  },
  祁县: {
    code: '140727',
    scores: [
      [88.7, 4],
      [88.7, 4],
      [90.5, 4],
    ],
  },
  平遥县: {
    code: '140728',
    scores: [
      [89.22, 3],
      [90.72, 3],
      [92.23, 3],
    ],
  },
  灵石县: {
    code: '140729',
    scores: [
      [84.87, 7],
      [85.87, 6],
      [87.37, 7],
    ],
  },
  介休市: {
    code: '140781',
    scores: [
      [97.66, 1],
      [93.66, 2],
      [97.68, 1],
    ],
  },
};

interface RunOptions {
  cwd?: string;
  tty?: boolean;
  readFile?: (p: string, read: (p: string) => Uint8Array) => Uint8Array;
}
type Io = ReturnType<typeof fakeIo>;

/** A written file as text: large JSON reports are written as UTF-8 bytes. */
const asText = (d: string | Uint8Array | undefined): string =>
  d instanceof Uint8Array ? new TextDecoder().decode(d) : (d ?? '');

async function run(args: string[], o: RunOptions = {}): Promise<{ code: number; out: string; err: string; io: Io }> {
  const io = fakeIo();
  if (o.cwd) io.cwd = o.cwd;
  if (o.tty !== undefined) io.stderrIsTTY = o.tty;
  if (o.readFile) {
    const read = io.readFile.bind(io);
    io.readFile = (p: string) => o.readFile!(p, read);
  }
  const code = await main(['score', ...args], io);
  return { code, out: io.out, err: io.err, io };
}

// ---------------------------------------------------------------------------
// Types of the batch JSON (docs/batch-json.md), as far as the tests read them.

interface JItem {
  id: string;
  section: string;
  status: string;
  points: number;
  max: number;
}
interface JUnit {
  level: string;
  key: string;
  name: string;
  scaled: number;
  passed: boolean;
  rank: number;
  of: number;
  vetoes: { id: string; triggered: boolean }[];
  items: JItem[];
  children: JUnit[];
}
interface JRankUnit {
  key: string;
  name: string;
  rank: number;
  of: number;
  scaled: number;
  passed: boolean;
  grade: string | null;
  vetoed: boolean;
}
interface JItemRank {
  id: string;
  title: string;
  bonus: boolean;
  units: {
    key: string;
    name: string;
    rank: number;
    of: number;
    points: number;
    max: number;
    lost: number;
    gap: number | null;
    display: string;
    status: string;
  }[];
}
interface JBatch {
  schemaVersion: number;
  kind: string;
  scheme: { id: string };
  periods: (string | null)[];
  summary: { assessments: number; passed: number; failed: number; withErrors: number; exitCode: number };
  rankings: { period: string | null; units: JRankUnit[]; items: JItemRank[] }[];
  assessments: { period: string | null; source: string; exitCode: number; units: JUnit[]; actions: unknown[] }[];
  sources: {
    source: string;
    period: string | null;
    data: { read: number; used: number; rejected: number; findings: unknown[] };
  }[];
  findings: { severity: string; code: string; file: string | null; message: string }[];
}

const round2 = (x: number) => Math.round(x * 100) / 100;

// ---------------------------------------------------------------------------
// A minimal strict XML reader: elements and attributes, nesting checked.

interface El {
  name: string;
  attrs: Record<string, string>;
  children: El[];
}
function parseXml(src: string): El {
  const body = src.replace(/^<\?xml[^?]*\?>\s*/, '');
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack: El[] = [root];
  const tag = /<(\/?)([A-Za-z_][\w.-]*)((?:\s+[\w:.-]+="[^"<]*")*)\s*(\/?)>|<!\[CDATA\[[\s\S]*?\]\]>|<!--[\s\S]*?-->/g;
  let at = 0;
  for (const m of body.matchAll(tag)) {
    const text = body.slice(at, m.index);
    if (/[<>]/.test(text) || /&(?!(amp|lt|gt|quot|apos|#\d+|#x[0-9a-f]+);)/i.test(text))
      throw new Error(`bad text at ${at}: ${text.slice(0, 40)}`);
    at = m.index + m[0].length;
    if (!m[2]) continue;
    if (m[1]) {
      const open = stack.pop()!;
      if (open.name !== m[2]) throw new Error(`</${m[2]}> closes <${open.name}>`);
      continue;
    }
    const attrs: Record<string, string> = {};
    for (const a of m[3]!.matchAll(/([\w:.-]+)="([^"]*)"/g)) {
      if (a[1]! in attrs) throw new Error(`duplicate attribute ${a[1]}`);
      attrs[a[1]!] = a[2]!
        .replace(/&quot;/g, '"')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&amp;/g, '&');
    }
    const el: El = { name: m[2], attrs, children: [] };
    stack[stack.length - 1]!.children.push(el);
    if (!m[4]) stack.push(el);
  }
  if (stack.length !== 1) throw new Error(`unclosed <${stack[stack.length - 1]!.name}>`);
  if (body.slice(at).trim()) throw new Error('content after the root');
  if (root.children.length !== 1) throw new Error('not one root element');
  return root.children[0]!;
}

// ---------------------------------------------------------------------------

describe('fixtures/jinzhong: three months in one run', () => {
  let json: { code: number; out: string; err: string };
  let doc: JBatch;
  /** The same run with --detail full (schemaVersion 1): every ranking row and item in full. */
  let full: JBatch;
  beforeAll(async () => {
    json = await run([J, '--format', 'json']);
    doc = JSON.parse(json.out) as JBatch;
    full = JSON.parse((await run([J, '--format', 'json', '--detail', 'full'])).out) as JBatch;
  });

  it('a batch of 33 assessments over the three months, exit 1 (some fail), nothing on stderr', () => {
    expect(json.code).toBe(1);
    expect(json.err).toBe('');
    expect(doc.kind).toBe('batch');
    // 2: the default summary (docs/batch-json.md); --detail full is schemaVersion 1.
    expect(doc.schemaVersion).toBe(2);
    expect(doc.scheme.id).toBe('jsyzfw-2008');
    expect(doc.periods).toEqual(MONTHS);
    expect(doc.assessments).toHaveLength(33);
    expect(doc.summary).toEqual({ assessments: 33, passed: 9, failed: 24, withErrors: 0, exitCode: 1 });
    expect(doc.findings).toEqual([]);
  });

  it('assessments: ordered by period then rank, one unit each, sources are the month folders', () => {
    expect(doc.assessments.map((a) => a.period)).toEqual(MONTHS.flatMap((m) => Array<string>(11).fill(m)));
    for (const a of doc.assessments) {
      expect(a.units).toHaveLength(1);
      expect(a.units[0]!.level).toBe('county');
      expect(a.source).toBe(`${J}/${a.period}`);
    }
    for (const m of MONTHS) {
      const ranks = doc.assessments.filter((a) => a.period === m).map((a) => a.units[0]!.rank);
      expect(ranks).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      expect(doc.assessments.filter((a) => a.period === m).every((a) => a.units[0]!.of === 11)).toBe(true);
    }
  });

  it('the keys of the contract (docs/batch-json.md): each assessment names its source, each source has its data once', () => {
    expect(Object.keys(doc)).toEqual(
      expect.arrayContaining([
        'schemaVersion',
        'kind',
        'scheme',
        'periods',
        'summary',
        'rankings',
        'assessments',
        'sources',
        'findings',
      ]),
    );
    for (const a of doc.assessments)
      expect(Object.keys(a)).toEqual(expect.arrayContaining(['period', 'source', 'exitCode', 'units', 'actions']));
    expect(doc.sources.map((s) => [s.source, s.period])).toEqual(MONTHS.map((m) => [`${J}/${m}`, m]));
    for (const s of doc.sources) expect(s.data).toMatchObject({ read: 128, used: 128, rejected: 0, findings: [] });
    for (const a of doc.assessments)
      expect(doc.sources.some((s) => s.source === a.source && s.period === a.period)).toBe(true);
    expect(doc.assessments.map((a) => a.exitCode)).toEqual(doc.assessments.map((a) => (a.units[0]!.passed ? 0 : 1)));
  });

  it('scores and ranks are those of fixtures/jinzhong/README.md', () => {
    for (const [k, m] of MONTHS.entries()) {
      const got = Object.fromEntries(
        doc.assessments
          .filter((a) => a.period === m)
          .map((a) => [a.units[0]!.name, [round2(a.units[0]!.scaled), a.units[0]!.rank]]),
      );
      const want = Object.fromEntries(Object.entries(README).map(([name, r]) => [name, r.scores[k]]));
      expect(got).toEqual(want);
    }
    expect(doc.assessments.every((a) => README[a.units[0]!.name]!.code === a.units[0]!.key)).toBe(true);
  });

  it('rankings agree with the assessments: one per period, ranks 1..11, same scores', () => {
    expect(doc.rankings.map((r) => r.period)).toEqual(MONTHS);
    for (const r of doc.rankings) {
      expect(r.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
      const mine = doc.assessments.filter((a) => a.period === r.period).map((a) => a.units[0]!);
      expect(r.units.map((u) => [u.key, u.name, u.rank, u.of, u.scaled, u.passed])).toEqual(
        mine.map((u) => [u.key, u.name, u.rank, u.of, u.scaled, u.passed]),
      );
    }
  });

  it('2026-07: 榆社县 is vetoed (sex ratio) and last; no veto in the other months', () => {
    const july = doc.rankings[0]!;
    expect(july.units.filter((u) => u.vetoed).map((u) => u.name)).toEqual(['榆社县']);
    expect(july.units[10]).toMatchObject({ name: '榆社县', rank: 11, of: 11, vetoed: true, passed: false });
    const yushe = doc.assessments.find((a) => a.period === '2026-07' && a.units[0]!.name === '榆社县')!;
    expect(yushe.units[0]!.vetoes.filter((v) => v.triggered).map((v) => v.id)).toEqual(['veto_sex_ratio']);
    expect(yushe.exitCode).toBe(1);
    expect(doc.rankings.slice(1).every((r) => r.units.every((u) => !u.vetoed))).toBe(true);
  });

  it('per item rankings: every item of the scheme, ranks consistent with points, 榆社县 last on 出生人口性别比 in 2026-07', () => {
    // The summary's rows are each county's key and rank (its points are in its item); --detail full's rows in full.
    expect(doc.rankings.map((r) => r.items.map((i) => i.units.map((u) => [u.key, u.rank])))).toEqual(
      full.rankings.map((r) => r.items.map((i) => i.units.map((u) => [u.key, u.rank]))),
    );
    for (const r of full.rankings) {
      expect(r.items.length).toBe(doc.assessments[0]!.units[0]!.items.length);
      for (const i of r.items) {
        expect(i.units).toHaveLength(11);
        for (let k = 1; k < i.units.length; k++) {
          const [a, b] = [i.units[k - 1]!, i.units[k]!];
          expect(a.rank).toBeLessThanOrEqual(b.rank);
          if (a.rank < b.rank && b.status !== 'missing' && b.status !== 'invalid')
            expect(a.points).toBeGreaterThanOrEqual(b.points);
          if (a.rank === b.rank) expect([a.points, a.gap]).toEqual([b.points, b.gap]);
        }
      }
    }
    const sex = full.rankings[0]!.items.find((i) => i.id === 'xbb_ratio')!;
    expect(sex.title).toBe('出生人口性别比');
    expect(sex.units[10]).toMatchObject({ name: '榆社县', rank: 11, of: 11, display: '121.57' });
    // Same points (2 of 6): the smaller gap ranks first.
    const two = sex.units.filter((x) => x.points === 2);
    expect(two.length).toBeGreaterThan(1);
    expect(two.map((x) => x.gap)).toEqual([...two.map((x) => x.gap)].sort((a, b) => a! - b!));
    // In 2026-09 the best on the sex ratio is 介休市 (108.12).
    expect(full.rankings[2]!.items.find((i) => i.id === 'xbb_ratio')!.units[0]).toMatchObject({
      name: '介休市',
      rank: 1,
      display: '108.12',
    });
  });

  it('--fail-on never: exit 0', async () => {
    expect((await run([J, '--format', 'json', '--fail-on', 'never'])).code).toBe(0);
  });

  it('--fail-on veto: exit 1 because of the veto in 2026-07, 0 without that month', async () => {
    expect((await run([J, '--format', 'json', '--fail-on', 'veto'])).code).toBe(1);
    expect((await run([`${J}/2026-08`, `${J}/2026-09`, '--format', 'json', '--fail-on', 'veto'])).code).toBe(0);
  });

  it('--format junit: well-formed; the newest period only, one suite per unit × section plus the vetoes; names start with the period', async () => {
    const r = await run([J, '--format', 'junit']);
    expect(r.code).toBe(1);
    const root = parseXml(r.out);
    expect(root.name).toBe('testsuites');
    expect(root.children.every((s) => s.name === 'testsuite')).toBe(true);
    // First the gates: the exit code counts the earlier months, so they have a test case.
    const [gates, ...suites] = root.children;
    expect(gates!.attrs).toMatchObject({ name: 'Gates', tests: '1', failures: '1' });
    expect(gates!.children[0]!.attrs.name).toBe('--fail-on fail (earlier periods)');
    const newest = full.assessments.filter((a) => a.period === '2026-09');
    const want = newest.reduce((n, a) => n + 1 + new Set(a.units[0]!.items.map((i) => i.section)).size, 0);
    expect(suites).toHaveLength(want);
    expect(want).toBe(11 * 10);
    for (const s of suites) expect(s.attrs.name).toMatch(/^2026-09 \/ \S+ \/ /);
    const cases = suites.flatMap((s) => s.children.filter((c) => c.name === 'testcase'));
    expect(Number(root.attrs.tests)).toBe(cases.length + 1);
    // No veto in September (榆社县's was in July, which CI does not see again).
    expect(root.attrs.errors).toBe('0');
  });

  it("--format junit: a test case is not repeated across periods (classname + name unique, as the suites' package is)", async () => {
    const r = await run([J, '--format', 'junit']);
    const cases = parseXml(r.out).children.flatMap((s) =>
      s.children.filter((c) => c.name === 'testcase').map((c) => `${c.attrs.classname} ${c.attrs.name}`),
    );
    expect(new Set(cases).size).toBe(cases.length);
  });

  it('--format csv: a Period first column, one row per unit × item; 33 × 28 county rows', async () => {
    const r = await run([J, '--format', 'csv']);
    expect(r.code).toBe(1);
    expect(r.out.startsWith('\ufeff')).toBe(true);
    const rows = parseCsv(r.out.slice(1), { relaxColumnCount: false });
    const head = rows[0]!;
    expect(head[0]).toBe('Period');
    expect(head.slice(1, 3)).toEqual(['Level', 'Unit key']);
    const body = rows.slice(1);
    const count = (u: JUnit): number => u.items.length + u.children.reduce((n, c) => n + count(c), 0);
    expect(body).toHaveLength(doc.assessments.reduce((n, a) => n + count(a.units[0]!), 0));
    const county = body.filter((x) => x[1] === '县');
    expect(county).toHaveLength(33 * 28);
    expect(new Set(body.map((x) => x[0]))).toEqual(new Set(MONTHS));
    for (const m of MONTHS) expect(county.filter((x) => x[0] === m)).toHaveLength(11 * 28);
    const zh = await run([J, '--format', 'csv', '--lang', 'zh']);
    expect(zh.out.slice(1).split('\r\n')[0]!.split(',')[0]).toBe('期间');
  });

  it('--format md: the ranking of the newest month and the score-by-period table', async () => {
    const r = await run([J, '--format', 'md']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^33 assessments: 11 县 × 3 periods; 9 passed, 24 failed$/m);
    expect(r.out).toMatch(/^## Ranking of 县, 2026-09$/m);
    expect(r.out).toMatch(/^\| 1\/11 \| 介休市 \| 97\.68 \| PASS \|/m);
    expect(r.out).toMatch(/^\| 11\/11 \| 榆社县 \| 80\.82 \| FAIL \|/m);
    expect(r.out).toMatch(/^## Score by period \(rank\)$/m);
    expect(r.out).toMatch(/^\| {2}\| 2026-07 \| 2026-08 \| 2026-09 \|$/m);
    expect(r.out).toMatch(/^\| 榆社县 \| 80\.21 \(11\) ✗ \| 80\.71 \(11\) \| 80\.82 \(11\) \|$/m);
    expect(r.out).toMatch(/^\| 左权县 \| 84\.16 \(8\) \| 81\.46 \(10\) \| 83\.86 \(10\) \|$/m);
  });

  it('--format html: one self-contained page with the ranking and the score-by-period table', async () => {
    const r = await run([J, '--format', 'html']);
    expect(r.code).toBe(1);
    expect(r.out).toMatch(/^<!DOCTYPE html>/);
    expect(r.out).not.toMatch(/<script|<link /);
    expect(r.out).toContain('data-part="batch-ranking"');
    expect(r.out).toContain('<h2>Ranking of 县, 2026-09</h2>');
    expect(r.out).toMatch(/<tr><td class="num">11\/11<\/td><td class="unit">榆社县<\/td><td class="num">80\.82<\/td>/);
    expect(r.out).toContain('data-part="batch-periods"');
    expect(r.out).toContain('<th class="num">2026-07</th><th class="num">2026-08</th><th class="num">2026-09</th>');
    expect(r.out).toContain(
      '<tr><td class="unit">榆社县</td><td class="num">80.21 (11) ✗</td><td class="num">80.71 (11)</td><td class="num">80.82 (11)</td></tr>',
    );
  });

  it('the terminal table: the ranking, the months, no findings', async () => {
    const r = await run([J]);
    expect(r.code).toBe(1);
    expect(r.err).toBe('');
    expect(r.out).toMatch(/Ranking of 县, 2026-09:/);
    expect(r.out).toMatch(/│ 11\/11 │ 榆社县 +│ 80\.82 /);
    expect(r.out).toMatch(/│ 榆社县 +│ 80\.21 \(11\) ✗ +│ 80\.71 \(11\) +│ 80\.82 \(11\) +│/);
    expect(r.out).toMatch(/Data: 0 errors, 0 warnings/);
  });

  it('two runs give byte-identical output in every format', async () => {
    // A small city cut from the fixture (4 counties × 2 months, 8 assessments instead of 33)
    // keeps what matters for determinism: several periods, ranks that change between months,
    // a failed county, county-level and township rows; twelve runs of it stay cheap.
    const dir = path.join(T, 'small');
    const keep = new Set(['榆次区', '榆社县', '祁县', '介休市']);
    for (const m of ['2026-07', '2026-08']) {
      fs.mkdirSync(path.join(dir, m), { recursive: true });
      for (const f of ['townships.csv', 'county.csv']) {
        // Lines kept as bytes (latin1 round-trips them): 2026-08 is GBK and stays GBK.
        const bytes = fs.readFileSync(path.join(ROOT, J, m, f));
        const enc = m === '2026-08' ? 'gb18030' : 'utf-8';
        const [head, ...rows] = bytes.toString('latin1').split('\n').filter(Boolean);
        const county = (l: string) => new TextDecoder(enc).decode(Buffer.from(l, 'latin1')).split(',')[0]!;
        const kept = rows.filter((l) => keep.has(county(l)));
        expect(new Set(kept.map(county)).size).toBe(4);
        fs.writeFileSync(path.join(dir, m, f), Buffer.from(`${[head, ...kept].join('\n')}\n`, 'latin1'));
      }
    }
    for (const f of ['table', 'json', 'md', 'html', 'junit', 'csv']) {
      const a = await run([dir, '--format', f]);
      const b = await run([dir, '--format', f]);
      expect(a.out.length).toBeGreaterThan(1000);
      expect(b.out, f).toBe(a.out);
      if (f === 'json') {
        const j = JSON.parse(a.out) as JBatch;
        expect(j.summary.assessments).toBe(8);
        expect(j.rankings.map((r) => r.units.map((u) => `${u.name} ${u.rank}`))).toEqual([
          ['介休市 1', '榆次区 2', '祁县 3', '榆社县 4'],
          ['榆次区 1', '介休市 2', '祁县 3', '榆社县 4'],
        ]);
      }
    }
  });
});

describe('--output-dir', () => {
  let r: { code: number; out: string; err: string; io: Io };
  const files = () => [...r.io.written.keys()].map((k) => path.relative(ROOT, k).split(path.sep).join('/'));
  const text = (rel: string) => asText(r.io.written.get(path.join(ROOT, rel)));
  beforeAll(async () => {
    r = await run([J, '--output-dir', 'out/city']);
  });

  it('writes one JSON and one HTML per county and month, and summary.json and summary.html', () => {
    expect(r.code).toBe(1);
    expect(r.out).toBe('');
    expect(r.err).toBe('wrote out/city: 33 reports and the summary\n');
    const want = MONTHS.flatMap((m) =>
      Object.keys(README).flatMap((c) => [`out/city/${m}/${c}.json`, `out/city/${m}/${c}.html`]),
    );
    expect(files().sort()).toEqual([...want, 'out/city/summary.json', 'out/city/summary.html'].sort());
  });

  it('each unit file is the single report of that county and month, ranked among the 11', () => {
    const one = JSON.parse(text('out/city/2026-07/榆社县.json')) as { kind?: string; period: string; units: JUnit[] };
    expect(one.kind).toBeUndefined();
    expect(one.period).toBe('2026-07');
    expect(one.units).toHaveLength(1);
    expect(one.units[0]).toMatchObject({ name: '榆社县', rank: 11, of: 11 });
    const summary = JSON.parse(text('out/city/summary.json')) as JBatch;
    expect(summary.kind).toBe('batch');
    expect(summary.assessments).toHaveLength(33);
    for (const a of summary.assessments) {
      const own = JSON.parse(text(`out/city/${a.period}/${a.units[0]!.name}.json`)) as { units: JUnit[] };
      expect([own.units[0]!.key, own.units[0]!.scaled, own.units[0]!.rank]).toEqual([
        a.units[0]!.key,
        a.units[0]!.scaled,
        a.units[0]!.rank,
      ]);
    }
  });

  it('summary.html links to every county page, and every link resolves to a written file', () => {
    const html = text('out/city/summary.html');
    const links = [...html.matchAll(/href="([^"]+)"/g)].map((m) => decodeURI(m[1]!));
    expect(new Set(links)).toEqual(new Set(MONTHS.flatMap((m) => Object.keys(README).map((c) => `${m}/${c}.html`))));
    for (const l of links) expect(r.io.written.has(path.join(ROOT, 'out/city', l))).toBe(true);
  });

  it('--quiet: nothing on stderr', async () => {
    const q = await run([J, '--output-dir', 'out/city', '--quiet']);
    expect(q.code).toBe(1);
    expect(q.err).toBe('');
    expect(q.io.written.size).toBe(68);
  });
});

// ---------------------------------------------------------------------------
// Folder trees made from the fixture.

let T = '';

/** Splits one month of fixtures/jinzhong (UTF-8) into one folder per county: <dir>/<county>/{townships,county}.csv. */
function splitMonth(month: string, dir: string, transform: (line: string, header: boolean) => string = (l) => l): void {
  for (const f of ['townships.csv', 'county.csv']) {
    const lines = fs
      .readFileSync(path.join(ROOT, J, month, f), 'utf8')
      .split('\n')
      .filter(Boolean);
    const byCounty = new Map<string, string[]>();
    for (const l of lines.slice(1)) byCounty.set(l.split(',')[0]!, [...(byCounty.get(l.split(',')[0]!) ?? []), l]);
    for (const [c, ls] of byCounty) {
      fs.mkdirSync(path.join(dir, c), { recursive: true });
      fs.writeFileSync(
        path.join(dir, c, f),
        `${[transform(lines[0]!, true), ...ls.map((l) => transform(l, false))].join('\n')}\n`,
      );
    }
  }
}

beforeAll(() => {
  T = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-batch-'));
  splitMonth('2026-09', path.join(T, 'split', '2026-09'));
  // The same county (fixtures/xiyang) under two month names.
  for (const m of ['2026-08', '2026-09'])
    fs.cpSync(path.join(ROOT, 'fixtures/xiyang'), path.join(T, 'dup', m, '昔阳县'), { recursive: true });
  // One month with an extra column nobody knows (a warning in every county).
  fs.mkdirSync(path.join(T, 'warn', '2026-09'), { recursive: true });
  for (const f of ['townships.csv', 'county.csv']) {
    const lines = fs
      .readFileSync(path.join(ROOT, J, '2026-09', f), 'utf8')
      .split('\n')
      .filter(Boolean);
    fs.writeFileSync(
      path.join(T, 'warn', '2026-09', f),
      `${lines.map((l, k) => `${l},${k === 0 ? '备注' : ''}`).join('\n')}\n`,
    );
  }
  // Per county, with one county unreadable and one whose rows are all rejected.
  splitMonth('2026-09', path.join(T, 'broken', '2026-09'));
  fs.mkdirSync(path.join(T, 'broken', '2026-09', '坏县'));
  const head = fs.readFileSync(path.join(ROOT, J, '2026-09', 'townships.csv'), 'utf8').split('\n')[0]!;
  // Two cells more than the header on every row: each row is rejected (values shifted).
  const shifted = (town: string) => ['坏县', town, ...Array<string>(head.split(',').length).fill('1')].join(',');
  fs.writeFileSync(
    path.join(T, 'broken', '2026-09', '坏县', 'townships.csv'),
    `${head}\n${shifted('甲镇')}\n${shifted('乙镇')}\n`,
  );
});

afterAll(() => {
  if (T) fs.rmSync(T, { recursive: true, force: true });
});

describe('one folder per county', () => {
  it('11 jobs of 2026-09 score and rank as the month file with a county column', async () => {
    const split = await run(['split', '--format', 'json'], { cwd: T });
    const month = await run([`${J}/2026-09`, '--format', 'json']);
    expect(split.code).toBe(1);
    const a = JSON.parse(split.out) as JBatch;
    const b = JSON.parse(month.out) as JBatch;
    expect(a.periods).toEqual(['2026-09']);
    expect(a.assessments.map((x) => x.source)).toEqual(a.assessments.map((x) => `split/2026-09/${x.units[0]!.name}`));
    expect(a.rankings).toEqual(b.rankings);
  });

  it('a progress bar on stderr only when stderr is a terminal; stdout stays clean', async () => {
    const tty = await run(['split', '--format', 'json'], { cwd: T, tty: true });
    expect(tty.code).toBe(1);
    expect(tty.err).toContain('\r\u001b[K[');
    expect(tty.err).toMatch(/\] 1\/11 /);
    expect(tty.err).toMatch(/\] 11\/11 2026-09 split\/2026-09\//);
    expect(tty.err.endsWith('\r\u001b[K')).toBe(true);
    expect(tty.out).not.toContain('\r');
    expect(tty.out).not.toContain('\u001b');
    expect(() => JSON.parse(tty.out)).not.toThrow();
    const pipe = await run(['split', '--format', 'json'], { cwd: T, tty: false });
    expect(pipe.err).toBe('');
    expect(pipe.out).toBe(tty.out);
    const quiet = await run(['split', '--format', 'json', '--quiet'], { cwd: T, tty: true });
    expect(quiet.err).toBe('');
  });
});

describe('--quiet', () => {
  it('with -o: nothing on stderr (no "wrote", no warnings); without it both are said', async () => {
    const loud = await run(['warn', '-o', 'out/s.json', '-o', 'out/s.html'], { cwd: T });
    expect(loud.code).toBe(1);
    expect(loud.err).toMatch(/^wrote out\/s\.json$/m);
    expect(loud.err).toMatch(/warning: column "备注" matches no field/);
    const quiet = await run(['warn', '-o', 'out/s.json', '-o', 'out/s.html', '--quiet'], { cwd: T });
    expect(quiet.code).toBe(1);
    expect(quiet.err).toBe('');
    expect(quiet.out).toBe('');
    expect([...quiet.io.written.keys()].map((k) => path.relative(T, k))).toEqual(['out/s.json', 'out/s.html']);
    expect((JSON.parse(asText(quiet.io.written.get(path.join(T, 'out/s.json')))) as JBatch).assessments).toHaveLength(
      11,
    );
  });

  it('still says errors', async () => {
    const r = await run(['dup', '--period', '2026-09', '-o', 'out/s.json', '--quiet'], { cwd: T });
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/error: "昔阳县" \(2026-09\) is also assessed from dup\/2026-08\/昔阳县/);
    expect(r.err).not.toMatch(/wrote|warning|note/);
  });
});

describe('the same county twice in one period', () => {
  it('two month folders forced to one --period: a duplicate error, exit 2', async () => {
    const r = await run(['dup', '--period', '2026-09', '--format', 'json'], { cwd: T });
    expect(r.code).toBe(2);
    const d = JSON.parse(r.out) as JBatch;
    expect(d.periods).toEqual(['2026-09']);
    expect(d.findings.map((f) => [f.severity, f.code, f.file])).toEqual([
      ['error', 'batch/duplicate-unit', 'dup/2026-09/昔阳县'],
    ]);
    expect(d.summary.exitCode).toBe(2);
    expect(r.err).toMatch(
      /^dup\/2026-09\/昔阳县: error: "昔阳县" \(2026-09\) is also assessed from dup\/2026-08\/昔阳县; one period of one unit must come from one place \(this one is not ranked\)$/m,
    );
    // Only the first is assessed, ranked and counted.
    expect(d.assessments.map((a) => a.source)).toEqual(['dup/2026-08/昔阳县']);
    expect(d.summary.assessments).toBe(1);
    expect(d.rankings[0]!.units.map((u) => [u.rank, u.of])).toEqual([[1, 1]]);
  });

  it('without --period the two months are two assessments and no error', async () => {
    const r = await run(['dup', '--format', 'json'], { cwd: T });
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out) as JBatch;
    expect(d.periods).toEqual(['2026-08', '2026-09']);
    expect(d.findings).toEqual([]);
    expect(d.assessments.map((a) => [a.period, a.units[0]!.name, a.units[0]!.rank, a.units[0]!.of])).toEqual([
      ['2026-08', '昔阳县', 1, 1],
      ['2026-09', '昔阳县', 1, 1],
    ]);
  });

  it('two month folders of the fixture forced to one period: every county is a duplicate', async () => {
    const r = await run([`${J}/2026-08`, `${J}/2026-09`, '--period', '2026-09', '--format', 'json']);
    expect(r.code).toBe(2);
    const d = JSON.parse(r.out) as JBatch;
    expect(d.findings.filter((f) => f.code === 'batch/duplicate-unit')).toHaveLength(11);
  });
});

describe('one month, one county', () => {
  it('fixtures/jinzhong/2026-09 alone: a batch of 11 from one file with a county column, ranked as in the README', async () => {
    const r = await run([`${J}/2026-09`, '--format', 'json']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out) as JBatch;
    expect(d.kind).toBe('batch');
    expect(d.periods).toEqual(['2026-09']);
    expect(d.assessments).toHaveLength(11);
    expect(
      d.assessments.every((a) => a.units.length === 1 && a.source === `${J}/2026-09` && a.period === '2026-09'),
    ).toBe(true);
    expect(Object.fromEntries(d.rankings[0]!.units.map((u) => [u.name, [round2(u.scaled), u.rank]]))).toEqual(
      Object.fromEntries(Object.entries(README).map(([c, x]) => [c, x.scores[2]])),
    );
    expect(d.summary).toMatchObject({ assessments: 11, passed: 4, failed: 7, exitCode: 1 });
  });

  it('fixtures/xiyang alone: still the single report, byte for byte tests/golden/xiyang.en.json', async () => {
    const r = await run(['fixtures/xiyang', '--format', 'json', '--lang', 'en']);
    expect(r.code).toBe(1);
    const d = JSON.parse(r.out) as Record<string, unknown>;
    expect(d.kind).toBeUndefined();
    expect(d.units).toHaveLength(1);
    expect(r.out).toBe(fs.readFileSync(path.join(ROOT, 'tests/golden/xiyang.en.json'), 'utf8'));
  });
});

describe('a job that fails does not stop the others', () => {
  const unreadable = (p: string, read: (p: string) => Uint8Array) => {
    if (p.endsWith(path.join('昔阳县', 'townships.csv')))
      throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
    return read(p);
  };

  it('an unreadable file and a folder whose rows are all rejected: exit 2, the other 10 counties scored and ranked', async () => {
    const r = await run(['broken', '--format', 'json'], { cwd: T, readFile: unreadable });
    expect(r.code).toBe(2);
    const d = JSON.parse(r.out) as JBatch;
    const names = d.assessments.map((a) => a.units[0]!.name);
    expect(names.sort()).toEqual(
      Object.keys(README)
        .filter((c) => c !== '昔阳县')
        .sort(),
    );
    expect(d.rankings[0]!.units.map((u) => u.rank)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    expect(d.rankings[0]!.units.every((u) => u.of === 10)).toBe(true);
    expect(d.summary.exitCode).toBe(2);
    const errors = d.findings.filter((f) => f.severity === 'error');
    expect(errors.some((f) => f.code === 'data/unreadable' && f.file === 'broken/2026-09/昔阳县/townships.csv')).toBe(
      true,
    );
    expect(errors.some((f) => f.file?.startsWith('broken/2026-09/坏县'))).toBe(true);
    expect(r.err).toMatch(/broken\/2026-09\/昔阳县\/townships\.csv:1:1: error: cannot read the file \(EACCES\)/);
    expect(r.err).toMatch(/broken\/2026-09\/坏县/);
  });

  it('the terminal table lists those errors too', async () => {
    const r = await run(['broken'], { cwd: T, readFile: unreadable });
    expect(r.code).toBe(2);
    expect(r.out).toMatch(/10 assessments: 10 县 × 1 period/);
    expect(r.out).toMatch(/cannot read the file \(EACCES\)/);
    expect(r.out).toMatch(/坏县/);
  });
});
