/**
 * Issue #11 point 6: words that read like code. Where a person reads (table,
 * Markdown, HTML, CSV, xlsx) a veto says what it saw (`出生人口性别比 125 > 120`),
 * yes/no values are 是/否, targets print ≥/≤; the JSON and `explain` keep the
 * formulas. Also: the batch table's rank column does not wrap `10/280`, the trend
 * chart's pass-line label never covers a value label, and the small charts have a scale.
 */
import { describe, expect, it } from 'vitest';
import type { Batch } from '../../src/batch/types';
import { formatBatchTable } from '../../src/report/batch/table';
import { formatCsv } from '../../src/report/single/csv';
import { formatHtml } from '../../src/report/single/html';
import { formatJson } from '../../src/report/single/json';
import { formatMarkdown } from '../../src/report/single/markdown';
import { formatTable } from '../../src/report/single/table';
import { lineChart, miniChart, passLabelPlace, type LineChartSpec } from '../../src/report/trend/svg';
import { textPx } from '../../src/report/shared/svg';
import { vetoPlain } from '../../src/report/shared/plain';
import { assess, scheme } from '../support';

const SCHEME = scheme(`
id: p
title: P
version: 1
total: 10
pass: 6
units:
  - { id: township, title: 乡镇, name: [乡镇] }
  - { id: county, title: 县, name: [县] }
fields:
  - { id: boys, label: 出生男婴, type: count }
  - { id: girls, label: 出生女婴, type: count }
  - { id: survey, label: 调查出生数, type: count, scope: county }
  - { id: fake, label: 严重弄虚作假, type: boolean, scope: county }
params:
  - { id: line, title: 否决线, value: 120 }
  - { id: err, title: 误差线, value: 7% }
sections:
  - id: s
    title: S
    points: 10
    items:
      - id: ratio
        title: 出生人口性别比
        points: 5
        formula: boys / girls * 100
        target: "<= 107"
        rule: { type: all }
        scope: county
      - id: honest
        title: 如实上报
        points: 5
        formula: not fake
        target: "== true"
        rule: { type: all }
        scope: county
vetoes:
  - { id: v_ratio, title: 性别比严重失调, when: boys / girls * 100 > line, scope: county }
  - { id: v_err, title: 统计误差过大, when: abs(survey - boys - girls) / survey > err }
  - { id: v_fake, title: 弄虚作假, when: fake }
`);

/** A county with 250 boys and 200 girls (ratio 125: the veto triggers), a survey of 460 births, no falsification. */
const county = () =>
  assess(
    SCHEME,
    ['c.csv', '县,调查出生数,严重弄虚作假\nC,460,否\n'],
    ['t.csv', '县,乡镇,出生男婴,出生女婴\nC,a,150,100\nC,b,100,100\n'],
  );

describe('vetoes in plain words', () => {
  it('say the name, the value and the relation that holds, and the rule with the line', () => {
    const u = county().units[0]!;
    const [ratio, err, fake] = u.vetoes;
    expect(vetoPlain(u, ratio!, 'zh')).toEqual({
      rule: '出生人口性别比 > 120',
      seen: '出生人口性别比 125 > 120',
      display: 'number',
    });
    // |460 − 450| / 460 = 2.17%: a quotient against a fraction is a rate, shown in percent.
    expect(vetoPlain(u, err!, 'zh')).toMatchObject({
      rule: 'abs(调查出生数 - 出生男婴 - 出生女婴) / 调查出生数 > 7%',
      seen: '2.17% ≤ 7%',
    });
    expect(vetoPlain(u, fake!, 'zh').seen).toBe('严重弄虚作假：否');
    expect(vetoPlain(u, fake!, 'en').seen).toBe('严重弄虚作假: no');
  });

  it('the table and Markdown name the triggered veto with what they saw; the HTML lists every veto so', () => {
    const a = county();
    const table = formatTable(a, { lang: 'zh', color: false, sort: 'lost' });
    expect(table).toContain('  ✗ 性别比严重失调：出生人口性别比 125 > 120');
    expect(table).not.toContain('250 / 200 * 100');
    expect(formatMarkdown(a, { lang: 'zh', sort: 'lost' })).toContain(
      '- ✗ 性别比严重失调：出生人口性别比 125 &gt; 120',
    );
    const html = formatHtml(a, { lang: 'zh', sort: 'lost' });
    expect(html).toContain(
      '<td>性别比严重失调</td><td>出生人口性别比 &gt; 120</td><td>出生人口性别比 125 &gt; 120</td>',
    );
    expect(html).toContain(
      '<td>统计误差过大</td><td>abs(调查出生数 - 出生男婴 - 出生女婴) / 调查出生数 &gt; 7%</td><td>2.17% ≤ 7%</td>',
    );
    expect(html).toContain('<td>严重弄虚作假：否</td>');
  });

  it('the JSON keeps the formulas and ✓/✗', () => {
    const doc = JSON.parse(formatJson(county(), { lang: 'zh' })) as {
      units: {
        vetoes: { condition: string; display: string }[];
        items: { id: string; display: string; target: string }[];
      }[];
    };
    expect(doc.units[0]!.vetoes[0]).toMatchObject({
      condition: '出生男婴 / 出生女婴 * 100 > 120',
      display: '250 / 200 * 100 > 120',
    });
    expect(doc.units[0]!.items.find((i) => i.id === 'honest')).toMatchObject({ display: '✓', target: '== true' });
  });
});

describe('values and targets', () => {
  it('yes/no values read 是/否 and targets ≤ in the table and the CSV; the CSV level is the scheme’s label', async () => {
    const a = county();
    const table = formatTable(a, { lang: 'zh', color: false, sort: 'scheme' });
    expect(table).toMatch(/│ 出生人口性别比 +│ 125 +│ ≤ 107 +│/);
    expect(table).toMatch(/│ 如实上报 +│ 是 +│/);
    const csv = (await formatCsv(a, { lang: 'zh' })) as string;
    const honest = csv.split('\r\n').find((l) => l.includes(',honest,'))!;
    expect(honest.startsWith('县,')).toBe(true);
    expect(honest).toContain(',TRUE,是,');
    expect(csv).toContain(',ratio,出生人口性别比,125,125,≤ 107,');
  });
});

describe('the batch table', () => {
  it('keeps a rank like 10/280 on one line', () => {
    const a = county();
    const u = a.units[0]!;
    const ranked = { ...u, rank: 10, of: 280 };
    const batch: Batch = {
      periods: ['2026-09'],
      entries: [{ period: '2026-09', source: 'x', assessment: { ...a, units: [ranked] }, exit: 1 }],
      rankings: [
        {
          period: '2026-09',
          units: [{ key: u.key, name: u.name, rank: 10, of: 280, scaled: u.scaled, passed: u.passed, vetoed: true }],
          items: [],
        },
      ],
      findings: [],
      exit: 1,
    };
    const out = formatBatchTable(batch, { lang: 'zh', color: false, verbose: false });
    const row = out.split('\n').find((l) => l.includes('10/2'))!;
    expect(row).toContain('│ 10/280 │');
    for (const l of out.split('\n')) expect([...l].length).toBeLessThanOrEqual(110);
  });
});

describe('trend charts', () => {
  const spec = (values: number[]): LineChartSpec => ({
    title: 't',
    kind: 'score',
    points: values.map((v, i) => ({ label: `2026-0${i + 7}`, value: v, valueLabel: String(v), tip: '' })),
    marker: { at: 90, label: '及格线 90' },
    end: 100,
  });
  const box = (x: number, y: number, w: number, end: boolean) => ({
    x0: end ? x - w : x,
    x1: end ? x : x + w,
    y0: y - 11,
    y1: y + 3,
  });

  it('the pass-line label covers no value label, also when the first month is just below the line', () => {
    for (const values of [
      [88, 91, 92],
      [89, 89.5, 91],
      [91, 88, 93],
      [88, 88.5, 89],
    ]) {
      const s = spec(values);
      const svg = lineChart(s, 'c');
      const m = /<text class="pass-label" x="([\d.]+)" y="([\d.]+)"( text-anchor="end")?/.exec(svg)!;
      const pass = box(Number(m[1]), Number(m[2]), textPx('及格线 90', 11), Boolean(m[3]));
      for (const v of svg.matchAll(/<text class="value-label" x="([\d.]+)" y="([\d.]+)"[^>]*>([^<]*)</g)) {
        const w = textPx(v[3]!, 11);
        const label = {
          x0: Number(v[1]) - w / 2,
          x1: Number(v[1]) + w / 2,
          y0: Number(v[2]) - 11,
          y1: Number(v[2]) + 3,
        };
        const overlap = pass.x0 < label.x1 && label.x0 < pass.x1 && pass.y0 < label.y1 && label.y0 < pass.y1;
        expect(overlap, `${values.join(',')}: ${v[3]}`).toBe(false);
      }
    }
    // Where nothing is in the way it stays where it was: left, under the line.
    expect(
      passLabelPlace(spec([60, 62, 61]), '及格线 90', 50, {
        left: 44,
        right: 656,
        x: (i) => 44 + i * 300,
        y: (v) => 200 - v,
      }),
    ).toEqual({ x: 48, y: 63, end: false });
  });

  it('a small section chart shows its scale: 0 and the full points', () => {
    const svg = miniChart(
      {
        title: 's',
        label: '优质服务',
        points: [
          { value: 10, tip: '' },
          { value: 12, tip: '' },
        ],
        end: 15,
        lastLabel: '12',
        trend: 'up',
      },
      'm',
    );
    const scale = [...svg.matchAll(/<text class="mini-scale"[^>]*>([^<]*)</g)].map((m) => m[1]);
    expect(scale).toEqual(['0', '15']);
  });
});
