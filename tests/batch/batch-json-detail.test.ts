/**
 * The batch JSON's --detail (docs/batch-json.md): the default summary (schemaVersion 2:
 * counties in full, the units below them compact) and `full` (schemaVersion 1, the
 * document as it was before the summary existed), on fixtures/jinzhong.
 */
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import { readReport } from '../../src/trend/read';
import { fakeIo, ROOT } from '../cli/fake-io';

const J = 'fixtures/jinzhong';
const SEP = `${J}/2026-09`;

async function score(args: string[]): Promise<{ code: number; out: string; err: string; files: Map<string, string> }> {
  const io = fakeIo();
  const code = await main(['score', ...args], io);
  const files = new Map(
    [...io.written].map(([k, v]) => [path.relative(ROOT, k), typeof v === 'string' ? v : new TextDecoder().decode(v)]),
  );
  return { code, out: io.out, err: io.err, files };
}

type Obj = Record<string, any>;

/** `o` without the keys named. */
const without = (o: object, ...keys: string[]): Obj =>
  Object.fromEntries(Object.entries(o).filter(([k]) => !keys.includes(k)));

const LONG_TEXTS = [
  'title',
  'display',
  'formula',
  'explanation',
  'remedy',
  'basis',
  'evidence',
  'target',
  'condition',
  'reason',
];

describe('batch JSON --detail', () => {
  let summaryText: string;
  let summary: Obj;
  let full: Obj;
  beforeAll(async () => {
    summaryText = (await score([SEP, '--format', 'json', '--fail-on', 'never'])).out;
    summary = JSON.parse(summaryText) as Obj;
    full = JSON.parse((await score([SEP, '--format', 'json', '--fail-on', 'never', '--detail', 'full'])).out) as Obj;
  });

  it('--detail full is the document of before --detail, byte for byte (sha-256 of the output of commit ea5402a, with one intended change)', async () => {
    // Three months: the trend section is in it too. The one change since ea5402a
    // (en 41b5c1d9…, zh a6f8fe05…), read as a diff: the 10 bonus items whose target holds
    // but earn 0 points say "status": "met", no longer "failed" (issue #11, point 5).
    const want = {
      en: '9a83f67e0acae83978ae5f3c9ef4a4a8cf7d6e301f22fd53daecc3d70651b895',
      zh: 'b62bd98d1e6eed9bf172a589d16532d1a3e524c08eb947ce54be8039351b4458',
    };
    for (const lang of ['en', 'zh'] as const) {
      const r = await score([J, '--format', 'json', '--lang', lang, '--detail', 'full']);
      expect(createHash('sha256').update(r.out).digest('hex')).toBe(want[lang]);
    }
  });

  it('the summary: schemaVersion 2, detail, itemFields and the shared texts first, then the keys of the full document in its order', () => {
    expect(full.schemaVersion).toBe(1);
    expect(full.detail).toBeUndefined();
    expect(summary).toMatchObject({
      schemaVersion: 2,
      kind: 'batch',
      detail: 'summary',
      itemFields: ['status', 'points', 'max', 'lost', 'value'],
    });
    expect(Object.keys(summary)).toEqual([
      'schemaVersion',
      'kind',
      'detail',
      'itemFields',
      'items',
      'vetoes',
      ...Object.keys(full).slice(2),
    ]);
    for (const k of ['scheme', 'periods', 'summary', 'sources', 'findings']) expect(summary[k]).toEqual(full[k]);
    // Rankings: the counties in full; per item each county's key and rank, `of` once.
    expect(summary.rankings.map((r: Obj) => r.units)).toEqual(full.rankings.map((r: Obj) => r.units));
    summary.rankings.forEach((r: Obj, i: number) =>
      r.items.forEach((it: Obj, k: number) => {
        const f = full.rankings[i].items[k] as Obj;
        expect(it).toEqual({
          id: f.id,
          title: f.title,
          bonus: f.bonus,
          of: f.units[0].of,
          units: f.units.map((u: Obj) => ({ key: u.key, rank: u.rank })),
        });
      }),
    );
  });

  it('the shared texts: one entry per item and veto, as every county of the full document shows them', () => {
    const county = full.assessments[0].units[0] as Obj;
    expect(Object.keys(summary.items)).toEqual(county.items.map((i: Obj) => i.id));
    expect(Object.keys(summary.vetoes)).toEqual(county.vetoes.map((v: Obj) => v.id));
    for (const a of full.assessments as Obj[])
      for (const i of a.units[0].items as Obj[]) {
        const { formulaText, ...texts } = summary.items[i.id] as Obj;
        expect(texts).toEqual({
          title: i.title,
          section: i.section,
          bonus: i.bonus,
          target: i.target,
          formula: i.formula,
          basis: i.basis,
          evidence: i.evidence,
        });
        if (i.explanation.includes(' = ')) expect(i.explanation.startsWith(`${formulaText} = `)).toBe(true);
      }
    expect(summary.items.rkkz_policy.formulaText).toMatch(/符合政策出生数|policy/);
  });

  /** A county's item of the summary with the shared texts put back: the full document's item. */
  const expand = (i: Obj): Obj => {
    const { formulaText, ...texts } = summary.items[i.id] as Obj;
    const explanation = i.explanation.startsWith('= ') ? `${formulaText} ${i.explanation}` : i.explanation;
    return { ...texts, remedy: null, zeroedBy: [], ...i, explanation };
  };

  it('each county: what varies per item and veto, the rest in the shared texts; nothing lost against the full document', () => {
    expect(summary.assessments).toHaveLength(11);
    let stripped = 0;
    summary.assessments.forEach((a: Obj, i: number) => {
      const f = full.assessments[i] as Obj;
      const u = a.units[0] as Obj;
      const fu = f.units[0] as Obj;
      const { items, vetoes } = u;
      const { items: fItems, vetoes: fVetoes } = fu;
      expect(without(u, 'items', 'vetoes', 'childItems', 'children')).toEqual(
        without(fu, 'items', 'vetoes', 'children'),
      );
      expect(items.map(expand)).toEqual(fItems);
      expect(vetoes.map((v: Obj) => ({ ...summary.vetoes[v.id], ...v }))).toEqual(fVetoes);
      for (const it of items as Obj[]) {
        expect(it).not.toHaveProperty('title');
        expect(it).not.toHaveProperty('basis');
        if (it.explanation.startsWith('= ')) stripped++;
      }
      expect(a.actions).toEqual(
        f.actions.filter((x: Obj) => x.level === 'county').map((x: Obj) => ({ item: x.item, gain: x.gain })),
      );
      expect(a.actions.length).toBeGreaterThan(0);
      expect([a.period, a.source, a.exitCode]).toEqual([f.period, f.source, f.exitCode]);
    });
    expect(stripped).toBeGreaterThan(100);
  });

  it('the townships: numbers and codes only, the same numbers as in full, their item ids once on the county', () => {
    let n = 0;
    summary.assessments.forEach((a: Obj, i: number) => {
      const towns = a.units[0].children as Obj[];
      const fulls = full.assessments[i].units[0].children as Obj[];
      expect(towns.map((t) => t.key)).toEqual(fulls.map((t) => t.key));
      expect(a.units[0].childItems).toEqual(fulls[0]!.items.map((x: Obj) => x.id));
      towns.forEach((t, k) => {
        const f = fulls[k]!;
        n++;
        expect(Object.keys(t)).toEqual([
          'level',
          'key',
          'code',
          'name',
          'score',
          'max',
          'scaled',
          'passed',
          'grade',
          'vetoed',
          'rank',
          'of',
          'items',
          'children',
        ]);
        for (const key of ['level', 'key', 'code', 'name', 'score', 'max', 'scaled', 'passed', 'grade', 'rank', 'of'])
          expect(t[key]).toEqual(f[key]);
        expect(t.vetoed).toBe(f.vetoes.some((v: Obj) => v.triggered));
        expect(f.items.map((x: Obj) => x.id)).toEqual(a.units[0].childItems);
        expect(t.items).toEqual(f.items.map((x: Obj) => [x.status, x.points, x.max, x.lost, x.value]));
        expect(JSON.stringify(t)).not.toMatch(new RegExp(`"(${LONG_TEXTS.join('|')})"`));
      });
    });
    expect(n).toBeGreaterThan(100);
  });

  it('one line per township, per item of a county and per ranking row; the full document has none such', () => {
    const town = summary.assessments[0].units[0].children[0] as Obj;
    expect(summaryText).toContain(`\n            ${JSON.stringify(town)}`);
    const item = summary.assessments[0].units[0].items[0] as Obj;
    expect(summaryText).toContain(`\n            ${JSON.stringify(item)}`);
    expect(summaryText).toContain(`\n        ${JSON.stringify(summary.rankings[0].units[0])}`);
    expect(summaryText.length).toBeLessThan(JSON.stringify(full, null, 2).length / 2);
  });

  it('the same document whether the batch drops the townships as it goes (JSON only) or keeps them (CSV too)', async () => {
    const lean = await score([SEP, '-o', 'out/s.json', '--quiet', '--fail-on', 'never']);
    const kept = await score([SEP, '-o', 'out/s.json', '-o', 'out/s.csv', '--quiet', '--fail-on', 'never']);
    expect(lean.files.get('out/s.json')).toBe(summaryText);
    expect(kept.files.get('out/s.json')).toBe(summaryText);
    expect(kept.files.get('out/s.csv')).toMatch(/乡|镇/);
  });

  it('a single county: the single JSON whatever --detail says (tests/golden/xiyang.en.json)', async () => {
    const golden = fs.readFileSync(path.join(ROOT, 'tests/golden/xiyang.en.json'), 'utf8');
    for (const d of ['summary', 'full'])
      expect((await score(['fixtures/xiyang', '--format', 'json', '--lang', 'en', '--detail', d])).out).toBe(golden);
  });

  it('a bad --detail: one line, exit 2, before any work, in English and Chinese', async () => {
    const en = await score([SEP, '--format', 'json', '--detail', 'fuller', '--lang', 'en']);
    expect([en.code, en.out, en.err]).toEqual([2, '', 'pinggu: --detail fuller: expected one of summary, full\n']);
    const zh = await score([SEP, '--format', 'json', '--detail', 'short', '--lang', 'zh']);
    expect([zh.code, zh.out, zh.err]).toEqual([2, '', 'pinggu: --detail short：应为 summary、full 之一\n']);
  });

  it('trend reads both: the same units, scores, ranks and item points from the summary as from the full document', () => {
    const s = readReport(summaryText, 's.json');
    const f = readReport(JSON.stringify(full), 'f.json');
    expect(s.kind).toBe('batch');
    expect(s.snapshots.map((x) => x.path.join('/'))).toEqual(f.snapshots.map((x) => x.path.join('/')));
    expect(s.snapshots.length).toBeGreaterThan(100);
    s.snapshots.forEach((x, i) => {
      const y = f.snapshots[i]!;
      expect([x.scaled.toString(), x.passed, x.grade, x.rank, x.of, x.vetoed, x.depth]).toEqual([
        y.scaled.toString(),
        y.passed,
        y.grade,
        y.rank,
        y.of,
        y.vetoed,
        y.depth,
      ]);
      expect([...x.items.keys()]).toEqual([...y.items.keys()]);
      for (const [id, it] of x.items) {
        const jt = y.items.get(id)!;
        // The words an item shows alike at every unit come from the county's item; `display` is the full document's only.
        const a = without(
          {
            ...it,
            points: it.points.toString(),
            max: it.max.toString(),
            lost: it.lost.toString(),
            value: String(it.value),
          },
          'display',
        );
        const b = without(
          {
            ...jt,
            points: jt.points.toString(),
            max: jt.max.toString(),
            lost: jt.lost.toString(),
            value: String(jt.value),
          },
          'display',
        );
        expect(a).toEqual(b);
        if (x.depth === 0) expect(it.display).toBe(jt.display);
      }
    });
  });

  it("trend: a unit whose items are not its parent's childItems names its own (itemIds)", () => {
    const doc = JSON.parse(summaryText) as Obj;
    const town = doc.assessments[0].units[0].children[0] as Obj;
    town.itemIds = [...doc.assessments[0].units[0].childItems].reverse();
    town.items = [...town.items].reverse();
    const snap = (r: ReturnType<typeof readReport>) => r.snapshots.find((x) => x.unitKey === town.key)!;
    const [a, b] = [snap(readReport(JSON.stringify(doc), 'a.json')), snap(readReport(summaryText, 'b.json'))];
    expect([...a.items.keys()]).toEqual([...b.items.keys()].reverse());
    for (const [id, it] of a.items)
      expect({ ...it, points: it.points.toString() }).toEqual({
        ...b.items.get(id)!,
        points: b.items.get(id)!.points.toString(),
      });
  });

  it('a compact item that is not an array of itemFields is one clear error', () => {
    const bad = JSON.parse(summaryText) as Obj;
    bad.assessments[0].units[0].children[0].items[0] = ['splendid', 1, 1, 0, 1];
    expect(() => readReport(JSON.stringify(bad), 'bad.json')).toThrow(/unknown status "splendid"/);
  });
});

describe('compare and --baseline over both kinds of batch JSON', () => {
  it('compare full → summary of the same run: every unit compared, nothing changed', async () => {
    const io = fakeIo();
    const dir = fs.mkdtempSync(path.join(tmpdir(), 'pinggu-detail-'));
    try {
      const a = await score([SEP, '--format', 'json', '--fail-on', 'never', '--detail', 'full']);
      const b = await score([SEP, '--format', 'json', '--fail-on', 'never']);
      fs.writeFileSync(path.join(dir, 'full.json'), a.out);
      fs.writeFileSync(path.join(dir, 'summary.json'), b.out);
      for (const [x, y] of [
        ['full.json', 'summary.json'],
        ['summary.json', 'full.json'],
      ]) {
        const code = await main(
          [
            'compare',
            path.join(dir, x!),
            path.join(dir, y!),
            '--format',
            'json',
            '--fail-on-regression',
            '0',
            '--fail-on-new-failure',
          ],
          io,
        );
        expect([code, io.err]).toEqual([0, '']);
        const units = (JSON.parse(io.out) as Obj).trend.units as Obj[];
        io.out = '';
        expect(units.filter((u) => u.depth === 1).length).toBeGreaterThan(100);
        expect(units.every((u) => u.side === 'compared' && u.diff.scaled === 0 && u.diff.items.length === 0)).toBe(
          true,
        );
      }
      // September against an August baseline of either kind: the townships are compared alike.
      const aug = {
        full: await score([`${J}/2026-08`, '--format', 'json', '--detail', 'full']),
        summary: await score([`${J}/2026-08`, '--format', 'json']),
      };
      const diffs: Record<string, unknown[]> = {};
      for (const k of ['full', 'summary'] as const) {
        fs.writeFileSync(path.join(dir, `aug-${k}.json`), aug[k].out);
        const c = await score([
          SEP,
          '--format',
          'json',
          '--fail-on',
          'never',
          '--baseline',
          path.join(dir, `aug-${k}.json`),
        ]);
        const units = ((JSON.parse(c.out) as Obj).trend as Obj).units as Obj[];
        expect(units.filter((u) => u.depth === 1 && u.side === 'compared').length).toBeGreaterThan(100);
        // The townships' item displays are the full document's only.
        diffs[k] = units.map((u) => [
          u.path,
          u.diff?.scaled,
          u.diff?.rank,
          u.diff?.items.map((i: Obj) => [i.id, i.points, i.value, i.change, i.schemeChanged]),
        ]);
      }
      expect(diffs.summary).toEqual(diffs.full);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
