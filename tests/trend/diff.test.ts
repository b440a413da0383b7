import { describe, expect, it } from 'vitest';
import { R } from '../../src/rational';
import { buildTrend } from '../../src/trend/diff';
import { gateTrend } from '../../src/trend/gate';
import { readReport } from '../../src/trend/read';
import { fixture, reports } from './support';

const read = (text: string, file = 'r.json') => readReport(text, file).snapshots;

describe('the trend between two runs of the sample', () => {
  it("names the item that lost points, by how much, and the unit's exact change in score", async () => {
    const { sample, worse } = await reports();
    const t = buildTrend([read(sample)], read(worse));
    expect(t.columns).toEqual([
      { period: null, side: 'history', index: 0 },
      { period: null, side: 'current', index: 0 },
    ]);
    const county = t.units[0]!;
    expect(county).toMatchObject({ name: '昔阳县', side: 'compared', depth: 0 });
    const d = county.diff!;
    expect(d.scaled.eq(R('-0.77763'))).toBe(true);
    expect(d.measure.eq(d.scaled)).toBe(true);
    expect(d.schemeChanged).toBe(false);
    expect(d.newlyFailing.map((i) => i.id)).toEqual(['yzfw_contraception']);
    const item = d.newlyFailing[0]!;
    expect(item.points!.eq(R('-0.777631'))).toBe(true);
    expect(item.value!.eq(R('-0.01103'))).toBe(true);
    expect(item.before).toMatchObject({ status: 'met', display: '85.33%' });
    expect(item.after).toMatchObject({ status: 'partial', display: '84.22%' });
    expect(d.newlyMet).toEqual([]);
    // An unearned bonus on both sides is no news.
    expect(d.items.find((i) => i.id === 'bonus_contraception')!.change).toBeNull();
    // The township that changed: score, rank (2 → 8) and its item.
    const town = t.units.find((u) => u.name === '乐平镇')!;
    expect(town.diff!.scaled.eq(R('90.146151').sub(R('95.788727')))).toBe(true);
    expect(town.diff!.rank).toBe(6);
    expect(town.diff!.newlyFailing[0]!.points!.eq(R('-3.441971'))).toBe(true);
    // The gate names the item and the points.
    const g = gateTrend(t, { regression: R(0), newFailure: true });
    expect(g.exitCode).toBe(1);
    expect(g.reasons).toHaveLength(2);
    expect(g.reasons[0]).toMatchObject({
      kind: 'regression',
      unit: '昔阳县',
      items: [{ item: 'yzfw_contraception', title: '综合避孕率' }],
    });
    expect(g.reasons[1]).toMatchObject({
      kind: 'new-failure',
      unit: '昔阳县',
      item: 'yzfw_contraception',
      before: 'met',
      after: 'partial',
    });
  });

  it('the other way round, the item is newly met', async () => {
    const { sample, worse } = await reports();
    const d = buildTrend([read(worse)], read(sample)).units[0]!.diff!;
    expect(d.newlyMet.map((i) => i.id)).toEqual(['yzfw_contraception']);
    expect(d.newlyFailing).toEqual([]);
    expect(d.scaled.eq(R('0.77763'))).toBe(true);
    expect(gateTrend(buildTrend([read(worse)], read(sample)), { regression: R(0), newFailure: true })).toEqual({
      exitCode: 0,
      reasons: [],
    });
  });

  it('the same report on both sides changes nothing', async () => {
    const { sample } = await reports();
    const t = buildTrend([read(sample)], read(sample));
    expect(
      t.units.every((u) => u.diff!.scaled.isZero() && u.diff!.items.every((i) => i.points!.isZero() && !i.change)),
    ).toBe(true);
  });
});

describe('periods', () => {
  it('a batch of Jul/Aug/Sep alone compares Sep with Aug, and keeps the whole series', () => {
    const t = buildTrend([], read(fixture('batch-q3.json')));
    expect(t.columns.map((c) => c.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    const [a, b] = t.units;
    expect(a).toMatchObject({ name: '甲县', side: 'compared' });
    expect(a!.series.map((p) => p.scaled.toDecimal())).toEqual(['100', '97.5', '94']);
    expect(a!.series[2]!.sections.map((s) => [s.id, s.points.toDecimal(), s.max.toDecimal()])).toEqual([
      ['s1', '70', '70'],
      ['s2', '24', '30'],
    ]);
    expect(a!.diff!.before.period).toBe('2026-08');
    expect(a!.diff!.after.period).toBe('2026-09');
    expect(a!.diff!.scaled.toDecimal()).toBe('-3.5');
    expect(a!.diff!.newlyFailing.map((i) => [i.id, i.points!.toDecimal()])).toEqual([['funds', '-6']]);
    expect(a!.diff!.newlyMet.map((i) => [i.id, i.points!.toDecimal()])).toEqual([['follow', '2.5']]);
    // Exact: 20.1 − 20 is 0.1, not 0.10000000000000142.
    const funds = b!.diff!.items.find((i) => i.id === 'funds')!;
    expect(funds.points!.toString()).toBe('1/10');
    expect(funds.value!.toString()).toBe('1/100');
    expect(b!.diff!.scaled.toString()).toBe('51/10');
  });

  it('a baseline with a period sorts by period; null periods: the baseline before the current run', () => {
    const june = read(fixture('june.json'));
    const t = buildTrend([june], read(fixture('batch-q3.json')));
    expect(t.columns.map((c) => c.period)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09']);
    expect(t.units[0]!.series).toHaveLength(4);
    expect(t.units[0]!.diff!.before.period).toBe('2026-08');
    // A county that was not in June is still compared within the batch; only the current run's newest counts.
    expect(t.units[1]!.series.map((p) => p.period)).toEqual(['2026-07', '2026-08', '2026-09']);
    // A baseline newer than the run is not "before" it.
    const late = JSON.parse(fixture('june.json'));
    late.period = '2026-12';
    const t2 = buildTrend([read(JSON.stringify(late))], read(fixture('batch-q3.json')));
    expect(t2.units[0]!.diff!.before.period).toBe('2026-08');
    expect(t2.columns.map((c) => c.period)).toEqual(['2026-07', '2026-08', '2026-09', '2026-12']);
  });

  it('units on one side only; matched by name when the key changed', () => {
    const before = JSON.parse(fixture('june.json'));
    before.units[0].key = 'old-key';
    const t = buildTrend([read(JSON.stringify(before))], read(fixture('batch-q3.json')));
    expect(t.units.map((u) => [u.name, u.side, u.series.length])).toEqual([
      ['甲县', 'compared', 4],
      ['乙区', 'compared', 3],
    ]);
    before.units[0].name = '丙县';
    const t2 = buildTrend([read(JSON.stringify(before))], read(fixture('batch-q3.json')));
    expect(t2.units.map((u) => [u.name, u.side])).toEqual([
      ['甲县', 'compared'],
      ['乙区', 'compared'],
      ['丙县', 'gone'],
    ]);
    const t3 = buildTrend([], read(fixture('june.json')));
    expect(t3.units.map((u) => [u.name, u.side, u.diff])).toEqual([['甲县', 'new', null]]);
  });
});

describe('scheme versions', () => {
  it('states what changed and keeps those items out of the regression measure', () => {
    const batch = JSON.parse(fixture('batch-q3.json'));
    const sep = JSON.parse(fixture('batch-q3.json'));
    sep.scheme.version = '2026.2';
    sep.assessments = sep.assessments.filter((a: { period: string }) => a.period === '2026-09');
    delete sep.rankings;
    for (const a of sep.assessments) {
      const funds = a.units[0].items.find((i: { id: string }) => i.id === 'funds');
      funds.target = '>= 95%';
      const cover = a.units[0].items.find((i: { id: string }) => i.id === 'cover');
      cover.formula = 'covered / population_all';
    }
    batch.assessments = batch.assessments.filter((a: { period: string }) => a.period === '2026-08');
    delete batch.rankings;
    const t = buildTrend([read(JSON.stringify(batch))], read(JSON.stringify(sep)));
    expect(t.schemes).toHaveLength(1);
    const s = t.schemes[0]!;
    expect(s.before).toMatchObject({ id: 'demo-2026', version: '2026.1' });
    expect(s.after).toMatchObject({ id: 'demo-2026', version: '2026.2' });
    expect(s.items.map((i) => [i.id, i.kind, i.fields])).toEqual([
      ['cover', 'changed', ['formula']],
      ['funds', 'changed', ['target']],
    ]);
    const d = t.units[0]!.diff!;
    expect(d.schemeChanged).toBe(true);
    expect(d.items.filter((i) => i.schemeChanged).map((i) => i.id)).toEqual(['cover', 'funds']);
    // 甲县 lost 6 on funds (scheme changed) and gained 2.5 on follow: the measure is +2.5, the gate passes.
    expect(d.scaled.toDecimal()).toBe('-3.5');
    expect(d.measure.toDecimal()).toBe('2.5');
    expect(gateTrend(t, { regression: R(0), newFailure: true }).reasons).toEqual([]);
  });

  it('an item added or removed, and its points changed', () => {
    const before = JSON.parse(fixture('june.json'));
    const after = JSON.parse(fixture('june.json'));
    after.scheme.version = '2026.2';
    const items = after.units[0].items;
    items[0].max = 35;
    items[0].points = 35;
    items[2].id = 'funds2';
    const s = buildTrend([read(JSON.stringify(before))], read(JSON.stringify(after))).schemes[0]!;
    expect(s.items.map((i) => [i.id, i.kind, i.fields])).toEqual([
      ['cover', 'changed', ['max']],
      ['funds2', 'added', []],
      ['funds', 'removed', []],
    ]);
    expect(s.items[0]!.before!.max!.toDecimal()).toBe('40');
    expect(s.items[0]!.after!.max!.toDecimal()).toBe('35');
  });

  it('a new scheme version with every item alike is still stated', () => {
    const after = JSON.parse(fixture('june.json'));
    after.scheme.version = '2026.2';
    const t = buildTrend([read(fixture('june.json'))], read(JSON.stringify(after)));
    expect(t.schemes.map((s) => [s.before.version, s.after.version, s.items.length])).toEqual([
      ['2026.1', '2026.2', 0],
    ]);
    expect(t.units[0]!.diff!.schemeChanged).toBe(false);
  });
});
